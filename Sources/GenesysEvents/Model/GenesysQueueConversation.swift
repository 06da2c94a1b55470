/// The `eventBody` of `v2.routing.queues.{id}.conversations`: a snapshot of the whole conversation,
/// sent on every change while the conversation is associated with the queue (it is not an "end"
/// event; a conversation has ended when every participant's media is terminated).
///
/// The queue is the one named in `detail.topicName` (`GenesysEvent.queueId`); participants carry
/// their own `queueId` (the acd and agent participants). Values of this topic are lowercase
/// (`inbound`, `endpoint`), unlike the detail events.
///
/// Every property is optional; members not modelled are kept in `otherFields`.
public struct GenesysQueueConversation: GenesysObjectModel, Equatable {
    /// The conversation's ID (the same value as `conversationId` in the detail events).
    public var id: String?
    /// The most participants the conversation had at once.
    public var maxParticipants: Int64?
    /// The participants, in the order Genesys lists them (customer, ivr, acd, agent, …).
    public var participants: [GenesysQueueParticipant]?
    /// Recent transfers (not modelled).
    public var recentTransfers: GenesysJSON?
    /// The conversation's recording state.
    public var recordingState: GenesysRecordingState?
    /// The conversation's address.
    public var address: String?
    /// An external tag.
    public var externalTag: String?
    /// The utilization label.
    public var utilizationLabelId: String?
    /// Whether recording is securely paused.
    public var securePause: Bool?
    /// The inactivity timeout (an ISO-8601 instant).
    public var inactivityTimeout: String?
    /// The associated conversation (not modelled).
    public var associatedConversation: GenesysJSON?
    /// Consultation conversations (not modelled).
    public var consultationConversations: GenesysJSON?
    /// The divisions the conversation and its entities belong to.
    public var divisions: [Division]?
    /// Members not held by a property: unknown names, and known names with an unexpected JSON type.
    public var otherFields: [String: GenesysJSON]

    /// Reads the conversation from an object's members; never fails.
    public init(members: [String: GenesysJSON]) {
        var reader = GenesysFieldReader(members)
        id = reader.string("id")
        maxParticipants = reader.integer("maxParticipants")
        participants = reader.objects("participants", GenesysQueueParticipant.init(members:))
        recentTransfers = reader.json("recentTransfers")
        recordingState = reader.value("recordingState")
        address = reader.string("address")
        externalTag = reader.string("externalTag")
        utilizationLabelId = reader.string("utilizationLabelId")
        securePause = reader.bool("securePause")
        inactivityTimeout = reader.string("inactivityTimeout")
        associatedConversation = reader.json("associatedConversation")
        consultationConversations = reader.json("consultationConversations")
        divisions = reader.objects("divisions", Division.init(members:))
        otherFields = reader.remaining
    }

    /// The participants whose `queueId` is `queueId`, in order.
    public func participants(onQueue queueId: String) -> [GenesysQueueParticipant] {
        (participants ?? []).filter { $0.queueId == queueId }
    }

    /// One element of `divisions`: a division and the conversation's entities in it.
    public struct Division: GenesysObjectModel, Equatable {
        /// `division.id`.
        public var divisionId: String?
        /// The `id` of each element of `entities` that has one.
        public var entityIds: [String]?
        /// Members not held by a property (including any other members of `division`).
        public var otherFields: [String: GenesysJSON]

        /// Reads the division from an object's members; never fails.
        public init(members: [String: GenesysJSON]) {
            var reader = GenesysFieldReader(members)
            var rest: [String: GenesysJSON] = [:]
            if let division = reader.object("division", { $0 }) {
                var inner = GenesysFieldReader(division)
                divisionId = inner.string("id")
                if !inner.remaining.isEmpty { rest["division"] = .object(inner.remaining) }
            } else {
                divisionId = nil
            }
            // Entities are `{id}` objects; any richer entity is kept whole rather than flattened.
            if let entities = reader.remaining["entities"]?.arrayValue {
                let ids = entities.compactMap { $0["id"]?.stringValue }
                let plain = entities.allSatisfy { $0.objectValue?.count == 1 && $0["id"]?.stringValue != nil }
                entityIds = ids
                if plain { _ = reader.json("entities") }
            } else {
                entityIds = nil
            }
            otherFields = reader.remaining.merging(rest) { kept, _ in kept }
        }
    }
}
