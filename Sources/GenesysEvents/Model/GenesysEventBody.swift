/// A Genesys `eventBody`, typed by the event's topic.
public enum GenesysEventBody: Sendable, Equatable {
    /// An analytics detail event (`v2.detail.events.conversation.{id}.*`).
    case conversationDetail(GenesysConversationDetail)
    /// A queue-conversation snapshot (`v2.routing.queues.{id}.conversations`).
    case queueConversation(GenesysQueueConversation)
    /// Any other topic.
    case other(GenesysGenericBody)
    /// `detail.eventBody` was absent or null.
    case absent

    /// Reads an `eventBody` object's members as the body of `topic`; never fails.
    public init(topic: GenesysTopic?, members: [String: GenesysJSON]?) {
        guard let members else {
            self = .absent
            return
        }
        if topic?.isConversationDetail == true {
            self = .conversationDetail(GenesysConversationDetail(members: members))
        } else if topic == .queueConversations {
            self = .queueConversation(GenesysQueueConversation(members: members))
        } else {
            self = .other(GenesysGenericBody(members: members))
        }
    }

    /// The detail-event body, if it is one.
    public var conversationDetail: GenesysConversationDetail? {
        if case .conversationDetail(let body) = self { return body }
        return nil
    }

    /// The queue-conversation body, if it is one.
    public var queueConversation: GenesysQueueConversation? {
        if case .queueConversation(let body) = self { return body }
        return nil
    }

    /// `eventTime`, on the topics that have one.
    public var eventTime: GenesysEventTime? {
        switch self {
        case .conversationDetail(let body): return body.eventTime
        case .other(let body): return body.eventTime
        case .queueConversation, .absent: return nil
        }
    }
}
