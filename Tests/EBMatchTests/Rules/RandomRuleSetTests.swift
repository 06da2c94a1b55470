import Testing

@testable import EBMatch

/// Seeded random rule sets and events: every rule of a `RuleSet` answers as its own pattern, with
/// whole and skipping scans alike (the generated events repeat no top-level name).
@Suite("Random rule sets")
struct RandomRuleSetTests {
    static let paths = ["a", "b", "c.d", "c.e", "f.g.h"]
    static let strings = ["x", "X", "xy", "yx", "10.0.0.1", "", "é", "a*b"]
    static let numbers = ["1", "1.0", "-2", "300", "3e2", "0.5"]

    /// One condition, as JSON text.
    static func condition(_ r: inout SplitMix) -> String {
        switch r.below(14) {
        case 0: return quoted(r.pick(strings))
        case 1: return r.pick(numbers)
        case 2: return r.pick(["true", "false", "null"])
        case 3: return #"{"prefix": \#(quoted(r.pick(["x", "y", "1"])))}"#
        case 4: return #"{"suffix": \#(quoted(r.pick(["x", "y", "1"])))}"#
        case 5: return #"{"equals-ignore-case": \#(quoted(r.pick(["x", "XY", "É"])))}"#
        case 6: return #"{"wildcard": \#(quoted(r.pick(["x*", "*y", "*", "x*y"])))}"#
        case 7: return #"{"numeric": [">", \#(r.pick(numbers))]}"#
        case 8: return #"{"numeric": [">=", -5, "<", \#(r.pick(["1", "300", "400"]))]}"#
        case 9: return #"{"exists": \#(r.pick(["true", "false"]))}"#
        case 10: return #"{"anything-but": \#(quoted(r.pick(strings)))}"#
        case 11: return #"{"anything-but": [\#(r.pick(numbers)), \#(r.pick(numbers))]}"#
        case 12: return #"{"cidr": "10.0.0.0/24"}"#
        default: return #"{"anything-but": {"prefix": \#(quoted(r.pick(["x", "y"])))}}"#
        }
    }

    /// A pattern of one to three paths, sometimes with a `$or` of two branches.
    static func pattern(_ r: inout SplitMix) -> String {
        func fields(_ r: inout SplitMix) -> String {
            var used: Set<String> = []
            var parts: [String] = []
            for _ in 0..<(1 + r.below(3)) {
                let path = r.pick(paths)
                guard used.insert(path).inserted else { continue }
                let list = (0..<(1 + r.below(2))).map { _ in condition(&r) }.joined(separator: ", ")
                parts.append("\(quoted(path)): [\(list)]")
            }
            return parts.joined(separator: ", ")
        }
        if r.below(4) == 0 { return #"{"$or": [{\#(fields(&r))}, {\#(fields(&r))}]}"# }
        return "{\(fields(&r))}"
    }

    /// A value: a leaf, or an array of leaves.
    static func value(_ r: inout SplitMix) -> String {
        func leaf(_ r: inout SplitMix) -> String {
            switch r.below(3) {
            case 0: return quoted(r.pick(strings))
            case 1: return r.pick(numbers)
            default: return r.pick(["true", "false", "null"])
            }
        }
        return r.below(4) == 0 ? "[\(leaf(&r)), \(leaf(&r))]" : leaf(&r)
    }

    /// An event holding some of the paths (nested), plus noise members.
    static func event(_ r: inout SplitMix) -> String {
        var members: [String] = []
        if r.below(2) == 0 { members.append(#""a": \#(value(&r))"#) }
        if r.below(2) == 0 { members.append(#""b": \#(value(&r))"#) }
        var c: [String] = []
        if r.below(2) == 0 { c.append(#""d": \#(value(&r))"#) }
        if r.below(2) == 0 { c.append(#""e": \#(value(&r))"#) }
        if !c.isEmpty { members.append(r.below(3) == 0 ? #""c": [{\#(c.joined(separator: ", "))}, {"d": "x"}]"# : #""c": {\#(c.joined(separator: ", "))}"#) }
        if r.below(2) == 0 { members.append(#""f": {"g": {"h": \#(value(&r))}}"#) }
        members.append(#""noise": {"z": [1, {"y": "q"}]}"#)
        var shuffled = members
        for i in shuffled.indices.reversed() { shuffled.swapAt(i, r.below(i + 1)) }
        return "{\(shuffled.joined(separator: ", "))}"
    }

    @Test("rule sets agree with single patterns", arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func agree(seed: UInt64) throws {
        var r = SplitMix(seed: seed)
        var rules: [(String, EventPattern)] = []
        while rules.count < 60 {
            if let pattern = try? EventPattern(Self.pattern(&r)) { rules.append(("r\(rules.count)", pattern)) }
        }
        let set = RuleSet(rules)
        var matcher = Matcher()
        var whole: [Int] = []
        var skipping: [Int] = []
        var hits = 0
        for _ in 0..<300 {
            let event = Array(Self.event(&r).utf8)
            try matcher.matches(set, utf8: event, scan: .whole, into: &whole)
            try matcher.matches(set, utf8: event, scan: .skipping, into: &skipping)
            let expected = try rules.indices.filter { try matcher.matches(rules[$0].1, utf8: event) }
            #expect(whole == expected, "seed \(seed): \(String(decoding: event, as: UTF8.self))")
            #expect(skipping == expected, "seed \(seed): \(String(decoding: event, as: UTF8.self))")
            hits += expected.count
        }
        // The generator must exercise both answers: many matches, and far from all.
        #expect(hits > 500 && hits < 300 * 60 / 2, "\(hits) matches")
    }
}
