import EBMatch
import Foundation
import Testing

@testable import EBMatchCLI

/// `ebmatch validate` against what a tester threw at it: every case ends with a clear report, in
/// bounded output, and never lets an invalid pattern through.
@Suite struct ValidateHostileInputTests {
    @Test func aFIFOInAFolderIsReportedNotOpened() throws {
        let harness = try CommandHarness()
        try harness.file("ok.json", Samples.pattern)
        let fifo = harness.folder.appendingPathComponent("pipe.json").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let outcome = harness.run(["validate", harness.folder.path])
        #expect(outcome.stdout.contains("pipe.json: error: not a regular file (a FIFO, socket or device is not read)"))
        #expect(outcome.status == 2)
    }

    @Test func aSymbolicLinkToAFolderIsWalked() throws {
        let harness = try CommandHarness()
        let real = harness.folder.appendingPathComponent("real").path
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try harness.file("real/p.json", #"{"a": []}"#)
        let link = harness.folder.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let outcome = harness.run(["validate", link])
        #expect(outcome.stdout.hasPrefix("\(link)/p.json:1:7: error: Empty arrays are not allowed"))
        #expect(outcome.status == 1)
    }

    @Test func aSymbolicLinkLoopSaysSo() throws {
        let harness = try CommandHarness()
        let loop = harness.folder.appendingPathComponent("loop.json").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let outcome = harness.run(["validate", loop])
        #expect(outcome.stdout.hasPrefix("\(loop): error: Too many levels of symbolic links\n"))
        #expect(outcome.status == 2)
    }

    @Test func findingsOfOnePatternAreBounded() throws {
        let harness = try CommandHarness()
        // 250 keys: 249 repeats, in under 2,048 characters (no size warning).
        let members = Array(repeating: #""a":[1]"#, count: 250).joined(separator: ",")
        let file = try harness.file("dup.json", "{\(members)}")
        let outcome = harness.run(["validate", "--format", "json", file])
        let record = try #require(JSONSerialization.jsonObject(with: Data(outcome.lines[0].utf8)) as? [String: Any])
        let warnings = try #require(record["warnings"] as? [[String: Any]])
        #expect(warnings.count == PatternChecker.maxFindings + 1)
        #expect(warnings.last?["message"] as? String == "49 more findings in this pattern are not shown")
    }

    @Test func aFieldNamedConditionIsChecked() throws {
        let harness = try CommandHarness()
        let file = try harness.file(
            "t.json",
            #"{"Resources": {"R": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"source": "aws.cloudwatch", "detail": {"Condition": ["ALARM"]}}}}}}"#)
        let outcome = harness.run(["validate", file])
        #expect(outcome.stdout.contains("error: [R] \"source\" must be an object or an array"))
        #expect(!outcome.stdout.contains("notStatic"))
        #expect(outcome.status == 1)
    }

    @Test func aPatternWithAResourcesFieldIsAPattern() throws {
        let harness = try CommandHarness()
        let file = try harness.file("p.json", #"{"Resources": {"type": ["a"]}, "source": "bad"}"#)
        let outcome = harness.run(["validate", file])
        #expect(outcome.stdout.contains("error: \"source\" must be an object or an array"))
        let broken = try harness.file("b.json", #"{"detail": {"Resources": ["a"}}"#)
        let brokenOutcome = harness.run(["validate", broken])
        #expect(brokenOutcome.stdout.contains("AWS: Event pattern is not valid. Reason: Unexpected close marker"))
        #expect(brokenOutcome.status == 1)
    }

    @Test func patternSizeLimits() throws {
        let harness = try CommandHarness()
        let quota = try harness.file("q.json", #"{"a": [""# + String(repeating: "x", count: 3000) + #""]}"#)
        let quotaOutcome = harness.run(["validate", "--format", "json", quota])
        #expect(quotaOutcome.stdout.contains(#""code":"sizeQuota""#))
        #expect(quotaOutcome.status == 0)
        let long = try harness.file("l.json", #"{"a": [""# + String(repeating: "x", count: 5000) + #""]}"#)
        let longOutcome = harness.run(["validate", long])
        #expect(longOutcome.stdout.contains("error: the pattern is 5011 characters long; EventBridge accepts at most 4,096"))
        #expect(longOutcome.status == 1)
    }

    @Test func aPlaceholderInANumberListIsANumber() throws {
        let harness = try CommandHarness()
        let file = try harness.file(
            "t.json",
            #"{"Resources": {"R": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"c": [{"anything-but": [{"Fn::If": ["C", 1, 2]}, 3]}]}}}}}"#)
        let outcome = harness.run(["validate", file])
        #expect(outcome.stdout.contains("a placeholder number stands in for it"))
        #expect(outcome.status == 0)
    }

    @Test func aLineBreakInAMessageStaysOnItsLine() throws {
        let harness = try CommandHarness()
        let file = try harness.file("nl.json", "{\"a\\nb\": 1}")
        let outcome = harness.run(["validate", file])
        #expect(outcome.lines.first == #"\#(file):1:10: error: "a\u000Ab" must be an object or an array (at $.a\u000Ab)"#)
    }

    @Test func aDeepFaultsPathIsShortenedInTextButWholeInJSON() throws {
        let harness = try CommandHarness()
        // A fault 500 levels down: its path is 1,001 characters.
        let file = try harness.file("deep.json", String(repeating: #"{"a": "#, count: 500) + "1" + String(repeating: "}", count: 500))
        let text = harness.run(["validate", file])
        #expect(text.status == 1)
        #expect(text.stdout.contains(" (1001 characters))\n"))
        let json = harness.run(["validate", "--format", "json", file])
        #expect(json.stdout.contains(#""path":"$"# + String(repeating: ".a", count: 500) + "\""))
        // Past the depth limit the file cannot be read at all: the message is shortened too.
        let deeper = try harness.file("deeper.json", String(repeating: #"{"a": "#, count: 1_001) + "1" + String(repeating: "}", count: 1_001))
        let refused = harness.run(["validate", deeper])
        #expect(refused.status == 2)
        #expect(refused.stdout.contains(" (2001 characters))\n"))
        #expect(refused.stdout.count < 600)
    }

    @Test func aByteOrderMarkIsNotAColumn() throws {
        let harness = try CommandHarness()
        let file = try harness.file(
            "bom.json",
            bytes: [0xEF, 0xBB, 0xBF]
                + Array(#"{"Resources": {"R": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"a": "x"}}}}}"#.utf8))
        let outcome = harness.run(["validate", file])
        #expect(outcome.lines.first?.hasPrefix("\(file):1:88: error: [R] \"a\" must be an object or an array") == true)
    }

    @Test func manyModulesAndManyRulesStayLinear() throws {
        // 20,000 child modules and 5,000 rules: read once each (a quadratic walk took minutes).
        let harness = try CommandHarness()
        let modules = Array(repeating: "{}", count: 20_000).joined(separator: ",")
        let rule = #"{"address": "aws_cloudwatch_event_rule.r", "type": "aws_cloudwatch_event_rule", "values": {"event_pattern": "{\"a\": [\"x\"]}"}}"#
        let rules = Array(repeating: rule, count: 5_000).joined(separator: ",")
        let plan = try harness.file(
            "plan.json",
            #"{"format_version": "1.2", "planned_values": {"root_module": {"resources": [\#(rules)], "child_modules": [\#(modules)]}}}"#)
        let outcome = harness.run(["validate", plan])
        #expect(outcome.stdout == "ebmatch: 5000 patterns in 1 file: 0 invalid, 0 warnings\n")
    }

    @Test func textIndexAgreesWithCountingFromTheStart() {
        var bytes: [UInt8] = []
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [[10], [13], [13, 10], Array("é".utf8), Array("😀".utf8), Array("ab".utf8)]
        for _ in 0..<3000 { bytes += pieces.randomElement(using: &generator) ?? [] }
        let index = TextIndex(bytes)
        for offset in stride(from: 0, through: bytes.count + 3, by: 7) {
            #expect(index.position(of: offset) == TextPosition(offset: offset, in: bytes), "\(offset)")
        }
    }

    @Test func lineSeparatorsAreEscapedInJSON() {
        #expect(JSONObjectText.quoted("a\u{2028}b\u{85}c\u{2029}") == #""a\u2028b\u0085c\u2029""#)
    }
}
