// Fuzz target `json`: the JSON layer on arbitrary bytes. Nothing may crash, and the readers that share
// the tokenizer must agree on what is well-formed, since patterns, events and CLI files all go through it.

/// The smallest pattern whose matching reads a whole event: the flattener must accept exactly the
/// documents the tree reader accepts (as an event: an object, trailing content ignored).
private let anyPathPattern = try! EventPattern(#"{"a": [{"exists": true}]}"#)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzBytes(data, size)
    let strict = FuzzOutcome { () throws(EBMatchError) in try JSONValue.parse(utf8: input).range }
    let lenient = FuzzOutcome { () throws(EBMatchError) in
        try JSONValue.parse(utf8: input, ignoringTrailingContent: true).range
    }
    // Strictness only adds the check after the root value; before it both read the same tokens.
    switch (strict, lenient) {
    case (.value(let a), .value(let b)):
        fuzzRequire(a == b, "strict and lenient roots differ: \(a) vs \(b)")
    case (.value, .failure(let error)):
        fuzzRequire(false, "lenient read failed where strict succeeded: \(error)")
    case (.failure(let a), .failure(let b)):
        fuzzRequire(a == b, "strict and lenient errors differ: \(a) vs \(b)")
    case (.failure(let error), .value(let range)):
        fuzzRequire(range.upperBound < input.count, "strict read failed on a complete document: \(error)")
    }
    for case .failure(let error) in [strict, lenient] { checkError(error, input) }

    var tree: JSONValue?
    if lenient.value != nil {
        tree = try? JSONValue.parse(utf8: input, ignoringTrailingContent: true)
        if let tree { walk(tree, within: 0..<input.count, input) }
    }

    // The event reader: accepted exactly when the tree reader accepts an object.
    var matcher = Matcher()
    let asEvent = FuzzOutcome { () throws(EBMatchError) in try matcher.matches(anyPathPattern, utf8: input) }
    var isObject = false
    if case .object(let members)? = tree?.kind {
        isObject = true
        // The names an error report offers as context are the root's members.
        fuzzRequire(JSONValue.topLevelNames(utf8: input) == members.map(\.name), "topLevelNames differ from the tree")
    }
    switch asEvent {
    case .value:
        fuzzRequire(isObject, "event reader accepted what the tree reader refuses or is no object")
    case .failure(let error):
        fuzzRequire(!isObject, "event reader refused a well-formed object: \(error)")
        checkError(error, input)
    }

    // Files of events: every item lies inside the input, every error renders.
    for item in EventDocuments.split(input) {
        switch item {
        case .event(let range, _, let line):
            fuzzRequire(range.lowerBound >= 0 && range.upperBound <= input.count && line >= 1, "item out of bounds")
        case .failure(let error, _):
            checkError(error, input)
        }
    }
    return 0
}

/// Every value lies inside its parent and strings decode.
private func walk(_ value: JSONValue, within parent: Range<Int>, _ input: [UInt8]) {
    fuzzRequire(
        parent.lowerBound <= value.range.lowerBound && value.range.upperBound <= parent.upperBound,
        "value \(value.range) outside its parent \(parent)")
    switch value.kind {
    case .object(let members):
        for member in members {
            fuzzRequire(member.nameOffset >= parent.lowerBound && member.nameOffset < value.range.upperBound, "name offset")
            walk(member.value, within: value.range, input)
        }
    case .array(let elements):
        for element in elements { walk(element, within: value.range, input) }
    case .string:
        fuzzRequire(value.decodedString(in: input) != nil, "string at \(value.range) does not decode")
    case .number, .bool, .null:
        break
    }
}
