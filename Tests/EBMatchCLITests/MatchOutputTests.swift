import EBMatchCLI
import Foundation
import Testing

/// What `ebmatch PATTERN EVENT...` prints for events it can judge, and the exit status that follows.
@Suite struct MatchOutputTests {
    @Test func matchingEventPrintsMatchAndExitsZero() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let event = try harness.file("e.json", Samples.matching)
        let outcome = harness.run([pattern, event])
        #expect(outcome.stdout == "\(event): match\n")
        #expect(outcome.stderr == "")
        #expect(outcome.status == 0)
    }

    @Test func nonMatchingEventPrintsNoMatchAndExitsOne() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let good = try harness.file("good.json", Samples.matching)
        let bad = try harness.file("bad.json", Samples.other)
        let outcome = harness.run([pattern, good, bad])
        #expect(outcome.lines == ["\(good): match", "\(bad): no match"])
        #expect(outcome.status == 1)
    }

    @Test func genesysSampleMatchesItsQueuePattern() throws {
        let harness = try CommandHarness()
        let pattern = try CommandHarness.fixture("p01-acd-end-queue-a.json")
        let event = try CommandHarness.fixture("e02-acd-end-voice-queue-a.json")
        let outcome = harness.run([pattern, event])
        #expect(outcome.stdout == "\(event): match\n")
        #expect(outcome.status == 0)
    }

    @Test func jsonLinesNameEachEventByItsFirstLine() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        // The second event spans lines 2 and 3, so the third starts on line 5 after a blank line.
        let events = try harness.file("e.jsonl", "{\"source\": \"a\"}\n{\"source\":\n \"b\"}\n\n{\"source\": \"a\"}\n")
        let outcome = harness.run([pattern, events])
        #expect(outcome.lines == ["\(events):1: match", "\(events):2: no match", "\(events):5: match"])
        #expect(outcome.status == 1)
    }

    @Test func arrayElementsAreNamedByIndex() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let events = try harness.file("e.json", "[\n  \(Samples.other),\n  \(Samples.matching)\n]")
        let outcome = harness.run([pattern, events])
        #expect(outcome.lines == ["\(events)[0]: no match", "\(events)[1]: match"])
        #expect(outcome.status == 1)
    }

    @Test func jsonFormatWritesOneObjectPerEvent() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let events = try harness.file("e.json", "[\(Samples.matching),\n\(Samples.other)]")
        let outcome = harness.run(["--format", "json", pattern, events])
        #expect(
            outcome.lines == [
                #"{"event":"\#(events)","index":0,"line":1,"result":"match"}"#,
                #"{"event":"\#(events)","index":1,"line":2,"result":"no-match"}"#,
            ])
        #expect(outcome.status == 1)
    }

    @Test func jsonFormatAcceptsInlineValue() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let event = try harness.file("e.json", Samples.matching)
        let outcome = harness.run(["--format=json", pattern, event])
        #expect(outcome.stdout == #"{"event":"\#(event)","index":0,"line":1,"result":"match"}"# + "\n")
        #expect(outcome.status == 0)
    }

    @Test func eventsFromStandardInputAreNamedStdin() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let outcome = harness.run([pattern, "-"], stdin: "\(Samples.matching)\n\(Samples.other)\n")
        #expect(outcome.lines == ["<stdin>:1: match", "<stdin>:2: no match"])
        #expect(outcome.status == 1)
    }

    @Test func patternFromStandardInput() throws {
        let harness = try CommandHarness()
        let event = try harness.file("e.json", Samples.matching)
        let outcome = harness.run(["-", event], stdin: Samples.pattern)
        #expect(outcome.stdout == "\(event): match\n")
        #expect(outcome.status == 0)
    }

    @Test func colorsOnlyOnATerminalWithoutNoColor() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let good = try harness.file("good.json", Samples.matching)
        let bad = try harness.file("bad.json", Samples.other)
        let colored = harness.run([pattern, good, bad], terminal: true)
        #expect(colored.lines == ["\(good): \u{1B}[32mmatch\u{1B}[0m", "\(bad): \u{1B}[31mno match\u{1B}[0m"])
        let optedOut = harness.run([pattern, good, bad], terminal: true, environment: ["NO_COLOR": "1"])
        #expect(optedOut.lines == ["\(good): match", "\(bad): no match"])
        // An empty NO_COLOR does not opt out (no-color.org).
        let emptyValue = harness.run([pattern, good], terminal: true, environment: ["NO_COLOR": ""])
        #expect(emptyValue.stdout == "\(good): \u{1B}[32mmatch\u{1B}[0m\n")
        let piped = harness.run([pattern, good, bad], terminal: false)
        #expect(piped.lines == ["\(good): match", "\(bad): no match"])
    }

    @Test func jsonFormatIsNeverColored() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let event = try harness.file("e.json", Samples.matching)
        let outcome = harness.run(["--format", "json", pattern, event], terminal: true)
        #expect(!outcome.stdout.contains("\u{1B}"))
    }

    @Test func envelopeCheckPassesCompleteEvents() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let event = try harness.file("e.json", Samples.enveloped)
        let outcome = harness.run(["--require-envelope", pattern, event])
        #expect(outcome.stdout == "\(event): match\n")
        #expect(outcome.status == 0)
    }

    @Test func wildcardComplexityLimitIsApplied() throws {
        let harness = try CommandHarness()
        // Accepted by default; rejected once the limit is lowered to 1.
        let pattern = try harness.file("p.json", #"{"source": [{"wildcard": "a*b*c*d"}]}"#)
        let event = try harness.file("e.json", #"{"source": "aXbXcXd"}"#)
        #expect(harness.run([pattern, event]).status == 0)
        let limited = harness.run(["--max-wildcard-complexity", "1", pattern, event])
        #expect(limited.status == 2)
        #expect(limited.stderr.contains("Rule is too complex"))
        #expect(limited.stderr.hasPrefix("\(pattern): error: "))
    }

    @Test func helpAndVersion() throws {
        let harness = try CommandHarness()
        let help = harness.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout == CommandHelp.usage(of: .match))
        #expect(help.stdout.hasPrefix("USAGE: ebmatch [OPTIONS] PATTERN EVENT...\n"))
        #expect(help.stdout.contains("EXAMPLES:"))
        #expect(harness.run(["x", "-h"]).stdout == CommandHelp.usage(of: .match))
        let version = harness.run(["--version"])
        #expect(version.stdout == "ebmatch 0.1.0\n")
        #expect(version.status == 0)
    }
}
