/// A pattern string for the equals-ignore-case family, folded as the reference folds it: per UTF-16 code unit c of
/// the pattern, the event may hold lower(c) or upper(c) at that position (Java's String.toLowerCase/toUpperCase with
/// Locale.ROOT applied to c alone; results may be several characters; a lone surrogate half maps to itself and is
/// written to UTF-8 as "?", so an astral character in the pattern matches "??"). Event bytes are never folded.
///
/// The pattern becomes a sequence of *steps*, one per UTF-16 unit, each offering one or two byte strings. Because the
/// two alternatives of a step can differ in length (`İ` is 2 bytes, its lower form `i̇` is 3), matching is a small
/// DP over event offsets. When every step's alternatives have equal length (ASCII, `é`/`É`, `ß`/`SS`, emoji) only
/// one offset is ever live and the DP collapses to a plain scan.
struct CaseFoldedString: Sendable {
    /// One UTF-16 unit of the pattern: the byte ranges, inside `bytes`, of its lower and upper forms.
    private struct Step: Sendable {
        /// Start of the lower form in `bytes`.
        let lowerStart: Int
        /// Byte length of the lower form.
        let lowerCount: Int
        /// Start of the upper form in `bytes`.
        let upperStart: Int
        /// Byte length of the upper form.
        let upperCount: Int
        /// Whether both forms are the same bytes, so only one needs testing (digits, punctuation, `?`).
        let single: Bool

        /// Length of the shorter form; the DP window is kept relative to the running sum of these.
        var minCount: Int { min(lowerCount, upperCount) }
    }

    /// The lower/upper forms of all steps, back to back.
    private let bytes: [UInt8]
    /// One entry per UTF-16 unit of the pattern, in pattern order.
    private let steps: [Step]
    /// Shortest event byte length a whole-value match can have.
    private let minLength: Int
    /// Longest event byte length a whole-value match can have.
    private let maxLength: Int
    /// Number of distinct event offsets the DP may track at once (`maxLength - minLength + 1`); 1 means a plain scan.
    private let windowWidth: Int

    /// `pattern` is the decoded pattern string as UTF-8 bytes (valid UTF-8).
    ///
    /// Invalid UTF-8 is tolerated rather than trusted: each maximal bad sequence folds as U+FFFD, as Java's decoder
    /// would produce, so no input can trap.
    init(pattern: [UInt8]) {
        var bytes: [UInt8] = []
        var steps: [Step] = []
        bytes.reserveCapacity(pattern.count * 2)
        steps.reserveCapacity(pattern.count)

        /// Appends one step from the two forms' UTF-8 bytes.
        func append(lower: some Collection<UInt8>, upper: some Collection<UInt8>) {
            let lowerStart = bytes.count
            bytes.append(contentsOf: lower)
            let single = lower.elementsEqual(upper)
            let upperStart = single ? lowerStart : bytes.count
            if !single { bytes.append(contentsOf: upper) }
            steps.append(
                Step(
                    lowerStart: lowerStart, lowerCount: lower.count, upperStart: upperStart,
                    upperCount: upper.count, single: single))
        }

        var iterator = pattern.makeIterator()
        var decoder = Unicode.UTF8()
        decoding: while true {
            let scalar: Unicode.Scalar
            switch decoder.decode(&iterator) {
            case .scalarValue(let decoded): scalar = decoded
            case .emptyInput: break decoding
            case .error: scalar = "\u{FFFD}"
            }
            if scalar.value > 0xFFFF {
                // Java folds each surrogate half alone; a lone half is unchanged by case mapping and its UTF-8
                // encoder writes it as "?". Two halves, so two "?" steps.
                let question: [UInt8] = [0x3F]
                append(lower: question, upper: question)
                append(lower: question, upper: question)
            } else {
                // For a single BMP character, Java's ROOT-locale String case mapping equals the Unicode full
                // mapping: final sigma needs a preceding letter (absent here), and İ -> "i̇" is the unconditional
                // SpecialCasing entry that Swift's `lowercaseMapping` also applies.
                let properties = scalar.properties
                append(lower: properties.lowercaseMapping.utf8, upper: properties.uppercaseMapping.utf8)
            }
        }

        var minLength = 0
        var maxLength = 0
        for step in steps {
            minLength += step.minCount
            maxLength += max(step.lowerCount, step.upperCount)
        }
        self.bytes = bytes
        self.steps = steps
        self.minLength = minLength
        self.maxLength = maxLength
        self.windowWidth = maxLength - minLength + 1
    }

    /// Whole-value match (equals-ignore-case, anything-but equals-ignore-case).
    func matches(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count >= minLength, value.count <= maxLength else { return false }
        return run(value, mode: .whole)
    }

    /// `{"prefix": {"equals-ignore-case": p}}`.
    func isPrefix(of value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count >= minLength else { return false }
        return run(value, mode: .prefix)
    }

    /// `{"suffix": {"equals-ignore-case": p}}`.
    func isSuffix(of value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count >= minLength else { return false }
        return run(value, mode: .suffix)
    }

    /// Which end of the value the steps are anchored to, and whether the other end must be reached.
    private enum Mode {
        /// Steps consume the value from the front and must consume all of it.
        case whole
        /// Steps consume from the front; anything may follow.
        case prefix
        /// Steps consume from the back (last step first); anything may precede.
        case suffix
    }

    /// Dispatches to the single-offset scan or the bitset DP.
    private func run(_ value: UnsafeBufferPointer<UInt8>, mode: Mode) -> Bool {
        bytes.withUnsafeBufferPointer { alternatives in
            if windowWidth == 1 {
                return scan(value, alternatives, mode: mode)
            }
            // Two bitsets over the live window. `withUnsafeTemporaryAllocation` lives on the stack for any
            // realistic width (it needs one bit per byte of length slack), so matching stays off the heap.
            let words = (windowWidth + 63) / 64
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * words) { buffer in
                guard let base = buffer.baseAddress else { return false }
                return dynamic(value, alternatives, mode: mode, current: base, next: base + words, words: words)
            }
        }
    }

    /// Whether `alternatives[start ..< start + count]` equals `value[offset ..< offset + count]`, bounds-checked.
    @inline(__always)
    private func equal(
        _ value: UnsafeBufferPointer<UInt8>, at offset: Int, _ alternatives: UnsafeBufferPointer<UInt8>,
        start: Int, count: Int
    ) -> Bool {
        guard offset >= 0, offset <= value.count - count else { return false }
        var index = 0
        while index < count {
            if value[offset + index] != alternatives[start + index] { return false }
            index += 1
        }
        return true
    }

    /// Event offset at which a step's form must start, given `consumed` bytes already matched from the anchored end.
    @inline(__always)
    private func startOffset(_ value: UnsafeBufferPointer<UInt8>, consumed: Int, count: Int, mode: Mode) -> Int {
        mode == .suffix ? value.count - consumed - count : consumed
    }

    /// Steps in the order they are consumed: pattern order from the front, reversed from the back.
    @inline(__always)
    private func step(_ position: Int, mode: Mode) -> Step {
        mode == .suffix ? steps[steps.count - 1 - position] : steps[position]
    }

    /// Matching when both forms of every step have the same length, so exactly one offset is ever live.
    private func scan(_ value: UnsafeBufferPointer<UInt8>, _ alternatives: UnsafeBufferPointer<UInt8>, mode: Mode)
        -> Bool
    {
        var consumed = 0
        for position in 0..<steps.count {
            let step = step(position, mode: mode)
            // Equal lengths here, so one start offset serves both forms.
            let offset = startOffset(value, consumed: consumed, count: step.lowerCount, mode: mode)
            let hit =
                equal(value, at: offset, alternatives, start: step.lowerStart, count: step.lowerCount)
                || (!step.single
                    && equal(value, at: offset, alternatives, start: step.upperStart, count: step.upperCount))
            guard hit else { return false }
            consumed += step.lowerCount
        }
        return mode != .whole || consumed == value.count
    }

    /// Matching with forms of different lengths: a set of live "bytes consumed" counts, stored as a bitset relative
    /// to the running minimum `low` (bit b means `low + b` bytes consumed). Worst case O(steps × window).
    private func dynamic(
        _ value: UnsafeBufferPointer<UInt8>, _ alternatives: UnsafeBufferPointer<UInt8>, mode: Mode,
        current initialCurrent: UnsafeMutablePointer<UInt64>, next initialNext: UnsafeMutablePointer<UInt64>,
        words: Int
    ) -> Bool {
        var current = initialCurrent
        var next = initialNext
        current.update(repeating: 0, count: words)
        current[0] = 1
        var low = 0
        for position in 0..<steps.count {
            let step = step(position, mode: mode)
            next.update(repeating: 0, count: words)
            var live = false
            for word in 0..<words {
                var bits = current[word]
                while bits != 0 {
                    let bit = word &* 64 &+ bits.trailingZeroBitCount
                    bits &= bits &- 1
                    let consumed = low + bit
                    let lowerAt = startOffset(value, consumed: consumed, count: step.lowerCount, mode: mode)
                    if equal(value, at: lowerAt, alternatives, start: step.lowerStart, count: step.lowerCount) {
                        Self.set(next, bit + step.lowerCount - step.minCount)
                        live = true
                    }
                    if !step.single {
                        let upperAt = startOffset(value, consumed: consumed, count: step.upperCount, mode: mode)
                        if equal(value, at: upperAt, alternatives, start: step.upperStart, count: step.upperCount) {
                            Self.set(next, bit + step.upperCount - step.minCount)
                            live = true
                        }
                    }
                }
            }
            guard live else { return false }
            low += step.minCount
            swap(&current, &next)
        }
        guard mode == .whole else { return true }
        // Only a path that consumed exactly the whole value counts.
        let bit = value.count - low
        guard bit >= 0, bit < words * 64 else { return false }
        return current[bit / 64] & (1 << UInt64(bit % 64)) != 0
    }

    /// Sets bit `bit` of a bitset. Callers keep `bit` below the window width by construction.
    @inline(__always)
    private static func set(_ bitset: UnsafeMutablePointer<UInt64>, _ bit: Int) {
        bitset[bit / 64] |= 1 << UInt64(bit % 64)
    }
}
