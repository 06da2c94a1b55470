/// A CIDR operand the reference rejects; `message` is the reference's exact text.
struct CIDRError: Error, Equatable, Sendable {
    /// The reference's message, without any location suffix.
    let message: String
}

/// An inclusive address range from a `cidr` operand or from a single IP-literal string in a pattern.
///
/// Both ends always have the same family. Membership is decided the way the reference's byte
/// automaton decides it over hex digit strings, which is why an address of the other family can match
/// (§4.11): the automaton answers as soon as a prefix of the digits settles the question and never
/// checks that the address has the range's length.
struct IPRange: Equatable, Sendable {
    /// Lowest address in the range (the CIDR base with host bits cleared).
    let bottom: IPAddress
    /// Highest address in the range (the CIDR base with host bits set).
    let top: IPAddress

    /// The single-address range used when a plain pattern string is an IP literal.
    init(single: IPAddress) {
        bottom = single
        top = single
    }

    /// A range from its two ends; both must have the same `byteCount` and `bottom <= top`.
    private init(bottom: IPAddress, top: IPAddress) {
        self.bottom = bottom
        self.top = top
    }

    /// Parses a `{"cidr": "..."}` operand (already JSON-decoded, UTF-8 bytes) with the reference's exact
    /// error messages (no location suffix): "Malformed CIDR, one '/' required", "Malformed CIDR, mask bits must be an integer",
    /// "Malformed CIDR, mask bits must not be negative", "IPv4 mask bits must be < 32", "IPv6 mask bits must be < 128",
    /// "Invalid IP address: <ip>", "Nonstandard IP address: <ip>" -- and the lenient spots (`+8`, trailing `/`,
    /// host bits masked, IPv4-mapped treated as IPv4 so bits > 31 rejected).
    ///
    /// The checks run in the reference's order: the split on `/`, the mask integer, its sign, the
    /// address, and only then the family's bit limit.
    static func parseCIDR(_ text: [UInt8]) -> Result<IPRange, CIDRError> {
        // Java's String.split("/") drops trailing empty pieces, so trailing slashes vanish first;
        // what is left must hold exactly one "/" ("a//8" gives three pieces, "/" gives none).
        var end = text.count
        while end > 0 && text[end - 1] == 0x2F { end -= 1 }
        var slash = -1
        for index in 0..<end where text[index] == 0x2F {
            guard slash == -1 else { return .failure(CIDRError(message: "Malformed CIDR, one '/' required")) }
            slash = index
        }
        guard slash != -1 else { return .failure(CIDRError(message: "Malformed CIDR, one '/' required")) }

        guard let bits = javaParseInt(text[(slash + 1)..<end]) else {
            return .failure(CIDRError(message: "Malformed CIDR, mask bits must be an integer"))
        }
        guard bits >= 0 else {
            return .failure(CIDRError(message: "Malformed CIDR, mask bits must not be negative"))
        }

        let ipBytes = text[0..<slash]
        let classification = ipBytes.withUnsafeBufferPointer { IPAddress.classify($0) }
        let base: IPAddress
        switch classification {
        case .notIPShaped:
            return .failure(CIDRError(message: "Nonstandard IP address: " + String(decoding: ipBytes, as: UTF8.self)))
        case .invalid:
            return .failure(CIDRError(message: "Invalid IP address: " + String(decoding: ipBytes, as: UTF8.self)))
        case .address(let address):
            base = address
        }

        if base.byteCount == 4 {
            guard bits <= 31 else { return .failure(CIDRError(message: "IPv4 mask bits must be < 32")) }
            let mask: UInt32 = bits == 0 ? 0 : UInt32.max << UInt32(32 - bits)
            let value = UInt32(truncatingIfNeeded: base.low)
            return .success(IPRange(bottom: IPAddress(ipv4: value & mask), top: IPAddress(ipv4: value | ~mask)))
        }
        guard bits <= 127 else { return .failure(CIDRError(message: "IPv6 mask bits must be < 128")) }
        let highMask: UInt64 = bits >= 64 ? .max : (bits == 0 ? 0 : UInt64.max << UInt64(64 - bits))
        let lowMask: UInt64 = bits <= 64 ? 0 : UInt64.max << UInt64(128 - bits)
        return .success(
            IPRange(
                bottom: IPAddress(ipv6High: base.high & highMask, low: base.low & lowMask),
                top: IPAddress(ipv6High: base.high | ~highMask, low: base.low | ~lowMask)))
    }

    /// Java's `Integer.parseInt(s)`: an optional single `+` or `-`, then at least one decimal digit of
    /// any script in the Basic Multilingual Plane (Java reads UTF-16 units, so digits outside it fail),
    /// and the value must fit in 32 bits. nil stands for Java's NumberFormatException.
    private static func javaParseInt(_ bytes: ArraySlice<UInt8>) -> Int? {
        var negative = false
        var sawDigit = false
        var magnitude = 0
        var first = true
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            defer { first = false }
            if first && (scalar == "+" || scalar == "-") {
                negative = scalar == "-"
                continue
            }
            guard scalar.value <= 0xFFFF, scalar.properties.numericType == .decimal,
                let numeric = scalar.properties.numericValue, numeric >= 0, numeric <= 9
            else { return nil }
            magnitude = magnitude * 10 + Int(numeric)
            // 2^31 is the largest magnitude any int can have; stop before the product could overflow.
            if magnitude > 2_147_483_648 { return nil }
            sawDigit = true
        }
        guard sawDigit else { return nil }
        if negative { return -magnitude }
        return magnitude <= 2_147_483_647 ? magnitude : nil
    }

    /// Whether the event address falls in the range, as the reference's byte automaton decides it, INCLUDING
    /// the family cross-over quirk of §4.11 (ranges and addresses are compared as uppercase hex digit strings,
    /// 8 digits for IPv4, 32 for IPv6; the decision is taken as soon as a prefix decides it: an IPv4 range
    /// matches an IPv6 address whose first 8 hex digits fall in it, `::/1` matches 10.0.0.1, exact "10.0.0.1"
    /// matches a00:1::). Must not allocate.
    ///
    /// The automaton's shape: a chain over the digits the two ends share, then a fork where any digit
    /// strictly between the ends' digits matches at once. Following the bottom's digit leads to a chain
    /// where a larger digit matches at once and an equal one goes on (the last equal digit matches);
    /// following the top's digit mirrors that with smaller digits. Running out of event digits before
    /// a match is a failure, which is how an IPv6 range can fail an IPv4 address it seems to contain.
    func contains(_ address: IPAddress) -> Bool {
        let length = bottom.hexDigitCount
        let available = address.hexDigitCount
        var position = 0
        // Shared prefix of the two ends.
        while position < length && bottom.hexDigit(at: position) == top.hexDigit(at: position) {
            guard position < available, address.hexDigit(at: position) == bottom.hexDigit(at: position) else {
                return false
            }
            position += 1
        }
        // A single address: every digit matched.
        if position == length { return true }
        guard position < available else { return false }

        // The fork.
        let digit = address.hexDigit(at: position)
        let low = bottom.hexDigit(at: position)
        let high = top.hexDigit(at: position)
        if digit > low && digit < high { return true }
        if position == length - 1 { return digit == low || digit == high }
        if digit == low { return followsEnd(bottom, from: position + 1, length: length, address, aboveIt: true) }
        if digit == high { return followsEnd(top, from: position + 1, length: length, address, aboveIt: false) }
        return false
    }

    /// Walks the chain after the fork along one end of the range: a digit beyond the end's digit (above
    /// it for the bottom, below it for the top) matches, an equal digit continues, and the last equal
    /// digit matches because both ends are inclusive.
    private func followsEnd(
        _ end: IPAddress, from start: Int, length: Int, _ address: IPAddress, aboveIt: Bool
    ) -> Bool {
        let available = address.hexDigitCount
        var position = start
        while position < length {
            guard position < available else { return false }
            let digit = address.hexDigit(at: position)
            let limit = end.hexDigit(at: position)
            if digit != limit { return aboveIt ? digit > limit : digit < limit }
            position += 1
        }
        return true
    }
}
