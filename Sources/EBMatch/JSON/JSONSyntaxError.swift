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

/// Small UTF-8 helpers shared by the scanners; they never trap on malformed input.
enum UTF8Decoding {
    /// The scalar starting at `offset`, or nil when the bytes there are not well-formed UTF-8.
    static func scalar(in input: UnsafeBufferPointer<UInt8>, at offset: Int) -> Unicode.Scalar? {
        guard let length = sequenceLength(in: input, at: offset) else { return nil }
        let b0 = UInt32(input[offset])
        var value: UInt32
        switch length {
        case 1: value = b0
        case 2: value = b0 & 0x1F
        case 3: value = b0 & 0x0F
        default: value = b0 & 0x07
        }
        var i = 1
        while i < length {
            value = (value << 6) | UInt32(input[offset + i] & 0x3F)
            i += 1
        }
        return Unicode.Scalar(value)
    }

    /// The length of the well-formed UTF-8 sequence at `offset`, or nil (RFC 3629: no overlongs,
    /// no surrogates, nothing above U+10FFFF).
    @inline(__always)
    static func sequenceLength(in input: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        let count = input.count
        guard offset < count else { return nil }
        let b0 = input[offset]
        if b0 < 0x80 { return 1 }
        var length = 0
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard offset + length <= count else { return nil }
        let b1 = input[offset + 1]
        guard b1 >= low && b1 <= high else { return nil }
        var i = 2
        while i < length {
            let b = input[offset + i]
            guard b >= 0x80 && b <= 0xBF else { return nil }
            i += 1
        }
        return length
    }
}
