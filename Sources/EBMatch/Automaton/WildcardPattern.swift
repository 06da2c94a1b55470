/// A parsed `wildcard` operand: `*` matches any byte sequence (also empty), anchored at both ends; `\*` is a literal
/// star and `\\` a literal backslash.
///
/// Stored as the unescaped literal bytes plus where the stars fall between them, i.e. `starCount + 1` literal
/// segments. Matching a star-only glob needs no backtracking: the first segment is anchored at the start, the last
/// at the end, and each middle segment may take its leftmost occurrence after the previous one (taking it any later
/// only shrinks what is left for the rest).
struct WildcardPattern: Sendable {
    /// The operand with escapes resolved and unescaped stars removed.
    private let literal: [UInt8]
    /// End offset in `literal` of each segment; segment i starts where segment i - 1 ends (segment 0 at 0).
    private let segmentEnds: [Int]

    /// Builds a pattern from already-validated parts.
    private init(literal: [UInt8], segmentEnds: [Int]) {
        self.literal = literal
        self.segmentEnds = segmentEnds
    }

    /// Parses the decoded operand (UTF-8 bytes), failing with the reference's exact messages:
    /// "Consecutive wildcard characters at pos N" and "Invalid escape character at pos N", N = 1 + the 0-based UTF-8
    /// byte offset inside the operand of the *first* star of the pair, or of the offending backslash (the reference
    /// scans `"` + operand, so its 0-based offsets are ours plus one). The scan is left to right and reports the
    /// first fault: `abc**def` -> pos 4, `a**b` -> pos 2, `a\b` -> pos 2, trailing `a\` -> pos 2 (the backslash would
    /// escape the closing quote), and `*\**` is fine because the escaped star is a literal.
    static func parse(_ operand: [UInt8]) -> Result<WildcardPattern, WildcardError> {
        let star: UInt8 = 0x2A
        let backslash: UInt8 = 0x5C
        var literal: [UInt8] = []
        literal.reserveCapacity(operand.count)
        var segmentEnds: [Int] = []
        var index = 0
        while index < operand.count {
            let byte = operand[index]
            if byte == star {
                if index + 1 < operand.count, operand[index + 1] == star {
                    return .failure(WildcardError(message: "Consecutive wildcard characters at pos \(index + 1)"))
                }
                segmentEnds.append(literal.count)
                index += 1
            } else if byte == backslash {
                guard index + 1 < operand.count, operand[index + 1] == star || operand[index + 1] == backslash else {
                    return .failure(WildcardError(message: "Invalid escape character at pos \(index + 1)"))
                }
                literal.append(operand[index + 1])
                index += 2
            } else {
                literal.append(byte)
                index += 1
            }
        }
        segmentEnds.append(literal.count)
        return .success(WildcardPattern(literal: literal, segmentEnds: segmentEnds))
    }

    /// Number of unescaped `*` (for diagnostics and the later complexity check).
    var starCount: Int { segmentEnds.count - 1 }

    /// The literal pieces between the stars, in order (`starCount + 1` of them, possibly empty). Allocates; meant for
    /// compile-time analysis such as the complexity estimate, not for matching.
    var segments: [[UInt8]] {
        (0..<segmentEnds.count).map { Array(literal[segmentStart($0)..<segmentEnds[$0]]) }
    }

    /// Start offset in `literal` of segment `index`.
    @inline(__always)
    private func segmentStart(_ index: Int) -> Int {
        index == 0 ? 0 : segmentEnds[index - 1]
    }

    /// Whether the whole value matches. Worst case O(len(value) * len(pattern)), no heap allocation.
    func matches(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        literal.withUnsafeBufferPointer { literal in
            segmentEnds.withUnsafeBufferPointer { ends in Self.matches(value, literal, ends) }
        }
    }

    /// `matches` over raw buffers, so the hot loop touches no array machinery.
    private static func matches(
        _ value: UnsafeBufferPointer<UInt8>, _ literal: UnsafeBufferPointer<UInt8>, _ ends: UnsafeBufferPointer<Int>
    ) -> Bool {
        let count = value.count
        guard ends.count > 1 else {
            // No star: an exact comparison.
            return count == literal.count && equal(value, at: 0, literal, from: 0, to: literal.count)
        }
        let firstEnd = ends[0]
        let lastStart = ends[ends.count - 2]
        let lastCount = literal.count - lastStart
        // The anchored head and tail must both fit without overlapping.
        guard count >= firstEnd + lastCount,
            equal(value, at: 0, literal, from: 0, to: firstEnd),
            equal(value, at: count - lastCount, literal, from: lastStart, to: literal.count)
        else { return false }
        var position = firstEnd
        let limit = count - lastCount
        var segment = 1
        while segment < ends.count - 1 {
            let start = ends[segment - 1]
            let end = ends[segment]
            guard let found = find(value, from: position, limit: limit, literal, from: start, to: end) else {
                return false
            }
            position = found + (end - start)
            segment += 1
        }
        return true
    }

    /// Whether `value[offset...]` begins with `literal[from ..< to]`; the caller guarantees it fits.
    @inline(__always)
    private static func equal(
        _ value: UnsafeBufferPointer<UInt8>, at offset: Int, _ literal: UnsafeBufferPointer<UInt8>, from: Int, to: Int
    ) -> Bool {
        var index = from
        var cursor = offset
        while index < to {
            if value[cursor] != literal[index] { return false }
            index += 1
            cursor += 1
        }
        return true
    }

    /// Leftmost offset in `value[position ..< limit]` where `literal[from ..< to]` occurs entirely inside that range,
    /// or nil. Naive search: O(range × segment), which keeps the whole match within the promised bound.
    private static func find(
        _ value: UnsafeBufferPointer<UInt8>, from position: Int, limit: Int, _ literal: UnsafeBufferPointer<UInt8>,
        from: Int, to: Int
    ) -> Int? {
        let length = to - from
        var candidate = position
        while candidate + length <= limit {
            if equal(value, at: candidate, literal, from: from, to: to) { return candidate }
            candidate += 1
        }
        return nil
    }
}

/// A wildcard operand the reference rejects; `message` is its exact text.
struct WildcardError: Error, Equatable, Sendable {
    /// The reference's message, e.g. "Consecutive wildcard characters at pos 4".
    let message: String
}
