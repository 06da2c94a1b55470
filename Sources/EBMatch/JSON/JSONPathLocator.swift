/// Works out the JSON path (`$.detail.items[2].name`) of a byte offset, for error messages.
///
/// Only used once something went wrong, so it simply re-reads the document from the start with its
/// own tokenizer, keeping a stack of member names and element indices, until it reaches the offset
/// (or the fault itself).
enum JSONPathLocator {
    private enum Step {
        case member(String?)
        case element(Int)
    }

    /// The path of the value being read when the tokenizer reached `offset` in `input`.
    static func path(at offset: Int, in input: [UInt8]) -> String {
        input.withUnsafeBufferPointer { buffer in
            var tokens = JSONTokenizer(buffer)
            var steps: [Step] = []
            var last = JSONToken.end
            while tokens.position <= offset {
                guard let token = try? tokens.next() else {
                    // A fault after a complete element concerns the next one (`[1, 2,]`).
                    if last != .string && last != .fieldName { advanceElement(&steps) }
                    // A fault in the value right after a member name (`{"a": bad}`) comes while the
                    // name is read, before it is returned: the name is still the tokenizer's text.
                    if case .member = steps.last, isQuotedName(buffer, tokens.text, after: tokens.tokenStart) {
                        steps[steps.count - 1] = .member(name(buffer, tokens))
                    }
                    break
                }
                if token == .end { break }
                last = token
                if tokens.tokenStart >= offset && token != .fieldName { break }
                switch token {
                case .fieldName:
                    if case .member = steps.last {
                        steps[steps.count - 1] = .member(name(buffer, tokens))
                    }
                case .startObject:
                    advanceElement(&steps)
                    steps.append(.member(nil))
                case .startArray:
                    advanceElement(&steps)
                    steps.append(.element(-1))
                case .endObject, .endArray:
                    if !steps.isEmpty { steps.removeLast() }
                default:
                    advanceElement(&steps)
                }
            }
            return render(steps)
        }
    }

    /// Whether `text` is a member name read after the last token (quoted, followed by a colon).
    private static func isQuotedName(_ buffer: UnsafeBufferPointer<UInt8>, _ text: Range<Int>, after start: Int) -> Bool {
        guard text.lowerBound > start, text.lowerBound >= 1, text.upperBound < buffer.count,
            buffer[text.lowerBound - 1] == UInt8(ascii: "\""), buffer[text.upperBound] == UInt8(ascii: "\"")
        else { return false }
        var i = text.upperBound + 1
        while i < buffer.count, buffer[i] == 32 || buffer[i] == 9 || buffer[i] == 10 || buffer[i] == 13 { i += 1 }
        return i < buffer.count && buffer[i] == UInt8(ascii: ":")
    }

    private static func advanceElement(_ steps: inout [Step]) {
        if case .element(let i) = steps.last { steps[steps.count - 1] = .element(i + 1) }
    }

    private static func name(_ buffer: UnsafeBufferPointer<UInt8>, _ tokens: JSONTokenizer) -> String {
        let bytes = tokens.textHasEscapes ? JSONStringDecoder.decoded(buffer, tokens.text) : Array(buffer[tokens.text])
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func render(_ steps: [Step]) -> String {
        var text = "$"
        for step in steps {
            switch step {
            case .member(let name?): text = JSONPath.appending(name, to: text)
            case .member(nil): break
            case .element(let i): if i >= 0 { text += "[\(i)]" }
            }
        }
        return text
    }
}
