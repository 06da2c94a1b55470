/// One element of a queue-conversation participant's `messages`: a messaging session.
public struct GenesysQueueMessage: GenesysObjectModel, Equatable {
    /// The session's ID.
    public var id: String?
    /// The current state; `terminated` once over.
    public var state: GenesysMediaState?
    /// The state the session started in.
    public var initialState: GenesysMediaState?
    /// The channel (`webmessaging`, `sms`, …), wire name `type`.
    public var type: GenesysMessageChannel?
    /// `inbound` or `outbound`.
    public var direction: GenesysMediaDirection?
    /// How the session ended, lowercase and dotted.
    public var disconnectType: GenesysMediaDisconnectType?
    /// Whether the session is on hold.
    public var held: Bool?
    /// Whether the session is recorded.
    public var recording: Bool?
    /// The recording state.
    public var recordingState: GenesysRecordingState?
    /// The media provider.
    public var provider: String?
    /// When the session connected (ISO-8601).
    public var connectedTime: String?
    /// When the session disconnected (ISO-8601).
    public var disconnectedTime: String?
    /// The recipient's address.
    public var toAddress: GenesysQueueAddress?
    /// The sender's address.
    public var fromAddress: GenesysQueueAddress?
    /// Members not held by a property: unknown names, and known names with an unexpected JSON type.
    public var otherFields: [String: GenesysJSON]

    /// Reads the session from an object's members; never fails.
    public init(members: [String: GenesysJSON]) {
        var reader = GenesysFieldReader(members)
        id = reader.string("id")
        state = reader.value("state")
        initialState = reader.value("initialState")
        type = reader.value("type")
        direction = reader.value("direction")
        disconnectType = reader.value("disconnectType")
        held = reader.bool("held")
        recording = reader.bool("recording")
        recordingState = reader.value("recordingState")
        provider = reader.string("provider")
        connectedTime = reader.string("connectedTime")
        disconnectedTime = reader.string("disconnectedTime")
        toAddress = reader.object("toAddress", GenesysQueueAddress.init(members:))
        fromAddress = reader.object("fromAddress", GenesysQueueAddress.init(members:))
        otherFields = reader.remaining
    }
}
