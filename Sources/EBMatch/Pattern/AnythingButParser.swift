/// `anything-but` in all its forms: a string, a number, a list of either, or an object holding
/// `prefix`, `suffix`, `equals-ignore-case` or `wildcard` with a string or a list of strings.
///
/// Faults raised while the reference is inside a list's element loop carry AWS's location suffix twice.
extension PatternParser {
    /// Reads the value of `anything-but` (its first token is `value`).
    mutating func parseAnythingBut(_ value: JSONToken) throws -> AnythingBut {
        switch value {
        case .string:
            return .strings([try stringValue()])
        case .number:
            // A single number is checked after parsing, without a location (not a JSON fault).
            do {
                return .numbers([try comparableKey()])
            } catch var fault as Fault {
                fault.offset = nil
                throw fault
            }
        case .startArray:
            return try parsePlainList()
        case .startObject:
            return try parseObjectForm()
        default:
            throw fault("Value of anything-but must be an array or single string/number value.")
        }
    }

    /// `{"anything-but": [...]}`: all strings or all numbers, not empty.
    private mutating func parsePlainList() throws -> AnythingBut {
        var strings: [[UInt8]] = []
        var numbers: [[UInt8]] = []
        try inListLoop { parser, token in
            switch token {
            case .string: strings.append(try parser.stringValue())
            case .number: numbers.append(parser.tokenBytes())
            default: throw parser.fault("Inside anything but list, start|null|boolean is not supported.")
            }
        }
        if strings.isEmpty == numbers.isEmpty {
            throw fault("Inside anything but list, either all values are number or string, mixed type is not supported")
        }
        if strings.isEmpty {
            var keys: [UInt64] = []
            for literal in numbers {
                guard let key = literal.withUnsafeBufferPointer({ ComparableNumber.key(literal: $0) }) else {
                    throw fault("Cannot compare number : \(String(decoding: literal, as: UTF8.self))")
                }
                keys.append(key)
            }
            return .numbers(keys)
        }
        return .strings(strings)
    }

    /// `{"anything-but": {"prefix"|"suffix"|"equals-ignore-case"|"wildcard": string or list}}`.
    private mutating func parseObjectForm() throws -> AnythingBut {
        guard try nextToken() != .endObject else { throw fault("Anything-But expression name not found") }
        let name = String(decoding: fieldName(), as: UTF8.self)
        jsonPath.append(.key(name))
        defer { jsonPath.removeLast() }
        let value = try nextToken()
        let result: AnythingBut
        switch name {
        case "prefix", "suffix":
            let texts = try operandStrings(value, typeFault: "prefix/suffix match pattern must be a string") {
                parser, text in
                if text.isEmpty { throw parser.fault("Null prefix/suffix not allowed") }
            }
            result = name == "prefix" ? .prefixes(texts) : .suffixes(texts)
        case "equals-ignore-case":
            let texts = try operandStrings(
                value, typeFault: "Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported."
            ) { _, _ in }
            result = .equalsIgnoreCase(texts.map { CaseFoldedString(pattern: $0) })
        case "wildcard":
            let texts = try operandStrings(value, typeFault: "wildcard match pattern must be a string") { _, _ in }
            // The reference checks wildcard syntax after the list loop: one location suffix.
            result = .wildcards(try texts.map { try wildcard($0) })
        default:
            throw fault("Unsupported anything-but pattern: \(name)")
        }
        guard try nextToken() == .endObject else { throw fault("Too many elements in numeric expression") }
        return result
    }

    /// The operand of an object form: one string or a non-empty list of strings. A number gets the form's
    /// own type fault; any other non-list value the general anything-but fault.
    private mutating func operandStrings(
        _ value: JSONToken, typeFault: String,
        check: (inout PatternParser, [UInt8]) throws -> Void
    ) throws -> [[UInt8]] {
        switch value {
        case .string:
            let text = try stringValue()
            try check(&self, text)
            return [text]
        case .number:
            throw fault(typeFault)
        case .startArray:
            var texts: [[UInt8]] = []
            try inListLoop { parser, token in
                guard token == .string else { throw parser.fault(typeFault) }
                let text = try parser.stringValue()
                try check(&parser, text)
                texts.append(text)
            }
            // `[]` passes the reference's check but crashes it when the rule is added: never accepted.
            if texts.isEmpty { throw fault("Empty arrays are not allowed") }
            return texts
        default:
            throw fault("Value of anything-but must be an array or single string/number value.")
        }
    }

    /// Runs `body` on each element of a list (its `[` already read). Faults inside, JSON faults included,
    /// get the doubled location suffix, as the reference re-wraps them.
    private mutating func inListLoop(_ body: (inout PatternParser, JSONToken) throws -> Void) throws {
        var index = 0
        do {
            while true {
                let token = try nextToken()
                if token == .endArray { return }
                jsonPath.append(.index(index))
                defer { jsonPath.removeLast() }
                index += 1
                try body(&self, token)
            }
        } catch var fault as Fault {
            fault.repeats = 2
            throw fault
        }
    }
}
