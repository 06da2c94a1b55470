import Foundation
import Testing

@testable import EBMatch

/// The benchmark's pattern sets over the 386 real citylots events (`Benchmarks/data`): per-rule counts
/// from a `RuleSet` with skipping scans equal those of each rule's own `EventPattern` read whole, and
/// are pinned.
@Suite("Benchmark corpus slice")
struct CorpusSliceTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Benchmarks/data")

    /// The pinned counts: set → per-rule counts on the 386 real events. (Checked independently for
    /// cl2-equals-ignore-case and numeric-range with a short Python script: Unicode lower-casing, and
    /// EventBridge's comparable-number rule with `Decimal(repr(float(t))) == Decimal(t)`.)
    static let pinned: [String: [Int]] = [
        "cl2-anything-but": [386, 385, 15, 0, 386],
        "cl2-complex-arrays": [0, 0, 0, 0, 0],
        "cl2-equals-ignore-case": [12, 30, 236, 0, 371],
        "cl2-exact": [0, 0, 0, 0, 0],
        "cl2-numeric": [0, 0, 0, 0, 0],
        "cl2-prefix": [0, 0, 0, 0, 0],
        "cl2-wildcard": [0, 0, 0, 0, 0],
        "exists": [386, 386, 386],
        "mixed-representative": [0, 0, 15, 386, 236, 0, 0],
        "numeric-range": [62, 68, 371],
        "quamina-citylots4": [0, 0, 2, 1],
    ]

    static func events() throws -> [[UInt8]] {
        let text = try Data(contentsOf: data.appendingPathComponent("citylots-real-386.jsonl"))
        return Array(text).split(separator: 10).map(Array.init)
    }

    static func rules(_ set: String) throws -> [EventPattern] {
        let text = try String(contentsOf: data.appendingPathComponent("patterns/\(set).txt"), encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
            .map { try EventPattern(String($0)) }
    }

    @Test("every set: rule set with skipping scans equals each pattern read whole", arguments: [
        "cl2-exact", "cl2-prefix", "cl2-anything-but", "cl2-equals-ignore-case", "cl2-wildcard", "cl2-numeric",
        "cl2-complex-arrays", "exists", "mixed-representative", "numeric-range", "quamina-citylots4",
    ])
    func agrees(set: String) throws {
        let events = try Self.events()
        #expect(events.count == 386)
        let patterns = try Self.rules(set)
        let ruleSet = RuleSet(patterns.enumerated().map { ("\($0.offset)", $0.element) })
        var counts = Array(repeating: 0, count: patterns.count)
        var single = Array(repeating: 0, count: patterns.count)
        var matcher = Matcher()
        var matched: [Int] = []
        for event in events {
            try matcher.matches(ruleSet, utf8: event, scan: .skipping, into: &matched)
            for rule in matched { counts[rule] += 1 }
            for (i, pattern) in patterns.enumerated() where try matcher.matches(pattern, utf8: event) { single[i] += 1 }
        }
        #expect(counts == single)
        #expect(counts == Self.pinned[set], "\(set): \(counts)")
    }
}
