/// Advice added to AWS's messages where their wording alone leaves the fix unclear, or misleads
/// (event-ruler reuses some messages outside their first context): for linters and editors.
extension EBMatchError {
    /// The operator names of the pattern language, for "did you mean".
    static let operators = [
        "anything-but", "cidr", "equals-ignore-case", "exactly", "exists", "numeric", "prefix", "suffix", "wildcard",
    ]

    /// What the error means and how to fix it, where AWS's message alone leaves that unclear (nil when
    /// it says enough). `limits` are those the pattern was checked with (for the complexity limit).
    public func advice(limits: PatternLimits = .aws) -> String? {
        let reason = firstLine
        if reason.hasPrefix("Unrecognized match type ") {
            let name = String(reason.dropFirst("Unrecognized match type ".count))
            let scored = Self.operators.compactMap { candidate in
                NearMissHints.editDistance(name.lowercased(), candidate, cap: 2).map { ($0, candidate) }
            }
            if let close = scored.min(by: { $0.0 < $1.0 })?.1 { return "did you mean `\(close)`?" }
            return "the operators are " + Self.operators.map { "`\($0)`" }.joined(separator: ", ")
        }
        if reason.hasPrefix("Size of rule '"), reason.hasSuffix("' exceeds max value of \(maxFieldsPerSubRule)") {
            // The limit counts paths per combination of `$or` branches, which the message does not say.
            return "a pattern may test at most \(maxFieldsPerSubRule) paths, counted for each combination of $or "
                + "branches with the fields outside them; this member adds path \(maxFieldsPerSubRule + 1) to one: "
                + "split the pattern into several rules"
        }
        if reason.hasSuffix("is Ruler reserved fieldName which cannot be used inside $or.") {
            return "inside $or an operator name cannot be a field name; put operators in a field's list, "
                + #"e.g. "state": [{"prefix": "run"}]"#
        }
        switch reason {
        case "Empty arrays are not allowed":
            return #"a list needs at least one value; to match events without the field use [{"exists": false}]"#
        case "Empty objects are not allowed":
            return "remove the empty object, or give it a field"
        case "Filter is not an object":
            return #"a pattern is a JSON object, e.g. {"source": ["aws.ec2"]}"#
        case "Match value must be String, number, true, false, or null":
            return "a list holds strings, numbers, true, false, null or operator objects; lists do not nest"
        case "Too many elements in numeric expression" where path.contains("anything-but"):
            return "an anything-but object holds exactly one key (prefix, suffix, equals-ignore-case or "
                + "wildcard); for two conditions write two list elements"
        case "Only one key allowed in match expression":
            return "an operator object holds exactly one operator; write each operator as its own list element"
        case "Inside anything but list, either all values are number or string, mixed type is not supported":
            return "the list must hold at least one value, and only strings or only numbers"
        case "exists match pattern must be either true or false.":
            return "write true or false without quotes"
        case "There must have at least 2 Objects in $or relationship.":
            return "$or needs two branches or more; with one, drop $or and write its fields directly"
        case "It must be an Array followed with $or.", "Only JSON object is allowed in array of $or relationship.":
            return #"write $or as a list of objects: "$or": [{"a": ["x"]}, {"b": ["y"]}]"#
        case WildcardComplexity.message:
            return "the limit in force is \(limits.maxWildcardComplexity) (--max-complexity); EventBridge "
                + "accepted complexity 7 and rejected 11 in recorded cases: use fewer `*`, or fewer repeated "
                + "characters after a `*`"
        default:
            break
        }
        let notAList = "\" must be an object or an array"
        if reason.hasPrefix("\""), reason.hasSuffix(notAList) {
            // The reason quotes the member's name: show the fix on that member, not on an unrelated one.
            let name = reason.dropFirst().dropLast(notAList.count)
            return #"write the value as a list, e.g. ""# + name + #"": ["value"], or an object of fields"#
        }
        if reason.hasPrefix("Value of "), reason.hasSuffix(" must be numeric") {
            return "write the number without quotes"
        }
        return nil
    }
}
