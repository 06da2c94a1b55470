/// `\uD800`-style escapes of one half of a surrogate pair with no other half: EventBridge (Java) and
/// EBMatch read each as `?`, while Foundation's `JSONDecoder` refuses the whole document ("The given
/// data was not valid JSON."). A truncated name or message text can end in one.
enum LoneSurrogateEscapes {
    /// `bytes` (a document EBMatch has read, so every backslash starts an escape inside a string) with
    /// each lone surrogate escape replaced by `\u003f`, the `?` EventBridge reads: same length, so every
    /// offset stays put. Nil when there is none.
    static func replaced(in bytes: [UInt8]) -> [UInt8]? {
        var result: [UInt8]?
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            guard bytes[index + 1] == UInt8(ascii: "u"), let unit = codeUnit(bytes, at: index) else {
                index += 2
                continue
            }
            if (0xD800...0xDBFF).contains(unit), let next = codeUnit(bytes, at: index + 6), (0xDC00...0xDFFF).contains(next) {
                index += 12
                continue
            }
            if (0xD800...0xDFFF).contains(unit) {
                if result == nil { result = bytes }
                result?.replaceSubrange(index..<index + 6, with: Array(#"\u003f"#.utf8))
            }
            index += 6
        }
        return result
    }

    /// The UTF-16 unit of the `\uXXXX` escape at `offset`, if one is there.
    private static func codeUnit(_ bytes: [UInt8], at offset: Int) -> UInt16? {
        guard offset + 6 <= bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
            return nil
        }
        var unit: UInt16 = 0
        for byte in bytes[offset + 2..<offset + 6] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
            unit = unit << 4 | UInt16(digit)
        }
        return unit
    }
}
