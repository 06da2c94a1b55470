/// The `eventBody` of an analytics detail event, `v2.detail.events.conversation.{id}.<name>`:
/// customer.start/end, acd.start/end, user.start/end, acw, and the other detail topics.
///
/// One type serves all of them because they share most fields (the SDK models repeat the same common
/// block); the properties are the union, and each topic leaves the others absent. Which topic sent
/// the body is `GenesysEvent.topic`. Notable absences, by the SDK models (NOTES.md §2):
/// customer.end has **no queueId**; acw has no disconnectType and no divisionId; acd.end has no
/// externalContactId and no interactingDurationMs.
///
/// Every property is optional. Members this type does not know, and known members with an
/// unexpected JSON type, are kept in `otherFields`.
public struct GenesysConversationDetail: GenesysObjectModel, Equatable {
    // Common to the detail events.

    /// When the event happened (epoch milliseconds on these topics).
    public var eventTime: GenesysEventTime?
    /// The conversation.
    public var conversationId: String?
    /// The participant whose segment this event reports.
    public var participantId: String?
    /// The participant's session (one per media session).
    public var sessionId: String?
    /// The media of the session.
    public var mediaType: GenesysMediaType?
    /// The media provider, e.g. `Edge` for voice.
    public var provider: String?
    /// Inbound or outbound.
    public var direction: GenesysDirection?
    /// The calling address, e.g. `tel:+15555550142`.
    public var ani: String?
    /// The called address.
    public var dnis: String?
    /// The address the interaction was sent to.
    public var addressTo: String?
    /// The address the interaction came from.
    public var addressFrom: String?
    /// The name given for a callback.
    public var callbackUserName: String?
    /// The numbers given for a callback.
    public var callbackNumbers: [String]?
    /// When a callback is scheduled (epoch milliseconds).
    public var callbackScheduledTime: Int64?
    /// The subject (email and similar media).
    public var subject: String?
    /// The messaging channel, for `MESSAGE` media.
    public var messageType: GenesysMessageType?
    /// External contacts linked to the conversation.
    public var conversationExternalContactIds: [String]?
    /// External organizations linked to the conversation.
    public var conversationExternalOrganizationIds: [String]?
    /// Who or what ended the session (not on acw).
    public var disconnectType: GenesysDisconnectType?
    /// The external organization of the participant.
    public var externalOrganizationId: String?
    /// The external contact of the participant.
    public var externalContactId: String?
    /// The division.
    public var divisionId: String?
    /// The utilization label.
    public var utilizationLabel: String?
    /// Milliseconds spent interacting.
    public var interactingDurationMs: Int64?

    // Queue and agent segments (acd.*, user.*, acw, voicemail.end).

    /// The queue: on acd.end, user.end, acw and voicemail.end; never on customer.end.
    public var queueId: String?
    /// The agent (user.* and acw).
    public var userId: String?

    // acd.end.

    /// How the interaction left the queue.
    public var acdOutcome: GenesysACDOutcome?
    /// The agent who answered (absent when abandoned).
    public var answeredUserId: String?
    /// The routing methods requested.
    public var requestedRoutings: [GenesysRoutingMethod]?
    /// The routing method used.
    public var usedRouting: GenesysRoutingMethod?
    /// Skills requested for routing.
    public var requestedRoutingSkillIds: [String]?
    /// Skill expressions requested for routing.
    public var requestedSkillExpressionIds: [String]?
    /// Agents requested for routing.
    public var requestedRoutingUserIds: [String]?
    /// The language requested for routing.
    public var requestedLanguageId: String?
    /// The routing priority.
    public var routingPriority: Int64?
    /// Milliseconds connected.
    public var connectedDurationMs: Int64?
    /// The flow type.
    public var flowType: String?

    // user.end.

    /// Milliseconds on hold.
    public var heldDurationMs: Int64?
    /// Milliseconds alerting.
    public var alertingDurationMs: Int64?
    /// Milliseconds contacting.
    public var contactingDurationMs: Int64?
    /// Milliseconds dialing.
    public var dialingDurationMs: Int64?
    /// Milliseconds in a callback.
    public var callbackDurationMs: Int64?

    // acw.

    /// The wrap-up code's ID.
    public var wrapupCode: String?
    /// The wrap-up notes.
    public var wrapupNotes: String?
    /// Milliseconds of after-call work.
    public var wrapupDurationMs: Int64?

    /// Members not held by a property (see the type's documentation).
    public var otherFields: [String: GenesysJSON]

    /// Reads the body from an object's members; never fails.
    public init(members: [String: GenesysJSON]) {
        var reader = GenesysFieldReader(members)
        eventTime = reader.eventTime("eventTime")
        conversationId = reader.string("conversationId")
        participantId = reader.string("participantId")
        sessionId = reader.string("sessionId")
        mediaType = reader.value("mediaType")
        provider = reader.string("provider")
        direction = reader.value("direction")
        ani = reader.string("ani")
        dnis = reader.string("dnis")
        addressTo = reader.string("addressTo")
        addressFrom = reader.string("addressFrom")
        callbackUserName = reader.string("callbackUserName")
        callbackNumbers = reader.strings("callbackNumbers")
        callbackScheduledTime = reader.integer("callbackScheduledTime")
        subject = reader.string("subject")
        messageType = reader.value("messageType")
        conversationExternalContactIds = reader.strings("conversationExternalContactIds")
        conversationExternalOrganizationIds = reader.strings("conversationExternalOrganizationIds")
        disconnectType = reader.value("disconnectType")
        externalOrganizationId = reader.string("externalOrganizationId")
        externalContactId = reader.string("externalContactId")
        divisionId = reader.string("divisionId")
        utilizationLabel = reader.string("utilizationLabel")
        interactingDurationMs = reader.integer("interactingDurationMs")
        queueId = reader.string("queueId")
        userId = reader.string("userId")
        acdOutcome = reader.value("acdOutcome")
        answeredUserId = reader.string("answeredUserId")
        requestedRoutings = reader.values("requestedRoutings")
        usedRouting = reader.value("usedRouting")
        requestedRoutingSkillIds = reader.strings("requestedRoutingSkillIds")
        requestedSkillExpressionIds = reader.strings("requestedSkillExpressionIds")
        requestedRoutingUserIds = reader.strings("requestedRoutingUserIds")
        requestedLanguageId = reader.string("requestedLanguageId")
        routingPriority = reader.integer("routingPriority")
        connectedDurationMs = reader.integer("connectedDurationMs")
        flowType = reader.string("flowType")
        heldDurationMs = reader.integer("heldDurationMs")
        alertingDurationMs = reader.integer("alertingDurationMs")
        contactingDurationMs = reader.integer("contactingDurationMs")
        dialingDurationMs = reader.integer("dialingDurationMs")
        callbackDurationMs = reader.integer("callbackDurationMs")
        wrapupCode = reader.string("wrapupCode")
        wrapupNotes = reader.string("wrapupNotes")
        wrapupDurationMs = reader.integer("wrapupDurationMs")
        otherFields = reader.remaining
    }
}
