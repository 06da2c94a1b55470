import Testing

@testable import EBMatch

/// The reference evaluator is only worth checking the matcher against if it is right itself: it must
/// give every conformance row's recorded answer.
@Suite("Reference evaluator")
struct ReferenceEvaluatorTests {
    @Test("answers every conformance row as recorded")
    func conformance() {
        var checked = 0
        var wrong: [String] = []
        for row in ConformanceCase.all where ["match", "no-match", "event-error"].contains(row.expected) {
            let pattern = Array(row.pattern.utf8)
            // Rows whose pattern is rejected, or whose event fails the envelope check first, say nothing here.
            guard (try? EventPattern(utf8: pattern, name: "r")) != nil else { continue }
            if row.corpus == "aws-validated" && (try? EventEnvelope.check(utf8: Array(row.event.utf8))) == nil {
                continue
            }
            let verdict = ReferenceEvaluator.evaluate(pattern: pattern, event: Array(row.event.utf8))
            let expected: ReferenceEvaluator.Verdict =
                switch row.expected {
                case "match": .matched
                case "no-match": .notMatched
                default: .eventError
                }
            checked += 1
            if verdict != expected { wrong.append("\(row.testDescription): \(verdict), expected \(expected)") }
        }
        #expect(checked > 1000)
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    @Test("exists: false sees only the elements pinned by paths sorting before it (spec §4.4)")
    func existsFalseOrder() {
        func verdict(_ pattern: String, _ event: String) -> ReferenceEvaluator.Verdict {
            ReferenceEvaluator.evaluate(pattern: Array(pattern.utf8), event: Array(event.utf8))
        }
        #expect(verdict(#"{"a":{"b":["1"],"c":[{"exists":false}]}}"#, #"{"a":[{"b":"1"},{"b":"2","c":"3"}]}"#) == .matched)
        #expect(verdict(#"{"a":{"x":[{"exists":false}],"y":["1"]}}"#, #"{"a":[{"y":"1"},{"y":"2","x":"3"}]}"#) == .notMatched)
        #expect(verdict(#"{"a":[1]}"#, #"[1]"#) == .eventError)
    }
}
