import Foundation
import Testing

@testable import EBMatchCLI

/// `ebmatch match --rules`: named rules over event streams, in order whatever `--jobs`, with bad rules
/// and bad event lines reported.
@Suite struct RulesCommandTests {
    /// A harness with three rules in a folder.
    static func rulesFolder() throws -> (CommandHarness, String) {
        let harness = try CommandHarness()
        let rules = harness.folder.appendingPathComponent("rules").path
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        try harness.file("rules/queue-a.json", #"{"detail": {"queueId": ["a"]}}"#)
        try harness.file("rules/voice.json", #"{"detail": {"mediaType": [{"equals-ignore-case": "voice"}]}}"#)
        try harness.file("rules/not-a.json", #"{"detail": {"queueId": [{"anything-but": "a"}]}}"#)
        return (harness, rules)
    }

    static let events = """
        {"detail": {"queueId": "a", "mediaType": "VOICE"}}
        {"detail": {"queueId": "b"}}

        {"detail": {"mediaType": "email"}}
        {"detail": {"queueId": "a"}}

        """

    @Test func oneLinePerEventInTextAndJSON() throws {
        let (harness, rules) = try Self.rulesFolder()
        let file = try harness.file("e.jsonl", Self.events)
        let text = harness.run(["match", "--rules", rules, file])
        #expect(text.lines == ["1: queue-a, voice", "2: not-a", "4: (none)", "5: queue-a"])
        #expect(text.status == 0)
        let json = harness.run(["match", "--rules", rules, "--format", "json", file])
        #expect(json.lines.first == #"{"index":0,"line":1,"rules":["queue-a","voice"]}"#)
        #expect(json.lines.count == 4)
    }

    @Test func countsPerRule() throws {
        let (harness, rules) = try Self.rulesFolder()
        let outcome = harness.run(["match", "--rules", rules, "--count", "-"], stdin: Self.events)
        #expect(outcome.lines == ["not-a: 1", "queue-a: 2", "voice: 1"])
    }

    @Test func jobsKeepInputOrder() throws {
        let (harness, rules) = try Self.rulesFolder()
        var lines: [String] = []
        for i in 0..<5000 {
            lines.append(i % 3 == 0 ? #"{"detail": {"queueId": "a"}}"# : #"{"detail": {"queueId": "x\#(i)"}}"#)
        }
        let file = try harness.file("many.jsonl", lines.joined(separator: "\n") + "\n")
        let one = harness.run(["match", "--rules", rules, file])
        let four = harness.run(["match", "--rules", rules, "--jobs", "4", file])
        #expect(one.lines.count == 5000)
        #expect(four.stdout == one.stdout)
    }

    @Test func aBadEventLineIsReportedAndTheRunGoesOn() throws {
        let (harness, rules) = try Self.rulesFolder()
        let file = try harness.file("e.jsonl", "{\"detail\": {\"queueId\": \"a\"}}\n{\"detail\": \n{\"detail\": {\"queueId\": \"a\"}}\n")
        let outcome = harness.run(["match", "--rules", rules, "--validate-events", file])
        #expect(outcome.lines == ["1: queue-a", "3: queue-a"])
        #expect(outcome.stderr.hasPrefix("\(file):2:12: error: Unexpected end-of-input"))
        #expect(outcome.status == 2)
    }

    @Test func anInvalidRuleNamesItsFile() throws {
        let (harness, rules) = try Self.rulesFolder()
        try harness.file("rules/broken.json", #"{"detail": {"queueId": []}}"#)
        let outcome = harness.run(["match", "--rules", rules, "-"], stdin: Self.events)
        #expect(outcome.stderr.hasPrefix("\(rules)/broken.json:1:26: error: Empty arrays are not allowed"))
        #expect(outcome.status == 2)
    }

    @Test func rulesFromAnObjectFile() throws {
        let harness = try CommandHarness()
        let rules = try harness.file(
            "rules.json", #"{"a": {"detail": {"queueId": ["a"]}}, "as-string": "{\"detail\": {\"queueId\": [\"b\"]}}"}"#)
        let outcome = harness.run(["match", "--rules", rules, "-"], stdin: Self.events)
        #expect(outcome.lines == ["1: a", "2: as-string", "4: (none)", "5: a"])
        let bad = try harness.file("bad.json", #"{"x": {"detail": []}}"#)
        let badOutcome = harness.run(["match", "--rules", bad, "-"], stdin: Self.events)
        // The position is the file's: the `[]` of rule "x" ends at column 20.
        #expect(badOutcome.stderr.hasPrefix("\(bad) (rule \"x\"):1:20: error: Empty arrays are not allowed"))
        #expect(badOutcome.status == 2)
    }

    @Test func filesAndStandardInputAreReadAlike() throws {
        // JSON Lines skip unused values unchecked whether they come from a file or a pipe.
        let (harness, rules) = try Self.rulesFolder()
        let lines = "{\"detail\": {\"queueId\": \"a\"}, \"unused\": [1,,2]}\n"
        let file = try harness.file("s.jsonl", lines)
        let fromFile = harness.run(["match", "--rules", rules, file])
        let fromPipe = harness.run(["match", "--rules", rules, "-"], stdin: lines)
        #expect(fromFile.stdout == "1: queue-a\n" && fromPipe.stdout == fromFile.stdout)
        #expect(fromFile.status == 0 && fromPipe.status == 0)
        let validated = harness.run(["match", "--rules", rules, "--validate-events", file])
        #expect(validated.status == 2)
        #expect(validated.stderr.contains("s.jsonl:1:43: error: Unexpected character (',' (code 44))"))
    }

    @Test func aPrettyPrintedEventOnStandardInputIsOneEvent() throws {
        let (harness, rules) = try Self.rulesFolder()
        let outcome = harness.run(["match", "--rules", rules, "-"], stdin: "{\n  \"detail\": {\n    \"queueId\": \"a\"\n  }\n}\n")
        #expect(outcome.stdout == "1: queue-a\n")
        #expect(outcome.status == 0)
    }

    @Test func aSinglePatternFileIsOneRule() throws {
        let harness = try CommandHarness()
        let rule = try harness.file("queue-a.json", #"{"detail": {"queueId": ["a"]}}"#)
        let outcome = harness.run(["match", "--rules", rule, "--count", "-"], stdin: Self.events)
        #expect(outcome.stdout == "queue-a: 2\n")
    }

    @Test func noMatchAtAllExitsOne() throws {
        let (harness, rules) = try Self.rulesFolder()
        let outcome = harness.run(["match", "--rules", rules, "-"], stdin: #"{"detail": {"mediaType": "email"}}"#)
        #expect(outcome.status == 1)
    }

    @Test func theGenesysSuitesAsRules() throws {
        let patterns = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("patterns/genesys").path
        let outcome = try CommandHarness().run(["match", "--rules", patterns, "--count", patterns + "/events/e02-acd-end-voice-queue-a.json"])
        #expect(outcome.lines.contains("acd-end-queue-a: 1"))
        #expect(outcome.lines.contains("pitfalls/tutorial-payload-shape: 0"))
    }

    @Test(arguments: [
        (["match", "e.jsonl"], "missing --rules PATH"),
        (["match", "--rules", "r", "--jobs", "0"], "invalid value '0' for '--jobs' (expected an integer from 1 to 256)"),
        (["match", "--rules", "r", "--strict"], "unknown option '--strict' for 'match'"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let outcome = try CommandHarness().run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasPrefix("ebmatch: error: \(message)\nUsage: ebmatch match --rules PATH [OPTIONS] [EVENTS...]\n"))
    }
}
