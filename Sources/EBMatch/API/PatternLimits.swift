/// Limits applied when compiling a pattern, beyond the pattern language's own rules.
public struct PatternLimits: Sendable, Equatable {
    /// The largest wildcard complexity accepted (see `WildcardComplexity`); AWS rejects patterns above
    /// its own threshold with `Rule is too complex - …`. Our default, 9, lies in the window AWS's
    /// recorded answers leave (7 and 9 accepted, 11 rejected).
    public var maxWildcardComplexity: Int

    /// Limits with the given wildcard complexity threshold.
    public init(maxWildcardComplexity: Int = 9) {
        self.maxWildcardComplexity = maxWildcardComplexity
    }

    /// EventBridge's limits, as far as they are known.
    public static let aws = PatternLimits()
}
