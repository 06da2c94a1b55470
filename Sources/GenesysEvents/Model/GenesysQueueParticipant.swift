/// One element of `participants` in a queue conversation.
///
/// `purpose` is a free string (`customer`, `ivr`, `acd`, `agent`, `user`, `external`, `voicemail`,
/// `workflow`, …). Media sessions come in one array per media type; `calls` and `messages` are
/// modelled, the others are kept as JSON.
public struct GenesysQueueParticipant: GenesysObjectModel, Equatable {
    /// The participant's ID.
    public var id: String?
    /// When the participant connected (ISO-8601).
    public var connectedTime: String?
    /// When the participant left (ISO-8601); absent while connected.
    public var endTime: String?
    /// The agent, for user participants.
    public var userId: String?
    /// The external contact.
    public var externalContactId: String?
    /// The external organization.
    public var externalOrganizationId: String?
    /// A display name: a queue's, a flow's, an agent's, or the caller's location.
    public var name: String?
    /// The queue, on acd and agent participants.
    public var queueId: String?
    /// The group.
    public var groupId: String?
    /// The team.
    public var teamId: String?
    /// The participant's role: `customer`, `ivr`, `acd`, `agent`, … (a free string).
    public var purpose: String?
    /// The participant this one consults.
    public var consultParticipantId: String?
    /// The participant's address.
    public var address: String?
    /// Whether wrap-up is required.
    public var wrapupRequired: Bool?
    /// Whether wrap-up is expected.
    public var wrapupExpected: Bool?
    /// The wrap-up prompt setting, e.g. `mandatory`.
    public var wrapupPrompt: String?
    /// The wrap-up timeout.
    public var wrapupTimeoutMs: Int64?
    /// The wrap-up given.
    public var wrapup: Wrapup?
    /// When after-call work started (ISO-8601).
    public var startAcwTime: String?
    /// When after-call work ended (ISO-8601).
    public var endAcwTime: String?
    /// Routing data (not modelled).
    public var conversationRoutingData: GenesysJSON?
    /// The alerting timeout.
    public var alertingTimeoutMs: Int64?
    /// The participant being monitored.
    public var monitoredParticipantId: String?
    /// The participant being coached.
    public var coachedParticipantId: String?
    /// The participant barged in on.
    public var bargedParticipantId: String?
    /// Media roles.
    public var mediaRoles: [String]?
    /// The screen recording state.
    public var screenRecordingState: String?
    /// Why the participant was flagged.
    public var flaggedReason: String?
    /// Participant attributes (a string-to-string map).
    public var attributes: [String: String]?
    /// Voice sessions.
    public var calls: [GenesysQueueCall]?
    /// Messaging sessions.
    public var messages: [GenesysQueueMessage]?
    /// Callback sessions (not modelled).
    public var callbacks: GenesysJSON?
    /// Chat sessions (not modelled).
    public var chats: GenesysJSON?
    /// Co-browse sessions, wire name `cobrowsesessions` (not modelled).
    public var cobrowseSessions: GenesysJSON?
    /// Email sessions (not modelled).
    public var emails: GenesysJSON?
    /// Internal message sessions (not modelled).
    public var internalMessages: GenesysJSON?
    /// Screen monitoring sessions (not modelled).
    public var screenMonitorings: GenesysJSON?
    /// Screen share sessions (not modelled).
    public var screenshares: GenesysJSON?
    /// Social expression sessions (not modelled).
    public var socialExpressions: GenesysJSON?
    /// Video sessions (not modelled).
    public var videos: GenesysJSON?
    /// Workflow session (not modelled).
    public var workflow: GenesysJSON?
    /// Members not held by a property: unknown names, and known names with an unexpected JSON type.
    public var otherFields: [String: GenesysJSON]

    /// Reads the participant from an object's members; never fails.
    public init(members: [String: GenesysJSON]) {
        var reader = GenesysFieldReader(members)
        id = reader.string("id")
        connectedTime = reader.string("connectedTime")
        endTime = reader.string("endTime")
        userId = reader.string("userId")
        externalContactId = reader.string("externalContactId")
        externalOrganizationId = reader.string("externalOrganizationId")
        name = reader.string("name")
        queueId = reader.string("queueId")
        groupId = reader.string("groupId")
        teamId = reader.string("teamId")
        purpose = reader.string("purpose")
        consultParticipantId = reader.string("consultParticipantId")
        address = reader.string("address")
        wrapupRequired = reader.bool("wrapupRequired")
        wrapupExpected = reader.bool("wrapupExpected")
        wrapupPrompt = reader.string("wrapupPrompt")
        wrapupTimeoutMs = reader.integer("wrapupTimeoutMs")
        wrapup = reader.object("wrapup", Wrapup.init(members:))
        startAcwTime = reader.string("startAcwTime")
        endAcwTime = reader.string("endAcwTime")
        conversationRoutingData = reader.json("conversationRoutingData")
        alertingTimeoutMs = reader.integer("alertingTimeoutMs")
        monitoredParticipantId = reader.string("monitoredParticipantId")
        coachedParticipantId = reader.string("coachedParticipantId")
        bargedParticipantId = reader.string("bargedParticipantId")
        mediaRoles = reader.strings("mediaRoles")
        screenRecordingState = reader.string("screenRecordingState")
        flaggedReason = reader.string("flaggedReason")
        attributes = reader.stringMap("attributes")
        calls = reader.objects("calls", GenesysQueueCall.init(members:))
        messages = reader.objects("messages", GenesysQueueMessage.init(members:))
        callbacks = reader.json("callbacks")
        chats = reader.json("chats")
        cobrowseSessions = reader.json("cobrowsesessions")
        emails = reader.json("emails")
        internalMessages = reader.json("internalMessages")
        screenMonitorings = reader.json("screenMonitorings")
        screenshares = reader.json("screenshares")
        socialExpressions = reader.json("socialExpressions")
        videos = reader.json("videos")
        workflow = reader.json("workflow")
        otherFields = reader.remaining
    }

    /// Whether the participant is an agent (`purpose` `agent` or `user`).
    public var isAgent: Bool { purpose == "agent" || purpose == "user" }

    /// A participant's `wrapup`: the code an agent chose after the interaction.
    public struct Wrapup: GenesysObjectModel, Equatable {
        /// The wrap-up code's ID.
        public var code: String?
        /// The notes.
        public var notes: String?
        /// Tags.
        public var tags: [String]?
        /// How long wrap-up took, in seconds.
        public var durationSeconds: Int64?
        /// When wrap-up ended (ISO-8601).
        public var endTime: String?
        /// Members not held by a property.
        public var otherFields: [String: GenesysJSON]

        /// Reads the wrap-up from an object's members; never fails.
        public init(members: [String: GenesysJSON]) {
            var reader = GenesysFieldReader(members)
            code = reader.string("code")
            notes = reader.string("notes")
            tags = reader.strings("tags")
            durationSeconds = reader.integer("durationSeconds")
            endTime = reader.string("endTime")
            otherFields = reader.remaining
        }
    }
}
