/// Reads a pattern's JSON text as a stream and turns it into validated sub-rules, checking in the same
/// order as the reference compiler (event-ruler's `JsonRuleCompiler`) so that the first fault found, its
/// message and its position are AWS's.
///
/// Structure: members are objects (one more path step) or arrays (the matcher list of that path); `$or`
/// at any level multiplies the sub-rules; a path written twice keeps its last list.
struct PatternParser {
    /// A fault with the position the reference reports for it.
    struct Fault: Error {
        var message: String
        var offset: Int?
        var repeats: Int = 1
        var code: EBMatchError.Code = .invalidPattern
        var relatedOffset: Int? = nil
        /// JSON path of the fault, captured when it is raised (before the parser unwinds).
        var path = "$"
    }

    /// One sub-rule under construction: path → matchers, plus the order paths were first written.
    typealias Model = [[UInt8]: MatcherList]

    /// The largest number of sub-rules `$or` may multiply out to, and of fields over all of them (an
    /// ebmatch guard against runaway patterns; AWS caps combinations too, at a limit it does not publish).
    static let maxSubRules = 65_536
    static let maxFieldsOverSubRules = 1 << 20

    /// A warning found while reading (validation only).
    struct Note {
        var code: PatternWarning.Code
        var message: String
        var offset: Int
        var path: String
    }

    var tokens: JSONTokenizer
    /// Set for validation: a fault inside a member's value is recorded and reading goes on with the next
    /// member, so that one run reports every independent fault. The first fault is AWS's either way.
    var collecting = false
    /// Faults recorded while collecting.
    var recorded: [Fault] = []
    /// Warnings found while collecting.
    var notes: [Note] = []
    /// Enough faults for any report; past it validation stops at the next one.
    static let maxFaultsRecorded = 100
    /// Fields written into sub-rules so far (an upper bound of the fields over all sub-rules).
    private var fieldsWritten = 0
    /// Where a sub-rule first got more paths than the reference allows. Sub-rules only grow while
    /// reading, so that sub-rule (or one copied from it) is still too large at the end, when the
    /// reference checks; its message names no place, but ours can say which member went over.
    private(set) var oversized: Location? = nil

    /// A place in the pattern: a byte offset and the JSON path there.
    struct Location {
        var offset: Int
        var path: String
    }
    /// JSON path of what is being read, for diagnostics.
    var jsonPath: [PathComponent] = []

    /// A step of a JSON path.
    enum PathComponent {
        case key(String)
        case index(Int)
    }

    init(_ input: UnsafeBufferPointer<UInt8>) {
        tokens = JSONTokenizer(input)
    }

    /// What reading a pattern found: its models when it is sound, and the faults and warnings seen.
    struct Reading {
        var models: [Model]?
        var faults: [Fault]
        var notes: [Note]
        /// The member that gave a sub-rule its 257th path, if one did.
        var oversized: Location? = nil
    }

    /// Reads a whole pattern document. Unless `collecting`, reading stops at the first fault.
    static func read(_ source: [UInt8], collecting: Bool = false) -> Reading {
        source.withUnsafeBufferPointer { buffer in
            var parser = PatternParser(buffer)
            parser.collecting = collecting
            do {
                let models = try parser.parseDocument()
                return Reading(
                    models: parser.recorded.isEmpty ? models : nil, faults: parser.recorded, notes: parser.notes,
                    oversized: parser.oversized)
            } catch {
                let fault = error as? Fault ?? Fault(message: "\(error)", offset: nil)
                return Reading(models: nil, faults: parser.recorded + [fault], notes: parser.notes)
            }
        }
    }

    /// Parses a whole pattern document into its sub-rules.
    static func parse(_ source: [UInt8], ruleName: String) throws(EBMatchError) -> [SubRule] {
        let reading = read(source)
        guard let models = reading.models else {
            throw error(reading.faults.first ?? Fault(message: "invalid pattern", offset: nil), in: source)
        }
        return try subRules(models, ruleName: ruleName, source: source, oversized: reading.oversized)
    }

    /// The public error for a fault of `source`.
    static func error(_ fault: Fault, in source: [UInt8]) -> EBMatchError {
        EBMatchError(
            origin: .pattern, code: fault.code, reason: fault.message, path: fault.path, offset: fault.offset,
            locationRepeats: fault.repeats, source: source, relatedOffset: fault.relatedOffset)
    }

    /// The sub-rules of sound models, after the reference's size check. `oversized` is where reading saw
    /// a sub-rule go over the size limit, to place the error.
    static func subRules(
        _ models: [Model], ruleName: String, source: [UInt8], oversized: Location? = nil
    ) throws(EBMatchError) -> [SubRule] {
        var rules: [SubRule] = []
        rules.reserveCapacity(models.count)
        for model in models {
            if model.count > maxFieldsPerSubRule {
                // AWS's message has no location suffix (the reference throws it after parsing), hence no
                // repeats; the offset still gives our line and column.
                throw EBMatchError(
                    origin: .pattern, code: .invalidPattern,
                    reason: "Size of rule '\(ruleName)' exceeds max value of \(maxFieldsPerSubRule)",
                    path: oversized?.path ?? "$", offset: oversized?.offset, locationRepeats: 0, source: source)
            }
            let fields = model.map { SubRule.Field(path: $0.key, matchers: $0.value) }
            rules.append(SubRule(fields: fields.sorted { utf16Less($0.path, $1.path) }))
        }
        return rules
    }

    /// The JSON path being read, as `$.a.b[0]`.
    var renderedPath: String {
        var text = "$"
        for component in jsonPath {
            switch component {
            case .key(let k): text = JSONPath.appending(k, to: text)
            case .index(let i): text += "[\(i)]"
            }
        }
        return text
    }

    // MARK: - Structure

    private mutating func parseDocument() throws -> [Model] {
        let first = try nextToken()
        guard first == .startObject else { throw fault("Filter is not an object") }
        var models: [Model] = [[:]]
        try parseObject(&models, prefix: [], insideOr: false)
        return models
    }

    /// Reads an object's members (its `{` already read) into every model.
    private mutating func parseObject(_ models: inout [Model], prefix: [UInt8], insideOr: Bool) throws {
        var fieldsPresent = false
        while true {
            let token = try nextToken()
            if token == .endObject { break }
            fieldsPresent = true
            let name = fieldName()
            let nameOffset = tokens.tokenStart
            jsonPath.append(.key(String(decoding: name, as: UTF8.self)))
            defer { jsonPath.removeLast() }
            let depth = tokens.depth
            var valueFetched = false
            do {
                try parseMember(
                    name, at: nameOffset, &models, prefix: prefix, insideOr: insideOr, valueFetched: &valueFetched)
            } catch let fault as Fault where canRecover(from: fault) {
                recorded.append(fault)
                try skipRest(ofMemberAt: depth, valueFetched: valueFetched)
            }
        }
        if !fieldsPresent { throw fault("Empty objects are not allowed") }
    }

    /// Reads one member's value (its name already read) into every model.
    private mutating func parseMember(
        _ name: [UInt8], at nameOffset: Int, _ models: inout [Model], prefix: [UInt8], insideOr: Bool,
        valueFetched: inout Bool
    ) throws {
        let nameText = String(decoding: name, as: UTF8.self)
        if name == orKeyword {
            let value = try nextToken()
            valueFetched = true
            try parseOr(value, &models, prefix: prefix)
            return
        }
        if insideOr && reservedInsideOr.contains(nameText) {
            throw fault("\(nameText) is Ruler reserved fieldName which cannot be used inside $or.")
        }
        // The reference joins with "." but drops a leading empty step.
        let path = prefix.isEmpty ? name : prefix + [UInt8(ascii: ".")] + name
        let value = try nextToken()
        valueFetched = true
        switch value {
        case .startObject:
            try parseObject(&models, prefix: path, insideOr: insideOr)
        case .startArray:
            let matchers = try parseMatcherList(at: tokens.tokenStart)
            if collecting && models.contains(where: { $0[path] != nil }) {
                notes.append(
                    Note(
                        code: .duplicatePath,
                        message: "path `\(String(decoding: path, as: UTF8.self))` is given more than once; "
                            + "EventBridge keeps only the last list and silently drops the earlier one "
                            + "(to accept any of several values, put them in one list)",
                        offset: nameOffset, path: renderedPath))
            }
            fieldsWritten += models.count
            if fieldsWritten > Self.maxFieldsOverSubRules { throw fanOutFault() }
            for i in models.indices {
                models[i][path] = matchers
                if oversized == nil && models[i].count > maxFieldsPerSubRule {
                    oversized = Location(offset: nameOffset, path: renderedPath)
                }
            }
        default:
            throw fault("\"\(nameText)\" must be an object or an array")
        }
    }

    /// Whether validation can record `fault` and go on: faults of the pattern language can, while JSON
    /// syntax errors and limits leave nothing sound to read on from.
    private func canRecover(from fault: Fault) -> Bool {
        collecting && fault.code == .invalidPattern && recorded.count < Self.maxFaultsRecorded
    }

    /// Skips what is left of a member's value after a fault, back to the member's object (`depth`).
    private mutating func skipRest(ofMemberAt depth: Int, valueFetched: Bool) throws {
        if !valueFetched, try nextToken() == .end { return }
        while tokens.depth > depth {
            if try nextToken() == .end { return }
        }
    }

    /// Reads the value of a `$or` member: an array of at least two objects, each a branch.
    private mutating func parseOr(_ value: JSONToken, _ models: inout [Model], prefix: [UInt8]) throws {
        guard value == .startArray else { throw fault("It must be an Array followed with $or.") }
        var combined: [Model] = []
        var branches = 0
        while true {
            let token = try nextToken()
            if token == .endArray { break }
            jsonPath.append(.index(branches))
            defer { jsonPath.removeLast() }
            guard token == .startObject else {
                throw fault("Only JSON object is allowed in array of $or relationship.")
            }
            branches += 1
            var branch = models
            try parseObject(&branch, prefix: prefix, insideOr: true)
            combined += branch
            fieldsWritten = max(fieldsWritten, combined.reduce(0, { $0 + $1.count }))
            guard combined.count <= Self.maxSubRules, fieldsWritten <= Self.maxFieldsOverSubRules else {
                throw fanOutFault()
            }
        }
        if branches < 2 { throw fault("There must have at least 2 Objects in $or relationship.") }
        models = combined
    }

    /// Reads a matcher list (its `[`, at `start`, already read).
    private mutating func parseMatcherList(at start: Int) throws -> MatcherList {
        var matchers: [ValueMatcher] = []
        var written: [String] = []
        var index = 0
        while true {
            let token = try nextToken()
            if token == .endArray { break }
            jsonPath.append(.index(index))
            defer { jsonPath.removeLast() }
            index += 1
            let elementStart = tokens.tokenStart
            switch token {
            case .startObject:
                let matcher = try parseOperator()
                if collecting, let feature = matcher.unsupportedInPipes {
                    notes.append(
                        Note(
                            code: .unsupportedInPipes,
                            message: "\(feature) is not supported in EventBridge Pipes filters; use operators "
                                + "Pipes supports, or filter in the pipe's target",
                            offset: elementStart, path: renderedPath))
                }
                matchers.append(matcher)
            case .string:
                let value = try stringValue()
                let address = value.withUnsafeBufferPointer { IPAddress.parse($0) }
                if let address {
                    matchers.append(.ipRange(IPRange(single: address)))
                } else {
                    matchers.append(.exactString(value))
                }
            case .number:
                let literal = tokenBytes()
                let key = literal.withUnsafeBufferPointer { ComparableNumber.key(literal: $0) }
                matchers.append(.exactNumber(literal: literal, key: key))
            case .trueLiteral: matchers.append(.literal(.trueValue))
            case .falseLiteral: matchers.append(.literal(.falseValue))
            case .nullLiteral: matchers.append(.literal(.null))
            default:
                throw fault("Match value must be String, number, true, false, or null")
            }
            let element = UnsafeBufferPointer(rebasing: tokens.input[elementStart..<tokens.position])
            written.append(String(decoding: element, as: UTF8.self))
        }
        if matchers.isEmpty { throw fault("Empty arrays are not allowed") }
        return MatcherList(matchers, written: written, offset: start)
    }

    // MARK: - Token helpers

    /// The next token, with JSON faults turned into pattern faults.
    mutating func nextToken() throws -> JSONToken {
        do {
            return try tokens.next()
        } catch {
            throw Fault(
                message: error.message, offset: error.offset,
                code: error.isLimit ? .limitExceeded : .jsonSyntax,
                relatedOffset: error.relatedOffset, path: renderedPath)
        }
    }

    /// The decoded current field name.
    func fieldName() -> [UInt8] {
        tokens.textHasEscapes ? JSONStringDecoder.decoded(tokens.input, tokens.text) : tokenBytes()
    }

    /// The raw bytes of the current name, number or literal token.
    func tokenBytes() -> [UInt8] {
        Array(tokens.input[tokens.text])
    }

    /// Finishes and decodes the current string value.
    mutating func stringValue() throws -> [UInt8] {
        do {
            try tokens.completeString()
        } catch {
            throw Fault(message: error.message, offset: error.offset, code: .jsonSyntax, path: renderedPath)
        }
        return fieldName()
    }

    /// A fault at the tokenizer's current position, as the reference locates its own errors.
    func fault(_ message: String) -> Fault {
        Fault(message: message, offset: tokens.position, path: renderedPath)
    }

    /// ebmatch's own limit on `$or` fan-out was passed.
    func fanOutFault() -> Fault {
        var fault = fault(
            "$or multiplies out to more than \(Self.maxSubRules) combinations or \(Self.maxFieldsOverSubRules) fields")
        fault.code = .implementationLimit
        return fault
    }

    /// Jackson's text for a token, used in a few messages (`Invalid member in numeric match: ]`).
    func tokenText(_ token: JSONToken) -> String {
        switch token {
        case .startObject: return "{"
        case .endObject: return "}"
        case .startArray: return "["
        case .endArray: return "]"
        case .string, .fieldName, .number, .trueLiteral, .falseLiteral, .nullLiteral:
            return String(decoding: fieldName(), as: UTF8.self)
        case .end: return ""
        }
    }
}

/// `$or`: its branches are alternatives, and it adds no step to paths.
let orKeyword: [UInt8] = Array("$or".utf8)

/// Keys the reference refuses as field names inside a `$or` branch.
let reservedInsideOr: Set<String> = [
    "exactly", "equals-ignore-case", "prefix", "suffix", "anything-but", "exists", "wildcard", "numeric",
    "cidr", "=", "<", "<=", ">", ">=", "regex", "not-wildcard", "not-equals-ignore-case", "date-after",
    "date-on-or-after", "date-before", "date-on-or-before", "in-date-range", "ip-address-in-range",
    "ip-address-not-in-range",
]

/// Java's `String.compareTo` order (UTF-16 code units) on UTF-8 paths.
func utf16Less(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    String(decoding: a, as: UTF8.self).utf16.lexicographicallyPrecedes(String(decoding: b, as: UTF8.self).utf16)
}
