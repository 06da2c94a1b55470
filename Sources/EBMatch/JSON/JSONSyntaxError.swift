/// A fault found while reading JSON text, worded as the JSON parser AWS uses (Jackson) words it.
///
/// `offset` is the byte offset Jackson's location points at. For syntax faults the newer Jackson that
/// AWS runs reports the offending character's own column, so `offset` is that character's byte offset;
/// `columnBias` is 0. See `JSONLocation` for how offsets become line and column.
struct JSONSyntaxError: Error, Sendable, Equatable {
    /// Jackson's message, first line only (no location suffix).
    let message: String
    /// Byte offset of the offending character (or of the end of input).
    let offset: Int
    /// A second location the message refers to (Jackson's "start marker"), written where the message
    /// holds a NUL placeholder.
    var relatedOffset: Int? = nil
    /// Whether a Jackson limit (nesting depth, number, string or name length) was exceeded.
    var isLimit = false

    /// `Unexpected character ('x' (code 120)): <expectation>` (or `… in numeric value: …`).
    static func unexpectedCharacter(
        _ input: UnsafeBufferPointer<UInt8>, at offset: Int, _ expectation: String, inNumber: Bool = false
    ) -> JSONSyntaxError {
        // Inside a number Jackson writes `… (code 120)) in numeric value: …`, elsewhere `… (code 120)): …`.
        let joint = inNumber ? " in numeric value: " : ": "
        return JSONSyntaxError(
            message: "Unexpected character (\(describeCharacter(input, at: offset)))\(joint)\(expectation)",
            offset: offset)
    }

    /// Jackson's description of a character: `'x' (code 120)`, `(CTRL-CHAR, code 9)`, or with a hex
    /// code above 255. Jackson reads UTF-16 units, so a non-ASCII character is decoded first.
    static func describeCharacter(_ input: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        guard offset < input.count else { return "EOF" }
        guard let scalar = UTF8Decoding.scalar(in: input, at: offset)?.value else {
            // Jackson reads characters, never bytes; a byte that is not UTF-8 is named as such.
            return "(invalid UTF-8 byte 0x\(String(input[offset], radix: 16)))"
        }
        // A character outside the BMP reaches Jackson as its high surrogate first.
        let unit = scalar > 0xFFFF ? 0xD800 + ((scalar - 0x10000) >> 10) : scalar
        // Java's ISO control characters: U+0000-U+001F and U+007F-U+009F.
        if unit < 32 || (unit >= 0x7F && unit <= 0x9F) { return "(CTRL-CHAR, code \(unit))" }
        let shown: String
        if let s = Unicode.Scalar(unit) { shown = String(Character(s)) } else { shown = "?" }
        if unit > 255 {
            return "'\(shown)' (code \(unit) / 0x\(String(unit, radix: 16)))"
        }
        return "'\(shown)' (code \(unit))"
    }

    /// The list of acceptable values Jackson appends to several messages.
    static let validValues =
        "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
}
