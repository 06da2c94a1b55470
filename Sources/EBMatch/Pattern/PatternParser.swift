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

    var tokens: JSONTokenizer
    /// Fields written into sub-rules so far (an upper bound of the fields over all sub-rules).
    private var fieldsWritten = 0
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

    /// Parses a whole pattern document into its sub-rules.
    static func parse(_ source: [UInt8], ruleName: String) throws(EBMatchError) -> [SubRule] {
        let result: Result<[Model], Fault> = source.withUnsafeBufferPointer { buffer in
            var parser = PatternParser(buffer)
            do {
                let models = try parser.parseDocument()
                return .success(models)
            } catch let fault as Fault {
                return .failure(fault)
            } catch {
                return .failure(Fault(message: "\(error)", offset: nil))
            }
        }
        switch result {
        case .failure(let fault):
            throw EBMatchError(
                origin: .pattern, code: fault.code, reason: fault.message, path: fault.path, offset: fault.offset,
                locationRepeats: fault.repeats, source: source, relatedOffset: fault.relatedOffset)
        case .success(let models):
            var rules: [SubRule] = []
            rules.reserveCapacity(models.count)
            for model in models {
                if model.count > maxFieldsPerSubRule {
                    throw EBMatchError(
                        origin: .pattern, code: .invalidPattern,
                        reason: "Size of rule '\(ruleName)' exceeds max value of \(maxFieldsPerSubRule)", path: "$",
                        offset: nil, source: source)
                }
                let fields = model.map { SubRule.Field(path: $0.key, matchers: $0.value) }
                rules.append(SubRule(fields: fields.sorted { utf16Less($0.path, $1.path) }))
            }
            return rules
        }
    }

    /// The JSON path being read, as `$.a.b[0]`.
    var renderedPath: String {
        var text = "$"
        for component in jsonPath {
            switch component {
            case .key(let k): text += JSONPathLocator.plainKey(k) ? ".\(k)" : "[\"\(k)\"]"
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
            let nameText = String(decoding: name, as: UTF8.self)
            jsonPath.append(.key(nameText))
            defer { jsonPath.removeLast() }
            if name == orKeyword {
                try parseOr(&models, prefix: prefix)
                continue
            }
            if insideOr && reservedInsideOr.contains(nameText) {
                throw fault("\(nameText) is Ruler reserved fieldName which cannot be used inside $or.")
            }
            // The reference joins with "." but drops a leading empty step.
            let path = prefix.isEmpty ? name : prefix + [UInt8(ascii: ".")] + name
            switch try nextToken() {
            case .startObject:
                try parseObject(&models, prefix: path, insideOr: insideOr)
            case .startArray:
                let matchers = try parseMatcherList()
                fieldsWritten += models.count
                if fieldsWritten > Self.maxFieldsOverSubRules { throw fanOutFault() }
                for i in models.indices { models[i][path] = matchers }
            default:
                throw fault("\"\(nameText)\" must be an object or an array")
            }
        }
        if !fieldsPresent { throw fault("Empty objects are not allowed") }
    }

    /// Reads the value of a `$or` member: an array of at least two objects, each a branch.
    private mutating func parseOr(_ models: inout [Model], prefix: [UInt8]) throws {
        guard try nextToken() == .startArray else { throw fault("It must be an Array followed with $or.") }
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

    /// Reads a matcher list (its `[` already read).
    private mutating func parseMatcherList() throws -> MatcherList {
        var matchers: [ValueMatcher] = []
        var index = 0
        while true {
            let token = try nextToken()
            if token == .endArray { break }
            jsonPath.append(.index(index))
            defer { jsonPath.removeLast() }
            index += 1
            switch token {
            case .startObject:
                matchers.append(try parseOperator())
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
        }
        if matchers.isEmpty { throw fault("Empty arrays are not allowed") }
        return MatcherList(matchers)
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
