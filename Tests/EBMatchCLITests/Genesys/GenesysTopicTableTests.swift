import EBMatch
import Foundation
import Testing

@testable import EBMatchCLI

/// The topic table compiled into the CLI: it loads, it says what the notes say, and the sample events
/// carry no field the table does not know of.
@Suite("Genesys topic table")
struct GenesysTopicTableTests {
    let table = GenesysTopicTable.bundled

    @Test func theBundledTableLoads() throws {
        #expect(table.topics.count == 17)
        #expect(table.envelope.contains("detail-type"))
        let names = table.topics.map(\.name)
        #expect(names.prefix(4) == ["customer.end", "acd.end", "user.end", "acw"])
        #expect(GenesysTopicTable(utf8: Array("{}".utf8)) == nil)
    }

    @Test func customerEndHasNoQueueButAcdEndHas() throws {
        let customerEnd = try #require(table.topic(named: "customer.end"))
        let acdEnd = try #require(table.topic(named: "v2.detail.events.conversation.{id}.acd.end"))
        #expect(customerEnd.complete)
        #expect(customerEnd.field("queueId") == nil)
        #expect(acdEnd.field("queueId") == .some(.string))
        #expect(acdEnd.field("eventTime") == .some(.integer))
        guard case .enumeration(let name, let values)?? = acdEnd.field("mediaType") else {
            Issue.record("mediaType is not an enum")
            return
        }
        #expect(name == "mediaType")
        #expect(values.contains("VOICE") && !values.contains("voice"))
        #expect(table.topicsCarrying("queueId") == ["acd.end", "user.end", "acw", "acd.start", "user.start", "voicemail.end"])
    }

    @Test func eventTimeIsAStringOnAuditsAndTranscription() throws {
        #expect(try #require(table.topic(named: "audits")).field("eventTime") == .some(.string))
        #expect(try #require(table.topic(named: "transcription")).field("eventTime") == .some(.string))
    }

    @Test func queueConversationStatesAreLowerCase() throws {
        let queue = try #require(table.topic(named: "queue.conversations"))
        guard case .enumeration(_, let values)?? = queue.field("participants.calls.state") else {
            Issue.record("participants.calls.state is not an enum")
            return
        }
        #expect(values.contains("disconnected"))
        // Below a map (attributes), any member name is allowed but its type is unknown.
        #expect(queue.field("participants.attributes.anything") == .some(nil))
    }

    @Test func templatesMatchConcreteTopics() throws {
        let acdEnd = try #require(table.topic(named: "acd.end"))
        #expect(acdEnd.isInstance(topicName: "v2.detail.events.conversation.54beb9c0-d0ac-4e78-b546-86164dbe7d4b.acd.end"))
        #expect(!acdEnd.isInstance(topicName: "v2.detail.events.conversation..acd.end"))
        #expect(!acdEnd.isInstance(topicName: "v2.detail.events.conversation.a.b.acd.end"))
        #expect(acdEnd.canStart(topicName: "v2.detail.events.conversation.54be"))
        #expect(acdEnd.canStart(topicName: "v2.detail.events.conversation."))
        #expect(!acdEnd.canStart(topicName: "v2.routing."))
    }

    /// Every field of every sample's eventBody is in the table, with the sample's JSON type: the table
    /// is checked against the real payloads, not only against itself.
    @Test("each sample's fields are in the table", arguments: try GenesysPack.jsonFiles(in: "events"))
    func sampleFieldsAreKnown(_ name: String) throws {
        let event = try JSONValue.parse(utf8: try GenesysPack.bytes("events/" + name))
        let detailType = try #require(event["detail-type"]?.string)
        let topic = try #require(table.topic(named: detailType), "\(detailType) is not in the table")
        let body = try #require(event["detail"]?["eventBody"])
        var leaves: [(String, JSONValue)] = []
        func walk(_ value: JSONValue, _ path: String) {
            switch value.kind {
            case .object(let members):
                if path.isEmpty == false, case .some(nil) = topic.field(path) { return }
                for member in members { walk(member.value, path.isEmpty ? member.name : path + "." + member.name) }
            case .array(let elements): for element in elements { walk(element, path) }
            default: leaves.append((path, value))
            }
        }
        walk(body, "")
        #expect(!leaves.isEmpty)
        for (path, value) in leaves {
            guard let type = topic.field(path) else {
                Issue.record("\(name): \(path) is not in the table for \(topic.name)")
                continue
            }
            guard let type else { continue }
            switch (type, value.kind) {
            case (.integer, .number), (.boolean, .bool), (_, .null): break
            case (.string, .string): break
            case (.enumeration(_, let values), .string(let text)):
                #expect(values.contains(text), "\(name): \(path) = \(text) is not in the enum")
            default: Issue.record("\(name): \(path) has type \(value.kind), the table says \(type)")
            }
        }
    }
}
