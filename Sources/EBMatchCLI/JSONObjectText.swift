/// A JSON object written by hand, one member at a time, in the order the members are added.
///
/// Output objects are small and flat, so writing them directly keeps the key order stable (tests and
/// people can rely on it) and avoids Foundation's encoder, which would escape `/` and could reorder keys.
public struct JSONObjectText: Sendable, Equatable {
    /// The text so far, without the closing brace.
    private var buffer = "{"
    /// Whether a member has been written, so the next one needs a comma.
    private var hasMembers = false

    /// An empty object.
    public init() {}

    /// Adds a string member.
    public mutating func add(_ key: String, _ value: String) {
        addKey(key)
        buffer += Self.quoted(value)
    }

    /// Adds an integer member.
    public mutating func add(_ key: String, _ value: Int) {
        addKey(key)
        buffer += String(value)
    }

    /// Adds an integer member, or `null` when the value is absent (the key is still written, so
    /// consumers see the same shape every time).
    public mutating func add(_ key: String, _ value: Int?) {
        addKey(key)
        buffer += value.map { String($0) } ?? "null"
    }

    /// Adds a string member, or `null` when the value is absent.
    public mutating func add(_ key: String, _ value: String?) {
        addKey(key)
        buffer += value.map(Self.quoted) ?? "null"
    }

    /// Adds a boolean member.
    public mutating func add(_ key: String, _ value: Bool) {
        addKey(key)
        buffer += value ? "true" : "false"
    }

    /// Adds a member whose value is an array of objects.
    public mutating func add(_ key: String, _ values: [JSONObjectText]) {
        addKey(key)
        buffer += "[" + values.map(\.text).joined(separator: ",") + "]"
    }

    /// Adds a member whose value is an array of strings.
    public mutating func add(_ key: String, _ values: [String]) {
        addKey(key)
        buffer += "[" + values.map(Self.quoted).joined(separator: ",") + "]"
    }

    /// Adds a member whose value is another object.
    public mutating func add(_ key: String, _ value: JSONObjectText) {
        addKey(key)
        buffer += value.text
    }

    /// The finished object, e.g. `{"event":"e.json","index":0}`.
    public var text: String { buffer + "}" }

    private mutating func addKey(_ key: String) {
        if hasMembers { buffer += "," }
        hasMembers = true
        buffer += Self.quoted(key)
        buffer += ":"
    }

    /// `value` as a JSON string literal: quotes, backslashes and control characters escaped, every
    /// other character (non-ASCII included) kept as itself, as RFC 8259 allows.
    public static func quoted(_ value: String) -> String {
        var result = "\""
        result.unicodeScalars.reserveCapacity(value.unicodeScalars.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85
                || scalar.value == 0x2028 || scalar.value == 0x2029:
                // Also NEL and the line and paragraph separators: valid JSON as they are, but tools that
                // split lines on every Unicode line break would cut a record there.
                result += "\\u" + hex4(scalar.value)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        result += "\""
        return result
    }

    /// Four lowercase hex digits for a value below 0x10000.
    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
