/// The `detail` of a Genesys event: the Genesys notification itself.
///
/// `topicName`, `version` and `timestamp` are strings on every topic, and `eventBody` is an object;
/// a different JSON type there fails decoding (the event is not a Genesys notification). `metadata`
/// is read leniently.
public struct GenesysDetail: Decodable, Sendable, Equatable {
    /// The concrete topic, with its IDs, e.g. `v2.detail.events.conversation.54beb9c0-….customer.end`.
    public var topicName: String?
    /// The notification version (`"2"`).
    public var version: String?
    /// The payload's members as received; `GenesysEvent.body` holds them typed.
    public var eventBody: [String: GenesysJSON]?
    /// `metadata`.
    public var metadata: Metadata?
    /// When Genesys sent the notification (ISO-8601 with milliseconds).
    public var timestamp: String?
    /// Members of `detail` not named above.
    public var otherFields: [String: GenesysJSON]

    /// Decodes `detail`; fails only when a named member has the wrong JSON type (see the type's
    /// documentation) or `detail` is not an object.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        topicName = try container.decodeIfPresent(String.self, forKey: AnyCodingKey("topicName"))
        version = try container.decodeIfPresent(String.self, forKey: AnyCodingKey("version"))
        eventBody = try container.decodeIfPresent([String: GenesysJSON].self, forKey: AnyCodingKey("eventBody"))
        timestamp = try container.decodeIfPresent(String.self, forKey: AnyCodingKey("timestamp"))
        let named: Set = ["topicName", "version", "eventBody", "timestamp"]
        var others: [String: GenesysJSON] = [:]
        for key in container.allKeys where !named.contains(key.stringValue) {
            others[key.stringValue] = try container.decode(GenesysJSON.self, forKey: key)
        }
        // Metadata that is not an object stays in otherFields: it is informational only.
        metadata = others["metadata"]?.objectValue.map(Metadata.init(members:))
        if metadata != nil { others["metadata"] = nil }
        otherFields = others
    }

    /// A detail from its parts (for tests and for building events).
    public init(
        topicName: String? = nil, version: String? = nil, eventBody: [String: GenesysJSON]? = nil,
        metadata: Metadata? = nil, timestamp: String? = nil, otherFields: [String: GenesysJSON] = [:]
    ) {
        self.topicName = topicName
        self.version = version
        self.eventBody = eventBody
        self.metadata = metadata
        self.timestamp = timestamp
        self.otherFields = otherFields
    }

    /// `detail.metadata`: `{"CorrelationId": "<uuid>"}` (capital C; audit events add `-archival`).
    public struct Metadata: GenesysObjectModel, Equatable {
        /// `CorrelationId`.
        public var correlationId: String?
        /// Other members.
        public var otherFields: [String: GenesysJSON]

        /// Reads the metadata from an object's members; never fails.
        public init(members: [String: GenesysJSON]) {
            var reader = GenesysFieldReader(members)
            correlationId = reader.string("CorrelationId")
            otherFields = reader.remaining
        }
    }
}
