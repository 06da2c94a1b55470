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

    /// For a lead byte of a multi-byte sequence: the sequence length and the range its second byte must
    /// lie in (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF); nil for any other byte.
    static func sequenceShape(lead: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
        switch lead {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return nil
        }
    }

    /// The length of the well-formed UTF-8 sequence at `offset`, or nil (RFC 3629: no overlongs,
    /// no surrogates, nothing above U+10FFFF).
    @inline(__always)
    static func sequenceLength(in input: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int? {
        let count = input.count
        guard offset < count else { return nil }
        let b0 = input[offset]
        if b0 < 0x80 { return 1 }
        guard let (length, low, high) = sequenceShape(lead: b0) else { return nil }
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
