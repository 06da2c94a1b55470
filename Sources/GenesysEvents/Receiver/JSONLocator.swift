import EBMatch

/// Turns a place in an event (a JSON path, or a `DecodingError`'s coding path) into the receiver's
/// `malformed` error with line, column and path, using the tree EBMatch read from the same bytes.
struct JSONLocator {
    /// The event read by EBMatch, whose values know their byte ranges.
    let root: JSONValue
    /// The event's bytes.
    let source: [UInt8]

    /// A top-level string member; nil when absent or null. Another JSON type is malformed: EventBridge
    /// envelope members are strings.
    func string(member name: String) throws(GenesysReceiveError) -> String? {
        guard let value = root[name] else { return nil }
        switch value.kind {
        case .string(let text): return text
        case .null: return nil
        default: throw malformed(at: [.member(name)], "expected a string, found \(Self.describe(value))")
        }
    }

    /// The error for the value at `steps`, placed at the deepest value on the way that exists.
    func malformed(at steps: [JSONPath.Step], _ message: String) -> GenesysReceiveError {
        var value = root
        for step in steps {
            let next: JSONValue?
            switch step {
            case .member(let name): next = value[name]
            case .element(let index): next = value.elements.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            }
            guard let next else { break }
            value = next
        }
        let position = TextPosition(offset: value.range.lowerBound, in: source)
        return .malformed(line: position.line, column: position.column, path: Self.path(steps), message: message)
    }

    /// The error for a `DecodingError` from decoding the same bytes.
    func malformed(_ error: DecodingError) -> GenesysReceiveError {
        switch error {
        case .typeMismatch(let type, let context):
            let steps = Self.steps(context.codingPath)
            let found = value(at: steps).map(Self.describe) ?? "nothing"
            return malformed(at: steps, "expected \(Self.describe(type)), found \(found)")
        case .valueNotFound(let type, let context):
            return malformed(at: Self.steps(context.codingPath), "expected \(Self.describe(type)), found null")
        case .keyNotFound(let key, let context):
            return malformed(at: Self.steps(context.codingPath + [key]), "missing member \"\(key.stringValue)\"")
        case .dataCorrupted(let context):
            return malformed(at: Self.steps(context.codingPath), context.debugDescription)
        @unknown default:
            return malformed(at: [], "\(error)")
        }
    }

    /// The value at `steps`, if every step exists.
    private func value(at steps: [JSONPath.Step]) -> JSONValue? {
        var value = root
        for step in steps {
            switch step {
            case .member(let name):
                guard let next = value[name] else { return nil }
                value = next
            case .element(let index):
                guard let elements = value.elements, elements.indices.contains(index) else { return nil }
                value = elements[index]
            }
        }
        return value
    }

    /// The steps of a coding path: keys with an integer value are array positions (as Foundation's
    /// decoders make them for unkeyed containers), the others member names.
    static func steps(_ codingPath: [any CodingKey]) -> [JSONPath.Step] {
        codingPath.map { key in key.intValue.map(JSONPath.Step.element) ?? .member(key.stringValue) }
    }

    /// `$.detail.topicName`, `$.resources[0]`, as EBMatch writes paths.
    static func path(_ steps: [JSONPath.Step]) -> String {
        steps.reduce("$") { path, step in
            switch step {
            case .member(let name): return JSONPath.appending(name, to: path)
            case .element(let index): return path + "[\(index)]"
            }
        }
    }

    /// "a string", "an object", … for a value found in the event.
    static func describe(_ value: JSONValue) -> String {
        switch value.kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }

    /// "a string", "an object", … for a type a decoder expected.
    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        case is Int.Type, is Int64.Type, is Double.Type: return "a number"
        case is [String].Type, is [GenesysJSON].Type: return "an array"
        default:
            // Foundation names container types loosely (`[String: Any]`, `[Any]`); read the name.
            let name = String(describing: type)
            if name.hasPrefix("Array") || (name.hasPrefix("[") && !name.contains(":")) { return "an array" }
            return "an object"
        }
    }
}
