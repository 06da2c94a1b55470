/// Why an event matched a pattern or did not, condition by condition, with hints for near misses.
///
/// ```swift
/// let explanation = try pattern.explain(utf8: Array(event.utf8))
/// for condition in explanation.alternatives[0].conditions where !condition.held {
///     print(condition.path, condition.found, condition.hints.map(\.message))
/// }
/// ```
///
/// The verdict is the matcher's own (`matched == pattern.matches(event)` always); the rest says why.
public struct MatchExplanation: Sendable {
    /// Whether the event matches.
    public let matched: Bool
    /// The ways through the pattern: one, or one per combination of `$or` branches. The event matches
    /// when any of them holds. At most `maxAlternatives` are explained.
    public let alternatives: [Alternative]
    /// How many more alternatives the pattern has beyond those explained (they count for `matched`).
    public let omittedAlternatives: Int

    /// The most alternatives an explanation details.
    public static let maxAlternatives = 64

    /// One way through the pattern: every condition must hold, with one consistent choice of array
    /// elements.
    public struct Alternative: Sendable {
        /// Whether the alternative holds for the event.
        public let held: Bool
        /// Its conditions, one per path, in the order the pattern writes them.
        public let conditions: [Condition]
        /// True when every condition holds on its own, but only with values from *different* elements of
        /// an array: EventBridge requires the values to come from the same element.
        public let arrayConflict: Bool
    }

    /// The condition on one path: the list of values and operators the pattern gives for it.
    public struct Condition: Sendable {
        /// The path as EventBridge flattens it, e.g. `detail.eventBody.queueId`.
        public let path: String
        /// The list's elements as written in the pattern, e.g. `"VOICE"`, `{"prefix": "aws."}`.
        public let wanted: [String]
        /// Whether the condition holds (within its alternative; see `Alternative.arrayConflict`).
        public let held: Bool
        /// What the event has at the path.
        public let found: Found
        /// Near misses and how to fix them (for failed conditions).
        public let hints: [Hint]
        /// How many more values the event has on the path than `found` lists (it lists at most
        /// `maxValuesListed`, those the list accepted first).
        public let valuesOmitted: Int
    }

    /// The most values listed for one condition: a 100,000-element array must not make a report of
    /// gigabytes.
    public static let maxValuesListed = 100

    /// What an event has at a path.
    public enum Found: Sendable, Equatable {
        /// No member on the path.
        case absent
        /// Only objects: patterns match leaf values (strings, numbers, booleans, null), not objects.
        case object
        /// Only empty arrays: no value to match.
        case emptyArray
        /// Leaf values (the elements of arrays on the path count one by one).
        case values([Leaf])
    }

    /// One leaf value an event has on a path.
    public struct Leaf: Sendable, Equatable {
        /// The value as JSON, e.g. `"VOICE"` or `300`.
        public let json: String
        /// Where it is, e.g. `$.detail.participants[1].queueId` (nil if it could not be placed).
        public let location: String?
        /// Whether the condition's list accepts it.
        public let accepted: Bool
    }

    /// A likely reason a condition failed, and the change that would fix it.
    public struct Hint: Sendable, Equatable {
        /// What is probably wrong.
        public let message: String
        /// What to change.
        public let fix: String
    }
}
