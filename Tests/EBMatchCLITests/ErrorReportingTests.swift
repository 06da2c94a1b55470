import EBMatchCLI
import Foundation
import Testing

/// How `ebmatch` reports invalid patterns, invalid events and unreadable files, and that it goes on.
@Suite struct ErrorReportingTests {
    /// AWS's message for `{"resources": []}`, character for character.
    static let emptyArrayMessage =
        "Event pattern is not valid. Reason: Empty arrays are not allowed\n at [Source: (String)\"{\"resources\": []}\"; line: 1, column: 17]"

    @Test func invalidPatternInText() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", #"{"resources": []}"#)
        let event = try harness.file("e.json", Samples.matching)
        let outcome = harness.run([pattern, event])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "")
        #expect(
            outcome.stderr
                == "\(pattern):1:17: error: Empty arrays are not allowed\n  AWS: \(Self.emptyArrayMessage)\n  at $.resources\n"
                + "  note: a list needs at least one value; to match events without the field use [{\"exists\": false}]\n")
    }

    @Test func invalidPatternInJSON() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", #"{"resources": []}"#)
        let event = try harness.file("e.json", Samples.matching)
        let outcome = harness.run(["--format", "json", pattern, event])
        #expect(outcome.status == 2)
        let expected =
            #"{"error":{"type":"InvalidEventPatternException","message":"Event pattern is not valid. Reason: Empty arrays are not allowed\n at [Source: (String)\"{\"resources\": []}\"; line: 1, column: 17]","file":"\#(pattern)","path":"$.resources","line":1,"column":17,"note":"a list needs at least one value; to match events without the field use [{\"exists\": false}]"}}"#
        #expect(outcome.stdout == expected + "\n")
        // The message survives a JSON round trip unchanged.
        let decoded = try JSONSerialization.jsonObject(with: Data(outcome.lines[0].utf8)) as? [String: [String: Any]]
        #expect(decoded?["error"]?["message"] as? String == Self.emptyArrayMessage)
    }

    @Test func patternErrorWithoutLocationHasNullPosition() throws {
        let harness = try CommandHarness()
        // The complexity rejection carries no location in AWS's answer.
        let pattern = try harness.file("p.json", #"{"source": [{"wildcard": "a*b*c*d"}]}"#)
        let event = try harness.file("e.json", Samples.matching)
        let text = harness.run(["--max-wildcard-complexity", "1", pattern, event])
        #expect(text.stderr.hasPrefix("\(pattern): error: Rule is too complex"))
        let json = harness.run(["--format", "json", "--max-wildcard-complexity", "1", pattern, event])
        #expect(json.stdout.contains(#""path":"$.source","line":null,"column":null,"note":"the limit in force is 1 (--max-complexity)"#))
    }

    @Test func emptyPatternFileGetsAWSAnswer() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", "")
        let event = try harness.file("e.json", Samples.matching)
        let outcome = harness.run([pattern, event])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("Filter is not an object"))
    }

    @Test func missingEnvelopeFieldInText() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let complete = try harness.file("ok.json", Samples.enveloped)
        let partial = try harness.file("e.json", Samples.matching)
        let outcome = harness.run(["--require-envelope", pattern, partial, complete])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "\(complete): match\n")
        #expect(outcome.stderr == "\(partial): error: ValidationException: Parameter Event is not valid. (missing \"id\")\n")
    }

    @Test func missingEnvelopeFieldInJSON() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let events = try harness.file("e.json", "[\(Samples.enveloped), \(Samples.matching)]")
        let outcome = harness.run(["--format", "json", "--require-envelope", pattern, events])
        #expect(outcome.status == 2)
        #expect(
            outcome.lines == [
                #"{"event":"\#(events)","index":0,"line":1,"result":"match"}"#,
                #"{"event":"\#(events)","index":1,"line":1,"error":{"type":"ValidationException","message":"Parameter Event is not valid.","missing":"id"}}"#,
            ])
    }

    @Test func missingFileAndDirectory() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let event = try harness.file("e.json", Samples.matching)
        let missing = harness.folder.appendingPathComponent("absent.json").path
        let outcome = harness.run([pattern, missing, harness.folder.path, event])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "\(event): match\n")
        #expect(
            outcome.stderr
                == "\(missing): error: No such file or directory\n\(harness.folder.path): error: is a directory\n")
        let missingPattern = harness.run([missing, event])
        #expect(missingPattern.status == 2)
        #expect(missingPattern.stderr == "\(missing): error: No such file or directory\n")
    }

    @Test func unreadableFile() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let event = try harness.file("e.json", Samples.matching)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: event)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: event) }
        // The superuser reads anything, so the check only means something for other users.
        guard !FileManager.default.isReadableFile(atPath: event) else { return }
        let outcome = harness.run([pattern, event])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "\(event): error: Permission denied\n")
    }

    @Test func emptyAndBlankEventFiles() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let empty = try harness.file("empty.json", "")
        let blank = try harness.file("blank.json", " \n\t\r\n")
        let outcome = harness.run([pattern, empty, blank])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "\(empty): error: no event in file\n\(blank): error: no event in file\n")
        #expect(harness.run([pattern, "-"], stdin: "").stderr == "<stdin>: error: no event in file\n")
    }

    @Test func invalidUTF8InEvent() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let event = try harness.file("e.json", bytes: Array(#"{"source": "a"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8))
        let outcome = harness.run([pattern, event])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr.hasPrefix("\(event):1:"))
        #expect(outcome.stderr.contains(": error: Invalid UTF-8"))
        #expect(outcome.stderr.hasSuffix(" (event 0, at $.source)\n"))
    }

    @Test func malformedEventInJSONIsARecordOnStdout() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let events = try harness.file("e.jsonl", "\(Samples.matching)\n{\"a\": [1,]}\n")
        let outcome = harness.run(["--format", "json", pattern, events, "missing.json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "")
        #expect(
            outcome.lines == [
                #"{"event":"\#(events)","index":0,"line":1,"result":"match"}"#,
                #"{"event":"\#(events)","index":1,"line":2,"error":{"type":"InvalidEvent","code":"jsonSyntax","message":"Unexpected character (']' (code 93)): expected a value","path":"$.a[1]","line":2,"column":10}}"#,
                #"{"event":"missing.json","error":{"type":"UnreadableFile","message":"No such file or directory","file":"missing.json"}}"#,
            ])
    }

    @Test func nestingTooDeep() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let deep = String(repeating: #"{"a":"#, count: 1001) + "1" + String(repeating: "}", count: 1001)
        let event = try harness.file("e.json", deep)
        let outcome = harness.run([pattern, event])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("\(event):1:"))
        #expect(outcome.stderr.contains("error: Document nesting depth (1001) exceeds the maximum allowed (1000"))
    }

    @Test func numberTooLong() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let event = try harness.file("e.json", #"{"n": "# + String(repeating: "7", count: 1001) + "}")
        let outcome = harness.run([pattern, event])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("\(event):1:"))
        #expect(outcome.stderr.contains("error: Number value length (1001) exceeds the maximum allowed (1000"))
    }

    @Test func malformedLineInTheMiddleOfJSONLines() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let events = try harness.file("e.jsonl", "\(Samples.matching)\n{\"source\": }\n\(Samples.other)\n")
        let outcome = harness.run([pattern, events])
        #expect(outcome.status == 2)
        #expect(outcome.lines == ["\(events):1: match", "\(events):3: no match"])
        #expect(outcome.stderr.hasPrefix("\(events):2:12: error: Unexpected character ('}'"))
        #expect(outcome.stderr.hasSuffix(" (event 1, at $.source)\n"))
    }

    @Test func nonObjectEventIsPlacedInTheFile() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let events = try harness.file("e.json", "[\n  \(Samples.matching),\n  42\n]")
        let outcome = harness.run([pattern, events])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "\(events)[0]: match\n")
        #expect(outcome.stderr == "\(events):3:3: error: Event must be a JSON object (event 1)\n")
    }

    @Test func invalidEventWithEnvelopeCheckIsReportedAsInvalid() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let events = try harness.file("e.jsonl", "\(Samples.enveloped)\n\"text\"\n")
        let outcome = harness.run(["--require-envelope", pattern, events])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "\(events):1: match\n")
        #expect(outcome.stderr == "\(events):2:1: error: Event must be a JSON object (event 1)\n")
    }

    @Test func errorsOutrankMismatches() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let other = try harness.file("other.json", Samples.other)
        let broken = try harness.file("broken.json", "{")
        let outcome = harness.run([pattern, other, broken])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "\(other): no match\n")
    }
}
