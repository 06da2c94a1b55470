import Testing

@testable import EBMatch

/// Tests of the comparable-number rule and the order-preserving keys (spec §4.6, §2.5 `numeric`, §6 item 4).
/// Expected values come from the spec and from corpus rows, named in the comments; a row's match/no-match
/// (or its `Cannot compare number` error) is what implies a literal's comparable status.
struct ComparableNumberTests {
    /// The key of a literal written as Swift text.
    private func key(_ literal: String) -> UInt64? {
        var text = literal
        return text.withUTF8 { ComparableNumber.key(literal: $0) }
    }

    /// The key the stdlib's correctly rounded parse gives, for literals expected to be comparable.
    private func doubleKey(_ literal: String) -> UInt64? {
        Double(literal).map { ComparableNumber.key($0) }
    }

    // MARK: - Spec §4.6 examples

    /// Spec §4.6 "comparable" examples, plus integers up to 2^53 and 1e23 (JDK 19+ rule).
    @Test(arguments: [
        "0.1", "301.8", "0.30000000000000004", "1.00000000000000020", "4.9e-324", "1.7976931348623157e308",
        "9007199254740992", "-9007199254740992", "9007199254740991", "4503599627370497", "1e23",
        "100000000000000000000000", "8.41e21", "0", "1", "-1", "123456789012345", "1234567890123456",
    ])
    func specComparable(_ literal: String) {
        #expect(key(literal) != nil)
        #expect(key(literal) == doubleKey(literal))
    }

    /// Spec §4.6 "not comparable" examples: too many digits, underflow, overflow, and `5e-324` (Java prints
    /// `4.9E-324` for that double).
    @Test(arguments: [
        "1.00000000000000001", "9007199254740993", "12345678901234567890", "9223372036854775808", "1e-400",
        "1e309", "5e-324", "-5e-324", "-1e309", "9999999999999999",
    ])
    func specNotComparable(_ literal: String) {
        #expect(key(literal) == nil)
    }

    /// Spec §4.6: `300 = 3.0e2 = 300.0`; `0 = -0 = -0.0` (the sign of zero is lost); trailing zeros are fine.
    @Test func equalValuesShareAKey() {
        let threeHundred = key("300")
        #expect(threeHundred != nil)
        for literal in ["3.0e2", "300.0", "3e2", "30e1", "3000e-1", "0.3e3", "3E+2", "300.000000000000000000"] {
            #expect(key(literal) == threeHundred, "\(literal)")
        }
        let zero = key("0")
        #expect(zero == ComparableNumber.key(0.0))
        for literal in ["-0", "-0.0", "0.0", "0e-5", "0.0E+99", "-0e999999999999", "0.000000000000000000000000"] {
            #expect(key(literal) == zero, "\(literal)")
        }
        #expect(ComparableNumber.key(-0.0) == ComparableNumber.key(0.0))
        #expect(key("1.00000000000000020") == key("1.0000000000000002"))
    }

    /// Spec §4.6: `0.3 ≠ 0.30000000000000004` (both comparable, different doubles).
    @Test func nearbyDecimalsDiffer() {
        #expect(key("0.3") != nil)
        #expect(key("0.30000000000000004") != nil)
        #expect(key("0.3") != key("0.30000000000000004"))
    }

    /// Spec §4.6 key order: negative < -0 = 0 < subnormals < 1 < MAX, with the range ends at ±MAX.
    @Test func keysFollowNumericOrder() throws {
        let ordered = [
            "-1.7976931348623157e308", "-1e300", "-1", "-4.9e-324", "0", "4.9e-324", "1E-321", "1E-320",
            "2.2250738585072014E-308", "1e-300", "0.1", "1", "1.0000000000000002", "301.8", "9007199254740992",
            "1e23", "1.7976931348623157e308",
        ]
        let keys = try ordered.map { try #require(key($0), "\($0)") }
        for index in 1..<keys.count {
            #expect(keys[index - 1] < keys[index], "\(ordered[index - 1]) < \(ordered[index])")
        }
        #expect(key("-0") == key("0"))
        #expect(ComparableNumber.lowestKey == keys.first)
        #expect(ComparableNumber.highestKey == keys.last)
        #expect(ComparableNumber.lowestKey == ComparableNumber.key(-Double.greatestFiniteMagnitude))
        #expect(ComparableNumber.highestKey == ComparableNumber.key(Double.greatestFiniteMagnitude))
    }

    /// Spec §4.6 encoding example: `1234` becomes the base-128 digits `[127,64,73,82,0,0,0,0,0,0]`
    /// (event-ruler's 10-digit form is our 64-bit key sign-extended to 70 bits).
    @Test func keyMatchesTheReferenceEncoding() throws {
        let value = try #require(key("1234"))
        #expect(value == 0xC093_4800_0000_0000)
        let extended = value >> 63 == 1 ? UInt64(0x3F) : 0  // the six extra high bits
        var digits: [UInt64] = [(extended << 1) | (value >> 63)]
        for position in stride(from: 8, through: 0, by: -1) { digits.append((value >> UInt64(7 * position)) & 0x7F) }
        #expect(digits == [127, 64, 73, 82, 0, 0, 0, 0, 0, 0])
        // Negative values get a top digit of 0.
        #expect(try #require(key("-1234")) >> 63 == 0)
    }

    // MARK: - Corpus rows

    /// Literals whose comparable status a corpus row implies (file: event-ruler-probe-cases.jsonl unless
    /// noted). A comparable event leaf goes through numeric matching; a non-comparable one does not, and
    /// a non-comparable number in `numeric`/anything-but is `Cannot compare number : <literal>`.
    @Test(arguments: [
        // "comparable? …" rows: {"numeric":[">",-1e300]} against the literal.
        ("comparable? 0.1", "0.1", true),
        ("comparable? 0.30000000000000004", "0.30000000000000004", true),
        ("comparable? 1e22", "1e22", true),
        ("comparable? 123456789012345678", "123456789012345678", false),
        ("comparable? 9223372036854775808", "9223372036854775808", false),
        ("comparable? 5e-324", "5e-324", false),
        ("comparable? 4.9e-324", "4.9e-324", true),
        ("comparable? 1.7976931348623157e308", "1.7976931348623157e308", true),
        ("comparable? 1.7976931348623159e308", "1.7976931348623159e308", false),
        ("comparable? 2.2250738585072014E-308", "2.2250738585072014E-308", true),
        ("comparable? 1.0000000000000002", "1.0000000000000002", true),
        ("comparable? 1.00000000000000020", "1.00000000000000020", true),
        ("comparable? … (pattern operand)", "-1e300", true),
        // Event leaves against ranges that contain them.
        ("range >0 vs 1.00000000000000001", "1.00000000000000001", false),
        ("range >0 vs 12345678901234567890", "12345678901234567890", false),
        ("range >0 vs 2^53+1", "9007199254740993", false),
        ("range >0 vs 2^53", "9007199254740992", true),
        ("range >0 vs 1e-400", "1e-400", false),
        ("range >=0 vs 1e309", "1e309", false),
        ("range 1E-320 <= vs 1E-321", "1E-321", true),
        ("range 1E-320 <= vs 1E-321", "1E-320", true),
        ("numeric <= 0.1 vs 0.1000000000000000055511151231257827", "0.1000000000000000055511151231257827", false),
        ("exact 9007199254740993 vs 9007199254740992", "9007199254740993", false),
        ("ab num vs unrepresentable event", "1.00000000000000001", false),
        // Pattern operands rejected with `Cannot compare number : …`.
        ("num unrepresentable", "1.00000000000000001", false),
        ("num big int", "12345678901234567890", false),
        ("rule eq 5e-324", "5e-324", false),
        ("ab num unrepresentable", "1.00000000000000001", false),
        ("event-ruler-cases testNumericExpressions invalid #2", "2.0e422", false),
        ("event-ruler-cases testNumericExpressions invalid #5", "1E309", false),
        ("event-ruler-cases testNumericExpressions invalid #6", "1E-325", false),
        // Pattern operands that are accepted, and event leaves that match numerically.
        ("numeric max double", "1.7976931348623157e+308", true),
        ("numeric eq exact float", "3.018e2", true),
        ("numeric E+", "1E+2", true),
        ("range >5e9 vs 5e10", "5e10", true),
        ("event-ruler-cases tinyNumberTest #3", "2.0e-6", true),
        ("event-ruler-cases tinyNumberTest #13", "3.0E-6", true),
        ("event-ruler-cases epocTimestampRangeTest #9", "1.628879516E9", true),
        ("event-ruler-cases testRangeDeletion #1", "111111111.111111", true),
        ("event-ruler-cases WHEN_WeWriteRulesToMatchVariousFieldCombos_THEN_TheyWork #12", "100.00001", true),
        ("event-ruler-cases testBigNumbers #1", "123456789012", true),
        ("event-ruler-cases WHEN_EventHasVaryingPrecision_THEN_MatchRuleWithDecimalAsStr", "27.807807921694092", true),
        ("aws-validated numeric-int-float", "101.0", true),
    ])
    func corpusComparability(row: String, literal: String, comparable: Bool) {
        #expect((key(literal) != nil) == comparable, "\(row): \(literal)")
        if comparable { #expect(key(literal) == doubleKey(literal), "\(row): \(literal)") }
    }

    /// Corpus rows that pin equality or order between comparable literals.
    @Test func corpusEqualityAndOrder() throws {
        /// The key of a literal that must be comparable.
        func k(_ literal: String) throws -> UInt64 { try #require(key(literal), "\(literal)") }
        // aws-validated number_comparison_float: [300] matches 300.0.
        #expect(key("300") == key("300.0"))
        // eq 0.1 vs 0.10: match; eq 0.3 vs 0.30000000000000004: no-match.
        #expect(key("0.1") == key("0.10"))
        #expect(key("0.3") != key("0.30000000000000004"))
        // numeric eq exact float: ["=",3.018e2] matches 301.8; numeric int exponent / E+: 1e2 = 1E+2 = 100.
        #expect(key("3.018e2") == key("301.8"))
        #expect(key("1e2") == key("100") && key("1E+2") == key("100"))
        // numeric <= neg: ["<=",-5] matches -5.0.
        #expect(key("-5") == key("-5.0"))
        // range <0 vs -0.0: no-match, because -0.0 is 0.
        #expect(key("-0.0") == key("0"))
        // range <5e9 vs 5e10: no-match; range >5e9 vs 5e10: match.
        #expect(try k("5e10") > k("5e9"))
        // range 1E-320 <= vs 1E-321: match.
        #expect(try k("1E-321") <= k("1E-320"))
        // testRangeDeletion #2: 1000000000 is not < 1000000000.
        #expect(key("1000000000") == key("1e9"))
        // testNumericMatch: -0.1 < 0 and 0 < 0.1 < 1.
        #expect(try k("-0.1") < k("0") && k("0") < k("0.1") && k("0.1") < k("1"))
        // tinyNumberTest: 2.0e-6 <= 3.0E-6 <= 4.0e-6 < 4.9999999999999996E-6.
        #expect(try k("2.0e-6") < k("3.0E-6") && k("3.0E-6") < k("4.0e-6"))
        #expect(try k("4.0e-6") < k("4.9999999999999996E-6"))
        // WHEN_EventHasVaryingPrecision: [27.807807921694092] does not match 27.80780792169409.
        #expect(key("27.807807921694092") != key("27.80780792169409"))
        // WHEN_EventHasVaryingPrecision_THEN_MatchWithSixDecimals: [37.8078] does not match 37.80780792169409.
        #expect(key("37.8078") != key("37.80780792169409"))
        // epocTimestampRangeTest #9 and #1: inside [1628872008, 1629044808]; 1.628886298E9 > 1628872008.
        #expect(try k("1.628879516E9") >= k("1628872008") && k("1.628879516E9") <= k("1629044808"))
        #expect(try k("1.628886298E9") > k("1628872008"))
    }

    // MARK: - Subnormals and Java's 2-digit rule

    /// When the shortest decimal has one digit Java prints the closest 2-digit one, which only differs from
    /// it among subnormals: 2 × 4.9e-324 prints as 9.9E-324, so `1e-323` is not comparable.
    @Test func javaTwoDigitRule() {
        #expect(key("9.9e-324") != nil)
        #expect(key("9.9e-324") == doubleKey("1e-323"))
        #expect(key("1e-323") == nil)
        #expect(key("1.0e-323") == nil)
        #expect(key("4.9e-324") == ComparableNumber.key(Double.leastNonzeroMagnitude))
        #expect(key("4.90e-324") == key("4.9e-324"))
        #expect(key("4.94e-324") == nil)  // three digits, but 4.9 is shorter
        // Half the smallest subnormal rounds to zero (ties to even); just above it rounds up to 4.9e-324.
        #expect(key("2.4703282292062327e-324") == nil)
        #expect(key("2.4703282292062328e-324") == nil)
    }

    // MARK: - Robustness

    /// Never traps on valid JSON numbers of any size, and rejects (nil) what is not JSON number syntax.
    @Test func hugeAndMalformedInputs() {
        let thousandDigits = "9" + String(repeating: "1", count: 999)
        #expect(key(thousandDigits) == nil)
        #expect(key("1" + String(repeating: "0", count: 1000)) == nil)  // overflow
        #expect(key("1" + String(repeating: "0", count: 300)) == doubleKey("1e300"))
        #expect(key("0." + String(repeating: "0", count: 1000) + "1") == nil)  // underflow
        #expect(key("0." + String(repeating: "0", count: 299) + "1") == doubleKey("1e-300"))
        #expect(key("-1501" + String(repeating: "0", count: 1497)) == nil)  // "long number event" size
        #expect(key("1e999999999999") == nil)
        #expect(key("-1e-999999999999") == nil)
        #expect(key("1e" + String(repeating: "9", count: 1000)) == nil)
        #expect(key("1e-" + String(repeating: "9", count: 1000)) == nil)
        #expect(key("0e" + String(repeating: "9", count: 1000)) == key("0"))
        #expect(key("1" + String(repeating: "0", count: 400) + "e-400") == key("1"))
        #expect(key("1.5" + String(repeating: "0", count: 1000)) == key("1.5"))
        for malformed in ["", "-", "+1", "1.", ".5", "01", "-01", "00", "1e", "1e+", "1.5.2", " 1", "1 ", "NaN",
            "Infinity", "-Infinity", "0x10", "1_000", "1e5.5", "--1", "1-", "١"]
        {
            #expect(key(malformed) == nil, "\(malformed)")
        }
        // Arbitrary bytes (deterministic pseudo-random) must not trap.
        var generator = SplitMix(seed: 42)
        let alphabet = Array("0123456789-+.eE".utf8) + [0, 0xFF, 0x20]
        for _ in 0..<5000 {
            let length = Int(generator.next() % 24)
            var bytes = [UInt8]()
            for _ in 0..<length { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
            let result = bytes.withUnsafeBufferPointer { ComparableNumber.key(literal: $0) }
            // Whatever the verdict, a comparable literal's key is the correctly rounded double's key.
            if let result, let value = Double(String(decoding: bytes, as: UTF8.self)) {
                #expect(result == ComparableNumber.key(value))
            }
        }
    }

    // MARK: - Cross-check against Swift's shortest round-trip printing

    /// Swift's `description` prints the shortest decimal that round-trips, the closest among those, which is
    /// Java's (JDK 19+) choice except for Java's 2-digit rule; so every such string must be comparable with
    /// the double's own key, and keys must order like the doubles.
    @Test func shortestRoundTripStringsAreComparable() {
        var generator = SplitMix(seed: 2024)
        var previous: Double? = nil
        for round in 0..<20_000 {
            let bits = generator.next()
            // Mix uniformly random bit patterns with subnormals and values near powers of two.
            let pattern: UInt64
            switch round % 4 {
            case 0: pattern = bits
            case 1: pattern = bits & 0x800F_FFFF_FFFF_FFFF
            case 2: pattern = bits & 0xFFF0_0000_0000_0003
            default: pattern = (bits & 0xFFF0_0000_0000_0000) | 0x000F_FFFF_FFFF_FFFF
            }
            let value = Double(bitPattern: pattern)
            guard value.isFinite else { continue }
            let text = value.description
            let significantDigits = text.utf8.prefix { $0 != UInt8(ascii: "e") }.filter { $0 >= 0x31 && $0 <= 0x39 }
            let javaTwoDigitCase = value.isSubnormal && significantDigits.count == 1
            if !javaTwoDigitCase {
                #expect(key(text) == ComparableNumber.key(value), "\(text)")
            }
            if let previous, previous < value {
                #expect(ComparableNumber.key(previous) < ComparableNumber.key(value))
            }
            previous = value
        }
    }
}
