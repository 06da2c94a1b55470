/// Numbers as the reference compares them: a literal is "comparable" iff its exact decimal value equals the
/// decimal Java's Double.toString (JDK 19+, shortest-closest, with the JDK rule that when the shortest has
/// 1 significant digit the closest 2-digit decimal is chosen, which is why `5e-324` is NOT comparable but
/// `4.9e-324` is) prints for the nearest double; infinite results are not comparable.
///
/// Comparable numbers get an order-preserving 64-bit key (spec §4.6), so numeric equality and ranges become
/// plain integer comparisons in the automaton.
enum ComparableNumber {
    /// Key of the most negative finite double (the open lower end of numeric ranges).
    static let lowestKey: UInt64 = key(-Double.greatestFiniteMagnitude)
    /// Key of the largest finite double (the open upper end of numeric ranges).
    static let highestKey: UInt64 = key(Double.greatestFiniteMagnitude)

    /// Key of a double (after -0 normalisation); used for range ends.
    /// The raw bits with the sign bit set for non-negative values and all bits inverted for negative ones
    /// order like the numbers themselves when compared as unsigned integers.
    static func key(_ value: Double) -> UInt64 {
        // The reference's decimal parse loses the sign of zero, so -0.0 must share +0.0's key.
        let bits = (value == 0 ? 0.0 : value).bitPattern
        return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
    }

    /// The order-preserving 64-bit key of a JSON number literal (bytes already known to be valid JSON
    /// number syntax, e.g. `-12.5e+3`), or nil when the literal is not comparable.
    /// Anything that is not JSON number syntax also gives nil. No heap use: the rare exact path works on
    /// stack storage.
    static func key(literal: UnsafeBufferPointer<UInt8>) -> UInt64? {
        if let value = plainInteger(literal) { return key(value) }
        guard let digits = DecimalDigits(literal: literal),
            let magnitude = comparableMagnitude(digits)
        else { return nil }
        return key(digits.negative ? -magnitude : magnitude)
    }

    /// Fast path for the commonest literal, a short integer: with up to 15 digits it is below 2^53, so the
    /// double is exact and Java prints the same number back (`12.0`, `1.0E7`): always comparable.
    private static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        // (Indexing rather than `bytes.first`, which allocates in unoptimised builds.)
        guard bytes.count > 0 && bytes.count <= 16 else { return nil }
        let negative = bytes[0] == UInt8(ascii: "-")
        let start = negative ? 1 : 0
        let digitCount = bytes.count - start
        guard digitCount >= 1 && digitCount <= 15 else { return nil }
        // JSON allows a leading zero only in "0" itself; longer forms go to the strict parser (which rejects).
        if digitCount > 1 && bytes[start] == UInt8(ascii: "0") { return nil }
        var value: UInt64 = 0
        for index in start..<bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + UInt64(digit)
        }
        let magnitude = Double(value)
        return negative ? -magnitude : magnitude
    }

    /// The double (of the literal's magnitude) when the literal is comparable, else nil.
    private static func comparableMagnitude(_ digits: DecimalDigits) -> Double? {
        if digits.significand == 0 { return 0 }
        // Outside these bounds the value rounds to infinity (≥ 1e309) or to zero (< 1e-324 < 2^-1075).
        let leadingPower = digits.scientificExponent
        guard leadingPower >= -324 && leadingPower <= 308 else { return nil }
        // With at most 15 significant digits (DBL_DIG) a decimal in the normal range is the only decimal of
        // its length or shorter that rounds to its double, so Java prints exactly it: comparable.
        let value: Double
        if let exact = exactlyRounded(digits) {
            if digits.digitCount <= 15 { return exact }
            value = exact
        } else {
            guard let nearest = nearestDouble(digits) else { return nil }
            value = nearest
        }
        if digits.digitCount <= 15 && value >= Double.leastNormalMagnitude { return value }
        return javaPrints(digits, for: value) ? value : nil
    }

    /// Exact powers of ten representable in a double (10^22 is the last one).
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Correctly rounded value for the easy cases: an exact significand (≤ 2^53) and an exact power of ten
    /// combine in one IEEE operation, which rounds correctly (Clinger's fast path). Nil otherwise.
    private static func exactlyRounded(_ digits: DecimalDigits) -> Double? {
        guard digits.significand <= 1 << 53 else { return nil }
        let exponent = digits.exponent
        let significand = Double(digits.significand)
        if exponent >= 0 && exponent <= 22 { return significand * exactPowersOfTen[exponent] }
        if exponent < 0 && exponent >= -22 { return significand / exactPowersOfTen[-exponent] }
        // 1e23-style literals: moving extra zeros into the significand keeps it exact while it stays < 10^15.
        if exponent > 22 && digits.digitCount + (exponent - 22) <= 15 {
            var shifted = digits.significand
            for _ in 0..<(exponent - 22) { shifted *= 10 }
            return Double(shifted) * 1e22
        }
        return nil
    }

    /// The significand `b` and power of two `q` with `value == b × 2^q` (value finite and non-negative).
    private static func binaryParts(_ value: Double) -> (significand: UInt64, exponent: Int) {
        let bits = value.bitPattern
        let biased = Int((bits >> 52) & 0x7FF)
        let fraction = bits & 0xF_FFFF_FFFF_FFFF
        if biased == 0 { return (fraction, -1074) }
        return (fraction | (1 << 52), biased - 1075)
    }

    /// The lower rounding boundary of a positive double, `B × 2^g`: halfway to the next double down, which is
    /// only a quarter-step away at the bottom of a binade.
    private static func lowerMidpoint(_ value: Double) -> (UInt64, Int) {
        let (significand, exponent) = binaryParts(value)
        if significand == 1 << 52 && exponent > -1074 { return (4 * significand - 1, exponent - 2) }
        return (2 * significand - 1, exponent - 1)
    }

    /// Sign of `digits − (B × 2^g)`.
    private static func compare(_ digits: DecimalDigits, _ boundary: (UInt64, Int)) -> Int {
        ExactComparison.compare(
            decimal: digits.significand, timesTenTo: digits.exponent, binary: boundary.0, timesTwoTo: boundary.1)
    }

    /// The double nearest to the literal's magnitude (ties to even), or nil when that is zero or infinite.
    /// A floating-point estimate a few ulps off is corrected by exact comparisons with the midpoints to its
    /// neighbours, which avoids both big-integer division and the stdlib's String-based parser.
    private static func nearestDouble(_ digits: DecimalDigits) -> Double? {
        var estimate = Double(digits.significand)
        var exponent = digits.exponent
        // Stepwise, so that no intermediate value overflows or underflows before the final one does.
        if exponent >= 0 {
            while exponent > 22 {
                estimate *= 1e22
                exponent -= 22
            }
            estimate *= exactPowersOfTen[exponent]
        } else {
            while exponent < -22 {
                estimate /= 1e22
                exponent += 22
            }
            estimate /= exactPowersOfTen[-exponent]
        }
        if estimate.isInfinite { estimate = .greatestFiniteMagnitude }
        // Each step moves one ulp towards the true value; the estimate is within a few dozen ulps, the cap
        // only guards against looping on a defect.
        for _ in 0..<256 {
            let (significand, binaryExponent) = binaryParts(estimate)
            let odd = significand & 1 == 1
            let versusUpper = compare(digits, (2 * significand + 1, binaryExponent - 1))
            if versusUpper > 0 || (versusUpper == 0 && odd) {
                if estimate == .greatestFiniteMagnitude { return nil }  // rounds to infinity
                estimate = estimate.nextUp
                continue
            }
            if versusUpper == 0 || estimate == 0 { break }
            let versusLower = compare(digits, lowerMidpoint(estimate))
            if versusLower < 0 || (versusLower == 0 && odd) {
                estimate = estimate.nextDown
                continue
            }
            return estimate
        }
        return estimate == 0 ? nil : (estimate.isFinite ? estimate : nil)
    }

    /// Whether Java's `Double.toString(value)` prints exactly the literal's value, where `value` is the
    /// nearest double to it (positive, finite). Java (JDK 19+) prints, among the decimals that round to
    /// `value`, one of the shortest length p that is closest to `value` (ties: even last digit); when p is 1
    /// it picks the closest of length 1 or 2 instead.
    private static func javaPrints(_ digits: DecimalDigits, for value: Double) -> Bool {
        let m = digits.significand
        let e = digits.exponent
        let (b, q) = binaryParts(value)
        let even = b & 1 == 0
        let lower = lowerMidpoint(value)
        let upper = (2 * b + 1, q - 1)

        // The decimals rounding to `value` form an interval around it (boundaries included when its
        // significand is even). A candidate known to lie on one side of `value` needs only that side's test.
        /// Whether `c × 10^f`, known to be below `value`, still rounds to it.
        func reachesDownTo(_ c: UInt64, _ f: Int) -> Bool {
            let order = ExactComparison.compare(decimal: c, timesTenTo: f, binary: lower.0, timesTwoTo: lower.1)
            return order > 0 || (order == 0 && even)
        }
        /// Whether `c × 10^f`, known to be above `value`, still rounds to it.
        func reachesUpTo(_ c: UInt64, _ f: Int) -> Bool {
            let order = ExactComparison.compare(decimal: c, timesTenTo: f, binary: upper.0, timesTwoTo: upper.1)
            return order < 0 || (order == 0 && even)
        }

        /// Whether a shorter decimal rounds to `value`: it is enough to try the two multiples of 10^(e+1)
        /// around the literal (one below, one above it, hence below and above `value` when they would
        /// matter), because the decimals rounding to `value` form an interval containing the literal.
        func shorterRoundsToValue() -> Bool {
            reachesDownTo(m / 10, e + 1) || reachesUpTo(m / 10 + 1, e + 1)
        }

        // Sign of the literal minus the double.
        let side = ExactComparison.compare(decimal: m, timesTenTo: e, binary: b, timesTwoTo: q)
        if digits.digitCount == 1 {
            // Normal doubles lie within an ulp of a 1-digit literal, so its 2-digit form is the closest.
            if side == 0 || value >= Double.leastNormalMagnitude { return true }
            // Subnormals: the literal D×10^e (= D0 on the 2-digit grid) must be the 2-digit decimal closest
            // to the double; below 10^e (D = 1) that grid is ten times finer. Ties go to D0 (even).
            if side > 0 {
                let (c, f): (UInt64, Int) = m == 1 ? (199, e - 2) : (20 * m - 1, e - 1)
                return ExactComparison.compare(decimal: c, timesTenTo: f, binary: b, timesTwoTo: q + 1) <= 0
            }
            return ExactComparison.compare(decimal: 20 * m + 1, timesTenTo: e - 1, binary: b, timesTwoTo: q + 1) >= 0
        }
        // With p = 1 Java also considers 2-digit decimals, so a 2-digit literal is not ruled out here.
        if digits.digitCount >= 3 && shorterRoundsToValue() { return false }
        if side == 0 { return true }

        // Among decimals of the literal's length, the only rival is its neighbour on the far side of the
        // double. (x − v) vs (v − y) is decided by comparing x + y with 2v.
        let neighbour = side > 0 ? m - 1 : m + 1
        let sum = ExactComparison.compare(decimal: m + neighbour, timesTenTo: e, binary: b, timesTwoTo: q + 1)
        let literalCloser = side > 0 ? sum < 0 : sum > 0
        if literalCloser || !(side > 0 ? reachesDownTo(neighbour, e) : reachesUpTo(neighbour, e)) { return true }
        return sum == 0 && m & 1 == 0
    }
}
