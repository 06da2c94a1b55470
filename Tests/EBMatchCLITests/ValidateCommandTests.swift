@testable import EBMatchCLI
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `ebmatch validate`: reports on a folder mixing pattern files, CloudFormation, SAM and CDK templates
/// and Terraform JSON, in every format, compared with golden files.
///
/// To refresh the golden files after an intended change, run the tests with `EBMATCH_UPDATE_GOLDEN=1`
/// and review the diff.
@Suite struct ValidateCommandTests {
    /// The fixture folder, and the arguments every golden run uses (a folder, plus a state file a folder
    /// walk does not pick up).
    static func fixtureArguments() throws -> (folder: String, arguments: [String]) {
        let folder = try CommandHarness.fixture("validate")
        return (folder, [folder, folder + "/terraform/terraform.tfstate"])
    }

    /// The output with the fixture folder's path removed (absolute, or relative to the current directory
    /// as GitHub annotations write it), so golden files hold names relative to the folder.
    static func normalized(_ text: String, folder: String) -> String {
        let relative = GitHubAnnotations.relative(folder, to: FileManager.default.currentDirectoryPath)
        return text.replacingOccurrences(of: folder + "/", with: "").replacingOccurrences(of: relative + "/", with: "")
    }

    @Test(arguments: [("text", "report.txt"), ("json", "report.jsonl"), ("github", "report.github"), ("junit", "report.xml")])
    func goldenReport(format: String, golden: String) throws {
        let harness = try CommandHarness()
        let (folder, arguments) = try Self.fixtureArguments()
        let outcome = harness.run(["validate", "--format", format] + arguments)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "")
        let actual = Self.normalized(outcome.stdout, folder: folder)
        let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/validate-golden")
        let goldenURL = goldenFolder.appendingPathComponent(golden)
        if ProcessInfo.processInfo.environment["EBMATCH_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: goldenURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: CommandHarness.fixture("validate-golden/" + golden), encoding: .utf8)
        #expect(actual == expected)
    }

    @Test func everyFindingOfTheMixedFolder() throws {
        let harness = try CommandHarness()
        let (folder, arguments) = try Self.fixtureArguments()
        let outcome = harness.run(["validate", "--format", "json"] + arguments)
        let records = try outcome.lines.map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let skipped = records.compactMap { $0["skipped"] != nil ? $0["file"] as? String : nil }
        #expect(skipped.map { Self.normalized($0, folder: folder) } == ["rules/examples/acd-end-event.json"])
        let patterns = records.filter { $0["summary"] == nil && $0["skipped"] == nil }
        // file (relative), resource, valid, error paths, warning codes
        let seen = patterns.map { record -> String in
            let file = Self.normalized(record["file"] as? String ?? "", folder: folder)
            let resource = record["resource"] as? String ?? "-"
            let errors = (record["errors"] as? [[String: Any]] ?? []).map { $0["path"] as? String ?? "" }
            let warnings = (record["warnings"] as? [[String: Any]] ?? []).map { $0["code"] as? String ?? "" }
            return "\(file) \(resource) errors=\(errors) warnings=\(warnings)"
        }
        #expect(seen == [
            #"cdk.out/GenesysStack.template.json QueueEndRule6A1B2C3D errors=[] warnings=[]"#,
            #"cfn/rules.template.json AcdEndRule errors=[] warnings=["notStatic", "notStatic"]"#,
            #"cfn/rules.template.json WrapUpRule errors=["$.detail.eventBody.durationMs[0].numeric"] warnings=[]"#,
            #"cfn/rules.template.json ComputedRule errors=[] warnings=["notStatic"]"#,
            #"cfn/rules.template.json CallsPipe.Filters[0] errors=[] warnings=["unsupportedInPipes"]"#,
            #"cfn/rules.template.json CallsPipe.Filters[1] errors=[] warnings=[]"#,
            #"rules/broken.json - errors=["$.detail-type", "$.detail.eventBody.mediaType[0].anything-but.prefix", "$.detail.eventBody.queueId", "$.detail.eventBody.acdOutcome[0].numeric", "$.detail.eventBody.conversationId[0].cidr"] warnings=[]"#,
            #"rules/duplicate.json - errors=[] warnings=["duplicatePath"]"#,
            #"rules/not-json.json - errors=["$.detail.eventBody.queueId"] warnings=[]"#,
            #"rules/queue-end.json - errors=[] warnings=[]"#,
            #"sam/template.json ConversationEndFunction.Events.AcdEnd errors=["$.detail.eventBody.queueId[0].exists"] warnings=[]"#,
            #"sam/template.json ConversationEndFunction.Events.Legacy errors=[] warnings=[]"#,
            #"sam/template.json Router.Events.Ended errors=["$.detail.$or"] warnings=[]"#,
            #"terraform/plan.json aws_cloudwatch_event_rule.acd_end errors=[] warnings=[]"#,
            #"terraform/plan.json module.routing.aws_cloudwatch_event_rule.queue["support"] errors=["$.detail.eventBody.durationMs[0].numeric"] warnings=[]"#,
            #"terraform/plan.json module.routing.aws_cloudwatch_event_rule.computed errors=[] warnings=["notStatic"]"#,
            #"terraform/plan.json module.routing.aws_pipes_pipe.calls.filter[0] errors=[] warnings=["unsupportedInPipes"]"#,
            #"terraform/terraform.tfstate module.routing.aws_cloudwatch_event_rule.queue["support"] errors=["$.detail.eventBody.$or"] warnings=[]"#,
            #"terraform/terraform.tfstate module.routing.aws_cloudwatch_event_rule.queue["sales"] errors=[] warnings=[]"#,
        ])
        let summary = try #require(records.last?["summary"] as? [String: Int])
        #expect(summary == ["files": 9, "patterns": 19, "invalid": 7, "warnings": 7, "unreadable": 0, "skipped": 1])
    }

    @Test func positionsInsideJSONStringsPointAtTheFile() throws {
        let harness = try CommandHarness()
        // The pattern is a JSON string with escapes before the fault: \" and \u003e each shift the column.
        let template = try harness.file(
            "t.json",
            #"{"Resources": {"R": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": "{\"a\": [{\"numeric\": [\"\u003e\", \"x\"]}]}"}}}}"#)
        let outcome = harness.run(["validate", "--format", "json", template])
        let record = try #require(JSONSerialization.jsonObject(with: Data(outcome.lines[0].utf8)) as? [String: Any])
        let error = try #require((record["errors"] as? [[String: Any]])?.first)
        // AWS counts in the decoded pattern (column 27: the `x` after the quote Jackson has read); in the
        // file that is the same `x` inside the escaped string of the template.
        let aws = try #require(error["awsMessage"] as? String)
        #expect(aws.hasSuffix(#"[Source: (String)"{"a": [{"numeric": [">", "x"]}]}"; line: 1, column: 27]"#))
        let text = try String(contentsOfFile: template, encoding: .utf8)
        let awsColumn = try #require(error["awsColumn"] as? Int)
        #expect(awsColumn == 121)
        #expect(text.dropFirst(awsColumn - 1).prefix(4) == #"x\"]"#)
        // ebmatch's own position is the start of the value the path names: the `numeric` list.
        let column = try #require(error["column"] as? Int)
        #expect(column == 106)
        #expect(text.dropFirst(column - 1).hasPrefix(#"[\"\u003e"#))
    }

    @Test func warningsPassUnlessStrict() throws {
        let harness = try CommandHarness()
        let file = try harness.file("dup.json", #"{"a": ["x"], "a": ["y"]}"#)
        #expect(harness.run(["validate", file]).status == 0)
        let strict = harness.run(["validate", "--strict", file])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("dup.json:1:14: warning: path `a` is given more than once"))
    }

    @Test func targetPipesAppliesToPatternFiles() throws {
        let harness = try CommandHarness()
        let file = try harness.file("f.json", #"{"body": {"name": [{"wildcard": "a*"}]}}"#)
        #expect(harness.run(["validate", file]).stdout.contains("0 warnings"))
        let pipes = harness.run(["validate", "--target", "pipes", file])
        #expect(pipes.stdout.hasPrefix("\(file):1:20: warning: wildcard is not supported in EventBridge Pipes filters; use operators Pipes supports, or filter in the pipe's target (at $.body.name[0])\n"))
        #expect(pipes.status == 0)
    }

    @Test func validPatternsExitZeroWithASummary() throws {
        let harness = try CommandHarness()
        let file = try CommandHarness.fixture("validate/rules/queue-end.json")
        let outcome = harness.run(["validate", file])
        #expect(outcome.stdout == "ebmatch: 1 pattern in 1 file: 0 invalid, 0 warnings\n")
        #expect(outcome.status == 0)
    }

    @Test func standardInputIsAPatternOrTemplate() throws {
        let harness = try CommandHarness()
        let outcome = harness.run(["validate", "-"], stdin: #"{"a": []}"#)
        #expect(outcome.stdout.hasPrefix("<stdin>:1:7: error: Empty arrays are not allowed (at $.a)\n"))
        #expect(outcome.status == 1)
    }

    @Test func complexityLimitIsConfigurable() throws {
        let harness = try CommandHarness()
        let file = try harness.file("w.json", #"{"a": [{"wildcard": "*x*x*x*x*x*x*x*x*x*x*x*"}]}"#)
        let strict = harness.run(["validate", file])
        #expect(strict.status == 1)
        // AWS gives no position; ebmatch points at the member the path names.
        #expect(strict.stdout.hasPrefix("\(file):1:7: error: Rule is too complex"))
        #expect(strict.stdout.contains("    note: the limit in force is 9 (--max-complexity)"))
        #expect(harness.run(["validate", "--max-complexity", "50", file]).status == 0)
    }

    @Test func patternWithPlainValuesIsNotMistakenForAnEvent() throws {
        // `"source": "…"` instead of `["…"]` is a common slip: a folder walk must still check it.
        let harness = try CommandHarness()
        try harness.file("p.json", #"{"source": "aws.partner/genesys.com", "detail-type": "x", "detail": {"a": ["b"]}}"#)
        let outcome = harness.run(["validate", harness.folder.path])
        #expect(outcome.stdout.contains("p.json:1:12: error: \"source\" must be an object or an array"))
        #expect(outcome.status == 1)
    }

    @Test func findingNoPatternAtAllFails() throws {
        let harness = try CommandHarness()
        let events = try CommandHarness.fixture("validate/rules/examples")
        let outcome = harness.run(["validate", events])
        #expect(outcome.stdout
            == "ebmatch: 0 patterns in 0 files: no event patterns found in the given paths, 1 event file skipped\n")
        #expect(outcome.status == 2)
    }

    @Test func ignoredWarningsAndStrictSummary() throws {
        let harness = try CommandHarness()
        let file = try harness.file("dup.json", #"{"a": ["x"], "a": ["y"]}"#)
        let strict = harness.run(["validate", "--strict", file])
        #expect(strict.lines.last == "ebmatch: 1 pattern in 1 file: 0 invalid, 1 warning (--strict: warnings fail the run)")
        let ignored = harness.run(["validate", "--strict", "--ignore-warning", "duplicatePath,notStatic", file])
        #expect(ignored.stdout == "ebmatch: 1 pattern in 1 file: 0 invalid, 0 warnings\n")
        #expect(ignored.status == 0)
        let unknown = harness.run(["validate", "--ignore-warning", "typo", file])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix(
            "ebmatch: error: invalid value 'typo' for '--ignore-warning' (expected 'duplicatePath', 'genesysBareSource', 'genesysConcreteId', 'genesysDefaultBus', 'genesysEnumCase', "
                + "'genesysEnumValue', 'genesysFieldNotOnTopic', 'genesysInventedDetailType', 'genesysInventedSource', "
                + "'genesysNotAllChecked', "
                + "'genesysUnknownField', 'genesysValueType', 'notStatic', 'sizeQuota', 'unsupportedInPipes')"))
    }

    @Test func strictJUnitListsWarningsOnceAsFailures() throws {
        let harness = try CommandHarness()
        let file = try harness.file("dup.json", #"{"a": ["x"], "a": ["y"]}"#)
        let outcome = harness.run(["validate", "--strict", "--format", "junit", file])
        #expect(outcome.stdout.contains("<failure type=\"duplicatePath\""))
        #expect(!outcome.stdout.contains("<system-out>"))
        #expect(outcome.status == 1)
    }

    @Test func aFileNamedTwiceIsCheckedOnce() throws {
        let harness = try CommandHarness()
        let file = try harness.file("p.json", Samples.pattern)
        let outcome = harness.run(["validate", file, harness.folder.path, harness.folder.path + "/./p.json"])
        #expect(outcome.stdout == "ebmatch: 1 pattern in 1 file: 0 invalid, 0 warnings\n")
    }

    @Test func adviceFollowsAWSMessage() throws {
        let harness = try CommandHarness()
        let file = try harness.file("p.json", #"{"a": [{"exist": true}]}"#)
        let outcome = harness.run(["validate", file])
        #expect(outcome.lines.contains("    note: did you mean `exists`?"))
    }

    // MARK: - Bad input

    @Test func templateThatIsNotJSON() throws {
        let harness = try CommandHarness()
        let file = try harness.file("t.json", "{\n  \"Resources\": {\n    \"R\": {\"Type\": \"AWS::Events::Rule\",}\n  }\n}\n")
        let outcome = harness.run(["validate", file])
        #expect(outcome.stdout.hasPrefix("\(file):3:39: error: not valid JSON: Unexpected character ('}' (code 125))"))
        #expect(outcome.status == 2)
    }

    @Test func patternStringThatIsNotJSONIsAnInvalidPattern() throws {
        // EventBridge rejects it as a pattern, with the parser's message: an invalid pattern, status 1.
        let harness = try CommandHarness()
        let file = try harness.file(
            "t.json", #"{"Resources": {"R": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": "source = a"}}}}"#)
        let outcome = harness.run(["validate", file])
        #expect(outcome.stdout.contains("[R] Unrecognized token 'source': was expecting"))
        #expect(outcome.status == 1)
    }

    @Test func binaryFile() throws {
        let harness = try CommandHarness()
        let file = try harness.file("x.json", bytes: [0x7B, 0x22, 0xFF, 0xFE, 0x00])
        let outcome = harness.run(["validate", file])
        #expect(outcome.stdout.hasPrefix("\(file):1:3: error: not a text file (invalid UTF-8 byte 0xFF at byte 2)"))
        #expect(outcome.status == 2)
    }

    @Test func emptyFolderMissingFileAndYAML() throws {
        let harness = try CommandHarness()
        let empty = harness.folder.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let yaml = try harness.file("template.yaml", "Resources:\n  R:\n    Type: AWS::Events::Rule\n")
        let missing = harness.folder.appendingPathComponent("missing.json").path
        let outcome = harness.run(["validate", empty, yaml, missing])
        #expect(outcome.lines == [
            "\(empty): error: no pattern files in this folder (no *.json besides build tools' files)",
            "\(yaml): error: YAML templates are not supported: check the JSON form (`cdk synth --json`, "
                + "`sam build`, or `cfn-flip template.yaml`)",
            "\(missing): error: No such file or directory",
            "ebmatch: 0 patterns in 3 files: 0 invalid, 0 warnings, 3 unreadable files",
        ])
        #expect(outcome.status == 2)
    }

    @Test func emptyFileIsAnInvalidPatternAsForMatching() throws {
        let harness = try CommandHarness()
        let file = try harness.file("empty.json", "")
        let outcome = harness.run(["validate", file])
        #expect(outcome.stdout.hasPrefix("\(file):1:1: error: Filter is not an object"))
        #expect(outcome.status == 1)
    }

    @Test func namedEventFileIsChecked() throws {
        // A folder walk passes over events; a file named on the command line is always checked.
        let harness = try CommandHarness()
        let event = try CommandHarness.fixture("validate/rules/examples/acd-end-event.json")
        let outcome = harness.run(["validate", event])
        #expect(outcome.stdout.contains("error: \"version\" must be an object or an array"))
        #expect(outcome.status == 1)
    }

    @Test func suiteManifestsArePassedOverEvenWhenNamed() throws {
        // `ebmatch validate patterns/*.json` names the suites beside the patterns: they are not patterns.
        let harness = try CommandHarness()
        let pattern = try harness.file("queue.json", #"{"detail": {"eventBody": {"queueId": ["q-1"]}}}"#)
        let suite = try harness.file("queue.suite.json", #"{"pattern": "queue.json", "match": [], "no-match": []}"#)
        let outcome = harness.run(["validate", pattern, suite])
        #expect(outcome.stdout == "ebmatch: 1 pattern in 1 file: 0 invalid, 0 warnings, 1 suite manifest skipped\n")
        #expect(outcome.status == 0)
        let json = harness.run(["validate", "--format", "json", suite])
        #expect(json.lines.first
            == #"{"file":"\#(suite)","skipped":"an ebmatch test suite manifest (*.suite.json), not a pattern"}"#)
        #expect(json.status == 2)
    }

    @Test func crafedNamesCannotBreakAnnotationsOrXML() throws {
        let harness = try CommandHarness()
        let file = try harness.file("a,b:c%d<e>.json", #"{"x": []}"#)
        let github = harness.run(["validate", "--format", "github", file])
        #expect(github.lines.first?.hasPrefix("::error file=") == true)
        #expect(github.lines.first?.contains("a%2Cb%3Ac%25d<e>.json,line=1,col=7,") == true)
        let junit = harness.run(["validate", "--format", "junit", file])
        #expect(junit.stdout.contains("name=\"\(harness.folder.path)/a,b:c%d&lt;e&gt;.json\""))
        let parsed = try XMLDocument(data: Data(junit.stdout.utf8))
        #expect(try parsed.nodes(forXPath: "//testcase/failure").count == 1)
    }

    @Test(arguments: [
        (["validate"], "missing PATH argument"),
        (["validate", "--format", "xml", "p"], "invalid value 'xml' for '--format' (expected 'text', 'json', 'github' or 'junit')"),
        (["validate", "--target", "lambda", "p"], "invalid value 'lambda' for '--target' (expected 'event-bus' or 'pipes')"),
        (["validate", "--require-envelope", "p"], "unknown option '--require-envelope' for 'validate'"),
        (["--strict", "p", "e"], "unknown option '--strict'"),
        (["--format", "junit", "p", "e"], "invalid value 'junit' for '--format' (expected 'text' or 'json')"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let harness = try CommandHarness()
        let outcome = harness.run(arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasPrefix("ebmatch: error: \(message)\n"))
    }

    @Test func helpDescribesValidate() throws {
        let outcome = try CommandHarness().run(["validate", "--help"])
        #expect(outcome.stdout == CommandHelp.usage(of: .validate))
        #expect(outcome.status == 0)
    }
}
