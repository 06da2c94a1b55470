import Foundation
import Testing

@testable import EBMatchCLI

/// Input meant to hurt: oversized files, control characters, unwritable output, broken arrays.
@Suite struct HostileInputTests {
    @Test func oversizedPatternFileIsRefusedWithoutReadingItAll() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", "{\"a\":[\"" + String(repeating: "x", count: 1 << 20) + "\"]}")
        let event = try harness.file("e.json", Samples.matching)
        let outcome = harness.run([pattern, event])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "\(pattern): error: larger than 1 MiB (EventBridge accepts patterns of at most 4,096 characters)\n")
    }

    @Test func readAllStopsAtTheLimit() throws {
        let harness = try CommandHarness()
        let path = try harness.file("big.bin", String(repeating: "y", count: 3000))
        let handle = try #require(FileHandle(forReadingAtPath: path))
        #expect(try InputFile.readAll(handle, limit: 2999) == nil)
        let again = try #require(FileHandle(forReadingAtPath: path))
        #expect(try InputFile.readAll(again, limit: 3000)?.count == 3000)
    }

    @Test func controlCharactersInMessagesAreMadeVisible() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", bytes: Array("{\"a\":[\"\u{1B}[31mred\"]}".utf8))
        let event = try harness.file("e.json", Samples.matching)
        let outcome = harness.run([pattern, event])
        #expect(outcome.status == 2)
        #expect(!outcome.stderr.contains("\u{1B}"))
        #expect(outcome.stderr.contains(#"[Source: (String)"{"a":["\u001B[31mred"]}"; line: 1, column: 8]"#))
        #expect(ReportWriter.visible("a\tb\nc\u{7}\u{9B}") == "a\tb\nc\\u0007\\u009B")
    }

    @Test func unwritableOutputIsAnError() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let event = try harness.file("e.json", Samples.matching)
        let outcome = harness.run([pattern, event], stdoutFails: true)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "ebmatch: error: cannot write results: No space left on device\n")
    }

    @Test func aBrokenArraySaysWhatWasNotRead() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let events = try harness.file("e.json", "[\(Samples.matching),\n{\"a\":bad},\n\(Samples.matching)]")
        let outcome = harness.run([pattern, events])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "\(events)[0]: match\n")
        #expect(outcome.stderr.hasSuffix("\(events): error: the events after [0] were not read (the array is malformed at [1])\n"))
    }

    @Test func carriageReturnLinesResumeAfterABadRecord() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let events = try harness.file("e.jsonl", "\(Samples.matching)\r{\"a\":bad}\r\(Samples.matching)\r")
        let outcome = harness.run([pattern, events])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "\(events):1: match\n\(events):3: match\n")
    }
}

/// Messages and names that must stay truthful and inert.
@Suite struct MessageHygieneTests {
    @Test func controlCharactersInFileNamesAreEscapedInText() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let event = try harness.file("n\nx.json: match\u{1B}[31m", Samples.matching)
        let outcome = harness.run([pattern, event])
        #expect(outcome.stdout.split(separator: "\n").count == 1)
        #expect(!outcome.stdout.contains("\u{1B}"))
        #expect(outcome.stdout.hasSuffix(#"n\u000Ax.json: match\u001B[31m: match"# + "\n"))
    }

    @Test func contentAfterAnArrayOfEventsIsReported() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let events = try harness.file("e.json", "[\(Samples.matching)]\n[\(Samples.matching)]")
        let outcome = harness.run([pattern, events])
        #expect(outcome.status == 2)
        #expect(outcome.stdout == "\(events)[0]: match\n")
        #expect(outcome.stderr.contains("expected nothing after the array of events"))
    }

    @Test func errorPathsNameTheMemberWhoseValueIsBad() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let event = try harness.file("e.json", #"{"b": {"c": bad}}"#)
        let outcome = harness.run([pattern, event])
        #expect(outcome.stderr.hasSuffix("(event 0, at $.b.c)\n"))
    }
}
