import EBMatch
import EBMatchCLI
import Testing

/// Parsing of the command line, and the usage errors that end a run with status 64.
@Suite struct CommandLineArgumentsTests {
    @Test func defaults() throws {
        let parsed = try CommandLineArguments(parsing: ["p.json", "a.json", "b.json"])
        #expect(parsed.action == .run)
        #expect(parsed.command == .match)
        #expect(parsed.patternPath == "p.json")
        #expect(parsed.eventPaths == ["a.json", "b.json"])
        #expect(parsed.format == .text)
        #expect(parsed.requireEnvelope == false)
        #expect(parsed.limits == .aws)
    }

    @Test func optionsAnywhereOnTheLine() throws {
        let parsed = try CommandLineArguments(parsing: [
            "p.json", "--format", "json", "a.json", "--require-envelope", "--max-wildcard-complexity=4",
        ])
        #expect(parsed.format == .json)
        #expect(parsed.requireEnvelope)
        #expect(parsed.limits.maxWildcardComplexity == 4)
        #expect(parsed.eventPaths == ["a.json"])
    }

    @Test func doubleDashEndsOptions() throws {
        let parsed = try CommandLineArguments(parsing: ["--", "--format", "-h"])
        #expect(parsed.action == .run)
        #expect(parsed.command == .match)
        #expect(parsed.patternPath == "--format")
        #expect(parsed.eventPaths == ["-h"])
    }

    @Test func loneDashIsStandardInput() throws {
        let parsed = try CommandLineArguments(parsing: ["p.json", "-"])
        #expect(parsed.eventPaths == ["-"])
    }

    @Test(arguments: [
        (["p.json", "e.json", "--frobnicate"], "unknown option '--frobnicate'"),
        (["-x", "p.json", "e.json"], "unknown option '-x'"),
        ([], "missing PATTERN and EVENT arguments"),
        (["p.json"], "missing EVENT argument"),
        (["-", "-"], "standard input ('-') can be read only once"),
        (["p.json", "-", "-"], "standard input ('-') can be read only once"),
        (["--format", "xml", "p.json", "e.json"], "invalid value 'xml' for '--format' (expected 'text' or 'json')"),
        (["p.json", "e.json", "--format"], "option '--format' needs a value"),
        // A command with one format names it alone (not "expected  or 'text'").
        (["genesys", "pattern", "--topic", "acd.end", "--format", "json"], "invalid value 'json' for '--format' (expected 'text')"),
        (["--max-wildcard-complexity", "0", "p", "e"],
         "invalid value '0' for '--max-wildcard-complexity' (expected a positive integer)"),
        (["--max-wildcard-complexity", "-3", "p", "e"],
         "invalid value '-3' for '--max-wildcard-complexity' (expected a positive integer)"),
        (["--max-wildcard-complexity=+3", "p", "e"],
         "invalid value '+3' for '--max-wildcard-complexity' (expected a positive integer)"),
        (["--max-wildcard-complexity", "99999999999999999999999", "p", "e"],
         "invalid value '99999999999999999999999' for '--max-wildcard-complexity' (expected a positive integer)"),
        (["--require-envelope=yes", "p", "e"], "option '--require-envelope' takes no value"),
    ])
    func usageErrors(arguments: [String], message: String) {
        #expect(throws: CommandLineArguments.UsageError(message)) {
            try CommandLineArguments(parsing: arguments)
        }
    }

    @Test func usageErrorsExitWith64AndPointToHelp() throws {
        let harness = try CommandHarness()
        let outcome = harness.run(["--bogus", "p.json", "e.json"])
        #expect(outcome.status == 64)
        #expect(outcome.stdout == "")
        #expect(
            outcome.stderr
                == "ebmatch: error: unknown option '--bogus'\nUsage: ebmatch [OPTIONS] PATTERN EVENT...\nRun 'ebmatch --help' for more.\n"
        )
    }

    @Test func standardInputTwiceIsAUsageErrorBeforeAnythingIsRead() throws {
        let harness = try CommandHarness()
        let outcome = harness.run(["-", "-"], stdin: Samples.pattern)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasPrefix("ebmatch: error: standard input ('-') can be read only once\n"))
    }

    @Test func usageErrorWinsOverMissingFiles() throws {
        let harness = try CommandHarness()
        #expect(harness.run(["--format", "yaml", "/absent/p.json", "/absent/e.json"]).status == 64)
    }

    @Test func helpWinsOverOtherErrors() throws {
        let parsed = try CommandLineArguments(parsing: ["--bogus", "--help"])
        #expect(parsed.action == .help)
        #expect(try CommandLineArguments(parsing: ["--version", "p.json"]).action == .version)
    }
}
