import Foundation
import Testing

@testable import EBMatchCLI

#if canImport(FoundationXML)
import FoundationXML
#endif

/// `ebmatch test`: suites that pass, fail, are invalid or empty, nested, and manifests; every format
/// against golden files (refresh with `EBMATCH_UPDATE_GOLDEN=1`, then review the diff).
@Suite struct TestCommandTests {
    /// The output with the fixture folder's path removed (absolute, or relative as GitHub annotations
    /// write it).
    static func normalized(_ text: String, folder: String) -> String {
        let relative = GitHubAnnotations.relative(folder, to: FileManager.default.currentDirectoryPath)
        return text.replacingOccurrences(of: folder + "/", with: "").replacingOccurrences(of: relative + "/", with: "")
    }

    @Test(arguments: [("text", "suites.txt"), ("json", "suites.jsonl"), ("github", "suites.github"), ("junit", "suites.xml")])
    func goldenReport(format: String, golden: String) throws {
        let folder = try CommandHarness.fixture("suites")
        let outcome = try CommandHarness().run(["test", "--format", format, folder])
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "")
        let actual = Self.normalized(outcome.stdout, folder: folder)
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/suites-golden")
        if ProcessInfo.processInfo.environment["EBMATCH_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
            try actual.write(to: source.appendingPathComponent(golden), atomically: true, encoding: .utf8)
        }
        #expect(actual == (try String(contentsOfFile: CommandHarness.fixture("suites-golden/" + golden), encoding: .utf8)))
    }

    @Test func passingSuitesExitZero() throws {
        let folder = try CommandHarness.fixture("suites")
        let outcome = try CommandHarness().run(["test", folder + "/passing", folder + "/team/nested", folder + "/manifest.suite.json"])
        #expect(outcome.status == 0)
        #expect(outcome.lines.last == "ebmatch: 3 suites: 3 passed, 0 failed; 6 expectations, 0 failed")
    }

    @Test func failingSuiteExitsOneAndExplains() throws {
        let folder = try CommandHarness.fixture("suites")
        let outcome = try CommandHarness().run(["test", folder + "/team/failing"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("/team/failing/match/acd-end.json: must match, but does not\n"))
        #expect(outcome.stdout.contains("fix     write the path as `detail.eventBody.queueId` (names are case-sensitive)"))
        #expect(outcome.stdout.contains("/team/failing/no-match/array.json[1]: must not match, but does\n"))
    }

    @Test func emptySuiteFails() throws {
        let folder = try CommandHarness.fixture("suites")
        let outcome = try CommandHarness().run(["test", folder + "/empty"])
        #expect(outcome.status == 1)
        #expect(outcome.lines.first?.hasSuffix("/empty: no events, so it tests nothing (add match/ or no-match/ events)") == true)
    }

    @Test func emptyManifestIsAdvisedToListEvents() throws {
        let harness = try CommandHarness()
        _ = try harness.file("p.json", #"{"source": ["a"]}"#)
        let manifest = try harness.file("p.suite.json", #"{"pattern": "p.json", "match": [], "no-match": []}"#)
        let outcome = harness.run(["test", manifest])
        #expect(outcome.status == 1)
        #expect(outcome.lines.first
            == #"FAIL \#(manifest): no events, so it tests nothing (list event files under "match" or "no-match")"#)
    }

    @Test func invalidPatternOrEventExitsTwo() throws {
        let folder = try CommandHarness.fixture("suites")
        #expect(try CommandHarness().run(["test", folder + "/invalid-pattern"]).status == 2)
        #expect(try CommandHarness().run(["test", folder + "/bad-event"]).status == 2)
        #expect(try CommandHarness().run(["test", folder + "/typo.suite.json"]).status == 2)
    }

    @Test func noSuiteFoundExitsTwo() throws {
        let harness = try CommandHarness()
        try harness.file("x.json", "{}")
        let outcome = harness.run(["test", harness.folder.path, harness.folder.path + "/x.json", "missing"])
        #expect(outcome.status == 2)
        #expect(outcome.lines == [
            "\(harness.folder.path): error: no suites here (no folder with pattern.json, no *.suite.json)",
            "\(harness.folder.path)/x.json: error: not a suite: give a folder holding pattern.json, or a *.suite.json manifest",
            "missing: error: No such file or directory",
            "ebmatch: 0 suites: 0 passed, 0 failed, 3 in error; 0 expectations, 0 failed",
        ])
    }

    @Test func manifestNoMatchFolderLeavesOutTheMatchEvents() throws {
        let suite = RuleSuite.manifest(try CommandHarness.fixture("suites/manifest.suite.json"))
        #expect(suite.name == "partner source only")
        #expect(suite.expectations.map { "\(($0.file as NSString).lastPathComponent) \($0.mustMatch)" } == [
            "e1.json true", "e2.json false",
        ])
    }

    @Test func aFileUnderBothMatchAndNoMatchIsAnError() throws {
        let harness = try CommandHarness()
        try harness.file("p.json", Samples.pattern)
        try harness.file("e.json", Samples.matching)
        let manifest = try harness.file("x.suite.json", #"{"pattern": "p.json", "match": ["e.json"], "no-match": ["e.json"]}"#)
        let outcome = harness.run(["test", manifest])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.contains("is listed under both match and no-match"))
    }

    @Test func aHugeFailingSuiteKeepsABoundedReport() throws {
        let harness = try CommandHarness()
        let suite = harness.folder.appendingPathComponent("s").path
        try FileManager.default.createDirectory(atPath: suite + "/match", withIntermediateDirectories: true)
        try harness.file("s/pattern.json", Samples.pattern)
        try harness.file("s/match/e.jsonl", String(repeating: Samples.other + "\n", count: 1_500))
        let outcome = harness.run(["test", suite])
        #expect(outcome.status == 1)
        #expect(outcome.lines.first?.hasSuffix("/s: 1500 of 1500 expectations failed") == true)
        #expect(outcome.stdout.contains("  … and 500 more failed expectations or bad events\n"))
        #expect(outcome.lines.filter { $0.hasSuffix(": must match, but does not") }.count == 1_000)
    }

    @Test func junitReportParses() throws {
        let outcome = try CommandHarness().run(["test", "--format", "junit", try CommandHarness.fixture("suites")])
        let document = try XMLDocument(data: Data(outcome.stdout.utf8))
        #expect(try document.nodes(forXPath: "//testcase/failure").count == 3)
        #expect(try document.nodes(forXPath: "//testcase/error").count == 3)
    }

    @Test func theGenesysPackPasses() throws {
        let patterns = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("patterns").path
        let outcome = try CommandHarness().run(["test", patterns])
        #expect(outcome.status == 0)
        #expect(outcome.lines.last == "ebmatch: 22 suites: 22 passed, 0 failed; 249 expectations, 0 failed")
    }
}
