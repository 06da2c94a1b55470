// The vocabularies of the analytics detail events (`v2.detail.events.conversation.{id}.*`). Their
// values are UPPERCASE on the wire; the queue-conversation topic spells related values differently
// (see QueueConversationValues.swift), so the two sets are distinct types.

/// `mediaType` of a detail event.
public struct GenesysMediaType: GenesysOpenValue {
    /// The value as sent.
    public let rawValue: String
    /// Any value, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `UNKNOWN`.
    public static let unknown: Self = "UNKNOWN"
    /// `VOICE`: a phone call.
    public static let voice: Self = "VOICE"
    /// `CHAT`: legacy web chat.
    public static let chat: Self = "CHAT"
    /// `EMAIL`.
    public static let email: Self = "EMAIL"
    /// `CALLBACK`.
    public static let callback: Self = "CALLBACK"
    /// `COBROWSE`.
    public static let cobrowse: Self = "COBROWSE"
    /// `VIDEO`.
    public static let video: Self = "VIDEO"
    /// `SCREENSHARE`.
    public static let screenshare: Self = "SCREENSHARE"
    /// `MESSAGE`: web messaging, SMS, social channels (see `GenesysMessageType`).
    public static let message: Self = "MESSAGE"
    /// `INTERNALMESSAGE` (newer SDK models).
    public static let internalMessage: Self = "INTERNALMESSAGE"
    /// `SCREENMONITORING` (newer SDK models).
    public static let screenMonitoring: Self = "SCREENMONITORING"

    /// The values documented in the SDK models up to v258.
    public static let knownValues: [Self] = [
        .unknown, .voice, .chat, .email, .callback, .cobrowse, .video, .screenshare, .message, .internalMessage,
        .screenMonitoring,
    ]
}

/// `direction` of a detail event.
public struct GenesysDirection: GenesysOpenValue {
    /// The value as sent.
    public let rawValue: String
    /// Any value, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `UNKNOWN`.
    public static let unknown: Self = "UNKNOWN"
    /// `INBOUND`.
    public static let inbound: Self = "INBOUND"
    /// `OUTBOUND`.
    public static let outbound: Self = "OUTBOUND"

    /// The documented values.
    public static let knownValues: [Self] = [.unknown, .inbound, .outbound]
}

/// `disconnectType` of a detail event: who or what ended the participant's session.
public struct GenesysDisconnectType: GenesysOpenValue {
    /// The value as sent.
    public let rawValue: String
    /// Any value, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `UNKNOWN`.
    public static let unknown: Self = "UNKNOWN"
    /// `ENDPOINT`: the participant's own device hung up.
    public static let endpoint: Self = "ENDPOINT"
    /// `CLIENT`: the agent's client ended it.
    public static let client: Self = "CLIENT"
    /// `SYSTEM`.
    public static let system: Self = "SYSTEM"
    /// `TRANSFER`.
    public static let transfer: Self = "TRANSFER"
    /// `ERROR`.
    public static let error: Self = "ERROR"
    /// `PEER`: the other side ended it.
    public static let peer: Self = "PEER"
    /// `OTHER`.
    public static let other: Self = "OTHER"
    /// `SPAM`.
    public static let spam: Self = "SPAM"
    /// `TIMEOUT`.
    public static let timeout: Self = "TIMEOUT"
    /// `TRANSPORT_FAILURE`.
    public static let transportFailure: Self = "TRANSPORT_FAILURE"
    /// `CONFERENCE_TRANSFER`.
    public static let conferenceTransfer: Self = "CONFERENCE_TRANSFER"
    /// `CONSULT_TRANSFER`.
    public static let consultTransfer: Self = "CONSULT_TRANSFER"
    /// `FORWARD_TRANSFER`.
    public static let forwardTransfer: Self = "FORWARD_TRANSFER"
    /// `NO_ANSWER_TRANSFER`.
    public static let noAnswerTransfer: Self = "NO_ANSWER_TRANSFER"
    /// `NOT_AVAILABLE_TRANSFER`.
    public static let notAvailableTransfer: Self = "NOT_AVAILABLE_TRANSFER"
    /// `UNCALLABLE`.
    public static let uncallable: Self = "UNCALLABLE"
    /// `DND_ENDPOINT`.
    public static let dndEndpoint: Self = "DND_ENDPOINT"
    /// `DND_TRANSFER`.
    public static let dndTransfer: Self = "DND_TRANSFER"
    /// `INACTIVITY` (newer SDK models).
    public static let inactivity: Self = "INACTIVITY"
    /// `SESSION_EXPIRED` (newer SDK models).
    public static let sessionExpired: Self = "SESSION_EXPIRED"

    /// The values documented in the SDK models up to v258.
    public static let knownValues: [Self] = [
        .unknown, .endpoint, .client, .system, .transfer, .error, .peer, .other, .spam, .timeout, .transportFailure,
        .conferenceTransfer, .consultTransfer, .forwardTransfer, .noAnswerTransfer, .notAvailableTransfer, .uncallable,
        .dndEndpoint, .dndTransfer, .inactivity, .sessionExpired,
    ]
}

/// `messageType` of a detail event with `MESSAGE` media: the messaging channel.
public struct GenesysMessageType: GenesysOpenValue {
    /// The value as sent.
    public let rawValue: String
    /// Any value, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `UNKNOWN`.
    public static let unknown: Self = "UNKNOWN"
    /// `SMS`.
    public static let sms: Self = "SMS"
    /// `TWITTER`.
    public static let twitter: Self = "TWITTER"
    /// `FACEBOOK`.
    public static let facebook: Self = "FACEBOOK"
    /// `LINE`.
    public static let line: Self = "LINE"
    /// `WHATSAPP`.
    public static let whatsapp: Self = "WHATSAPP"
    /// `WEBMESSAGING`.
    public static let webMessaging: Self = "WEBMESSAGING"
    /// `OPEN`: an Open Messaging integration.
    public static let open: Self = "OPEN"
    /// `INSTAGRAM`.
    public static let instagram: Self = "INSTAGRAM"
    /// `APPLE`.
    public static let apple: Self = "APPLE"

    /// The documented values.
    public static let knownValues: [Self] = [
        .unknown, .sms, .twitter, .facebook, .line, .whatsapp, .webMessaging, .open, .instagram, .apple,
    ]
}

/// `acdOutcome` of an acd.end event: how the interaction left the queue.
public struct GenesysACDOutcome: GenesysOpenValue {
    /// The value as sent.
    public let rawValue: String
    /// Any value, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `UNKNOWN`.
    public static let unknown: Self = "UNKNOWN"
    /// `ABANDON`: the customer left before an agent answered.
    public static let abandon: Self = "ABANDON"
    /// `ANSWERED`.
    public static let answered: Self = "ANSWERED"
    /// `FLOW_OUT`: a flow took the interaction out of the queue.
    public static let flowOut: Self = "FLOW_OUT"

    /// The documented values.
    public static let knownValues: [Self] = [.unknown, .abandon, .answered, .flowOut]
}

/// `usedRouting` and the elements of `requestedRoutings` of an acd.end event.
public struct GenesysRoutingMethod: GenesysOpenValue {
    /// The value as sent.
    public let rawValue: String
    /// Any value, known or not.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `UNKNOWN`.
    public static let unknown: Self = "UNKNOWN"
    /// `MANUAL`.
    public static let manual: Self = "MANUAL"
    /// `PREDICTIVE`.
    public static let predictive: Self = "PREDICTIVE"
    /// `PREFERRED`.
    public static let preferred: Self = "PREFERRED"
    /// `LAST`.
    public static let last: Self = "LAST"
    /// `BULLSEYE`.
    public static let bullseye: Self = "BULLSEYE"
    /// `STANDARD`.
    public static let standard: Self = "STANDARD"
    /// `OTHER`.
    public static let other: Self = "OTHER"
    /// `CONDITIONAL`.
    public static let conditional: Self = "CONDITIONAL"
    /// `VIP`.
    public static let vip: Self = "VIP"

    /// The documented values.
    public static let knownValues: [Self] = [
        .unknown, .manual, .predictive, .preferred, .last, .bullseye, .standard, .other, .conditional, .vip,
    ]
}
