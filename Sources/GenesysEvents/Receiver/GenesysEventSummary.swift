/// The few facts most consumers of a Genesys conversation event want, flat, as one JSON object.
///
/// Values are copied as the event has them, never guessed: customer.end carries no queue, so its
/// `queueId` is nil even though the conversation went through one (NOTES.md §2.1). Vocabulary values
/// keep their wire spelling, which differs by topic (detail events `VOICE`/`INBOUND`/`PEER`, queue
/// conversations `inbound`/`peer`).
///
/// Encoded, every key is present, with `null` for an absent value, so consumers see one fixed shape.
public struct GenesysEventSummary: Encodable, Sendable, Equatable {
    /// The EventBridge event ID (`id`).
    public var eventId: String?
    /// The topic's short name (`acd.end`, `acw`, `queue.conversations`; the template for other topics).
    public var topic: String?
    /// The Genesys organization, from `source`.
    public var orgId: String?
    /// The conversation: `eventBody.conversationId` (detail events, else from `topicName`) or
    /// `eventBody.id` (queue conversations).
    public var conversationId: String?
    /// The queue: `eventBody.queueId` (detail events that carry one) or the queue in `topicName`
    /// (queue conversations).
    public var queueId: String?
    /// `eventBody.mediaType` (detail events only; queue conversations have no such field).
    public var mediaType: String?
    /// `eventBody.direction`, or, for a queue conversation, the direction of the queue's agent's
    /// first call or message.
    public var direction: String?
    /// `eventBody.disconnectType`, or, for a queue conversation, that of the queue's agent's first
    /// call or message (absent while connected).
    public var disconnectType: String?
    /// The agent: `userId` (user.*, acw), `answeredUserId` (acd.end), or the queue's agent participant
    /// (queue conversations).
    public var userId: String?
    /// The wrap-up code: `wrapupCode` (acw) or the queue's agent participant's `wrapup.code`.
    public var wrapupCode: String?
    /// `eventBody.eventTime` in epoch milliseconds (ISO strings converted).
    public var eventTime: Int64?
    /// `eventBody.eventTime` as ISO-8601 UTC with milliseconds.
    public var eventTimeISO: String?
    /// `detail.timestamp`, as sent.
    public var detailTimestamp: String?
    /// The EventBridge `time`, as sent.
    public var time: String?

    /// The summary of a decoded event.
    public init(_ event: GenesysEvent) {
        eventId = event.id
        topic = event.topic?.shortName
        orgId = event.parsedSource?.organizationId
        detailTimestamp = event.detail?.timestamp
        time = event.time
        eventTime = event.body.eventTime?.milliseconds
        eventTimeISO = event.body.eventTime?.iso8601
        let name = event.topicName
        let fits = event.topic.map { topic in name?.fits(topic) ?? false } ?? false
        switch event.body {
        case .conversationDetail(let body):
            conversationId = body.conversationId ?? (fits ? name?.conversationId : nil)
            queueId = body.queueId
            mediaType = body.mediaType?.rawValue
            direction = body.direction?.rawValue
            disconnectType = body.disconnectType?.rawValue
            userId = body.userId ?? body.answeredUserId
            wrapupCode = body.wrapupCode
        case .queueConversation(let body):
            conversationId = body.id
            queueId = fits ? name?.queueId : nil
            // The queue's agent is the one the event is about; the latest one if the queue offered the
            // conversation to several agents in turn.
            let agent = queueId.flatMap { queue in body.participants(onQueue: queue).last(where: \.isAgent) }
            userId = agent?.userId
            wrapupCode = agent?.wrapup?.code
            if let call = agent?.calls?.first {
                direction = call.direction?.rawValue
                disconnectType = call.disconnectType?.rawValue
            } else if let message = agent?.messages?.first {
                direction = message.direction?.rawValue
                disconnectType = message.disconnectType?.rawValue
            }
        case .other, .absent:
            conversationId = fits ? name?.conversationId : nil
            queueId = fits ? name?.queueId : nil
        }
    }

    private enum CodingKeys: String, CodingKey {
        case eventId, topic, orgId, conversationId, queueId, mediaType, direction, disconnectType, userId
        case wrapupCode, eventTime, eventTimeISO, detailTimestamp, time
    }

    /// Encodes every key, absent values as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(eventId, forKey: .eventId)
        try container.encode(topic, forKey: .topic)
        try container.encode(orgId, forKey: .orgId)
        try container.encode(conversationId, forKey: .conversationId)
        try container.encode(queueId, forKey: .queueId)
        try container.encode(mediaType, forKey: .mediaType)
        try container.encode(direction, forKey: .direction)
        try container.encode(disconnectType, forKey: .disconnectType)
        try container.encode(userId, forKey: .userId)
        try container.encode(wrapupCode, forKey: .wrapupCode)
        try container.encode(eventTime, forKey: .eventTime)
        try container.encode(eventTimeISO, forKey: .eventTimeISO)
        try container.encode(detailTimestamp, forKey: .detailTimestamp)
        try container.encode(time, forKey: .time)
    }
}
