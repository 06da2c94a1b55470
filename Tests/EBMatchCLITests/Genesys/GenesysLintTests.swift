import EBMatch
import Foundation
import Testing

@testable import EBMatchCLI

/// `genesys lint`: each pitfall of the pack draws its warning, the correct filters draw none, and the
/// checks read each `$or` alternative with its own topics.
@Suite("Genesys lint")
struct GenesysLintTests {
    /// The codes the lint gives for `pattern`.
    static func codes(_ pattern: String) -> [String] {
        GenesysLint().findings(in: Array(pattern.utf8)).map(\.code.rawValue)
    }

    /// The findings for `pattern`.
    static func findings(_ pattern: String) -> [GenesysLintFinding] {
        GenesysLint().findings(in: Array(pattern.utf8))
    }

    static let pitfalls: [String: [String]] = [
        "bare-partner-source.json": ["genesysBareSource"],
        "concrete-id-in-detail-type.json": ["genesysConcreteId"],
        "customer-end-by-queue.json": ["genesysFieldNotOnTopic"],
        // Conditions on two participants that no one participant meets: beyond a field table's reach.
        "customer-participant-on-queue-a.json": [],
        "lower-case-media-type.json": ["genesysEnumCase"],
        "misspelt-queue-id.json": ["genesysUnknownField"],
        "numeric-event-time-on-audits.json": ["genesysValueType"],
        "tutorial-payload-shape.json": ["genesysInventedSource", "genesysInventedDetailType", "genesysUnknownField"],
    ]

    @Test func everyPitfallIsInTheTable() throws {
        #expect(try GenesysPack.jsonFiles(in: "pitfalls") == Self.pitfalls.keys.sorted())
    }

    @Test("each pitfall draws its warnings", arguments: pitfalls.keys.sorted())
    func pitfall(_ name: String) throws {
        let findings = GenesysLint().findings(in: try GenesysPack.bytes("pitfalls/" + name))
        #expect(findings.map(\.code.rawValue) == Self.pitfalls[name])
        for finding in findings {
            #expect(!finding.fix.isEmpty)
        }
    }

    @Test("the correct filters draw none", arguments: try GenesysPack.jsonFiles(in: "") + GenesysPack.jsonFiles(in: "generated").map { "generated/" + $0 })
    func correctFilter(_ name: String) throws {
        #expect(GenesysLint().findings(in: try GenesysPack.bytes(name)).isEmpty)
    }

    @Test func theTutorialShapeGetsItsFixes() throws {
        let findings = GenesysLint().findings(in: try GenesysPack.bytes("pitfalls/tutorial-payload-shape.json"))
        #expect(findings.map(\.path) == ["$.source[0]", "$.detail-type[0]", "$.detail.entity.queue.id"])
        #expect(findings[0].fix.contains(#"{"prefix": "aws.partner/genesys.com/cloud/"}"#))
        #expect(findings[1].fix.contains("v2.detail.events.conversation.{id}.acd.end"))
        #expect(findings[1].fix.contains("v2.detail.events.conversation.{id}.customer.end"))
        #expect(findings[2].fix == "write detail.eventBody.queueId")
    }

    @Test func queueIdOnCustomerEndNamesTheTopicsThatCarryIt() throws {
        let finding = try #require(
            GenesysLint().findings(in: try GenesysPack.bytes("pitfalls/customer-end-by-queue.json")).first)
        #expect(finding.message == "customer.end events carry no eventBody.queueId, so this condition never matches them")
        #expect(finding.fix.hasPrefix("eventBody.queueId is on acd.end, user.end, acw, acd.start, user.start and voicemail.end"))
        #expect(finding.path == "$.detail.eventBody.queueId")
    }

    @Test func eachOrAlternativeIsReadWithItsOwnTopic() {
        let pattern = #"""
            {"$or": [{"detail-type": ["v2.detail.events.conversation.{id}.customer.end"]},
                     {"detail-type": ["v2.detail.events.conversation.{id}.acd.end"]}],
             "detail": {"eventBody": {"queueId": ["ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54"]}}}
            """#
        let findings = Self.findings(pattern)
        #expect(findings.map(\.code) == [.genesysFieldNotOnTopic])
        #expect(findings.first?.message.hasPrefix("customer.end events") == true)
        // The same condition with acd.end alone is right.
        #expect(Self.codes(#"{"detail-type": ["v2.detail.events.conversation.{id}.acd.end"], "detail": {"eventBody": {"queueId": ["x"]}}}"#) == [])
    }

    @Test func aFieldOnSomeTopicsIsFineWhenNoTopicIsNamed() {
        // Without detail-type the pattern selects exactly the topics that have the field.
        #expect(Self.codes(#"{"source": [{"prefix": "aws.partner/genesys.com"}], "detail": {"eventBody": {"queueId": ["x"]}}}"#) == [])
        #expect(Self.codes(#"{"detail": {"eventBody": {"queueId": [{"exists": false}]}}, "detail-type": ["v2.detail.events.conversation.{id}.customer.end"]}"#) == [])
    }

    @Test func aValueFittingSomeTopicIsFineWhenNoTopicIsNamed() {
        // eventTime is a number on the detail events and a string on audits: without detail-type, a numeric
        // condition means the detail events (it was reported as "a string on audits").
        let source = #""source": [{"prefix": "aws.partner/genesys.com/cloud/"}]"#
        #expect(Self.codes("{\(source), \"detail\": {\"eventBody\": {\"eventTime\": [{\"numeric\": [\">\", 0]}]}}}") == [])
        #expect(Self.codes("{\(source), \"detail\": {\"eventBody\": {\"eventTime\": [{\"prefix\": \"2025-\"}]}}}") == [])
        // A value that fits no topic's type is still reported, and so is a named topic's misfit.
        #expect(Self.codes("{\(source), \"detail\": {\"eventBody\": {\"eventTime\": [true]}}}") == ["genesysValueType"])
        #expect(Self.codes("{\(source), \"detail\": {\"eventBody\": {\"mediaType\": [\"voice\"]}}}") == ["genesysEnumCase"])
        #expect(Self.codes(#"{"detail-type": [{"prefix": "v2."}], "detail": {"eventBody": {"eventTime": [{"numeric": [">", 0]}]}}}"#)
            == ["genesysFieldNotOnTopic", "genesysValueType"])
    }

    @Test func equalsIgnoreCaseDetailTypeNamesItsTopic() {
        let upper = #"{"detail-type": [{"equals-ignore-case": "V2.DETAIL.EVENTS.CONVERSATION.{ID}.ACD.END"}], "#
            + #""detail": {"eventBody": {"queueId": ["ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54"]}}}"#
        #expect(Self.codes(upper) == [])
        #expect(Self.codes(#"{"detail-type": [{"equals-ignore-case": "Conversation.End"}]}"#) == ["genesysInventedDetailType"])
        #expect(Self.codes(#"{"detail-type": [{"equals-ignore-case": "V2.ROUTING.QUEUES.EE2D4CA2-4F87-4A11-A6A2-6C5B294D5D54.CONVERSATIONS"}]}"#)
            == ["genesysConcreteId"])
    }

    @Test func manyAlternativesOfManyConditionsAreLintedQuickly() throws {
        // 1,024 alternatives of 190 conditions: each condition's name suggestions took minutes, once per alternative.
        let or = (0..<10).map { #""x\#($0)": {"$or": [{"a": ["1"]}, {"b": ["2"]}]}"# }
        let fields = (0..<180).map { #""q\#($0)": ["1"]"# }
        let pattern = #"{"detail-type": ["v2.detail.events.conversation.{id}.acd.end"], "detail": {"eventBody": {"#
            + (or + fields).joined(separator: ", ") + "}}}"
        let clock = ContinuousClock()
        var findings: [GenesysLintFinding] = []
        let elapsed = clock.measure { findings = Self.findings(pattern) }
        #expect(findings.count == 200)
        #expect(Set(findings.map(\.code)) == [.genesysUnknownField])
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }

    @Test func whatTheLintDoesNotReadIsSaid() {
        // 11 $or of two side by side make 2,048 alternatives: half are never read, and the lint says so.
        let or = (0..<11).map { #""x\#($0)": {"$or": [{"a": ["1"]}, {"b": ["2"]}]}"# }.joined(separator: ", ")
        let topic = #""detail-type": ["v2.detail.events.conversation.{id}.acd.end"]"#
        #expect(Self.codes("{\(topic), \"detail\": {\"eventBody\": {\(or)}}}").first == "genesysNotAllChecked")
        #expect(Self.codes(#"{"source": ["aws.ec2"], "detail": {"# + or + "}}") == [])
        // Past 256 levels of nesting, likewise.
        let deep = String(repeating: #"{"a": "#, count: 300) + #"{"b": ["1"]}"# + String(repeating: "}", count: 300)
        #expect(Self.codes("{\(topic), \"detail\": \(deep)}") == ["genesysNotAllChecked"])
        // At the bounds, everything is read.
        let ten = (0..<10).map { #""x\#($0)": {"$or": [{"queueId": ["1"]}, {"b": ["2"]}]}"# }.joined(separator: ", ")
        #expect(!Self.codes("{\(topic), \"detail\": {\"eventBody\": {\(ten)}}}").contains("genesysNotAllChecked"))
    }

    @Test func otherSourcesAreLeftAlone() {
        #expect(Self.codes(#"{"source": ["aws.ec2"], "detail": {"entity": ["x"]}, "detailType": ["y"]}"#) == [])
        #expect(Self.codes(#"{"detail": {"state": ["running"]}}"#) == [])
        // …but Genesys alternatives next to them are checked.
        #expect(Self.codes(#"{"$or": [{"source": ["aws.ec2"]}, {"source": ["genesys"]}]}"#) == ["genesysInventedSource"])
    }

    @Test func sources() {
        #expect(Self.codes(#"{"source": ["aws.partner/genesys.com/cloud/a3ce3473-7c0b-4695-9d24-b15eb713256f/ccx-events"]}"#) == [])
        #expect(Self.codes(#"{"source": ["aws.partner/genesys.com.test/cloud/org/my.suffix"]}"#) == [])
        #expect(Self.codes(#"{"source": [{"prefix": "aws.partner/genesys.com"}]}"#) == [])
        #expect(Self.codes(#"{"source": [{"prefix": "aws.partner/genesys.com/cloud/org/suf"}]}"#) == [])
        #expect(Self.codes(#"{"source": [{"prefix": "genesys"}]}"#) == ["genesysInventedSource"])
        #expect(Self.codes(#"{"source": ["aws.partner/genesys.com/cloud/org"]}"#) == ["genesysBareSource"])
        let orgOnly = Self.findings(#"{"source": ["aws.partner/genesys.com/cloud/a3ce3473-7c0b-4695-9d24-b15eb713256f"]}"#)
        #expect(orgOnly.first?.fix.contains(#"{"prefix": "aws.partner/genesys.com/cloud/a3ce3473-7c0b-4695-9d24-b15eb713256f/"}"#) == true)
        #expect(Self.codes(#"{"source": [{"equals-ignore-case": "AWS.PARTNER/GENESYS.COM"}]}"#) == ["genesysBareSource"])
    }

    @Test func detailTypes() {
        #expect(Self.codes(#"{"detail-type": [{"prefix": "v2.detail.events.conversation."}]}"#) == [])
        #expect(Self.codes(#"{"detail-type": [{"prefix": "conversation."}]}"#) == ["genesysInventedDetailType"])
        // A real topic the table does not list is not called invented.
        #expect(Self.codes(#"{"source": [{"prefix": "aws.partner/genesys.com"}], "detail-type": ["v2.users.{id}.routingStatus"]}"#) == [])
        let concrete = Self.findings(#"{"detail-type": ["v2.routing.queues.ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54.conversations"]}"#)
        #expect(concrete.map(\.code) == [.genesysConcreteId])
        #expect(concrete.first?.fix.contains(#""v2.routing.queues.{id}.conversations" in detail-type"#) == true)
        #expect(Self.codes(#"{"detail-type": ["v2.routing.queues.{id}.conversations"], "detail": {"topicName": ["v2.routing.queues.{id}.conversations"]}}"#) == ["genesysConcreteId"])
    }

    @Test func aConcreteDetailTypeStillHasItsFieldsChecked() {
        let pattern = #"{"detail-type": ["v2.detail.events.conversation.54beb9c0-d0ac-4e78-b546-86164dbe7d4b.acd.end"], "detail": {"eventBody": {"mediaType": ["voice"]}}}"#
        #expect(Self.codes(pattern) == ["genesysConcreteId", "genesysEnumCase"])
    }

    @Test func fields() {
        let acdEnd = #""detail-type": ["v2.detail.events.conversation.{id}.acd.end"]"#
        #expect(Self.codes("{\(acdEnd), \"detail\": {\"queueId\": [\"x\"]}}") == ["genesysUnknownField"])
        #expect(Self.findings("{\(acdEnd), \"detail\": {\"queueId\": [\"x\"]}}").first?.fix == "write detail.eventBody.queueId")
        #expect(Self.findings("{\(acdEnd), \"detail\": {\"topicname\": [\"x\"]}}").first?.fix == "write detail.topicName")
        #expect(Self.findings("{\(acdEnd), \"detail\": {\"metadata\": {\"correlationId\": [\"x\"]}}}").first?.fix
            == "write detail.metadata.CorrelationId")
        #expect(Self.codes("{\(acdEnd), \"detail\": {\"metadata\": {\"CorrelationId\": [\"x\"]}}}") == [])
        #expect(Self.codes("{\(acdEnd), \"detailType\": [\"x\"]}") == ["genesysUnknownField"])
        #expect(Self.codes("{\(acdEnd), \"detail.eventBody.queueID\": [\"x\"]}") == ["genesysUnknownField"])
        // A field no topic has, on a topic whose fields are all known.
        #expect(Self.codes("{\(acdEnd), \"detail\": {\"eventBody\": {\"zzzTopLevel\": [\"x\"]}}}") == ["genesysUnknownField"])
        // …and on a topic whose fields are only partly known: no word.
        #expect(Self.codes(#"{"detail-type": ["v2.users.{id}.presence"], "detail": {"eventBody": {"zzzTopLevel": ["x"]}}}"#) == [])
    }

    @Test func valueTypes() {
        let acdEnd = #""detail-type": ["v2.detail.events.conversation.{id}.acd.end"]"#
        func body(_ conditions: String) -> String { "{\(acdEnd), \"detail\": {\"eventBody\": {\(conditions)}}}" }
        #expect(Self.codes(body(#""eventTime": ["1700000000000"]"#)) == ["genesysValueType"])
        #expect(Self.findings(body(#""eventTime": ["1700000000000"]"#)).first?.fix == "write 1700000000000 without quotes")
        #expect(Self.codes(body(#""eventTime": [{"numeric": [">", 0]}]"#)) == [])
        #expect(Self.codes(body(#""queueId": [42]"#)) == ["genesysValueType"])
        #expect(Self.codes(body(#""eventTime": [{"prefix": "17"}]"#)) == ["genesysValueType"])
        #expect(Self.codes(body(#""mediaType": [{"anything-but": ["voice"]}]"#)) == ["genesysEnumCase"])
        #expect(Self.codes(body(#""mediaType": [{"prefix": "VO"}, {"equals-ignore-case": "voice"}]"#)) == [])
        #expect(Self.codes(body(#""mediaType": [{"prefix": "vo"}]"#)) == ["genesysEnumCase"])
        #expect(Self.codes(body(#""direction": ["INBOND"]"#)) == ["genesysEnumValue"])
        // A value Genesys may add one day is not a mistake.
        #expect(Self.codes(body(#""mediaType": ["HOLOGRAM"]"#)) == [])
        #expect(Self.codes(#"{"detail": {"eventBody": [""]}, "source": ["aws.partner/genesys.com/cloud/o/s"]}"#) == ["genesysValueType"])
    }

    @Test func queueConversationEnumsAreLowerCase() {
        let pattern = #"{"detail-type": ["v2.routing.queues.{id}.conversations"], "detail": {"eventBody": {"participants": {"calls": {"state": ["DISCONNECTED"]}}}}}"#
        let finding = Self.findings(pattern).first
        #expect(finding?.code == .genesysEnumCase)
        #expect(finding?.fix == #"write "disconnected""#)
    }

    @Test func hugeOrCrossProductsAreBounded() throws {
        // 4^6 = 4,096 alternatives: the lint reads the first 1,024 and stops.
        let or = #"{"$or": [{"a": ["1"]}, {"b": ["2"]}, {"c": ["3"]}, {"d": ["4"]}]}"#
        let nested = (0..<6).map { #""x\#($0)": \#(or)"# }.joined(separator: ", ")
        let branches = PatternBranches(try JSONValue.parse(utf8: Array("{\(nested)}".utf8)))
        #expect(branches.branches.count == PatternBranches.maxBranches)
        #expect(branches.truncated)
    }

    @Test func nameSuggestions() {
        #expect(NameSuggestion.closest(to: "queueID", among: ["queueId", "userId"]) == "queueId")
        #expect(NameSuggestion.closest(to: "queue.id", among: ["queueId", "userId"]) == "queueId")
        #expect(NameSuggestion.closest(to: "wrapupcod", among: ["wrapupCode", "userId"]) == "wrapupCode")
        #expect(NameSuggestion.closest(to: "zzz", among: ["queueId"]) == nil)
        // Two candidates equally close: no guess.
        #expect(NameSuggestion.closest(to: "abcd", among: ["abcx", "abcy"]) == nil)
        #expect(NameSuggestion.editDistance("kitten", "sitting", limit: 5) == 3)
        #expect(NameSuggestion.editDistance("", "abc", limit: 5) == 3)
    }
}
