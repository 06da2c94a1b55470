import EBMatch
import Foundation
import Testing

@testable import EBMatchCLI

/// `ebmatch genesys pattern` and `ebmatch genesys lint` (and `validate --genesys`) as a user runs them.
@Suite("Genesys commands")
struct GenesysCommandsTests {
    static let queueA = "ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54"
    static let org = "a3ce3473-7c0b-4695-9d24-b15eb713256f"

    /// The command lines of `patterns/genesys/generated/regenerate.sh`: the arguments after
    /// `genesys pattern`, and the file the output goes to.
    static func generatorLines() throws -> [(arguments: [String], file: String)] {
        let script = String(decoding: try GenesysPack.bytes("generated/regenerate.sh"), as: UTF8.self)
        return script.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard words.starts(with: ["$ebmatch", "genesys", "pattern"]), words.count >= 5, words[words.count - 2] == ">"
            else { return nil }
            return (Array(words[3..<(words.count - 2)]), words[words.count - 1])
        }
    }

    @Test func theGeneratedPatternsAreWhatTheGeneratorPrints() throws {
        let lines = try Self.generatorLines()
        #expect(lines.map(\.file) == [
            "acd-end-queue-a.json", "ends-on-queue-a-or-b.json", "acd-end-voice-except-queue-a.json",
            "queue-a-conversations.json", "acd-end-or-conversations-queue-b.json",
            "customer-end-voice-one-integration.json", "acw-inbound-messaging.json",
        ])
        #expect(Set(lines.map(\.file)) == Set(try GenesysPack.jsonFiles(in: "generated")))
        for line in lines {
            let outcome = try CommandHarness().run(["genesys", "pattern"] + line.arguments)
            #expect(outcome.status == 0, "\(line.file): \(outcome.stderr)")
            #expect(outcome.stdout == String(decoding: try GenesysPack.bytes("generated/" + line.file), as: UTF8.self), "\(line.file)")
        }
    }

    @Test func theGeneratedSuitesPass() throws {
        let outcome = try CommandHarness().run(["test", GenesysPack.path("generated")])
        #expect(outcome.status == 0)
        #expect(outcome.lines.last == "ebmatch: 7 suites: 7 passed, 0 failed; 84 expectations, 0 failed")
    }

    @Test func aQueueFilterOnAcdEnd() throws {
        let outcome = try CommandHarness().run(["genesys", "pattern", "--topic", "acd.end", "--queue", Self.queueA])
        #expect(outcome.status == 0)
        let pattern = try EventPattern(outcome.stdout)
        #expect(pattern.paths.sorted() == ["detail-type", "detail.eventBody.queueId", "source"])
        #expect(try pattern.matches(utf8: try GenesysPack.bytes("events/e02-acd-end-voice-queue-a.json")))
        #expect(try !pattern.matches(utf8: try GenesysPack.bytes("events/e01-customer-end-voice.json")))
        #expect(outcome.stdout.hasPrefix("{\n  \"source\": [\n    {\n      \"prefix\": \"aws.partner/genesys.com/cloud/\""))
    }

    @Test func aQueueFilterOnCustomerEndIsRefusedWithTheReason() throws {
        let outcome = try CommandHarness().run(["genesys", "pattern", "--topic", "customer.end", "--queue", Self.queueA])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("ebmatch: error: customer.end events carry no queue id, so --queue and --exclude-queue cannot select them\n"))
        #expect(outcome.stderr.contains("Topics that carry the queue: acd.end, user.end, acw, acd.start, user.start and voicemail.end (in detail.eventBody.queueId), and queue.conversations"))
        #expect(outcome.stderr.contains("use --topic acd.end"))
    }

    @Test("refusals", arguments: [
        (["--topic", "conversation.end"], "unknown topic 'conversation.end'"),
        (["--topic", "acd.end", "--queue", "Sales"], "'Sales' is not a queue id"),
        (["--topic", "queue.conversations", "--media", "VOICE"], "queue.conversations events carry no eventBody.mediaType"),
        (["--topic", "acd.end", "--media", "FAX"], "'FAX' is not a mediaType Genesys sends"),
        (["--topic", "acd.end", "--org", "My Org"], "'My Org' is not a Genesys Cloud organization id"),
        (["--topic", "acd.end", "--org", org, "--suffix", "a/b"], "'a/b' is not an event source suffix"),
        (["--topic", "acd.end", "--suffix", "x"], "--suffix needs --org"),
        (["--topic", "acd.end", "--queue", queueA, "--exclude-queue", queueA], "give --queue or --exclude-queue, not both"),
        (["--topic", "acd.end", "--org", org, "--org", "b" + org.dropFirst()], "option '--org' given twice"),
        ([], "missing --topic"),
        (["--topic", "acd.end", "extra"], "unexpected argument 'extra'"),
        (["--topic", "acd.end", "--frob"], "unknown option '--frob' for 'genesys pattern'"),
        // `isHexDigit` alone took fullwidth digits, and the pattern matched nothing.
        (["--topic", "acd.end", "--queue", "\u{FF45}\u{FF45}" + queueA.dropFirst(2)], "'\u{FF45}\u{FF45}2d4ca2-"),
        // The option after a forgotten value is not taken for the value.
        (["--queue", "--topic", "acd.end"], "option '--queue' needs a value, found the option '--topic'"),
        (["--topic", "--queue", queueA], "option '--topic' needs a value, found the option '--queue'"),
    ])
    func refusal(_ arguments: [String], _ message: String) throws {
        let outcome = try CommandHarness().run(["genesys", "pattern"] + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasPrefix("ebmatch: error: " + message), "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func idsAreWrittenInLowerCaseAsGenesysSendsThem() throws {
        // EventBridge compares exactly: an id pasted in upper case gave a pattern that matched nothing.
        let outcome = try CommandHarness().run([
            "genesys", "pattern", "--topic", "acd.end", "--topic", "queue.conversations", "--queue", Self.queueA.uppercased(),
            "--queue", Self.queueA, "--org", Self.org.uppercased(),
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.stdout.contains(Self.queueA.uppercased()))
        #expect(outcome.stdout.components(separatedBy: "\"\(Self.queueA)\"").count == 2)
        #expect(outcome.stdout.contains("aws.partner/genesys.com/cloud/\(Self.org)/"))
        let pattern = try EventPattern(outcome.stdout)
        #expect(try pattern.matches(utf8: try GenesysPack.bytes("events/e02-acd-end-voice-queue-a.json")))
        #expect(try pattern.matches(utf8: try GenesysPack.bytes("events/e09-routing-queue-a-conversation-ended.json")))
    }

    @Test func aPatternTooLongForEventBridgeIsRefused() throws {
        // 150 excluded queues printed 21,883 characters with exit 0; `validate` then called it invalid.
        let queues = (0..<150).map { String(format: "%08x-0000-4000-8000-000000000000", $0) }
        let tooMany = try CommandHarness().run(
            ["genesys", "pattern", "--topic", "acd.end", "--topic", "queue.conversations"] + queues.flatMap { ["--exclude-queue", $0] })
        #expect(tooMany.status == 64)
        #expect(tooMany.stdout.isEmpty)
        #expect(tooMany.stderr.hasPrefix("ebmatch: error: the pattern would be "))
        #expect(tooMany.stderr.contains("characters long; EventBridge accepts at most 4,096"))
        let many = try CommandHarness().run(["genesys", "pattern", "--topic", "acd.end"] + queues.prefix(50).flatMap { ["--queue", $0] })
        #expect(many.status == 0)
        #expect(many.stderr.hasPrefix("ebmatch: warning: the pattern is \(many.stdout.utf16.count - 1) characters long"))
        #expect(try EventPattern(many.stdout).paths.contains("detail.eventBody.queueId"))
    }

    /// Every topic, alone and with each option it takes, gives a pattern EventBridge accepts and the lint
    /// passes, and that matches the samples of its topic it should.
    @Test("every topic's patterns are valid and lint-clean", arguments: GenesysTopicTable.bundled.topics.map(\.name))
    func everyTopic(_ name: String) throws {
        let builder = GenesysPatternBuilder()
        let topic = try #require(builder.table.topic(named: name))
        var requests: [GenesysPatternRequest] = [GenesysPatternRequest(topics: [name])]
        if builder.queueField(of: topic) != .none {
            requests.append(GenesysPatternRequest(topics: [name], queues: [Self.queueA]))
            requests.append(GenesysPatternRequest(topics: [name, "acd.end"], excludedQueues: [Self.queueA], org: Self.org))
        }
        if topic.fields["mediaType"] != nil {
            requests.append(GenesysPatternRequest(topics: [name], org: Self.org, suffix: "ccx-events", media: ["voice", "MESSAGE"], directions: ["inbound"]))
        }
        for request in requests {
            let text = try builder.pattern(for: request)
            let validation = EventPattern.validate(utf8: Array(text.utf8))
            #expect(validation.errors.isEmpty && validation.warnings.isEmpty, "\(request)")
            #expect(GenesysLint().findings(in: Array(text.utf8)).isEmpty, "\(request): \(text)")
            let pattern = try EventPattern(text)
            // The topic's own shape passes the pattern when nothing else is asked.
            if request.queues.isEmpty && request.excludedQueues.isEmpty && request.media.isEmpty && request.org == nil {
                let event = #"{"source": "aws.partner/genesys.com/cloud/o/s", "detail-type": "\#(topic.detailType)", "detail": {}}"#
                #expect(try pattern.matches(event), "\(name)")
            }
        }
    }

    @Test func lintExitStatuses() throws {
        let harness = try CommandHarness()
        let clean = try harness.file("clean.json", #"{"detail-type": ["v2.detail.events.conversation.{id}.acd.end"]}"#)
        let warned = try harness.file("warned.json", #"{"detail-type": ["conversation.end"]}"#)
        let invalid = try harness.file("invalid.json", #"{"detail-type": "conversation.end"}"#)
        let clean0 = harness.run(["genesys", "lint", clean])
        #expect(clean0.status == 0)
        #expect(clean0.lines.last == "ebmatch: 1 pattern in 1 file: 0 invalid, 0 warnings")
        let warned1 = harness.run(["genesys", "lint", clean, warned])
        #expect(warned1.status == 1)
        #expect(warned1.stdout.contains("warned.json:1:18: warning: no Genesys topic is \"conversation.end\""))
        #expect(warned1.lines.last == "ebmatch: 2 patterns in 2 files: 0 invalid, 1 warning")
        #expect(harness.run(["genesys", "lint", warned, invalid]).status == 2)
        #expect(harness.run(["genesys", "lint", harness.folder.appendingPathComponent("missing.json").path]).status == 2)
        #expect(harness.run(["genesys", "lint", "--ignore-warning", "genesysInventedDetailType", warned]).status == 0)
        #expect(harness.run(["genesys", "lint"]).status == 64)
    }

    @Test func lintInJSONCarriesTheFix() throws {
        let outcome = try CommandHarness().run(["genesys", "lint", "--format", "json", GenesysPack.path("pitfalls/misspelt-queue-id.json")])
        #expect(outcome.status == 1)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(outcome.lines[0].utf8)) as? [String: Any])
        let warning = try #require((record["warnings"] as? [[String: Any]])?.first)
        #expect(warning["code"] as? String == "genesysUnknownField")
        #expect(warning["note"] as? String == "write detail.eventBody.queueId")
        #expect(warning["line"] as? Int == 7)
        #expect(warning["column"] as? Int == 7)
    }

    @Test func validateChecksGenesysOnlyWhenAsked() throws {
        let path = GenesysPack.path("pitfalls/customer-end-by-queue.json")
        let plain = try CommandHarness().run(["validate", path])
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("warning:"))
        let genesys = try CommandHarness().run(["validate", "--genesys", path])
        #expect(genesys.status == 0)
        #expect(genesys.stdout.contains("customer-end-by-queue.json:7:7: warning: customer.end events carry no eventBody.queueId"))
        #expect(try CommandHarness().run(["validate", "--genesys", "--strict", path]).status == 1)
    }

    @Test func lintFindsPatternsInTemplatesAtTheirPlaceInTheFile() throws {
        let harness = try CommandHarness()
        let template = try harness.file("t.json", """
            {"Resources": {"Rule": {"Type": "AWS::Events::Rule", "Properties": {
              "EventPattern": {"source": ["genesys.cloud"]}}}}}
            """)
        let outcome = harness.run(["genesys", "lint", "--format", "github", template])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("line=2,"))
        #expect(outcome.stdout.contains(#"::"genesys.cloud" is not a source Genesys Cloud uses"#))
    }

    @Test func aGenesysRuleOnTheDefaultBusIsCaught() throws {
        let harness = try CommandHarness()
        let source = "aws.partner/genesys.com/cloud/a3ce3473-7c0b-4695-9d24-b15eb713256f/ccx-events"
        let pattern = #"{"source": ["\#(source)"], "detail-type": ["v2.detail.events.conversation.{id}.acd.end"]}"#
        func rule(_ name: String, bus: String?) -> String {
            let setting = bus.map { #""EventBusName": \#($0), "# } ?? ""
            return #""\#(name)": {"Type": "AWS::Events::Rule", "Properties": {\#(setting)"EventPattern": \#(pattern)}}"#
        }
        let template = try harness.file("t.json", "{\"Resources\": {" + [
            rule("NoBus", bus: nil), rule("Default", bus: #""default""#),
            rule("DefaultArn", bus: #""arn:aws:events:eu-west-1:123456789012:event-bus/default""#),
            rule("Partner", bus: "\"\(source)\""), rule("ByRef", bus: #"{"Ref": "PartnerBus"}"#),
            #""Other": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": {"source": ["aws.ec2"]}}}"#,
            #""Sam": {"Type": "AWS::Serverless::Function", "Properties": {"Events": {"OnEnd": {"Type": "EventBridgeRule", "Properties": {"Pattern": \#(pattern)}}}}}"#,
        ].joined(separator: ", ") + "}}")
        let outcome = harness.run(["genesys", "lint", "--format", "json", template])
        #expect(outcome.status == 1)
        let flagged = outcome.lines.filter { $0.contains("genesysDefaultBus") }
        #expect(flagged.map { $0.contains(#""resource":"NoBus""#) } == [true, false, false, false])
        #expect(flagged.count == 4)
        #expect(flagged.allSatisfy { $0.contains(#"set the rule's EventBusName (event_bus_name in Terraform) to \"\#(source)\""#) })
        for resource in ["Default", "DefaultArn", "Sam.Events.OnEnd"] {
            #expect(flagged.contains { $0.contains(#""resource":"\#(resource)""#) }, "\(resource)")
        }
        // A pattern file says nothing of its bus; Terraform's default is the default bus too.
        #expect(harness.run(["genesys", "lint", try harness.file("p.json", pattern)]).status == 0)
        let state = try harness.file("s.tfstate", #"""
            {"version": 4, "terraform_version": "1.9.5", "resources": [
              {"mode": "managed", "type": "aws_cloudwatch_event_rule", "name": "a", "instances": [{"attributes": {"event_pattern": "{\"source\": [{\"prefix\": \"aws.partner/genesys.com/cloud/\"}]}"}}]},
              {"mode": "managed", "type": "aws_cloudwatch_event_rule", "name": "b", "instances": [{"attributes": {"event_bus_name": "aws.partner/genesys.com/cloud/o/s", "event_pattern": "{\"source\": [{\"prefix\": \"aws.partner/genesys.com/cloud/\"}]}"}}]}]}
            """#)
        let terraform = harness.run(["genesys", "lint", state])
        #expect(terraform.stdout.contains("[aws_cloudwatch_event_rule.a] this rule is on the default event bus"))
        #expect(terraform.stdout.contains("to aws.partner/genesys.com/cloud/<org id>/<event source suffix>"))
        #expect(!terraform.stdout.contains("[aws_cloudwatch_event_rule.b]"))
    }

    @Test func help() throws {
        let overview = try CommandHarness().run(["genesys", "--help"])
        #expect(overview.status == 0)
        #expect(overview.stdout.contains("ebmatch genesys lint [OPTIONS] PATH..."))
        let pattern = try CommandHarness().run(["genesys", "pattern", "--help"])
        #expect(pattern.stdout.contains("  customer.end         v2.detail.events.conversation.{id}.customer.end\n"))
        #expect(pattern.stdout.contains("  acd.end              v2.detail.events.conversation.{id}.acd.end\n                       takes --queue, --media, --direction"))
        #expect(pattern.stdout.contains("queue.conversations  v2.routing.queues.{id}.conversations\n                       takes --queue (by topic name)"))
        let lint = try CommandHarness().run(["genesys", "lint", "--help"])
        #expect(lint.stdout.contains("genesysFieldNotOnTopic"))
        let missing = try CommandHarness().run(["genesys"])
        #expect(missing.status == 64)
        #expect(missing.stderr.hasPrefix("ebmatch: error: missing genesys command ('pattern' or 'lint')"))
    }
}
