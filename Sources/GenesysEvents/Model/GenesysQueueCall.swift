/// One element of a queue-conversation participant's `calls`: a voice session.
public struct GenesysQueueCall: GenesysObjectModel, Equatable {
    /// The call's ID.
    public var id: String?
    /// The current state; `terminated` once over.
    public var state: GenesysMediaState?
    /// The state the call started in.
    public var initialState: GenesysMediaState?
    /// Whether the call is recorded.
    public var recording: Bool?
    /// The recording state.
    public var recordingState: GenesysRecordingState?
    /// Whether the participant is muted.
    public var muted: Bool?
    /// Whether the participant is confined.
    public var confined: Bool?
    /// Whether the call is on hold.
    public var held: Bool?
    /// Whether recording is securely paused.
    public var securePause: Bool?
    /// Error details (not modelled).
    public var errorInfo: GenesysJSON?
    /// How the call ended, lowercase and dotted (`endpoint`, `transfer.consult`, …).
    public var disconnectType: GenesysMediaDisconnectType?
    /// When the current hold started (ISO-8601).
    public var startHoldTime: String?
    /// `inbound` or `outbound`.
    public var direction: GenesysMediaDirection?
    /// This side's address, wire name `self`.
    public var selfAddress: GenesysQueueAddress?
    /// The other side's address, wire name `other`.
    public var otherAddress: GenesysQueueAddress?
    /// The media provider, e.g. `Edge`.
    public var provider: String?
    /// The script.
    public var scriptId: String?
    /// The peer.
    public var peerId: String?
    /// When the call connected (ISO-8601).
    public var connectedTime: String?
    /// When the call disconnected (ISO-8601).
    public var disconnectedTime: String?
    /// Disconnect reasons (not modelled).
    public var disconnectReasons: GenesysJSON?
    /// User-to-user information.
    public var uuiData: String?
    /// Wrap-up on the call (not modelled; the participant's `wrapup` is the usual place).
    public var wrapup: GenesysJSON?
    /// After-call work (not modelled).
    public var afterCallWork: GenesysJSON?
    /// Whether after-call work is required.
    public var afterCallWorkRequired: Bool?
    /// Queue media settings (not modelled).
    public var queueMediaSettings: GenesysJSON?
    /// Members not held by a property: unknown names, and known names with an unexpected JSON type.
    public var otherFields: [String: GenesysJSON]

    /// Reads the call from an object's members; never fails.
    public init(members: [String: GenesysJSON]) {
        var reader = GenesysFieldReader(members)
        id = reader.string("id")
        state = reader.value("state")
        initialState = reader.value("initialState")
        recording = reader.bool("recording")
        recordingState = reader.value("recordingState")
        muted = reader.bool("muted")
        confined = reader.bool("confined")
        held = reader.bool("held")
        securePause = reader.bool("securePause")
        errorInfo = reader.json("errorInfo")
        disconnectType = reader.value("disconnectType")
        startHoldTime = reader.string("startHoldTime")
        direction = reader.value("direction")
        selfAddress = reader.object("self", GenesysQueueAddress.init(members:))
        otherAddress = reader.object("other", GenesysQueueAddress.init(members:))
        provider = reader.string("provider")
        scriptId = reader.string("scriptId")
        peerId = reader.string("peerId")
        connectedTime = reader.string("connectedTime")
        disconnectedTime = reader.string("disconnectedTime")
        disconnectReasons = reader.json("disconnectReasons")
        uuiData = reader.string("uuiData")
        wrapup = reader.json("wrapup")
        afterCallWork = reader.json("afterCallWork")
        afterCallWorkRequired = reader.bool("afterCallWorkRequired")
        queueMediaSettings = reader.json("queueMediaSettings")
        otherFields = reader.remaining
    }
}
