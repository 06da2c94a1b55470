import Foundation

/// Any JSON value, kept as it was received: the members of a Genesys payload that no typed property
/// describes (new fields, or known fields with an unexpected type) are stored as `GenesysJSON`, so a
/// receiver never loses data because the Genesys schema grew.
///
/// Integers that fit `Int64` stay exact (`.integer`); other numbers are `.double`.
public enum GenesysJSON: Sendable, Equatable {
    /// A JSON object; member order is not kept (Genesys gives it no meaning).
    case object([String: GenesysJSON])
    /// A JSON array.
    case array([GenesysJSON])
    /// A string.
    case string(String)
    /// A number that is an integer within `Int64`.
    case integer(Int64)
    /// Any other number.
    case double(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// `null`.
    case null

    /// The deepest nesting decoded. Genesys payloads are a few levels deep; the cap keeps a hostile
    /// document from exhausting the stack of a Lambda's worker thread during recursive decoding.
    public static let maxDepth = 128

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number as an `Int64` when it is an integer, or a double with no fractional part in range.
    public var int64Value: Int64? {
        switch self {
        case .integer(let value): return value
        case .double(let value):
            // Only whole values inside Int64's range convert; anything else would be silently rounded.
            guard value.rounded() == value, let exact = Int64(exactly: value) else { return nil }
            return exact
        default: return nil
        }
    }

    /// The number as a `Double`, whether stored as an integer or not.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The Boolean, if this is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: [String: GenesysJSON]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [GenesysJSON]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The member `name`, if this is an object that has one.
    public subscript(_ name: String) -> GenesysJSON? {
        objectValue?[name]
    }
}

extension GenesysJSON: Codable {
    /// Decodes any JSON value (nesting deeper than `maxDepth` is refused as corrupted data).
    public init(from decoder: any Decoder) throws {
        guard decoder.codingPath.count <= Self.maxDepth else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "JSON nested deeper than \(Self.maxDepth) levels"))
        }
        if var elements = try? decoder.unkeyedContainer() {
            var array: [GenesysJSON] = []
            while !elements.isAtEnd { array.append(try elements.decode(GenesysJSON.self)) }
            self = .array(array)
        } else if let members = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var object: [String: GenesysJSON] = [:]
            for key in members.allKeys { object[key.stringValue] = try members.decode(GenesysJSON.self, forKey: key) }
            self = .object(object)
        } else {
            let single = try decoder.singleValueContainer()
            if single.decodeNil() {
                self = .null
            } else if let value = try? single.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? single.decode(Int64.self) {
                self = .integer(value)
            } else if let value = try? single.decode(Double.self) {
                self = .double(value)
            } else {
                self = .string(try single.decode(String.self))
            }
        }
    }

    /// Encodes the value as the JSON it came from (object members in the encoder's order).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for (name, value) in members { try container.encode(value, forKey: AnyCodingKey(name)) }
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .integer(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .double(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        }
    }
}

/// A coding key for any member name, for reading objects whose names are not known in advance.
struct AnyCodingKey: CodingKey, Hashable {
    let stringValue: String
    let intValue: Int?

    init(_ name: String) {
        stringValue = name
        intValue = nil
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
