import Testing

@testable import GenesysEvents

@Suite struct SourceAndTopicTests {
    @Test func productionAndTestSources() throws {
        let production = try #require(GenesysSource(Samples.source))
        #expect(production.environment == .production)
        #expect(production.organizationId == Samples.organizationId)
        #expect(production.eventSourceSuffix == "ccx-events")
        #expect(production.rawValue == Samples.source)
        let test = try #require(GenesysSource("aws.partner/genesys.com.test/cloud/org-1/my_suffix.v2"))
        #expect(test.environment == .test)
        #expect(test.eventSourceSuffix == "my_suffix.v2")
    }

    @Test(arguments: [
        "genesys.cloud",
        "aws.partner/genesys.com",
        "aws.partner/genesys.com/cloud/org",
        "aws.partner/genesys.com/cloud//suffix",
        "aws.partner/genesys.com/cloud/org/",
        "aws.partner/genesys.com/cloud/org/suffix/extra",
        "aws.partner/genesys.com/CLOUD/org/suffix",
        "aws.partner/Genesys.com/cloud/org/suffix",
        "aws.partner/genesys.com.dev/cloud/org/suffix",
        "aws.partner/other.com/cloud/org/suffix",
        "",
    ])
    func notGenesysSources(_ source: String) {
        #expect(GenesysSource(source) == nil)
    }

    @Test func topicsFromTemplates() {
        #expect(GenesysTopic(template: "v2.detail.events.conversation.{id}.customer.end") == .customerEnd)
        #expect(GenesysTopic(template: "v2.detail.events.conversation.{id}.acw") == .afterCallWork)
        #expect(GenesysTopic(template: "v2.routing.queues.{id}.conversations") == .queueConversations)
        #expect(GenesysTopic(template: "v2.detail.events.conversation.{id}.acd.start") == .acdStart)
        // Exact, as an EventBridge rule compares: a concrete ID or another case is another topic.
        let concrete = GenesysTopic(template: "v2.detail.events.conversation.54beb9c0.acd.end")
        #expect(concrete != .acdEnd)
        #expect(concrete.isConversationDetail == false)
        #expect(GenesysTopic(template: "V2.DETAIL.EVENTS.CONVERSATION.{id}.ACD.END") != .acdEnd)
        // `.other` spelling a named template is the named topic.
        #expect(GenesysTopic.other("v2.detail.events.conversation.{id}.acd.end") == .acdEnd)
        #expect(Set<GenesysTopic>([.acdEnd]).contains(.other("v2.detail.events.conversation.{id}.acd.end")))
    }

    @Test func shortNames() {
        #expect(GenesysTopic.afterCallWork.shortName == "acw")
        #expect(GenesysTopic.queueConversations.shortName == "queue.conversations")
        #expect(GenesysTopic(template: "v2.detail.events.conversation.{id}.flow.end").shortName == "flow.end")
        #expect(GenesysTopic(template: "v2.detail.events.conversation.{id}.flow.end").isConversationDetail)
        #expect(GenesysTopic(template: "v2.users.{id}.presence").shortName == "v2.users.{id}.presence")
        #expect(GenesysTopic(template: GenesysTopic.detailEventPrefix).isConversationDetail == false)
        #expect(GenesysTopic(shortName: "user.end") == .userEnd)
        #expect(GenesysTopic(shortName: "flow.end") == nil)
    }

    @Test func topicNames() {
        let detail = GenesysTopicName("v2.detail.events.conversation.54beb9c0-d0ac.customer.end")
        #expect(detail.conversationId == "54beb9c0-d0ac")
        #expect(detail.queueId == nil)
        #expect(detail.fits(.customerEnd))
        #expect(!detail.fits(.acdEnd))
        let queue = GenesysTopicName("v2.routing.queues.\(Samples.queueA).conversations")
        #expect(queue.queueId == Samples.queueA)
        #expect(queue.conversationId == nil)
        #expect(queue.fits(.queueConversations))
        for odd in [
            "v2.detail.events.conversation..customer.end", "v2.detail.events.conversation.{id}.customer.end",
            "v2.detail.events.conversation.abc", "v2.detail.events.conversation.abc.", "v2.routing.queues..conversations",
            "v2.routing.queues.conversations", "v2.routing.queues.a.b.conversations", "v2.routing.queues.{id}.conversations",
            "v2.users.abc.presence", "",
        ] {
            let name = GenesysTopicName(odd)
            #expect(name.conversationId == nil && name.queueId == nil && name.template == nil, "\(odd)")
        }
    }
}
