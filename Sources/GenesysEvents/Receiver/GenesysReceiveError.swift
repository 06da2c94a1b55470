/// Why `GenesysEventReceiver` did not accept an event.
///
/// `wrongSource`, `wrongTopic` and `patternMismatch` reject a well-formed event that is not for this
/// receiver (`isRejection`); `malformed` means the bytes are not a usable event.
public enum GenesysReceiveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `source` is not the expected organization's partner source. `expected` describes what was
    /// wanted (`*` for any suffix); `found` is the event's `source`, nil when it has none.
    case wrongSource(expected: String, found: String?)
    /// `detail-type` is not one of the accepted topics. `expected` lists their short names; `found`
    /// is the event's `detail-type`, nil when it has none.
    case wrongTopic(expected: [String], found: String?)
    /// The event does not match the receiver's event pattern; `explanation` says which conditions
    /// failed and what the event has there.
    case patternMismatch(explanation: String)
    /// The bytes are not well-formed JSON, not an object, or a member has a JSON type the envelope
    /// does not allow. `line` and `column` are 1-based (columns in UTF-16 units) within the bytes given
    /// to the receiver; `path` is the JSON path of the fault, e.g. `$.detail.topicName`.
    case malformed(line: Int, column: Int, path: String, message: String)

    /// Whether the event was well-formed but not for this receiver.
    public var isRejection: Bool {
        if case .malformed = self { return false }
        return true
    }

    /// A stable name of the case, for logs and JSON output: `wrongSource`, `wrongTopic`,
    /// `patternMismatch` or `malformed`.
    public var kind: String {
        switch self {
        case .wrongSource: return "wrongSource"
        case .wrongTopic: return "wrongTopic"
        case .patternMismatch: return "patternMismatch"
        case .malformed: return "malformed"
        }
    }

    /// One line saying what is wrong.
    public var description: String {
        switch self {
        case .wrongSource(let expected, let found):
            return "wrong source: expected \(expected), found \(found.map { "\"\($0)\"" } ?? "no source")"
        case .wrongTopic(let expected, let found):
            let wanted = expected.count == 1 ? expected[0] : "one of " + expected.joined(separator: ", ")
            return "wrong topic: expected \(wanted), found \(found.map { "\"\($0)\"" } ?? "no detail-type")"
        case .patternMismatch(let explanation):
            return "event does not match the pattern: \(explanation)"
        case .malformed(let line, let column, let path, let message):
            return "malformed event at \(line):\(column) (\(path)): \(message)"
        }
    }
}
