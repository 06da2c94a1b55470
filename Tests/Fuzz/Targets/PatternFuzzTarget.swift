// Fuzz target `pattern`: compiling and validating arbitrary bytes as an event pattern. Nothing may crash
// or hang, the compiler and the linter must agree, and a compiled pattern must be usable.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPattern(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzBytes(data, size)
    let compiled = FuzzOutcome { () throws(EBMatchError) in try EventPattern(utf8: input) }
    // The linter's first error is, by contract, the one compiling throws (the one AWS reports). The
    // target only adds warnings, so the Pipes target (which has every warning) covers both.
    let report = EventPattern.validate(utf8: input, target: .pipes)
    switch compiled {
    case .value:
        fuzzRequire(report.isValid, "compiles but validate says: \(report.errors[0])")
    case .failure(let error):
        fuzzRequire(report.errors.first == error, "compile error \(error) but validate says \(report.errors)")
    }
    for error in report.errors { checkError(error, input) }
    for warning in report.warnings {
        fuzzRequire(warning.offset >= 0 && warning.offset <= input.count, "warning offset \(warning.offset)")
        fuzzRequire(
            TextPosition(offset: warning.offset, in: input) == TextPosition(line: warning.line, column: warning.column),
            "warning position")
    }
    guard case .value(let pattern) = compiled else {
        if let error = compiled.error { fuzzRequire(error.origin == .pattern, "error origin \(error.origin)") }
        return 0
    }
    fuzzRequire(pattern.subRuleCount >= 1, "a valid pattern without sub-rules")
    _ = pattern.paths
    // An empty event has no leaves: only absence can be matched, and a rule set must say the same.
    let empty: [UInt8] = Array("{}".utf8)
    let single = FuzzOutcome { () throws(EBMatchError) in try pattern.matches(utf8: empty) }
    var matcher = Matcher()
    var matched: [Int] = []
    let set = RuleSet([("p", pattern)])
    let inSet = FuzzOutcome { () throws(EBMatchError) in
        try matcher.matches(set, utf8: empty, into: &matched)
        return matched == [0]
    }
    fuzzRequire(single == inSet, "{} : pattern says \(single), rule set says \(inSet)")
    return 0
}
