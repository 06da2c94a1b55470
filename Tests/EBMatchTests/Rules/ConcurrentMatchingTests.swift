import Dispatch
import Foundation
import Testing

@testable import EBMatch

/// One `RuleSet` and one set of `EventPattern`s shared by many threads, each with its own `Matcher`:
/// every answer must equal the single-threaded one. Run under the thread sanitizer with
/// `swift test --sanitize=thread --filter ConcurrentMatchingTests` (docs/limits.md records the run).
@Suite("Concurrent matching")
struct ConcurrentMatchingTests {
    /// Mismatches found by the worker threads.
    final class Findings: @unchecked Sendable {
        private let lock = NSLock()
        private var mismatches: [String] = []
        private var answers = 0

        func record(answers count: Int, mismatches found: [String]) {
            lock.lock()
            defer { lock.unlock() }
            answers += count
            mismatches += found
        }

        var result: (answers: Int, mismatches: [String]) {
            lock.lock()
            defer { lock.unlock() }
            return (answers, mismatches)
        }
    }

    @Test("eight threads match one shared rule set and its patterns, and agree with one thread")
    func sharedRuleSet() throws {
        var random = SplitMix(seed: 77)
        var rules: [(name: String, pattern: EventPattern)] = []
        while rules.count < 120 {
            if let pattern = try? EventPattern(RandomRuleSetTests.pattern(&random)) {
                rules.append(("r\(rules.count)", pattern))
            }
        }
        let set = RuleSet(rules)
        let events = (0..<400).map { _ in Array(RandomRuleSetTests.event(&random).utf8) }
        // The answers of one thread, computed before any other thread starts.
        var matcher = Matcher()
        var expected: [[Int]] = []
        for event in events {
            var found: [Int] = []
            try matcher.matches(set, utf8: event, scan: .whole, into: &found)
            expected.append(found)
        }
        #expect(expected.reduce(0) { $0 + $1.count } > 1_000, "the events must match many rules")

        let findings = Findings()
        let threads = 8
        let (patterns, answers) = (rules.map(\.pattern), expected)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            var matcher = Matcher()
            var found: [Int] = []
            var mismatches: [String] = []
            var judged = 0
            // Each thread starts at another event and goes round twice, so threads overlap on every event.
            for step in 0..<(2 * events.count) {
                let index = (step + thread * 37) % events.count
                let scan: EventScan = (step + thread) % 2 == 0 ? .whole : .skipping
                do {
                    try matcher.matches(set, utf8: events[index], scan: scan, into: &found)
                    if found != answers[index] { mismatches.append("thread \(thread), event \(index), \(scan)") }
                    // A single pattern, shared too, answers as its rule.
                    let rule = (index + thread) % patterns.count
                    let single = try matcher.matches(patterns[rule], utf8: events[index])
                    if single != answers[index].contains(rule) { mismatches.append("thread \(thread), event \(index), rule \(rule)") }
                    judged += 2
                } catch {
                    mismatches.append("thread \(thread), event \(index): \(error)")
                }
            }
            findings.record(answers: judged, mismatches: mismatches)
        }
        let result = findings.result
        #expect(result.mismatches.isEmpty, "\(result.mismatches.prefix(10))")
        #expect(result.answers == threads * 2 * events.count * 2)
    }

    @Test("tasks of a task group share one rule set too")
    func taskGroup() async throws {
        let rules = [
            ("a", try EventPattern(#"{"source": ["x"]}"#)),
            ("b", try EventPattern(#"{"detail": {"n": [{"numeric": [">", 10]}]}}"#)),
            ("c", try EventPattern(#"{"$or": [{"source": [{"prefix": "x"}]}, {"detail": {"s": [{"wildcard": "*z*"}]}}]}"#)),
        ]
        let set = RuleSet(rules)
        let counts = try await withThrowingTaskGroup(of: [Int].self) { group in
            for task in 0..<16 {
                group.addTask {
                    var matcher = Matcher()
                    var found: [Int] = []
                    var tally = [0, 0, 0]
                    for i in 0..<500 {
                        let n = (i + task) % 20
                        let event = #"{"source": "\#(n % 2 == 0 ? "x" : "xy")", "detail": {"n": \#(n), "s": "\#(n % 3 == 0 ? "az" : "a")"}}"#
                        try matcher.matches(set, utf8: Array(event.utf8), into: &found)
                        for rule in found { tally[rule] += 1 }
                    }
                    return tally
                }
            }
            var total = [0, 0, 0]
            for try await tally in group {
                for rule in 0..<3 { total[rule] += tally[rule] }
            }
            return total
        }
        // Per task, n runs over 0..<20 twenty-five times: "x" for even n (10 of 20), n > 10 for 9 of 20, and
        // every event has a source starting with "x".
        #expect(counts == [16 * 25 * 10, 16 * 25 * 9, 16 * 500])
    }
}
