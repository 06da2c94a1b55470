/// A JSON document read into a tree whose values remember where they stand in the text.
///
/// For tools that look for patterns inside other documents (CloudFormation templates, Terraform
/// plans) and must point at a line and column of the file. Matching never builds trees: it reads
/// events as a stream.
///
/// Reading is iterative (no recursion, however deep the document) and strict: the JSON parser's own
/// faults in Jackson's words, its limits, and nothing but whitespace after the root value. Duplicate
/// member names are all kept, in order; `subscript(_:)` returns the last, as JSON readers commonly do.
public struct JSONValue: Sendable {
    /// What a value is.
    public enum Kind: Sendable {
        /// An object's members in document order.
        case object([JSONMember])
        /// An array's elements.
        case array([JSONValue])
        /// A string, decoded.
        case string(String)
        /// A number, as written.
        case number(String)
        /// `true` or `false`.
        case bool(Bool)
        /// `null`.
        case null
    }

    /// What the value is.
    public let kind: Kind
    /// The value's bytes in the document: from its first byte (`{`, `[`, `"`, digit or letter) to one
    /// past its last (a string's range includes its quotes).
    public let range: Range<Int>

    /// A value from its parts.
    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    /// The value of the last member named `name`, if this is an object that has one.
    public subscript(_ name: String) -> JSONValue? {
        guard case .object(let members) = kind else { return nil }
        return members.last { $0.name == name }?.value
    }

    /// The string, if this is one.
    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    /// The members, if this is an object.
    public var members: [JSONMember]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    /// The elements, if this is an array.
    public var elements: [JSONValue]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    /// For a string value of `source` (the document it was read from): its decoded UTF-8 bytes and, for
    /// each byte, the offset in `source` of the character or escape it comes from, plus one entry for the
    /// closing quote. This maps positions in a JSON document held in a string (a pattern in a template)
    /// back to the file.
    public func decodedString(in source: [UInt8]) -> (utf8: [UInt8], sourceOffsets: [Int])? {
        guard case .string = kind, range.count >= 2, range.upperBound <= source.count else { return nil }
        return source.withUnsafeBufferPointer { buffer in
            JSONStringDecoder.decodedWithOffsets(buffer, range.lowerBound + 1..<range.upperBound - 1)
        }
    }

    /// Reads a whole document. Errors have origin `.document`, Jackson's message, offset and JSON path.
    /// Unless `ignoringTrailingContent` (as EventBridge reads patterns and events), nothing but
    /// whitespace may follow the root value.
    /// At most `maxValues` values are read; past that the document is refused with a `.limitExceeded`
    /// error (a tree costs tens of bytes per value).
    public static func parse(
        utf8 source: [UInt8], ignoringTrailingContent: Bool = false, maxValues: Int = .max
    ) throws(EBMatchError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = source.withUnsafeBufferPointer { buffer in
            do throws(JSONSyntaxError) {
                return .success(try read(buffer, strict: !ignoringTrailingContent, maxValues: maxValues))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let value):
            return value
        case .failure(let fault):
            throw EBMatchError(
                origin: .document, code: fault.isLimit ? .limitExceeded : .jsonSyntax, reason: fault.message,
                path: JSONPathLocator.path(at: fault.offset, in: source), offset: fault.offset, source: source,
                relatedOffset: fault.relatedOffset)
        }
    }

    /// The member names at the top level of a document, in order, read as far as the document is
    /// well-formed (to tell what a broken document was meant to be).
    public static func topLevelNames(utf8 source: [UInt8]) -> [String] {
        source.withUnsafeBufferPointer { input in
            var tokens = JSONTokenizer(input)
            var names: [String] = []
            guard (try? tokens.next()) == .startObject else { return names }
            while let token = try? tokens.next(), token != .end {
                if token == .fieldName && tokens.depth == 1 { names.append(string(input, tokens)) }
            }
            return names
        }
    }

    /// A container being read.
    private struct Frame {
        var start: Int
        var isObject: Bool
        var members: [JSONMember] = []
        var elements: [JSONValue] = []
        /// The name (and its offset) of the member whose value comes next.
        var name = ""
        var nameOffset = 0
    }

    private static func read(
        _ input: UnsafeBufferPointer<UInt8>, strict: Bool, maxValues: Int
    ) throws(JSONSyntaxError) -> JSONValue {
        var tokens = JSONTokenizer(input)
        var stack: [Frame] = []
        var values = 0
        while true {
            let token = try tokens.next()
            let start = tokens.tokenStart
            if token != .fieldName && token != .endObject && token != .endArray {
                values += 1
                if values > maxValues {
                    throw JSONSyntaxError(
                        message: "Document holds more than \(maxValues) values, more than ebmatch reads", offset: start,
                        isLimit: true)
                }
            }
            var finished: JSONValue
            switch token {
            case .fieldName:
                stack[stack.count - 1].name = string(input, tokens)
                stack[stack.count - 1].nameOffset = start
                continue
            case .startObject, .startArray:
                stack.append(Frame(start: start, isObject: token == .startObject))
                continue
            case .endObject, .endArray:
                guard let frame = stack.popLast() else { continue }
                let range = frame.start..<tokens.position
                finished = JSONValue(
                    kind: frame.isObject ? .object(frame.members) : .array(frame.elements), range: range)
            case .string:
                try tokens.completeString()
                finished = JSONValue(kind: .string(string(input, tokens)), range: start..<tokens.position)
            case .number:
                let literal = String(decoding: UnsafeBufferPointer(rebasing: input[tokens.text]), as: UTF8.self)
                finished = JSONValue(kind: .number(literal), range: start..<tokens.position)
            case .trueLiteral, .falseLiteral:
                finished = JSONValue(kind: .bool(token == .trueLiteral), range: start..<tokens.position)
            case .nullLiteral:
                finished = JSONValue(kind: .null, range: start..<tokens.position)
            case .end:
                // Only reached for an empty document: the root value returns below.
                throw JSONSyntaxError(
                    message: "No content to map due to end-of-input", offset: input.count)
            }
            guard !stack.isEmpty else {
                if strict { try expectNothingAfter(finished.range.upperBound, in: input) }
                return finished
            }
            let top = stack.count - 1
            if stack[top].isObject {
                stack[top].members.append(
                    JSONMember(name: stack[top].name, nameOffset: stack[top].nameOffset, value: finished))
            } else {
                stack[top].elements.append(finished)
            }
        }
    }

    /// A document ends with its root value: anything but whitespace after it is refused (Jackson stops
    /// reading there, but a template or plan with trailing text is damaged).
    private static func expectNothingAfter(_ end: Int, in input: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
        var i = end
        while i < input.count {
            switch input[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default:
                throw JSONSyntaxError(
                    message: "Unexpected character (\(JSONSyntaxError.describeCharacter(input, at: i))): "
                        + "expected end of input after the document's root value",
                    offset: i)
            }
        }
    }

    /// The decoded text of the current name or completed string.
    private static func string(_ input: UnsafeBufferPointer<UInt8>, _ tokens: JSONTokenizer) -> String {
        let bytes =
            tokens.textHasEscapes
            ? JSONStringDecoder.decoded(input, tokens.text) : Array(UnsafeBufferPointer(rebasing: input[tokens.text]))
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A member of a JSON object.
public struct JSONMember: Sendable {
    /// The member's name, decoded.
    public let name: String
    /// Byte offset of the name's opening quote.
    public let nameOffset: Int
    /// The member's value.
    public let value: JSONValue

    /// A member from its parts.
    public init(name: String, nameOffset: Int, value: JSONValue) {
        self.name = name
        self.nameOffset = nameOffset
        self.value = value
    }
}
