import Foundation
import Testing

@testable import EBMatch

/// Seeded random patterns and events, covering every operator, judged three ways: the compiled
/// matcher, a `RuleSet` holding the pattern (whole and skipping scans), and the tree-walking
/// `ReferenceEvaluator`. All must agree.
///
/// A normal `swift test` runs `defaultCases` cases. For long runs set `EBMATCH_RANDOM_ITERATIONS`
/// (e.g. `EBMATCH_RANDOM_ITERATIONS=1000000 swift test -c release -Xswiftc -enable-testing --filter
/// RandomDifferentialTests`) and `EBMATCH_RANDOM_SEED` to start from another seed. Each case has its
/// own seed; a disagreement prints it, and `EBMATCH_RANDOM_SEED=<case seed> EBMATCH_RANDOM_ITERATIONS=1`
/// replays exactly that case.
@Suite("Random differential")
struct RandomDifferentialTests {
    /// Cases in a normal run: a pattern and a few events each.
    static let defaultCases = 1_500
    /// Events judged per pattern.
    static let eventsPerCase = 4

    /// The operators the generator writes, one per kind, so that coverage can be checked.
    enum Operator: String, CaseIterable {
        case exactString, exactNumber, literal, exactly, prefix, suffix, equalsIgnoreCase, prefixIgnoreCase,
            suffixIgnoreCase, anythingButString, anythingButStrings, anythingButNumbers, anythingButPrefix,
            anythingButSuffix, anythingButWildcard, anythingButIgnoreCase, numericOne, numericRange, existsTrue,
            existsFalse, cidr, wildcard, or
    }

    // Values chosen to meet each other: cases, prefixes and suffixes of each other, addresses inside and
    // outside the ranges, numbers equal in value but not in text, wildcard look-alikes, non-ASCII.
    static let strings = [
        "x", "X", "xy", "XY", "yx", "xyz", "abc", "ABC", "aXb", "a*b", "", "é", "É", "éa", "10.0.0.1", "10.0.1.5",
        "10.0.0.01", "192.168.1.1", "2001:db8::1", "2001:0db8:0:0:0:0:0:1", "1", "300", "true", "null",
    ]
    static let numbers = ["0", "1", "1.0", "-2", "300", "3e2", "0.5", "-0.5", "1e3", "1000", "5", "1e400"]
    static let fragments = ["x", "X", "y", "ab", "AB", "é", "É", "10.", "1", ""]
    static let wildcards = ["x*", "*y", "*", "x*y", "a*b", "*a*", "10.*", "*.1", "", "X*Z", "*é"]
    static let cidrs = ["10.0.0.0/24", "10.0.0.0/8", "192.168.0.0/16", "2001:db8::/32", "0.0.0.0/1"]
    /// Paths of patterns; events nest them, sometimes inside arrays of objects.
    static let paths = ["a", "b", "c.d", "c.e", "c.f.g", "h"]

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// One condition of a matcher list, and the operator it uses.
    static func condition(_ r: inout SplitMix) -> (String, Operator) {
        let kind = r.pick(Array(Operator.allCases.dropLast()))
        func s(_ r: inout SplitMix) -> String { quoted(r.pick(strings)) }
        func f(_ r: inout SplitMix) -> String { quoted(r.pick(fragments)) }
        func n(_ r: inout SplitMix) -> String { r.pick(numbers.dropLast()) }  // 1e400 is not a valid operand
        let text: String
        switch kind {
        case .exactString: text = s(&r)
        case .exactNumber: text = r.pick(numbers)
        case .literal: text = r.pick(["true", "false", "null"])
        case .exactly: text = #"{"exactly": \#(s(&r))}"#
        case .prefix: text = #"{"prefix": \#(f(&r))}"#
        case .suffix: text = #"{"suffix": \#(f(&r))}"#
        case .equalsIgnoreCase: text = #"{"equals-ignore-case": \#(s(&r))}"#
        case .prefixIgnoreCase: text = #"{"prefix": {"equals-ignore-case": \#(f(&r))}}"#
        case .suffixIgnoreCase: text = #"{"suffix": {"equals-ignore-case": \#(f(&r))}}"#
        case .anythingButString: text = #"{"anything-but": \#(r.below(2) == 0 ? s(&r) : n(&r))}"#
        case .anythingButStrings: text = #"{"anything-but": [\#(s(&r)), \#(s(&r))]}"#
        case .anythingButNumbers: text = #"{"anything-but": [\#(n(&r)), \#(n(&r))]}"#
        case .anythingButPrefix: text = #"{"anything-but": {"prefix": \#(quoted(r.pick(fragments.dropLast())))}}"#
        case .anythingButSuffix: text = #"{"anything-but": {"suffix": \#(quoted(r.pick(fragments.dropLast())))}}"#
        case .anythingButWildcard: text = #"{"anything-but": {"wildcard": \#(quoted(r.pick(wildcards)))}}"#
        case .anythingButIgnoreCase:
            text = r.below(2) == 0
                ? #"{"anything-but": {"equals-ignore-case": \#(s(&r))}}"#
                : #"{"anything-but": {"equals-ignore-case": [\#(s(&r)), \#(s(&r))]}}"#
        case .numericOne: text = #"{"numeric": [\#(quoted(r.pick(["=", "<", "<=", ">", ">="]))), \#(n(&r))]}"#
        case .numericRange:
            let low = r.pick([-5, 0, 1, 2, 299])
            text = #"{"numeric": [\#(quoted(r.pick([">", ">="]))), \#(low), \#(quoted(r.pick(["<", "<="]))), \#(low + r.pick([1, 3, 700]))]}"#
        case .existsTrue: text = #"{"exists": true}"#
        case .existsFalse: text = #"{"exists": false}"#
        case .cidr: text = #"{"cidr": \#(quoted(r.pick(cidrs)))}"#
        case .wildcard: text = #"{"wildcard": \#(quoted(r.pick(wildcards)))}"#
        case .or: preconditionFailure("not a list element")
        }
        return (text, kind)
    }

    /// A pattern: one to three paths (nested as objects, or dotted), each with a list of one to three
    /// conditions; sometimes `$or` at the top or inside `c`, sometimes nested in a branch.
    static func pattern(_ r: inout SplitMix, used: inout Set<Operator>) -> String {
        func list(_ r: inout SplitMix) -> String {
            (0..<(1 + r.below(3))).map { _ in
                let (text, kind) = condition(&r)
                used.insert(kind)
                return text
            }.joined(separator: ", ")
        }
        func members(_ r: inout SplitMix, depth: Int) -> String {
            var chosen: [String] = []
            for _ in 0..<(1 + r.below(3)) {
                let path = r.pick(paths)
                if !chosen.contains(path) { chosen.append(path) }
            }
            var parts: [String] = []
            var nestedC: [String] = []
            for path in chosen {
                if path.hasPrefix("c."), r.below(2) == 0 {
                    // Written nested under "c" (collected into one object), the same path as dotted.
                    let rest = String(path.dropFirst(2))
                    if rest.hasPrefix("f.") {
                        nestedC.append(#""f": {"g": [\#(list(&r))]}"#)
                    } else {
                        nestedC.append("\(quoted(rest)): [\(list(&r))]")
                    }
                } else {
                    parts.append("\(quoted(path)): [\(list(&r))]")
                }
            }
            if depth < 2, r.below(5) == 0 {
                used.insert(.or)
                let branches = (0..<(2 + r.below(2))).map { _ in "{\(members(&r, depth: depth + 1))}" }
                let or = #""$or": [\#(branches.joined(separator: ", "))]"#
                if r.below(2) == 0 { nestedC.append(or) } else { parts.append(or) }
            }
            if !nestedC.isEmpty { parts.append(#""c": {\#(nestedC.joined(separator: ", "))}"#) }
            var shuffled = parts
            for i in shuffled.indices.reversed() { shuffled.swapAt(i, r.below(i + 1)) }
            return shuffled.joined(separator: ", ")
        }
        return "{\(members(&r, depth: 0))}"
    }

    /// A leaf value of an event.
    static func leaf(_ r: inout SplitMix) -> String {
        switch r.below(7) {
        case 0, 1, 2: return quoted(r.pick(strings))
        case 3, 4: return r.pick(numbers)
        default: return r.pick(["true", "false", "null"])
        }
    }

    /// A value: a leaf, an array of leaves, an empty array, or an object with unrelated members.
    static func value(_ r: inout SplitMix) -> String {
        switch r.below(10) {
        case 0, 1: return "[\((0..<(1 + r.below(3))).map { _ in leaf(&r) }.joined(separator: ", "))]"
        case 2: return r.below(2) == 0 ? "[]" : #"{"z": 1}"#
        default: return leaf(&r)
        }
    }

    /// An object holding `c`'s members: `d`, `e` and `f.g`, some of them.
    static func cObject(_ r: inout SplitMix) -> String {
        var members: [String] = []
        if r.below(3) != 0 { members.append(#""d": \#(value(&r))"#) }
        if r.below(2) == 0 { members.append(#""e": \#(value(&r))"#) }
        if r.below(3) == 0 { members.append(#""f": \#(r.below(3) == 0 ? "[{\"g\": \(value(&r))}, {\"g\": \(value(&r))}]" : "{\"g\": \(value(&r))}")"#) }
        return "{\(members.joined(separator: ", "))}"
    }

    /// An event: some of the paths, `c` as an object or an array of objects (so that array consistency is
    /// at stake), sometimes `c.d` written dotted, and noise. No top-level name repeats, so skipping scans
    /// must agree with whole ones.
    static func event(_ r: inout SplitMix) -> String {
        var members: [String] = []
        for name in ["a", "b", "h"] where r.below(3) != 0 { members.append("\(quoted(name)): \(value(&r))") }
        switch r.below(4) {
        case 0: members.append(#""c": \#(cObject(&r))"#)
        case 1: members.append(#""c": [\#(cObject(&r)), \#(cObject(&r))]"#)
        case 2: members.append(#""c.d": \#(value(&r))"#)
        default: break
        }
        members.append(#""noise": {"z": [1, {"y": "q"}]}"#)
        var shuffled = members
        for i in shuffled.indices.reversed() { shuffled.swapAt(i, r.below(i + 1)) }
        return "{\(shuffled.joined(separator: ", "))}"
    }

    /// What a run found.
    struct Summary {
        var patterns = 0
        var invalid = 0
        var judged = 0
        var matched = 0
        var undecided = 0
        var used: Set<Operator> = []
        var failures: [String] = []
    }

    /// Runs `cases` cases from `seed`; each case's seed is drawn from the run's generator.
    static func run(seed: UInt64, cases: Int) -> Summary {
        var summary = Summary()
        var seeds = SplitMix(seed: seed)
        var matcher = Matcher()
        var found: [Int] = []
        for _ in 0..<cases {
            // One case alone replays from its own seed: run(seed: caseSeed, cases: 1) draws it again.
            let caseSeed = cases == 1 ? seed : seeds.next()
            var r = SplitMix(seed: caseSeed)
            var used: Set<Operator> = []
            let text = pattern(&r, used: &used)
            let compiled: EventPattern
            do {
                compiled = try EventPattern(text)
            } catch {
                // Rare: e.g. two ranges that cannot be ordered, or an or-branch over the fan-out limit.
                summary.invalid += 1
                continue
            }
            summary.patterns += 1
            summary.used.formUnion(used)
            let set = RuleSet([("r", compiled)])
            for _ in 0..<eventsPerCase {
                let eventText = event(&r)
                let bytes = Array(eventText.utf8)
                let reference = ReferenceEvaluator.evaluate(pattern: Array(text.utf8), event: bytes)
                guard reference != .undecided else {
                    summary.undecided += 1
                    continue
                }
                var answers: [String] = []
                do {
                    let single = try matcher.matches(compiled, utf8: bytes)
                    try matcher.matches(set, utf8: bytes, scan: .whole, into: &found)
                    let whole = found == [0]
                    try matcher.matches(set, utf8: bytes, scan: .skipping, into: &found)
                    let skipping = found == [0]
                    let expected = reference == .matched
                    if single != expected || whole != expected || skipping != expected {
                        answers = ["reference \(expected)", "pattern \(single)", "rule set \(whole)", "skipping \(skipping)"]
                    }
                    if expected { summary.matched += 1 }
                } catch {
                    answers = ["reference \(reference)", "matcher threw \(error)"]
                }
                summary.judged += 1
                if !answers.isEmpty && summary.failures.count < 20 {
                    summary.failures.append(
                        "EBMATCH_RANDOM_SEED=\(caseSeed) EBMATCH_RANDOM_ITERATIONS=1: \(answers.joined(separator: ", "))\n"
                            + "  pattern \(text)\n  event   \(eventText)")
                }
            }
        }
        return summary
    }

    @Test("the matcher, a rule set and the reference evaluator agree on random patterns and events")
    func agree() {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["EBMATCH_RANDOM_SEED"].flatMap { UInt64($0) } ?? 20_251_204
        let cases = environment["EBMATCH_RANDOM_ITERATIONS"].flatMap { Int($0) } ?? Self.defaultCases
        let summary = Self.run(seed: seed, cases: cases)
        for failure in summary.failures { print("Random differential disagreement, replay with\n" + failure) }
        #expect(summary.failures.count == 0, "disagreements: the replay lines are printed above")
        print(
            "Random differential: seed \(seed), \(cases) cases, \(summary.patterns) patterns (\(summary.invalid) invalid), "
                + "\(summary.judged) events judged, \(summary.matched) matched, \(summary.undecided) undecided")
        guard cases >= Self.defaultCases else { return }
        // The generator must reach every operator and both answers, or the agreement says little.
        #expect(summary.used == Set(Operator.allCases), "never used: \(Set(Operator.allCases).subtracting(summary.used))")
        #expect(summary.matched * 10 > summary.judged && summary.matched * 10 < summary.judged * 9,
            "\(summary.matched) of \(summary.judged) matched")
        #expect(summary.invalid * 10 < cases, "\(summary.invalid) invalid patterns")
    }

    @Test("a case replays from its own seed")
    func replay() {
        var seeds = SplitMix(seed: 99)
        let caseSeed = seeds.next()
        var first: Set<Operator> = []
        var again: Set<Operator> = []
        var r1 = SplitMix(seed: caseSeed)
        var r2 = SplitMix(seed: caseSeed)
        #expect(Self.pattern(&r1, used: &first) == Self.pattern(&r2, used: &again))
        #expect(Self.event(&r1) == Self.event(&r2))
        #expect(Self.run(seed: caseSeed, cases: 1).judged <= Self.eventsPerCase)
    }
}
