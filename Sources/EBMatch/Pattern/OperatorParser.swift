/// Operator objects in a matcher list (`{"prefix": …}`, `{"numeric": […]}`, …), read in the reference's
/// order of checks. Every operator object holds exactly one key.
extension PatternParser {
    /// Reads an operator object (its `{` already read).
    mutating func parseOperator() throws -> ValueMatcher {
        guard try nextToken() != .endObject else { throw fault("Match expression name not found") }
        let name = String(decoding: fieldName(), as: UTF8.self)
        jsonPath.append(.key(name))
        defer { jsonPath.removeLast() }
        let value = try nextToken()
        let matcher: ValueMatcher
        switch name {
        case "exactly":
            guard value == .string else { throw fault("exact match pattern must be a string") }
            matcher = .exactString(try stringValue())
        case "prefix", "suffix":
            let isPrefix = name == "prefix"
            if value == .startObject {
                let folded = try parseIgnoreCaseObject(isPrefix ? "Prefix" : "Suffix", name)
                matcher = isPrefix ? .prefixIgnoreCase(folded) : .suffixIgnoreCase(folded)
            } else {
                guard value == .string else { throw fault("\(name) match pattern must be a string") }
                let text = try stringValue()
                matcher = isPrefix ? .prefix(text) : .suffix(text)
            }
        case "equals-ignore-case":
            guard value == .string else { throw fault("equals-ignore-case match pattern must be a string") }
            matcher = .equalsIgnoreCase(CaseFoldedString(pattern: try stringValue()))
        case "wildcard":
            guard value == .string else { throw fault("wildcard match pattern must be a string") }
            // Two statements: the fault must see the tokenizer after the string was read.
            let operand = try stringValue()
            matcher = .wildcard(try wildcard(operand))
        case "numeric":
            guard value == .startArray else { throw fault("Value of numeric must be an array.") }
            matcher = .numeric(try parseNumericRange())
            guard try nextToken() == .endObject else { throw fault("Too many elements in numeric expression") }
            return matcher
        case "exists":
            switch value {
            case .trueLiteral: matcher = .exists(true)
            case .falseLiteral: matcher = .exists(false)
            default: throw fault("exists match pattern must be either true or false.")
            }
        case "cidr":
            // The reference reuses the prefix message here.
            guard value == .string else { throw fault("prefix match pattern must be a string") }
            switch IPRange.parseCIDR(try stringValue()) {
            case .success(let range): matcher = .ipRange(range)
            case .failure(let error): throw Fault(message: error.message, offset: nil, path: renderedPath)
            }
        case "anything-but":
            matcher = .anythingBut(try parseAnythingBut(value))
            guard try nextToken() == .endObject else { throw fault("Too many elements in numeric expression") }
            return matcher
        default:
            throw fault("Unrecognized match type \(name)")
        }
        guard try nextToken() == .endObject else { throw fault("Only one key allowed in match expression") }
        return matcher
    }

    /// Reads `{"equals-ignore-case": "…"}` inside `prefix` or `suffix` (its `{` already read).
    private mutating func parseIgnoreCaseObject(_ kind: String, _ outer: String) throws -> CaseFoldedString {
        guard try nextToken() != .endObject else { throw fault("\(kind) expression name not found") }
        let name = String(decoding: fieldName(), as: UTF8.self)
        jsonPath.append(.key(name))
        defer { jsonPath.removeLast() }
        let value = try nextToken()
        guard name == "equals-ignore-case" else { throw fault("Unsupported \(outer) pattern: \(name)") }
        guard value == .string else { throw fault("equals-ignore-case match pattern must be a string") }
        let folded = CaseFoldedString(pattern: try stringValue())
        guard try nextToken() == .endObject else { throw fault("Only one key allowed in match expression") }
        return folded
    }

    /// Parses a wildcard operand, locating its syntax faults where the reference does.
    func wildcard(_ operand: [UInt8]) throws -> WildcardPattern {
        switch WildcardPattern.parse(operand) {
        case .success(let pattern): return pattern
        case .failure(let error): throw fault(error.message)
        }
    }

    // MARK: - numeric

    /// Reads the array of a `numeric` operator (its `[` already read). The reference checks the
    /// operator, the numbers' comparability and the order of the ends one token late, which decides
    /// where AWS's messages point.
    private mutating func parseNumericRange() throws -> NumericRange {
        let first = try nextToken()
        guard first == .string else { throw fault("Invalid member in numeric match: \(tokenText(first))") }
        let op = String(decoding: try stringValue(), as: UTF8.self)
        let operand = try nextToken()
        switch op {
        case "=", "<", "<=":
            guard operand == .number else { throw fault("Value of \(op == "=" ? "equals" : op) must be numeric") }
            let literal = tokenBytes()
            guard try nextToken() == .endArray else { throw fault("Too many elements in numeric expression") }
            let key = try comparableKey(literal)
            if op == "=" { return NumericRange(low: key, lowOpen: false, high: key, highOpen: false) }
            guard key != ComparableNumber.lowestKey || op == "<=" else { throw openEndAtLimit(op) }
            return NumericRange(low: ComparableNumber.lowestKey, lowOpen: false, high: key, highOpen: op == "<")
        case ">", ">=":
            guard operand == .number else { throw fault("Value of \(op) must be numeric") }
            let lowLiteral = tokenBytes()
            let next = try nextToken()
            if next == .endArray {
                let low = try comparableKey(lowLiteral)
                guard low != ComparableNumber.highestKey else { throw openEndAtLimit(op) }
                return NumericRange(low: low, lowOpen: op == ">", high: ComparableNumber.highestKey, highOpen: false)
            }
            guard next == .string else { throw fault("Bad value in numeric range: \(tokenText(next))") }
            let upperOp = String(decoding: try stringValue(), as: UTF8.self)
            guard upperOp == "<" || upperOp == "<=" else { throw fault("Bad numeric range operator: \(upperOp)") }
            guard try nextToken() == .number else { throw fault("Value of \(upperOp) must be numeric") }
            let highLiteral = tokenBytes()
            guard try nextToken() == .endArray else { throw fault("Too many terms in numeric range expression") }
            let low = try comparableKey(lowLiteral)
            let high = try comparableKey(highLiteral)
            guard low < high else { throw fault("Bottom must be less than top") }
            return NumericRange(low: low, lowOpen: op == ">", high: high, highOpen: upperOp == "<")
        default:
            throw fault("Unrecognized numeric range operator: \(op)")
        }
    }

    /// The key of a number literal (by default the current token), or the reference's
    /// `Cannot compare number` fault.
    func comparableKey(_ literal: [UInt8]? = nil) throws -> UInt64 {
        let literal = literal ?? tokenBytes()
        guard let key = literal.withUnsafeBufferPointer({ ComparableNumber.key(literal: $0) }) else {
            throw fault("Cannot compare number : \(String(decoding: literal, as: UTF8.self))")
        }
        return key
    }

    /// An open range ending at the largest finite double crashes the reference (`Index 10 out of bounds`),
    /// so AWS cannot accept it; ebmatch rejects it with a message that says why.
    private func openEndAtLimit(_ op: String) -> Fault {
        fault("Value of \(op) must be numeric: an open range cannot end at the largest finite number")
    }
}
