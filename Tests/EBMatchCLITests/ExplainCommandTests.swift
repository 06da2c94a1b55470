import Foundation
import Testing

@testable import EBMatchCLI

/// `ebmatch explain`: golden reports for pattern/event pairs that cover every hint, in text and JSON.
///
/// Each pair is `Fixtures/explain/NAME.pattern.json` with `NAME.event.json`; the reports are
/// `NAME.txt` and `NAME.jsonl` beside them. Run with `EBMATCH_UPDATE_GOLDEN=1` to rewrite the reports
/// after an intended change, then review the diff.
@Suite struct ExplainCommandTests {
    /// The pair names, from the fixture folder.
    static let pairs: [String] = {
        guard let folder = try? CommandHarness.fixture("explain"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return [] }
        return names.filter { $0.hasSuffix(".pattern.json") }.map { String($0.dropLast(".pattern.json".count)) }.sorted()
    }()

    @Test func enoughPairs() {
        #expect(Self.pairs.count >= 20)
    }

    @Test(arguments: pairs)
    func golden(pair: String) throws {
        let folder = try CommandHarness.fixture("explain")
        let harness = try CommandHarness()
        let pattern = "\(folder)/\(pair).pattern.json"
        let event = "\(folder)/\(pair).event.json"
        let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/explain")
        for (format, ext) in [("text", "txt"), ("json", "jsonl")] {
            let outcome = harness.run(["explain", "--format", format, pattern, event])
            #expect(outcome.stderr == "")
            #expect(outcome.status == (outcome.stdout.contains(": match\n") || outcome.stdout.contains(#""result":"match""#) ? 0 : 1))
            let actual = outcome.stdout.replacingOccurrences(of: folder + "/", with: "")
            if ProcessInfo.processInfo.environment["EBMATCH_UPDATE_GOLDEN"] == "1" {
                try actual.write(to: sourceFolder.appendingPathComponent("\(pair).\(ext)"), atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOfFile: "\(folder)/\(pair).\(ext)", encoding: .utf8)
            #expect(actual == expected, "\(pair).\(ext)")
        }
    }

    @Test func nonMatchingGenesysPairNamesThePathAndFitsOneScreen() throws {
        let harness = try CommandHarness()
        let outcome = harness.run([
            try CommandHarness.fixture("explain/24-genesys-customer-end.pattern.json"),
            try CommandHarness.fixture("explain/24-genesys-customer-end.event.json"),
        ].reduce(into: ["explain"]) { $0.append($1) })
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("FAILED  detail.eventBody.queueId"))
        #expect(outcome.lines.count <= 24)
    }

    @Test func errorsAreReportedAsForMatching() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", #"{"a": []}"#)
        let event = try harness.file("e.json", #"{"a": 1}"#)
        let invalid = harness.run(["explain", pattern, event])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.hasPrefix("\(pattern):1:9: error: Empty arrays are not allowed"))
        let good = try harness.file("g.json", Samples.pattern)
        let events = try harness.file("e.jsonl", "{\"source\": \"a\"}\n{\"source\": \n")
        let mixed = harness.run(["explain", good, events])
        #expect(mixed.status == 2)
        #expect(mixed.stdout.hasPrefix("\(events):1: match\n"))
        #expect(mixed.stderr.contains("error: Unexpected end-of-input within/between Object entries (event 1, at $.source)"))
    }

    @Test func helpAndUsage() throws {
        let harness = try CommandHarness()
        #expect(harness.run(["explain", "--help"]).stdout == CommandHelp.usage(of: .explain))
        let usage = harness.run(["explain", "--format", "junit", "p", "e"])
        #expect(usage.status == 64)
        #expect(usage.stderr == """
            ebmatch: error: invalid value 'junit' for '--format' (expected 'text' or 'json')
            Usage: ebmatch explain [OPTIONS] PATTERN EVENT...
            Run 'ebmatch explain --help' for more.

            """)
    }
}
