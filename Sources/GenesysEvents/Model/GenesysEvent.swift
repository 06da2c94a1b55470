import Foundation

/// A Genesys Cloud event as Amazon EventBridge delivers it: the EventBridge envelope around the
/// Genesys notification in `detail`.
///
/// ```swift
/// let event = try GenesysEvent.decode(bytes)
/// if event.topic == .acdEnd, let body = event.body.conversationDetail {
///     print(body.queueId ?? "-", body.acdOutcome ?? "-")
/// }
/// ```
///
/// Every member is optional. The envelope is EventBridge's, with fixed types (strings, and
/// `resources` an array of strings): a member of another JSON type fails decoding with a
/// `DecodingError` naming its path, because such a document is not an EventBridge event. The
/// Genesys payload (`detail.eventBody`) is read leniently: see `GenesysObjectModel`.
public struct GenesysEvent: Decodable, Sendable, Equatable {
    /// The EventBridge envelope version (`"0"`).
    public var version: String?
    /// The EventBridge event ID.
    public var id: String?
    /// `detail-type`: the Genesys topic template, with a literal `{id}`.
    public var detailType: String?
    /// `source`: `aws.partner/genesys.com/cloud/<org>/<suffix>`.
    public var source: String?
    /// The AWS account of the partner event source.
    public var account: String?
    /// The EventBridge time (ISO-8601, whole seconds).
    public var time: String?
    /// The AWS region.
    public var region: String?
    /// `resources` (empty in every known Genesys event).
    public var resources: [String]?
    /// The Genesys notification.
    public var detail: GenesysDetail?
    /// Top-level members not named above.
    public var otherFields: [String: GenesysJSON]
    /// The typed `detail.eventBody`, chosen by the topic (`detail-type`).
    public private(set) var body: GenesysEventBody

    /// The topic named by `detail-type`.
    public var topic: GenesysTopic? { detailType.map(GenesysTopic.init(template:)) }
    /// `source` read into its parts (nil when it is not a Genesys partner source).
    public var parsedSource: GenesysSource? { source.flatMap(GenesysSource.init) }
    /// `detail.topicName` with its IDs read out.
    public var topicName: GenesysTopicName? { detail?.topicName.map(GenesysTopicName.init) }

    private static let envelopeNames: Set = [
        "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail",
    ]

    /// Decodes an event (see the type's documentation for what fails).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        func string(_ name: String) throws -> String? {
            try container.decodeIfPresent(String.self, forKey: AnyCodingKey(name))
        }
        version = try string("version")
        id = try string("id")
        detailType = try string("detail-type")
        source = try string("source")
        account = try string("account")
        time = try string("time")
        region = try string("region")
        resources = try container.decodeIfPresent([String].self, forKey: AnyCodingKey("resources"))
        detail = try container.decodeIfPresent(GenesysDetail.self, forKey: AnyCodingKey("detail"))
        var others: [String: GenesysJSON] = [:]
        for key in container.allKeys where !Self.envelopeNames.contains(key.stringValue) {
            others[key.stringValue] = try container.decode(GenesysJSON.self, forKey: key)
        }
        otherFields = others
        body = GenesysEventBody(topic: detailType.map(GenesysTopic.init(template:)), members: detail?.eventBody)
    }

    /// An event from its parts (for tests and for building events); `body` is derived from them.
    public init(
        version: String? = "0", id: String? = nil, detailType: String? = nil, source: String? = nil,
        account: String? = nil, time: String? = nil, region: String? = nil, resources: [String]? = [],
        detail: GenesysDetail? = nil, otherFields: [String: GenesysJSON] = [:]
    ) {
        self.version = version
        self.id = id
        self.detailType = detailType
        self.source = source
        self.account = account
        self.time = time
        self.region = region
        self.resources = resources
        self.detail = detail
        self.otherFields = otherFields
        body = GenesysEventBody(topic: detailType.map(GenesysTopic.init(template:)), members: detail?.eventBody)
    }

    /// Decodes an event from JSON bytes with Foundation's `JSONDecoder`. For positions of syntax
    /// errors (line, column, path), use `GenesysEventReceiver`, which reads the JSON with EBMatch first.
    public static func decode(_ json: Data) throws -> GenesysEvent {
        try JSONDecoder().decode(GenesysEvent.self, from: json)
    }

    /// Decodes an event from JSON bytes.
    public static func decode(_ json: [UInt8]) throws -> GenesysEvent {
        try decode(Data(json))
    }
}
