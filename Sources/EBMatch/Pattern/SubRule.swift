/// One way through a pattern: after `$or` is multiplied out, a map from path to matcher list.
/// Paths are kept in Java's UTF-16 code-unit order, which decides how `exists: false` sees arrays.
struct SubRule: Sendable {
    /// A path with its matchers.
    struct Field: Sendable {
        /// The joined path (`detail.eventBody.queueId`), UTF-8.
        var path: [UInt8]
        /// The matcher list (shared with the other sub-rules `$or` copied it into).
        var matchers: MatcherList
    }

    /// The fields, sorted by path in UTF-16 code-unit order.
    var fields: [Field]
}

/// One path's matcher list as written in the pattern. A class, so that the sub-rules `$or` multiplies
/// a list into share one copy, and the matcher can judge each list once per event however many
/// sub-rules hold it.
final class MatcherList: Sendable {
    /// The matchers that accept leaves (every matcher but `exists: false`).
    let valueMatchers: [ValueMatcher]
    /// Whether `exists: false` is in the list: the path is also satisfied by the absence of leaves.
    let allowsAbsence: Bool
    /// Every matcher in pattern order (`exists: false` included), for explanations.
    let all: [ValueMatcher]
    /// The list's elements as written in the pattern, for explanations.
    let written: [String]
    /// Byte offset of the list's `[` in the pattern, for putting explanations in the pattern's order.
    let offset: Int

    /// A list of at least one matcher; `written` holds the elements' text as written, `offset` where the
    /// list starts.
    init(_ matchers: [ValueMatcher], written: [String], offset: Int) {
        all = matchers
        self.written = written
        self.offset = offset
        var values: [ValueMatcher] = []
        var absence = false
        for matcher in matchers {
            if case .exists(false) = matcher { absence = true } else { values.append(matcher) }
        }
        valueMatchers = values
        allowsAbsence = absence
    }
}

/// The reference's field limit per sub-rule.
let maxFieldsPerSubRule = 256
