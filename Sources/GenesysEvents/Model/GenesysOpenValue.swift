/// A string value from a Genesys vocabulary (a media type, a disconnect type, …) that stays open: a
/// value Genesys adds after this code was written decodes as itself instead of failing.
///
/// Genesys grows these vocabularies over time (NOTES.md §7: `INACTIVITY` and `SESSION_EXPIRED` were
/// added to disconnectType), so closed Swift enums would reject live events. Known values are static
/// constants to compare against:
///
/// ```swift
/// if body.mediaType == .voice { … }
/// if let media = body.mediaType, !media.isKnown { log("new media type \(media)") }
/// ```
public protocol GenesysOpenValue: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String, StringLiteralType == String
{
    /// The value exactly as Genesys sends it (case matters: detail events use `VOICE`, queue
    /// conversations `inbound`).
    var rawValue: String { get }
    /// Any value, known or not.
    init(rawValue: String)
    /// The values documented when this code was written.
    static var knownValues: [Self] { get }
}

extension GenesysOpenValue {
    /// A value from a string literal, for the static constants and for tests.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// The raw value, as on the wire.
    public var description: String { rawValue }

    /// Whether the value is one of `knownValues`.
    public var isKnown: Bool { Self.knownValues.contains(self) }

    /// Decodes any string; the stored value is the string as received.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the raw string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
