/// One element of a path's matcher list, validated and in the form the matcher compares.
///
/// Strings are held as their decoded UTF-8 bytes (no quotes); numbers as order-preserving keys
/// (`ComparableNumber`); addresses as `IPRange`s.
enum ValueMatcher: Sendable {
    /// A plain string (or `exactly`): the leaf must be a string with exactly these bytes.
    case exactString([UInt8])
    /// A number in a list: numeric equality when both sides are comparable, otherwise identical text.
    case exactNumber(literal: [UInt8], key: UInt64?)
    /// `true`, `false` or `null`: only that JSON literal.
    case literal(JSONLiteral)
    /// A plain string that is an IP literal, or `cidr`: string leaves that parse as addresses in range.
    case ipRange(IPRange)
    /// `prefix`: string leaves starting with these bytes.
    case prefix([UInt8])
    /// `suffix`: string leaves ending with these bytes.
    case suffix([UInt8])
    /// `equals-ignore-case`.
    case equalsIgnoreCase(CaseFoldedString)
    /// `prefix` + `equals-ignore-case`.
    case prefixIgnoreCase(CaseFoldedString)
    /// `suffix` + `equals-ignore-case`.
    case suffixIgnoreCase(CaseFoldedString)
    /// `wildcard`.
    case wildcard(WildcardPattern)
    /// `numeric`: comparable number leaves whose key lies in the range.
    case numeric(NumericRange)
    /// `exists`.
    case exists(Bool)
    /// `anything-but` in any form.
    case anythingBut(AnythingBut)
}

extension ValueMatcher {
    /// What EventBridge Pipes' filters lack of this matcher, e.g. `wildcard`, or nil when Pipes supports it
    /// (the "Pipe support" column of AWS's comparison-operator table).
    var unsupportedInPipes: String? {
        switch self {
        case .wildcard: return "wildcard"
        case .anythingBut(.prefixes): return "anything-but with prefix"
        case .anythingBut(.suffixes): return "anything-but with suffix"
        case .anythingBut(.equalsIgnoreCase): return "anything-but with equals-ignore-case"
        case .anythingBut(.wildcards): return "anything-but with wildcard"
        default: return nil
        }
    }
}

/// The JSON literals a pattern may list.
enum JSONLiteral: UInt8, Sendable {
    case trueValue, falseValue, null
}

/// A `numeric` condition: a range of `ComparableNumber` keys (`=` is the range [x, x]).
struct NumericRange: Sendable, Equatable {
    /// Lower end key.
    var low: UInt64
    /// Whether the lower end itself is excluded (`>`).
    var lowOpen: Bool
    /// Upper end key.
    var high: UInt64
    /// Whether the upper end itself is excluded (`<`).
    var highOpen: Bool

    /// Whether a comparable number's key lies in the range.
    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        (lowOpen ? key > low : key >= low) && (highOpen ? key < high : key <= high)
    }
}

/// The exclusions of an `anything-but`. A leaf is accepted unless it is of the judged type and excluded.
enum AnythingBut: Sendable {
    /// Plain strings: judges string leaves only.
    case strings([[UInt8]])
    /// Plain numbers (keys): judges comparable number leaves only.
    case numbers([UInt64])
    /// `{"prefix": …}`.
    case prefixes([[UInt8]])
    /// `{"suffix": …}`.
    case suffixes([[UInt8]])
    /// `{"equals-ignore-case": …}`.
    case equalsIgnoreCase([CaseFoldedString])
    /// `{"wildcard": …}`.
    case wildcards([WildcardPattern])
}
