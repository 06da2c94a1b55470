/// A JSON number literal reduced to its significant digits: value = ±`significand` × 10^`exponent`.
///
/// Only literals with at most 17 significant digits are kept: Java's `Double.toString` never prints more,
/// so a literal that needs more (after dropping leading and trailing zeros) can never be comparable and
/// is rejected before any arithmetic is done. That bound also lets the digits live in one `UInt64`.
struct DecimalDigits {
    /// The most significant digits Java's `Double.toString` ever prints.
    static let maximumDigitCount = 17

    /// True for a literal starting with `-` (kept apart because all arithmetic is on the magnitude).
    var negative: Bool
    /// The significant digits without leading or trailing zeros; 0 only for a zero literal.
    var significand: UInt64
    /// How many decimal digits `significand` has (0 for zero).
    var digitCount: Int
    /// The power of ten applied to `significand`.
    var exponent: Int

    /// The power of ten of the leading digit (`3.5e2` gives 2); only meaningful when not zero.
    var scientificExponent: Int { exponent + digitCount - 1 }

    /// Reads JSON number syntax (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
    /// Returns nil for anything else and for literals with more than 17 significant digits; never traps,
    /// whatever the length of the digits or of the exponent.
    init?(literal bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var index = 0
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var digits = DigitRun()
        var fractionDigits = 0

        // Integer part: a single 0, or a non-zero digit followed by digits (JSON forbids leading zeros).
        guard index < count, let first = Self.digitValue(bytes[index]) else { return nil }
        index += 1
        digits.take(first)
        if first != 0 {
            while index < count, let digit = Self.digitValue(bytes[index]) {
                digits.take(digit)
                index += 1
            }
        }
        // Fraction: a point and at least one digit.
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, Self.digitValue(bytes[index]) != nil else { return nil }
            while index < count, let digit = Self.digitValue(bytes[index]) {
                digits.take(digit)
                fractionDigits += 1
                index += 1
            }
        }
        // Exponent: saturated, because `1e999999999999999999999` must not overflow anything; any value
        // beyond ±10^12 is far outside the double range either way.
        var writtenExponent = 0
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < count, Self.digitValue(bytes[index]) != nil else { return nil }
            while index < count, let digit = Self.digitValue(bytes[index]) {
                if writtenExponent < 1_000_000_000_000 { writtenExponent = writtenExponent * 10 + Int(digit) }
                index += 1
            }
            if exponentNegative { writtenExponent = -writtenExponent }
        }
        guard index == count, !digits.tooMany else { return nil }

        self.negative = negative
        if digits.lastNonZero == 0 {
            // Every digit is zero: the value is zero whatever the exponent says.
            self.significand = 0
            self.digitCount = 0
            self.exponent = 0
            return
        }
        // `leading` holds min(seen, 17) digits; the ones after `lastNonZero` are zeros.
        let kept = min(digits.seen, DecimalDigits.maximumDigitCount)
        var significand = digits.leading
        for _ in digits.lastNonZero..<kept { significand /= 10 }
        self.significand = significand
        self.digitCount = digits.lastNonZero
        // All mantissa digits as an integer are significand × 10^(seen − lastNonZero); the point shifts
        // that by the number of fraction digits.
        self.exponent = (digits.seen - digits.lastNonZero) - fractionDigits + writtenExponent
    }

    /// Running state over the mantissa digits (a struct rather than captured locals, which unoptimised
    /// builds would box on the heap).
    private struct DigitRun {
        /// Digits seen from the first non-zero one on.
        var seen = 0
        /// Position (1-based, within `seen`) of the last non-zero digit; 0 while all digits were zeros.
        var lastNonZero = 0
        /// The first (up to) 17 significant digits as an integer.
        var leading: UInt64 = 0
        /// Set once a non-zero digit appears beyond the 17th significant position.
        var tooMany = false

        /// Folds one mantissa digit into the state.
        mutating func take(_ digit: UInt8) {
            if seen == 0 && digit == 0 { return }
            seen += 1
            if seen <= DecimalDigits.maximumDigitCount { leading = leading &* 10 &+ UInt64(digit) }
            if digit != 0 {
                lastNonZero = seen
                if seen > DecimalDigits.maximumDigitCount { tooMany = true }
            }
        }
    }

    /// The value of an ASCII digit, or nil for any other byte.
    private static func digitValue(_ byte: UInt8) -> UInt8? {
        let value = byte &- UInt8(ascii: "0")
        return value < 10 ? value : nil
    }
}

/// Exact comparison of a decimal `c × 10^p10` with a binary `b × 2^p2`.
///
/// Deciding which decimal Java prints for a double needs exact answers about rounding boundaries (midpoints
/// between doubles, midpoints between decimals), and those are always a question of this shape. The numbers
/// involved reach about 2^870, so a small fixed-size big integer on the stack is enough.
enum ExactComparison {
    /// 64-bit words per operand; 24 words (1536 bits) comfortably exceeds the largest operand after the
    /// magnitude pre-check (about 870 bits).
    private static let words = 24
    /// log2(10), for the magnitude pre-check.
    private static let log2Of10 = 3.321928094887362

    /// Returns -1, 0 or 1 as `c × 10^p10` is less than, equal to or greater than `b × 2^p2`.
    static func compare(decimal c: UInt64, timesTenTo p10: Int, binary b: UInt64, timesTwoTo p2: Int) -> Int {
        if c == 0 || b == 0 { return c == b ? 0 : (c == 0 ? -1 : 1) }
        // Magnitudes that differ by more than a couple of bits need no big integers; this also bounds the
        // size of the operands that do reach the exact path.
        let decimalBits = 64 - c.leadingZeroBitCount
        let binaryBits = 64 - b.leadingZeroBitCount
        let decimalLog = Double(p10) * log2Of10
        if Double(decimalBits) + decimalLog + 1 < Double(binaryBits - 1 + p2) { return -1 }
        if Double(binaryBits + p2) + 1 < Double(decimalBits - 1) + decimalLog { return 1 }
        guard p10 >= -400 && p10 <= 400 else { return p10 < 0 ? -1 : 1 }
        if let answer = compareInTwoWords(c, p10, b, p2) { return answer }

        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * words) { storage in
            guard let base = storage.baseAddress else { return 0 }
            // c × 5^p10 × 2^p10 against b × 2^p2: divide both by 2^p10 (and multiply both by 5^-p10 when
            // p10 < 0) so that each side is an integer; the remaining power of two goes to one side.
            var left = BigNatural(base: base, capacity: words, value: c)
            var right = BigNatural(base: base + words, capacity: words, value: b)
            if p10 >= 0 {
                left.multiplyByPowerOfFive(p10)
            } else {
                right.multiplyByPowerOfFive(-p10)
            }
            let shift = p2 - p10
            if shift >= 0 { right.shiftLeft(shift) } else { left.shiftLeft(-shift) }
            // Overflow cannot happen after the pre-check; answering by size keeps it trap-free regardless.
            if left.overflowed || right.overflowed { return left.overflowed ? 1 : -1 }
            return BigNatural.compare(left, right)
        }
    }
}

extension ExactComparison {
    /// 5^0 … 5^27, the powers of five that fit in one word.
    private static let powersOfFive: [UInt64] = {
        var powers: [UInt64] = [1]
        for _ in 1...27 { powers.append(powers[powers.count - 1] * 5) }
        return powers
    }()

    /// The same comparison in 128-bit arithmetic, for the common case of decimals near 1 (|p10| ≤ 27) where
    /// both sides fit in two words; nil when they may not, leaving it to the big-integer path.
    private static func compareInTwoWords(_ c: UInt64, _ p10: Int, _ b: UInt64, _ p2: Int) -> Int? {
        guard p10 >= -27 && p10 <= 27 else { return nil }
        // Same normalisation as the big-integer path: the power of five joins one side, 2^(p2 − p10) the other.
        var left: (high: UInt64, low: UInt64) = (0, c)
        var right: (high: UInt64, low: UInt64) = (0, b)
        if p10 >= 0 {
            left = c.multipliedFullWidth(by: powersOfFive[p10])
        } else {
            right = b.multipliedFullWidth(by: powersOfFive[-p10])
        }
        let shift = p2 - p10
        if shift >= 0 {
            guard let shifted = shiftedLeft(right, by: shift) else { return nil }
            right = shifted
        } else {
            guard let shifted = shiftedLeft(left, by: -shift) else { return nil }
            left = shifted
        }
        if left.high != right.high { return left.high < right.high ? -1 : 1 }
        if left.low != right.low { return left.low < right.low ? -1 : 1 }
        return 0
    }

    /// `value × 2^bits` in two words, or nil when it would not fit.
    private static func shiftedLeft(
        _ value: (high: UInt64, low: UInt64), by bits: Int
    ) -> (high: UInt64, low: UInt64)? {
        if bits == 0 { return value }
        let used = value.high != 0 ? 128 - value.high.leadingZeroBitCount : 64 - value.low.leadingZeroBitCount
        guard used + bits <= 128 else { return nil }
        if bits >= 64 { return (value.low << UInt64(bits - 64), 0) }
        return ((value.high << UInt64(bits)) | (value.low >> UInt64(64 - bits)), value.low << UInt64(bits))
    }
}

/// A non-negative integer in caller-provided little-endian 64-bit words (no heap use).
private struct BigNatural {
    /// First word (least significant).
    let base: UnsafeMutablePointer<UInt64>
    /// Words available at `base`.
    let capacity: Int
    /// Words in use; the top one is non-zero unless the value is zero.
    var count: Int
    /// Set when a result did not fit; the value is then meaningless.
    var overflowed = false

    /// Starts at `value`.
    init(base: UnsafeMutablePointer<UInt64>, capacity: Int, value: UInt64) {
        self.base = base
        self.capacity = capacity
        base[0] = value
        count = value == 0 ? 0 : 1
    }

    /// Multiplies in place by a one-word factor.
    mutating func multiply(by factor: UInt64) {
        var carry: UInt64 = 0
        for index in 0..<count {
            let product = base[index].multipliedFullWidth(by: factor)
            let (low, overflow) = product.low.addingReportingOverflow(carry)
            base[index] = low
            carry = product.high &+ (overflow ? 1 : 0)
        }
        if carry != 0 { append(carry) }
    }

    /// Multiplies in place by 5^exponent, 27 factors of five at a time (5^27 is the largest that fits a word).
    mutating func multiplyByPowerOfFive(_ exponent: Int) {
        var remaining = exponent
        while remaining >= 27 {
            multiply(by: 7_450_580_596_923_828_125)
            remaining -= 27
        }
        var factor: UInt64 = 1
        for _ in 0..<remaining { factor *= 5 }
        if factor != 1 { multiply(by: factor) }
    }

    /// Multiplies in place by 2^bits.
    mutating func shiftLeft(_ bits: Int) {
        guard count > 0, bits > 0 else { return }
        let wordShift = bits / 64
        let bitShift = bits % 64
        guard count + wordShift + 1 <= capacity else {
            overflowed = true
            return
        }
        var index = count - 1
        if bitShift != 0 {
            let spill = base[index] >> UInt64(64 - bitShift)
            if spill != 0 { base[index + wordShift + 1] = spill }
            while index >= 0 {
                let low = index > 0 ? base[index - 1] >> UInt64(64 - bitShift) : 0
                base[index + wordShift] = (base[index] << UInt64(bitShift)) | low
                index -= 1
            }
            count += wordShift + (spill != 0 ? 1 : 0)
        } else {
            while index >= 0 {
                base[index + wordShift] = base[index]
                index -= 1
            }
            count += wordShift
        }
        for fill in 0..<wordShift { base[fill] = 0 }
    }

    /// Adds a new most significant word.
    private mutating func append(_ word: UInt64) {
        guard count < capacity else {
            overflowed = true
            return
        }
        base[count] = word
        count += 1
    }

    /// Returns -1, 0 or 1 as `a` is less than, equal to or greater than `b`.
    static func compare(_ a: BigNatural, _ b: BigNatural) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var index = a.count - 1
        while index >= 0 {
            if a.base[index] != b.base[index] { return a.base[index] < b.base[index] ? -1 : 1 }
            index -= 1
        }
        return 0
    }
}
