// The vocabularies of the queue-conversation topic (`v2.routing.queues.{id}.conversations`). Unlike the
// detail events they are lowercase, and disconnect types are dotted (`transfer.consult`), so they are
// types of their own rather than the detail events' ones.

/// `state` and `initialState` of a call or message in a queue conversation.
public struct GenesysMediaState: GenesysOpenValue {
    /// The value as sent.
    public let rawValue: String
    /// Any value, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `alerting`.
    public static let alerting: Self = "alerting"
    /// `dialing`.
    public static let dialing: Self = "dialing"
    /// `contacting`.
    public static let contacting: Self = "contacting"
    /// `offering`.
    public static let offering: Self = "offering"
    /// `connected`.
    public static let connected: Self = "connected"
    /// `disconnected`.
    public static let disconnected: Self = "disconnected"
    /// `terminated`: the session is over.
    public static let terminated: Self = "terminated"
    /// `uploading`.
    public static let uploading: Self = "uploading"
    /// `converting`.
    public static let converting: Self = "converting"
    /// `transmitting`.
    public static let transmitting: Self = "transmitting"
    /// `none`.
    public static let none: Self = "none"

    /// The documented values.
    public static let knownValues: [Self] = [
        .alerting, .dialing, .contacting, .offering, .connected, .disconnected, .terminated, .uploading, .converting,
        .transmitting, .none,
    ]
}

/// `disconnectType` of a call or message in a queue conversation (lowercase and dotted).
public struct GenesysMediaDisconnectType: GenesysOpenValue {
    /// The value as sent.
    public let rawValue: String
    /// Any value, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `endpoint`.
    public static let endpoint: Self = "endpoint"
    /// `endpoint.dnd`.
    public static let endpointDND: Self = "endpoint.dnd"
    /// `client`.
    public static let client: Self = "client"
    /// `system`.
    public static let system: Self = "system"
    /// `timeout`.
    public static let timeout: Self = "timeout"
    /// `transfer`.
    public static let transfer: Self = "transfer"
    /// `transfer.conference`.
    public static let transferConference: Self = "transfer.conference"
    /// `transfer.consult`.
    public static let transferConsult: Self = "transfer.consult"
    /// `transfer.forward`.
    public static let transferForward: Self = "transfer.forward"
    /// `transfer.noanswer`.
    public static let transferNoAnswer: Self = "transfer.noanswer"
    /// `transfer.notavailable`.
    public static let transferNotAvailable: Self = "transfer.notavailable"
    /// `transfer.dnd`.
    public static let transferDND: Self = "transfer.dnd"
    /// `transport.failure`.
    public static let transportFailure: Self = "transport.failure"
    /// `error`.
    public static let error: Self = "error"
    /// `peer`.
    public static let peer: Self = "peer"
    /// `other`.
    public static let other: Self = "other"
    /// `spam`.
    public static let spam: Self = "spam"
    /// `uncallable`.
    public static let uncallable: Self = "uncallable"

    /// The documented values.
    public static let knownValues: [Self] = [
        .endpoint, .endpointDND, .client, .system, .timeout, .transfer, .transferConference, .transferConsult,
        .transferForward, .transferNoAnswer, .transferNotAvailable, .transferDND, .transportFailure, .error, .peer,
        .other, .spam, .uncallable,
    ]
}

/// `direction` of a call or message in a queue conversation (lowercase).
public struct GenesysMediaDirection: GenesysOpenValue {
    /// The value as sent.
    public let rawValue: String
    /// Any value, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `inbound`.
    public static let inbound: Self = "inbound"
    /// `outbound`.
    public static let outbound: Self = "outbound"

    /// The documented values.
    public static let knownValues: [Self] = [.inbound, .outbound]
}

/// `recordingState` of a queue conversation or one of its calls.
public struct GenesysRecordingState: GenesysOpenValue {
    /// The value as sent.
    public let rawValue: String
    /// Any value, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `none`.
    public static let none: Self = "none"
    /// `active`.
    public static let active: Self = "active"
    /// `paused`.
    public static let paused: Self = "paused"

    /// The documented values.
    public static let knownValues: [Self] = [.none, .active, .paused]
}

/// `type` of a message in a queue conversation: the channel (lowercase).
public struct GenesysMessageChannel: GenesysOpenValue {
    /// The value as sent.
    public let rawValue: String
    /// Any value, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `sms`.
    public static let sms: Self = "sms"
    /// `twitter`.
    public static let twitter: Self = "twitter"
    /// `facebook`.
    public static let facebook: Self = "facebook"
    /// `line`.
    public static let line: Self = "line"
    /// `viber`.
    public static let viber: Self = "viber"
    /// `wechat`.
    public static let wechat: Self = "wechat"
    /// `whatsapp`.
    public static let whatsapp: Self = "whatsapp"
    /// `telegram`.
    public static let telegram: Self = "telegram"
    /// `kakao`.
    public static let kakao: Self = "kakao"
    /// `webmessaging`.
    public static let webMessaging: Self = "webmessaging"
    /// `open`.
    public static let open: Self = "open"
    /// `instagram`.
    public static let instagram: Self = "instagram"

    /// The documented values.
    public static let knownValues: [Self] = [
        .sms, .twitter, .facebook, .line, .viber, .wechat, .whatsapp, .telegram, .kakao, .webMessaging, .open,
        .instagram,
    ]
}
