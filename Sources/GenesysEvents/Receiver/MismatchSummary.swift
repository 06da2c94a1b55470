import EBMatch

/// A one-line account of why an event did not match a pattern, from EBMatch's explainer: the failed
/// conditions of each alternative, what the event has there, and the first hint. Short enough for a
/// log line or an error field; `EventPattern.explain(utf8:)` has the full report.
enum MismatchSummary {
    /// The most alternatives (from `$or`) described.
    static let alternativesShown = 3
    /// The most event values quoted for one condition.
    static let valuesShown = 3

    static func text(of explanation: MatchExplanation) -> String {
        let alternatives = explanation.alternatives
        let total = alternatives.count + explanation.omittedAlternatives
        let described = alternatives.prefix(alternativesShown).map(describe)
        if total <= 1 { return described.first ?? "no condition held" }
        var text = "none of \(total) alternatives held: "
        text += described.enumerated().map { "(\($0.offset + 1)) \($0.element)" }.joined(separator: "; ")
        if total > described.count { text += "; …" }
        return text
    }

    private static func describe(_ alternative: MatchExplanation.Alternative) -> String {
        let failed = alternative.conditions.filter { !$0.held }
        if failed.isEmpty && alternative.arrayConflict {
            return "each condition holds, but only with values from different elements of one array"
        }
        return failed.map(describe).joined(separator: "; ")
    }

    private static func describe(_ condition: MatchExplanation.Condition) -> String {
        let wanted = condition.wanted.joined(separator: ", ")
        var text = "\(condition.path) wants [\(wanted)] but "
        switch condition.found {
        case .absent: text += "the event has no such field"
        case .object: text += "the event has an object there"
        case .emptyArray: text += "the event has an empty array there"
        case .values(let leaves):
            let shown = leaves.prefix(valuesShown).map(\.json)
            let more = leaves.count + condition.valuesOmitted - shown.count
            text += "the event has " + shown.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
        }
        // The explainer's plain "not in the list" hint repeats the values quoted above; near-miss hints
        // (case, prefix, wrong path) add something.
        if let hint = condition.hints.first(where: { !$0.message.hasSuffix("which is not in the list") }) {
            text += " (\(hint.message))"
        }
        return text
    }
}
