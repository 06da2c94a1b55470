/// A Genesys topic as EventBridge's `detail-type` carries it: the topic **template**, with a literal
/// `{id}` where the concrete topic has an ID (`v2.detail.events.conversation.{id}.acd.end`).
///
/// The topics a conversation-end receiver cares about have cases; every other template is `.other`.
/// Two values are equal when their templates are, so `.other` never shadows a named case.
public enum GenesysTopic: Hashable, Sendable, CustomStringConvertible {
    /// `v2.detail.events.conversation.{id}.customer.start`.
    case customerStart
    /// `v2.detail.events.conversation.{id}.customer.end`: the customer left (carries no queueId).
    case customerEnd
    /// `v2.detail.events.conversation.{id}.acd.start`.
    case acdStart
    /// `v2.detail.events.conversation.{id}.acd.end`: the interaction left a queue.
    case acdEnd
    /// `v2.detail.events.conversation.{id}.user.start`.
    case userStart
    /// `v2.detail.events.conversation.{id}.user.end`: an agent's session ended.
    case userEnd
    /// `v2.detail.events.conversation.{id}.acw`: after-call work (wrap-up) completed.
    case afterCallWork
    /// `v2.routing.queues.{id}.conversations`: a snapshot of a conversation on a queue.
    case queueConversations
    /// Any other template, as received.
    case other(String)

    /// The prefix every analytics detail-event template starts with.
    public static let detailEventPrefix = "v2.detail.events.conversation.{id}."

    /// The named cases, with their templates.
    private static let named: [(topic: GenesysTopic, template: String)] = [
        (.customerStart, detailEventPrefix + "customer.start"),
        (.customerEnd, detailEventPrefix + "customer.end"),
        (.acdStart, detailEventPrefix + "acd.start"),
        (.acdEnd, detailEventPrefix + "acd.end"),
        (.userStart, detailEventPrefix + "user.start"),
        (.userEnd, detailEventPrefix + "user.end"),
        (.afterCallWork, detailEventPrefix + "acw"),
        (.queueConversations, "v2.routing.queues.{id}.conversations"),
    ]

    /// The topic of a `detail-type` value. Matching is exact, as an EventBridge rule's would be:
    /// `V2.DETAIL…` or a template with a concrete ID in place of `{id}` is `.other`.
    public init(template: String) {
        self = Self.named.first { $0.template == template }?.topic ?? .other(template)
    }

    /// The topic by its short name (`acd.end`, `acw`, `queue.conversations`), as `shortName` gives it
    /// for the named cases; nil for any other name.
    public init?(shortName: String) {
        guard let found = Self.named.first(where: { $0.topic.shortName == shortName }) else { return nil }
        self = found.topic
    }

    /// The template, as `detail-type` carries it.
    public var template: String {
        if case .other(let template) = self { return template }
        return Self.named.first { $0.topic.isSameCase(as: self) }?.template ?? ""
    }

    /// A short name: the part after `{id}.` for detail events (`customer.end`, `acw`, `flow.end`),
    /// `queue.conversations` for the queue topic, and the whole template for any other topic.
    public var shortName: String {
        switch self {
        case .customerStart: return "customer.start"
        case .customerEnd: return "customer.end"
        case .acdStart: return "acd.start"
        case .acdEnd: return "acd.end"
        case .userStart: return "user.start"
        case .userEnd: return "user.end"
        case .afterCallWork: return "acw"
        case .queueConversations: return "queue.conversations"
        case .other(let template):
            guard template.hasPrefix(Self.detailEventPrefix), template.count > Self.detailEventPrefix.count else {
                return template
            }
            return String(template.dropFirst(Self.detailEventPrefix.count))
        }
    }

    /// Whether this is an analytics detail event (`v2.detail.events.conversation.{id}.*`), whose body
    /// is a `GenesysConversationDetail`.
    public var isConversationDetail: Bool {
        template.hasPrefix(Self.detailEventPrefix) && template.count > Self.detailEventPrefix.count
    }

    /// The template.
    public var description: String { template }

    /// Equal when the templates are equal.
    public static func == (lhs: GenesysTopic, rhs: GenesysTopic) -> Bool { lhs.template == rhs.template }

    /// Hashes the template.
    public func hash(into hasher: inout Hasher) { hasher.combine(template) }

    /// Case equality without going through `template` (which itself uses this).
    private func isSameCase(as other: GenesysTopic) -> Bool {
        switch (self, other) {
        case (.customerStart, .customerStart), (.customerEnd, .customerEnd), (.acdStart, .acdStart),
            (.acdEnd, .acdEnd), (.userStart, .userStart), (.userEnd, .userEnd), (.afterCallWork, .afterCallWork),
            (.queueConversations, .queueConversations):
            return true
        default:
            return false
        }
    }
}
