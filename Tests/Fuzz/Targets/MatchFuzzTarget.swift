// Fuzz target `match`: one input is a pattern and an event, split at the first 0x00 byte (without one,
// the input is both). For a valid pattern, every way of matching must give one answer: the compiled
// matcher (fresh and reused), the reference evaluator, a rule set holding the pattern among others (whole
// and skipping scans), and the explanation's verdict.

/// Rules that share the fuzzed pattern's rule set, on paths mutations often produce, so that anchors,
/// shared paths and list ids of several rules meet.
private let neighbours: [EventPattern] = [
    try! EventPattern(#"{"a": [{"exists": false}]}"#),
    try! EventPattern(#"{"a": ["x", 1, {"prefix": "y"}], "b": {"c": [{"anything-but": "z"}]}}"#),
    try! EventPattern(#"{"$or": [{"a": [{"numeric": [">", 0]}]}, {"b": [{"cidr": "10.0.0.0/8"}]}]}"#),
]

/// Reused across inputs, as a server reuses one: stale state from the previous event must not leak.
nonisolated(unsafe) private var reused = Matcher()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMatch(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzBytes(data, size)
    let patternBytes: [UInt8]
    let event: [UInt8]
    if let split = input.firstIndex(of: 0) {
        patternBytes = Array(input[..<split])
        event = Array(input[(split + 1)...])
    } else {
        (patternBytes, event) = (input, input)
    }
    guard let pattern = try? EventPattern(utf8: patternBytes) else { return 0 }
    let context = "pattern: \(fuzzText(patternBytes))\nevent: \(fuzzText(event))"

    let fresh = FuzzOutcome { () throws(EBMatchError) in try pattern.matches(utf8: event) }
    let again = FuzzOutcome { () throws(EBMatchError) in try reused.matches(pattern, utf8: event) }
    fuzzRequire(fresh == again, "fresh matcher \(fresh), reused matcher \(again)\n\(context)")
    if let error = fresh.error { checkError(error, event) }

    // (a) The reference evaluator.
    let reference = ReferenceEvaluator.evaluate(pattern: patternBytes, event: event)
    switch (reference, fresh) {
    case (.undecided, _), (.matched, .value(true)), (.notMatched, .value(false)), (.eventError, .failure):
        break
    default:
        fuzzRequire(false, "matcher \(fresh), reference \(reference)\n\(context)")
    }

    // (b) A rule set: the fuzzed pattern's answer, and each neighbour's, as when matched alone.
    let rules = [("n0", neighbours[0]), ("fuzzed", pattern), ("n1", neighbours[1]), ("n2", neighbours[2])]
    let set = RuleSet(rules)
    var matched: [Int] = []
    let whole = FuzzOutcome { () throws(EBMatchError) in
        try reused.matches(set, utf8: event, scan: .whole, into: &matched)
        return matched
    }
    guard case .value(let verdict) = fresh else {
        fuzzRequire(whole.error != nil, "the pattern refused the event, the rule set did not\n\(context)")
        return 0
    }
    var expected: [Int] = []
    for (index, rule) in rules.enumerated() {
        let alone = index == 1 ? verdict : (try? reused.matches(rule.1, utf8: event)) ?? false
        if alone { expected.append(index) }
    }
    fuzzRequire(whole == .value(expected), "rule set says \(whole), patterns alone \(expected)\n\(context)")

    // A skipping scan may miss a repeated top-level member (documented); otherwise it must agree.
    let names = JSONValue.topLevelNames(utf8: event)
    if Set(names).count == names.count {
        let skipping = FuzzOutcome { () throws(EBMatchError) in
            try reused.matches(set, utf8: event, scan: .skipping, into: &matched)
            return matched
        }
        fuzzRequire(skipping == .value(expected), "skipping scan says \(skipping), patterns alone \(expected)\n\(context)")
    }

    // The explanation's verdict is the matcher's.
    let explained = FuzzOutcome { () throws(EBMatchError) in try pattern.explain(utf8: event).matched }
    fuzzRequire(explained == .value(verdict), "explain says \(explained), match says \(verdict)\n\(context)")
    return 0
}
