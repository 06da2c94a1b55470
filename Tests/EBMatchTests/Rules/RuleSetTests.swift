import Testing

@testable import EBMatch

/// `RuleSet`: for every rule, the same answer as its own `EventPattern`, however many rules share the
/// set, and with either scan where skipping cannot change the answer.
@Suite("Rule sets")
struct RuleSetTests {
    /// The valid patterns of the corpora, deduplicated, as rules named by their corpus row.
    static let corpusRules: [(name: String, pattern: EventPattern)] = {
        var seen: Set<String> = []
        var rules: [(String, EventPattern)] = []
        for row in ConformanceCase.all where seen.insert(row.pattern).inserted {
            if let pattern = try? EventPattern(row.pattern, name: "r") { rules.append(("\(row.corpus):\(row.line)", pattern)) }
        }
        return rules
    }()

    /// The well-formed events of the corpora, deduplicated.
    static let corpusEvents: [String] = {
        var seen: Set<String> = []
        return ConformanceCase.all.map(\.event).filter { event in
            seen.insert(event).inserted && (try? JSONValue.parse(utf8: Array(event.utf8), ignoringTrailingContent: true))?.members != nil
        }
    }()

    @Test("one set of every corpus pattern agrees with each pattern on every corpus event")
    func everyPatternAgainstEveryEvent() throws {
        let set = RuleSet(Self.corpusRules)
        #expect(set.count > 400)
        var matcher = Matcher()
        var single = Matcher()
        var matched: [Int] = []
        var disagreements: [String] = []
        for event in Self.corpusEvents {
            let bytes = Array(event.utf8)
            try matcher.matches(set, utf8: bytes, into: &matched)
            let expected = try set.rules.indices.filter { try single.matches(set.rules[$0].pattern, utf8: bytes) }
            if matched != expected { disagreements.append(event) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
    }

    @Test("skipping scans agree where the event repeats no top-level name and has no dotted one")
    func skippingAgrees() throws {
        let set = RuleSet(Self.corpusRules)
        var whole = Matcher()
        var skipping = Matcher()
        var a: [Int] = []
        var b: [Int] = []
        var compared = 0
        for event in Self.corpusEvents {
            guard let names = try JSONValue.parse(utf8: Array(event.utf8), ignoringTrailingContent: true).members?.map(\.name),
                Set(names).count == names.count, !names.contains(where: { $0.contains(".") })
            else { continue }
            try whole.matches(set, utf8: Array(event.utf8), scan: .whole, into: &a)
            try skipping.matches(set, utf8: Array(event.utf8), scan: .skipping, into: &b)
            #expect(a == b, "\(event)")
            compared += 1
        }
        #expect(compared > 500)
    }

    @Test("skipping passes over unused values unchecked and stops after the last needed member")
    func skippingReadsLess() throws {
        let set = RuleSet([("a", try EventPattern(#"{"properties": {"S": ["x"]}}"#))])
        var matcher = Matcher()
        var matched: [Int] = []
        // Broken JSON after `properties`, and inside a skipped value: accepted when skipping.
        let late = Array(#"{"properties": {"S": "x"}, "geometry": [1, 2,, oops"#.utf8)
        try matcher.matches(set, utf8: late, scan: .skipping, into: &matched)
        #expect(matched == [0])
        #expect(throws: EBMatchError.self) { try matcher.matches(set, utf8: late, scan: .whole, into: &matched) }
        let inside = Array(#"{"other": {"x": [tru, 1.2.3]}, "properties": {"S": "x"}}"#.utf8)
        try matcher.matches(set, utf8: inside, scan: .skipping, into: &matched)
        #expect(matched == [0])
        // What is read is still checked.
        let bad = Array(#"{"properties": {"S": "x", "T": tru}}"#.utf8)
        #expect(throws: EBMatchError.self) { try matcher.matches(set, utf8: bad, scan: .skipping, into: &matched) }
        // An unterminated skipped value is still an error.
        let cut = Array(#"{"other": {"x": [1, 2"#.utf8)
        #expect(throws: EBMatchError.self) { try matcher.matches(set, utf8: cut, scan: .skipping, into: &matched) }
    }

    @Test("anchors: exact values, literals, path presence, and rules with nothing required")
    func anchors() throws {
        let set = RuleSet([
            ("exact", try EventPattern(#"{"a": ["x", "y"]}"#)),
            ("literal", try EventPattern(#"{"a": [true]}"#)),
            ("prefix", try EventPattern(#"{"a": [{"prefix": "x"}]}"#)),
            ("absent", try EventPattern(#"{"b": [{"exists": false}]}"#)),
            ("or", try EventPattern(#"{"$or": [{"a": ["z"]}, {"c": [1]}]}"#)),
            ("escaped", try EventPattern(#"{"a": ["\u00e9"]}"#)),
            ("prefixes", try EventPattern(#"{"a": [{"prefix": "zz"}, {"prefix": "q"}, "exact"]}"#)),
        ])
        var matcher = Matcher()
        var matched: [Int] = []
        func names(_ event: String) throws -> [String] {
            try matcher.matches(set, utf8: Array(event.utf8), into: &matched)
            return matched.map { set.names[$0] }
        }
        #expect(try names(#"{"a": "x"}"#) == ["exact", "prefix", "absent"])
        #expect(try names(#"{"a": true, "b": 1}"#) == ["literal"])
        #expect(try names(#"{"a": "z"}"#) == ["absent", "or"])
        #expect(try names(#"{"c": 1, "b": 2}"#) == ["or"])
        #expect(try names(#"{"a": "\u00e9"}"#) == ["absent", "escaped"])
        #expect(try names(#"{"a": "é"}"#) == ["absent", "escaped"])
        #expect(try names(#"{"a": "zzz"}"#) == ["absent", "prefixes"])
        #expect(try names(#"{"a": "qz"}"#) == ["absent", "prefixes"])
        #expect(try names(#"{"a": "exact"}"#) == ["absent", "prefixes"])
        #expect(try names(#"{"a": "y"}"#) == ["exact", "absent"])
    }

    @Test("adding and removing rules by name")
    func addAndRemove() throws {
        var set = RuleSet([("a", try EventPattern(#"{"a": ["1"]}"#))])
        set = set.adding("b", try EventPattern(#"{"b": ["2"]}"#))
        set = set.adding("a", try EventPattern(#"{"a": ["3"]}"#))
        #expect(set.names == ["a", "b"])
        var matcher = Matcher()
        var matched: [Int] = []
        try matcher.matches(set, utf8: Array(#"{"a": "3", "b": "2"}"#.utf8), into: &matched)
        #expect(matched == [0, 1])
        set = set.removing("a")
        try matcher.matches(set, utf8: Array(#"{"a": "3", "b": "2"}"#.utf8), into: &matched)
        #expect(set.names == ["b"] && matched == [0])
    }

    @Test("an empty set matches nothing and still checks the event")
    func empty() throws {
        let set = RuleSet([])
        var matcher = Matcher()
        var matched = [42]
        try matcher.matches(set, utf8: Array(#"{"a": 1}"#.utf8), into: &matched)
        #expect(matched.isEmpty)
        #expect(throws: EBMatchError.self) { try matcher.matches(set, utf8: Array("[1]".utf8), into: &matched) }
    }
}
