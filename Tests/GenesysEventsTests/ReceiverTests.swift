import EBMatch
import Foundation
import Testing

@testable import GenesysEvents

@Suite struct ReceiverTests {
    let receiver = GenesysEventReceiver(organizationId: Samples.organizationId)

    @Test func acceptsTheOrganizationsEvents() throws {
        let summary = try receiver.receive(try Samples.bytes("e02"))
        #expect(summary.eventId == "b78508bb-f1b0-4d19-a4b3-2f2449d52f2b")
        #expect(summary.topic == "acd.end")
        #expect(summary.orgId == Samples.organizationId)
        #expect(summary.queueId == Samples.queueA)
        #expect(summary.userId == "6a48b70a-0c6f-4315-83dc-fac198065e27")
        #expect(summary.eventTime == 1_741_082_957_040)
        #expect(summary.eventTimeISO == "2025-03-04T10:09:17.040Z")
        #expect(summary.time == "2025-03-04T10:09:17Z")
    }

    @Test func customerEndSummaryHasNoQueue() throws {
        let summary = try receiver.receive(try Samples.bytes("e01"))
        #expect(summary.queueId == nil)
        #expect(summary.conversationId == "54beb9c0-d0ac-4e78-b546-86164dbe7d4b")
        #expect(summary.mediaType == "VOICE")
        #expect(summary.disconnectType == "ENDPOINT")
        #expect(summary.userId == nil)
    }

    @Test func queueConversationSummaryUsesTheQueuesAgent() throws {
        let ended = try receiver.receive(try Samples.bytes("e09"))
        #expect(ended.queueId == Samples.queueA)
        #expect(ended.userId == "6a48b70a-0c6f-4315-83dc-fac198065e27")
        #expect(ended.wrapupCode == "78aba480-a281-4673-990c-6c06e9b07253")
        #expect(ended.disconnectType == "peer")
        #expect(ended.direction == "inbound")
        #expect(ended.mediaType == nil)
        let transfer = try receiver.receive(try Samples.bytes("e10"))
        #expect(transfer.queueId == Samples.queueB)
        #expect(transfer.userId == "4ae975b1-7936-4264-acc5-a79c048c8b40")
        #expect(transfer.disconnectType == nil)
    }

    @Test func summaryEncodesEveryKey() throws {
        let summary = try receiver.receive(try Samples.bytes("e01"))
        let text = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
        #expect(text.contains(#""queueId":null"#))
        #expect(text.contains(#""wrapupCode":null"#))
    }

    @Test func wrongSourceSaysExpectedAndFound() throws {
        let other = GenesysEventReceiver(organizationId: "11111111-2222-3333-4444-555555555555", eventSourceSuffix: "prod")
        #expect(throws: GenesysReceiveError.wrongSource(
            expected: "aws.partner/genesys.com/cloud/11111111-2222-3333-4444-555555555555/prod", found: Samples.source)) {
            try other.receive(try Samples.bytes("e01"))
        }
        let wrongSuffix = GenesysEventReceiver(organizationId: Samples.organizationId, eventSourceSuffix: "other")
        #expect(throws: GenesysReceiveError.self) { try wrongSuffix.receive(try Samples.bytes("e01")) }
        let missing = GenesysReceiveError.wrongSource(expected: receiver.expectedSource, found: nil)
        #expect(throws: missing) { try receiver.receive(#"{"id": "x"}"#) }
        #expect(missing.description == "wrong source: expected aws.partner/genesys.com/cloud/\(Samples.organizationId)/*, found no source")
        #expect(missing.isRejection)
    }

    @Test func sourcesCompareByteForByteAsEventBridgeDoes() throws {
        // "ó" (U+00F3) and "o" + U+0301 are equal Swift strings but different sources to EventBridge.
        let composed = GenesysEventReceiver(organizationId: "org", eventSourceSuffix: "s\u{F3}")
        let decomposed = #"{"source": "aws.partner/genesys.com/cloud/org/so\#u{301}"}"#
        #expect(throws: GenesysReceiveError.self) { try composed.receive(decomposed) }
        let byOrg = GenesysEventReceiver(organizationId: "\u{F3}")
        #expect(throws: GenesysReceiveError.self) { try byOrg.receive(#"{"source": "aws.partner/genesys.com/cloud/o\#u{301}/s"}"#) }
    }

    @Test func testEnvironmentOnlyWhenAllowed() throws {
        let test = #"{"source": "aws.partner/genesys.com.test/cloud/\#(Samples.organizationId)/ccx-events"}"#
        #expect(throws: GenesysReceiveError.self) { try receiver.receive(test) }
        let both = GenesysEventReceiver(organizationId: Samples.organizationId, environments: [.production, .test])
        #expect(try both.receive(test).orgId == Samples.organizationId)
        #expect(both.expectedSource.contains("{genesys.com,genesys.com.test}"))
    }

    @Test func wrongTopic() throws {
        let ends = GenesysEventReceiver(organizationId: Samples.organizationId, acceptedTopics: [.acdEnd, .afterCallWork])
        #expect(try ends.receive(try Samples.bytes("e04")).topic == "acw")
        let error = GenesysReceiveError.wrongTopic(
            expected: ["acd.end", "acw"], found: "v2.detail.events.conversation.{id}.customer.end")
        #expect(throws: error) { try ends.receive(try Samples.bytes("e01")) }
        #expect(error.description.contains("one of acd.end, acw"))
        #expect(throws: GenesysReceiveError.wrongTopic(expected: ["acd.end", "acw"], found: nil)) {
            try ends.receive(#"{"source": "\#(Samples.source)"}"#)
        }
    }

    @Test func patternMatchAndMismatchWithExplanation() throws {
        let pattern = try EventPattern(utf8: try Samples.pattern("acd-end-queue-a.json"))
        let queueA = GenesysEventReceiver(organizationId: Samples.organizationId, pattern: pattern)
        #expect(try queueA.receive(try Samples.bytes("e02")).queueId == Samples.queueA)
        let queueB = try Samples.bytes("e06")
        do {
            _ = try queueA.receive(queueB)
            Issue.record("queue B matched a queue A pattern")
        } catch {
            guard case .patternMismatch(let explanation) = error else {
                Issue.record("expected a pattern mismatch, got \(error)")
                return
            }
            #expect(explanation.contains("detail.eventBody.queueId"))
            #expect(explanation.contains(Samples.queueA))
            #expect(explanation.contains("\"\(Samples.queueB)\""))
            #expect(!explanation.contains("detail-type"))
        }
        // customer.end has no queueId: the explanation says the field is missing.
        let customerEnd = try Samples.bytes("e01")
        do {
            _ = try queueA.receive(customerEnd)
            Issue.record("customer.end matched")
        } catch {
            #expect(error.description.contains("no such field"))
        }
    }

    @Test func malformedJSONHasLineColumnAndPath() {
        let text = "{\n  \"source\": \"\(Samples.source)\",\n  \"detail\": {\"topicName\": tru}\n}"
        do {
            _ = try receiver.receive(text)
            Issue.record("accepted malformed JSON")
        } catch {
            guard case .malformed(let line, let column, let path, let message) = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
            #expect(line == 3)
            // After the broken token, where the JSON reader (like Jackson) stops.
            #expect(column == 30)
            #expect(path == "$.detail.topicName")
            #expect(!message.isEmpty)
            #expect(!error.isRejection)
        }
    }

    @Test func wronglyTypedEnvelopeMemberIsMalformedAtItsPath() {
        let text = "{\"source\": \"\(Samples.source)\",\n \"detail\": {\"topicName\": 42}}"
        #expect(throws: GenesysReceiveError.malformed(
            line: 2, column: 26, path: "$.detail.topicName", message: "expected a string, found a number")) {
            try receiver.receive(text)
        }
        let resources = "{\"source\": \"\(Samples.source)\",\n \"resources\": [\"arn\", 7]}"
        #expect(throws: GenesysReceiveError.malformed(
            line: 2, column: 23, path: "$.resources[1]", message: "expected a string, found a number")) {
            try receiver.receive(resources)
        }
        #expect(throws: GenesysReceiveError.malformed(line: 1, column: 12, path: "$.source", message: "expected a string, found an array")) {
            try receiver.receive(#"{"source": ["x"]}"#)
        }
        #expect(throws: GenesysReceiveError.malformed(line: 1, column: 1, path: "$", message: "an event must be a JSON object, found an array")) {
            try receiver.receive("[]")
        }
    }

    @Test func hostileInputsNeverTrap() {
        let inputs = [
            "", " ", "null", "\"x\"", "{", "{\"source\":", "[{}]", "{\"source\": \"\(Samples.source)\", \"detail\": []}",
            "{\"source\": \"\(Samples.source)\", \"detail\": {\"eventBody\": " + String(repeating: "[", count: 900)
                + String(repeating: "]", count: 900) + "}}",
            "{\"source\": \"\(Samples.source)\", \"detail\": {\"eventBody\": {\"eventTime\": 1e400}}}",
            "\u{FEFF}{}",
        ]
        for input in inputs {
            do {
                _ = try receiver.receive(input)
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
        #expect(throws: GenesysReceiveError.self) { try receiver.receive([0xFF, 0xFE, 0x00]) }
    }

    @Test func aMemberGivenTwiceIsMalformedNotReadTwoWays() {
        // The topic check read the last detail-type and decoding the first: acd.end passed, customer.end came out.
        let ends = GenesysEventReceiver(organizationId: Samples.organizationId, acceptedTopics: [.acdEnd])
        let twice = "{\"source\": \"\(Samples.source)\",\n \"detail-type\": \"v2.detail.events.conversation.{id}.customer.end\",\n"
            + " \"detail-type\": \"v2.detail.events.conversation.{id}.acd.end\"}"
        #expect(throws: GenesysReceiveError.malformed(
            line: 3, column: 2, path: "$.detail-type",
            message: "member \"detail-type\" is given twice in one object (first at line 2, column 2); "
                + "EventBridge matches either value, so the event is ambiguous")) {
            try ends.receive(twice)
        }
        let source = #"{"source": "evil", "source": "\#(Samples.source)"}"#
        #expect(throws: GenesysReceiveError.self) { try receiver.receive(source) }
        let body = #"{"source": "\#(Samples.source)", "detail": {"eventBody": {"queueId": "a", "queueId": "b"}}}"#
        do {
            _ = try receiver.receive(body)
            Issue.record("an ambiguous queueId was accepted")
        } catch {
            guard case .malformed(_, _, let path, _) = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
            #expect(path == "$.detail.eventBody.queueId")
        }
    }

    @Test func whatFoundationCannotReadIsMalformedWhereItIs() {
        let event = { (body: String) in #"{"source": "\#(Samples.source)", "detail": {"eventBody": {\#(body)}}}"# }
        #expect(throws: GenesysReceiveError.malformed(
            line: 1, column: 125, path: "$.detail.eventBody.big",
            message: "the number -1e400 is beyond the range of a 64-bit floating-point number")) {
            try receiver.receive(event(#""big": -1e400"#))
        }
        // Nesting past Foundation's own limit (512) failed as "The given data was not valid JSON." at 1:1.
        let deep = event(#""x": "# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600))
        do {
            _ = try receiver.receive(deep)
            Issue.record("600 levels were decoded")
        } catch {
            guard case .malformed(let line, let column, let path, let message) = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
            #expect(line == 1)
            // `x` (column 123) is 3 steps deep; the first value past the limit is 126 brackets further.
            #expect(column == 123 + GenesysJSON.maxDepth - 2)
            #expect(path.hasPrefix("$.detail.eventBody.x[0][0]"))
            #expect(message == "JSON nested deeper than \(GenesysJSON.maxDepth) levels")
        }
    }

    @Test func loneSurrogateEscapesReadAsEventBridgeReadsThem() throws {
        // EventBridge (Java) and EBMatch read a lone surrogate as "?"; Foundation refused the whole event.
        let text = #"{"source": "\#(Samples.source)", "detail-type": "v2.detail.events.conversation.{id}.acd.end", "#
            + #""detail": {"eventBody": {"userId": "ab\ud83d", "queueId": "q\\ud800", "wrapupCode": "\ud83d\ude00\udc00"}}}"#
        let summary = try receiver.receive(text)
        #expect(summary.userId == "ab?")
        #expect(summary.queueId == #"q\ud800"#)
        #expect(summary.wrapupCode == "\u{1F600}?")
        #expect(LoneSurrogateEscapes.replaced(in: Array(#"{"a": "\ud83d\ude00 \\ud800"}"#.utf8)) == nil)
    }
}
