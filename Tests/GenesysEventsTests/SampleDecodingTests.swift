import Testing

@testable import GenesysEvents

/// Every bundled sample decodes, with the values its file holds.
@Suite struct SampleDecodingTests {
    @Test func everySampleDecodesWithItsEnvelope() throws {
        let names = try Samples.names()
        #expect(names.count == 11)
        for name in names {
            let event = try GenesysEvent.decode(try Samples.bytes(name))
            #expect(event.version == "0", "\(name)")
            #expect(event.source == Samples.source, "\(name)")
            #expect(event.account == "111122223333", "\(name)")
            #expect(event.region == "eu-west-1", "\(name)")
            #expect(event.resources == [], "\(name)")
            #expect(event.detail?.version == "2", "\(name)")
            #expect(event.parsedSource?.organizationId == Samples.organizationId, "\(name)")
            #expect(event.parsedSource?.eventSourceSuffix == "ccx-events", "\(name)")
            #expect(event.otherFields.isEmpty, "\(name)")
            #expect(event.topicName?.template == nil || event.topicName?.template == event.detailType, "\(name)")
            if case .absent = event.body { Issue.record("\(name): no body") }
        }
    }

    @Test func customerEndVoiceHasNoQueue() throws {
        let event = try GenesysEvent.decode(try Samples.bytes("e01"))
        #expect(event.id == "7d775f49-090e-4889-b60b-af88091bbe39")
        #expect(event.topic == .customerEnd)
        #expect(event.detail?.metadata?.correlationId == "873a2f04-9a2f-498d-bb4c-b66867f65c59")
        #expect(event.detail?.timestamp == "2025-03-04T10:15:41.612Z")
        let body = try #require(event.body.conversationDetail)
        #expect(body.conversationId == "54beb9c0-d0ac-4e78-b546-86164dbe7d4b")
        #expect(body.mediaType == .voice)
        #expect(body.disconnectType == .endpoint)
        #expect(body.direction == .inbound)
        #expect(body.provider == "Edge")
        #expect(body.ani == "tel:+15555550142")
        #expect(body.interactingDurationMs == 384_120)
        #expect(body.eventTime == .epochMilliseconds(1_741_083_341_254))
        #expect(body.conversationExternalContactIds == [])
        #expect(body.queueId == nil)
        #expect(body.otherFields.isEmpty)
    }

    @Test func acdEndVoiceOnQueueA() throws {
        let event = try GenesysEvent.decode(try Samples.bytes("e02"))
        #expect(event.id == "b78508bb-f1b0-4d19-a4b3-2f2449d52f2b")
        #expect(event.topic == .acdEnd)
        let body = try #require(event.body.conversationDetail)
        #expect(body.queueId == Samples.queueA)
        #expect(body.acdOutcome == .answered)
        #expect(body.answeredUserId == "6a48b70a-0c6f-4315-83dc-fac198065e27")
        #expect(body.disconnectType == .transfer)
        #expect(body.requestedRoutings == [.standard])
        #expect(body.usedRouting == .standard)
        #expect(body.requestedRoutingSkillIds == [])
        #expect(body.routingPriority == 0)
        #expect(body.connectedDurationMs == 41_870)
        #expect(body.otherFields.isEmpty)
    }

    @Test func userEndAndAfterCallWorkOnQueueA() throws {
        let userEnd = try #require(try GenesysEvent.decode(try Samples.bytes("e03")).body.conversationDetail)
        #expect(userEnd.userId == "6a48b70a-0c6f-4315-83dc-fac198065e27")
        #expect(userEnd.queueId == Samples.queueA)
        #expect(userEnd.disconnectType == .peer)
        #expect(userEnd.heldDurationMs == 0)
        #expect(userEnd.alertingDurationMs == 5310)

        let acw = try GenesysEvent.decode(try Samples.bytes("e04"))
        #expect(acw.topic == .afterCallWork)
        let body = try #require(acw.body.conversationDetail)
        #expect(body.wrapupCode == "78aba480-a281-4673-990c-6c06e9b07253")
        #expect(body.wrapupDurationMs == 46_726)
        #expect(body.queueId == Samples.queueA)
        #expect(body.disconnectType == nil)
    }

    @Test func webMessagingEvents() throws {
        let customerEnd = try #require(try GenesysEvent.decode(try Samples.bytes("e05")).body.conversationDetail)
        #expect(customerEnd.mediaType == .message)
        #expect(customerEnd.messageType == .webMessaging)
        #expect(customerEnd.disconnectType == .peer)
        #expect(customerEnd.queueId == nil)
        #expect(customerEnd.provider == nil)

        let acdEnd = try #require(try GenesysEvent.decode(try Samples.bytes("e06")).body.conversationDetail)
        #expect(acdEnd.queueId == Samples.queueB)
        #expect(acdEnd.conversationId == "8b212ca2-9a57-4ed0-8ba9-8366d97c24b8")
        #expect(acdEnd.answeredUserId == "d2cb7084-1794-48f3-8edf-094da0e93a7d")

        let acw = try #require(try GenesysEvent.decode(try Samples.bytes("e07")).body.conversationDetail)
        #expect(acw.wrapupCode == "cd0eb0da-bf9d-420c-b12a-4ee653022376")
        #expect(acw.queueId == Samples.queueB)
    }

    @Test func abandonOnQueueC() throws {
        let body = try #require(try GenesysEvent.decode(try Samples.bytes("e08")).body.conversationDetail)
        #expect(body.queueId == Samples.queueC)
        #expect(body.acdOutcome == .abandon)
        #expect(body.answeredUserId == nil)
        #expect(body.ani == "tel:+15555550177")
    }

    @Test func queueConversationEnded() throws {
        let event = try GenesysEvent.decode(try Samples.bytes("e09"))
        #expect(event.topic == .queueConversations)
        #expect(event.topicName?.queueId == Samples.queueA)
        let body = try #require(event.body.queueConversation)
        #expect(body.id == "54beb9c0-d0ac-4e78-b546-86164dbe7d4b")
        #expect(body.maxParticipants == 4)
        let participants = try #require(body.participants)
        #expect(participants.map(\.purpose) == ["customer", "ivr", "acd", "agent"])
        #expect(participants.allSatisfy { $0.calls?.first?.state == .terminated })
        #expect(participants.map { $0.calls?.first?.disconnectType } == [.endpoint, .transfer, .transfer, .peer])
        #expect(participants[0].calls?.first?.direction == .inbound)
        #expect(participants[0].calls?.first?.selfAddress?.addressNormalized == "tel:+15555550142")
        #expect(participants[0].attributes == [:])
        let agent = participants[3]
        #expect(agent.queueId == Samples.queueA)
        #expect(agent.userId == "6a48b70a-0c6f-4315-83dc-fac198065e27")
        #expect(agent.wrapup?.code == "78aba480-a281-4673-990c-6c06e9b07253")
        #expect(agent.wrapup?.durationSeconds == 46)
        #expect(agent.wrapupPrompt == "mandatory")
        #expect(body.divisions?.first?.divisionId == "6e3a6f28-3022-4d2e-bb3e-2bc4c934403a")
        #expect(body.divisions?.first?.entityIds == [Samples.queueA])
        #expect(body.divisions?.first?.otherFields.isEmpty == true)
        #expect(body.otherFields.isEmpty)
        #expect(participants.allSatisfy { $0.otherFields.isEmpty })
    }

    @Test func queueConversationTransferInProgress() throws {
        let event = try GenesysEvent.decode(try Samples.bytes("e10"))
        #expect(event.topicName?.queueId == Samples.queueB)
        let body = try #require(event.body.queueConversation)
        #expect(body.id == "c94acf76-9229-4ec1-9929-3d865ebf7cca")
        let onB = body.participants(onQueue: Samples.queueB)
        #expect(onB.map(\.purpose) == ["acd", "agent"])
        #expect(onB.last?.userId == "4ae975b1-7936-4264-acc5-a79c048c8b40")
        #expect(onB.last?.calls?.first?.state == .connected)
        #expect(body.participants(onQueue: Samples.queueA).count == 2)
    }

    @Test func auditEventIsGeneric() throws {
        let event = try GenesysEvent.decode(try Samples.bytes("e11"))
        #expect(event.topic == .other("v2.audits.entitytype.{id}.entityid.{id}"))
        #expect(event.detail?.metadata?.correlationId == "a71068e2-6592-4e5d-a4d0-bf79e4441ed6-archival")
        guard case .other(let body) = event.body else {
            Issue.record("expected a generic body, got \(event.body)")
            return
        }
        #expect(body.eventTime == .text("2025-03-04T11:43:10.000Z"))
        #expect(body.eventTime?.milliseconds == 1_741_088_590_000)
        #expect(body["serviceName"] == .string("Presence"))
        #expect(body["entity"]?["name"] == .string("Agent 0208"))
        #expect(body["propertyChanges"]?.arrayValue?.count == 1)
    }
}
