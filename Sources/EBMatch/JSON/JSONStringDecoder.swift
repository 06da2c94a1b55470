/// Decodes the contents of a JSON string (already validated by `JSONTokenizer`) to UTF-8 bytes.
///
/// The reference engine works on Java strings and compares their UTF-8 encoding, so a lone surrogate
/// (`\ud800` with no partner) ends up as `?`, which is what Java's encoder writes for it.
enum JSONStringDecoder {
    /// The value of a hexadecimal digit, or nil.
    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Appends the decoded contents of `range` (the bytes between the quotes) to `output`.
    static func decode(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8]
    ) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = input[i]
            guard c == UInt8(ascii: "\\"), i + 1 < end else {
                output.append(c)
                i += 1
                continue
            }
            let e = input[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): output.append(8)
            case UInt8(ascii: "f"): output.append(12)
            case UInt8(ascii: "n"): output.append(10)
            case UInt8(ascii: "r"): output.append(13)
            case UInt8(ascii: "t"): output.append(9)
            case UInt8(ascii: "u"):
                guard let unit = hex4(input, at: i, end: end) else { return }
                i += 4
                if unit >= 0xD800 && unit < 0xDC00, i + 6 <= end, input[i] == UInt8(ascii: "\\"),
                    input[i + 1] == UInt8(ascii: "u"), let low = hex4(input, at: i + 2, end: end),
                    low >= 0xDC00 && low < 0xE000
                {
                    i += 6
                    appendScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), to: &output)
                } else if unit >= 0xD800 && unit < 0xE000 {
                    output.append(UInt8(ascii: "?"))
                } else {
                    appendScalar(unit, to: &output)
                }
            default: output.append(e)  // `"`, `\`, `/`
            }
        }
    }

    /// The decoded contents of `range` as a new array.
    static func decoded(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        decode(input, range, into: &out)
        return out
    }

    /// The decoded contents of `range` with, for each decoded byte, the offset of the source character
    /// (or escape sequence) it comes from, and one more entry for the end of `range`.
    static func decodedWithOffsets(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> ([UInt8], [Int]) {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        var i = range.lowerBound
        while i < range.upperBound {
            var length = 1
            if input[i] == UInt8(ascii: "\\"), i + 1 < range.upperBound {
                length = 2
                if input[i + 1] == UInt8(ascii: "u") {
                    length = 6
                    // A surrogate pair is one character written as two escapes.
                    if let high = hex4(input, at: i + 2, end: range.upperBound), high >= 0xD800 && high < 0xDC00,
                        i + 12 <= range.upperBound, input[i + 6] == UInt8(ascii: "\\"), input[i + 7] == UInt8(ascii: "u"),
                        let low = hex4(input, at: i + 8, end: range.upperBound), low >= 0xDC00 && low < 0xE000
                    {
                        length = 12
                    }
                }
            }
            let end = min(i + length, range.upperBound)
            let before = bytes.count
            decode(input, i..<end, into: &bytes)
            offsets += repeatElement(i, count: bytes.count - before)
            i = end
        }
        offsets.append(range.upperBound)
        return (bytes, offsets)
    }

    private static func hex4(_ input: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> UInt32? {
        guard i + 4 <= end else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            guard let d = hexValue(input[i + k]) else { return nil }
            v = v << 4 | d
        }
        return v
    }

    /// Appends the UTF-8 encoding of a scalar value.
    static func appendScalar(_ v: UInt32, to output: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            output.append(UInt8(v))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (v >> 6)))
            output.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (v >> 12)))
            output.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (v & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (v >> 18)))
            output.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}
