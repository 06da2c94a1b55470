/// A concrete topic name, `detail.topicName`: the template with real IDs filled in, e.g.
/// `v2.detail.events.conversation.54beb9c0-….customer.end` or `v2.routing.queues.ee2d4ca2-….conversations`.
///
/// The IDs are read from the two shapes this package models; for any other topic both are nil.
public struct GenesysTopicName: Hashable, Sendable, CustomStringConvertible {
    /// The name as received.
    public let rawValue: String
    /// The conversation ID of a detail-event topic name.
    public let conversationId: String?
    /// The queue ID of a queue-conversation topic name.
    public let queueId: String?
    /// The name with its ID replaced by `{id}`, for the two modelled shapes (nil otherwise): it should
    /// equal the event's `detail-type`.
    public let template: String?

    private static let detailPrefix = "v2.detail.events.conversation."
    private static let queuePrefix = "v2.routing.queues."
    private static let queueSuffix = ".conversations"

    /// Reads the IDs out of a concrete topic name. An ID must be non-empty, hold no `.` (which
    /// separates topic segments) and not be the `{id}` placeholder itself.
    public init(_ name: String) {
        rawValue = name
        var conversation: String?
        var queue: String?
        var template: String?
        if name.hasPrefix(Self.detailPrefix) {
            let rest = name.dropFirst(Self.detailPrefix.count)
            if let dot = rest.firstIndex(of: "."), dot != rest.startIndex {
                let id = rest[..<dot]
                let event = rest[rest.index(after: dot)...]
                if !event.isEmpty, Self.isID(id) {
                    conversation = String(id)
                    template = GenesysTopic.detailEventPrefix + event
                }
            }
        } else if name.hasPrefix(Self.queuePrefix), name.hasSuffix(Self.queueSuffix),
            name.count > Self.queuePrefix.count + Self.queueSuffix.count
        {
            let id = name.dropFirst(Self.queuePrefix.count).dropLast(Self.queueSuffix.count)
            if Self.isID(id) {
                queue = String(id)
                template = GenesysTopic.queueConversations.template
            }
        }
        conversationId = conversation
        queueId = queue
        self.template = template
    }

    /// Whether the name is a concrete instance of `topic` (false when the name's shape is not modelled).
    public func fits(_ topic: GenesysTopic) -> Bool { template == topic.template }

    /// The name as received.
    public var description: String { rawValue }

    private static func isID(_ text: Substring) -> Bool {
        !text.isEmpty && !text.contains(".") && text != "{id}"
    }
}
