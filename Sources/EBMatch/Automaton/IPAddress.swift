/// An IPv4 or IPv6 address in the canonical form the matcher compares (IPv4-mapped IPv6 counts as IPv4).
///
/// The reference turns every address into its bytes and then into uppercase hex digits (8 for IPv4,
/// 32 for IPv6) before feeding them to its byte automaton. We keep the bytes as two integers and read
/// the hex digits out of them on demand, so neither parsing nor matching touches the heap.
struct IPAddress: Equatable, Sendable {
    /// 4 for IPv4 (and IPv4-mapped IPv6), 16 for IPv6.
    let byteCount: Int
    /// Bits 127...64 of an IPv6 address; always 0 for IPv4.
    let high: UInt64
    /// Bits 63...0 of an IPv6 address, or the 32-bit IPv4 address in the low half.
    let low: UInt64

    /// An IPv4 address from its 32-bit value.
    init(ipv4 value: UInt32) {
        byteCount = 4
        high = 0
        low = UInt64(value)
    }

    /// An IPv6 address from its two 64-bit halves. Does not fold IPv4-mapped addresses: `parse` does that.
    init(ipv6High high: UInt64, low: UInt64) {
        byteCount = 16
        self.high = high
        self.low = low
    }

    /// How many hex digits the reference writes for this address: 8 or 32.
    var hexDigitCount: Int { byteCount * 2 }

    /// The value (0...15) of hex digit `index`, most significant first, as the reference's automaton
    /// reads it. `index` must be below `hexDigitCount`.
    func hexDigit(at index: Int) -> UInt8 {
        if byteCount == 4 {
            return UInt8(truncatingIfNeeded: low >> UInt64(4 * (7 - index))) & 0xF
        }
        if index < 16 {
            return UInt8(truncatingIfNeeded: high >> UInt64(4 * (15 - index))) & 0xF
        }
        return UInt8(truncatingIfNeeded: low >> UInt64(4 * (31 - index))) & 0xF
    }

    /// The uppercase hex form the reference compares (`0A000001` for 10.0.0.1). Allocates: for tests
    /// and diagnostics only, never on the matching path.
    var hexString: String {
        let digits: [UInt8] = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(hexDigitCount)
        for index in 0..<hexDigitCount {
            out.append(digits[Int(hexDigit(at: index))])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses an IP literal exactly as the reference does for both pattern strings and event strings:
    /// the shape check (IPv4 `digits.digits.digits.digits`, IPv6 hex digits and colons with at least one colon,
    /// zone ids and dotted-quad tails rejected) then Java InetAddress's rules (IPv4 leading zeros read as decimal,
    /// octets > 255 fail, IPv6 compressed forms and mixed case ok). Returns nil when it is not an IP address.
    /// Never resolves names. Must not allocate.
    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        if case .address(let address) = classify(text) { return address }
        return nil
    }

    /// Convenience for callers holding an array (pattern compilation, tests).
    static func parse(_ bytes: [UInt8]) -> IPAddress? {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    /// What the reference makes of a would-be IP literal. The CIDR parser needs the two failure kinds
    /// apart because they produce different error messages.
    enum Classification: Equatable, Sendable {
        /// Fails the shape check, so the reference never hands it to InetAddress ("Nonstandard IP address").
        case notIPShaped
        /// Passes the shape check but InetAddress rejects it ("Invalid IP address").
        case invalid
        /// A usable address.
        case address(IPAddress)
    }

    /// Runs the shape check and then the literal parser, reporting which stage failed.
    static func classify(_ text: UnsafeBufferPointer<UInt8>) -> Classification {
        switch shape(of: text) {
        case .none:
            return .notIPShaped
        case .ipv4:
            guard let value = parseIPv4(text) else { return .invalid }
            return .address(IPAddress(ipv4: value))
        case .ipv6:
            guard let address = parseIPv6(text) else { return .invalid }
            return .address(address)
        }
    }

    /// Which of the reference's two shape regexes a string passes.
    private enum Shape { case none, ipv4, ipv6 }

    /// The reference's guard against DNS lookups: `[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+` or
    /// `[0-9a-fA-F:]*:[0-9a-fA-F:]*`, each matching the whole string, ASCII only.
    private static func shape(of text: UnsafeBufferPointer<UInt8>) -> Shape {
        var dots = 0
        var digitsInPart = 0
        var ipv4Possible = true
        var colons = 0
        var ipv6Possible = true
        for byte in text {
            let isDecimal = byte >= 0x30 && byte <= 0x39
            let isHexLetter = (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
            if isDecimal {
                digitsInPart += 1
            } else if byte == 0x2E {  // "."
                if digitsInPart == 0 { ipv4Possible = false }
                dots += 1
                digitsInPart = 0
                ipv6Possible = false
            } else {
                ipv4Possible = false
                if byte == 0x3A {  // ":"
                    colons += 1
                } else if !isHexLetter {
                    ipv6Possible = false
                }
            }
        }
        if ipv4Possible && dots == 3 && digitsInPart > 0 { return .ipv4 }
        if ipv6Possible && colons > 0 { return .ipv6 }
        return .none
    }

    /// Java's `textToNumericFormatV4` for the four-part shape: at most 15 characters, each part read as
    /// decimal (so leading zeros are harmless) and at most 255. Anything else makes Java try DNS, which
    /// fails for such names, so the literal counts as invalid. `text` has already passed the IPv4 shape.
    private static func parseIPv4(_ text: UnsafeBufferPointer<UInt8>) -> UInt32? {
        // Why 15: the JDK refuses longer IPv4 literals outright, e.g. "010.000.000.0001".
        guard text.count <= 15 else { return nil }
        var value: UInt32 = 0
        var part: UInt32 = 0
        for byte in text {
            if byte == 0x2E {
                value = value << 8 | part
                part = 0
            } else {
                part = part * 10 + UInt32(byte - 0x30)
                // At most 12 digits fit in 15 characters, but stop early so the sum cannot overflow.
                if part > 255 { return nil }
            }
        }
        return value << 8 | part
    }

    /// Java's `textToNumericFormatV6` restricted to hex digits and colons (the shape check has removed
    /// dots and zone ids): groups may have any number of leading zeros as long as the value fits 16 bits,
    /// one `::` expands to the missing groups, a single leading or trailing colon fails, and an
    /// IPv4-mapped result (`::ffff:a.b.c.d` in hex) becomes the IPv4 address.
    private static func parseIPv6(_ text: UnsafeBufferPointer<UInt8>) -> IPAddress? {
        let count = text.count
        guard count >= 2 else { return nil }
        var groups = GroupBuffer()
        var index = 0
        if text[0] == 0x3A {
            guard text[1] == 0x3A else { return nil }
            index = 1
        }
        var compressionAt = -1  // group slot where "::" stands, as Java's `colonp`
        var filled = 0  // groups written so far, as Java's `j / 2`
        var sawDigit = false
        var value: UInt32 = 0
        while index < count {
            let byte = text[index]
            index += 1
            if let digit = hexValue(byte) {
                value = value << 4 | UInt32(digit)
                if value > 0xFFFF { return nil }
                sawDigit = true
                continue
            }
            // Only ':' is left after the shape check.
            if !sawDigit {
                if compressionAt != -1 { return nil }
                compressionAt = filled
                continue
            }
            if index == count { return nil }  // trailing single colon
            if filled + 1 > 8 { return nil }
            groups[filled] = UInt16(value)
            filled += 1
            sawDigit = false
            value = 0
        }
        if sawDigit {
            if filled + 1 > 8 { return nil }
            groups[filled] = UInt16(value)
            filled += 1
        }
        if compressionAt != -1 {
            if filled == 8 { return nil }  // "::" must stand for at least one group
            let tail = filled - compressionAt
            var moved = 1
            while moved <= tail {
                groups[8 - moved] = groups[compressionAt + tail - moved]
                groups[compressionAt + tail - moved] = 0
                moved += 1
            }
            filled = 8
        }
        guard filled == 8 else { return nil }
        // IPv4-mapped (::ffff:0:0/96) is returned by the JDK as a 4-byte address.
        if groups.high == 0 && groups.low >> 32 == 0xFFFF {
            return IPAddress(ipv4: UInt32(truncatingIfNeeded: groups.low))
        }
        return IPAddress(ipv6High: groups.high, low: groups.low)
    }

    /// The value of an ASCII hex digit, or nil.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

/// Eight 16-bit IPv6 groups kept in two integers, so the parser needs no array.
private struct GroupBuffer {
    /// Groups 0...3, group 0 in the top bits.
    var high: UInt64 = 0
    /// Groups 4...7, group 4 in the top bits.
    var low: UInt64 = 0

    /// Group `slot` (0...7), most significant first.
    subscript(slot: Int) -> UInt16 {
        get {
            let shift = UInt64(16 * (3 - slot % 4))
            return UInt16(truncatingIfNeeded: (slot < 4 ? high : low) >> shift)
        }
        set {
            let shift = UInt64(16 * (3 - slot % 4))
            let mask = ~(UInt64(0xFFFF) << shift)
            if slot < 4 {
                high = (high & mask) | UInt64(newValue) << shift
            } else {
                low = (low & mask) | UInt64(newValue) << shift
            }
        }
    }
}
