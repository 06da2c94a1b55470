import Testing

@testable import EBMatch

/// The tokenizer reads as far as Jackson does at each step, since AWS's positions depend on it.
@Suite("JSON tokenizer")
struct JSONTokenizerTests {
    /// The tokens of `text` with the input position after each.
    private func trace(_ text: String, completing: Bool = false) throws -> [String] {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer in
            var tokens = JSONTokenizer(buffer)
            var steps: [String] = []
            while true {
                let token = try tokens.next()
                if token == .string && completing { try tokens.completeString() }
                steps.append("\(token)@\(tokens.position)")
                if token == .end { return steps }
            }
        }
    }

    @Test("a member name reads the start of its value; a string value is left open until asked for")
    func lookahead() throws {
        #expect(try trace(#"{"a": "xyz", "b": 12, "c": [true]}"#) == [
            // After "b" the number 12 is already read (position 20); after "c" its "[" (position 28).
            "startObject@1", "fieldName@7", "string@7", "fieldName@20", "number@20", "fieldName@28",
            "startArray@28", "trueLiteral@32", "endArray@33", "endObject@34", "end@34",
        ])
        #expect(try trace(#"["ab", "c"]"#, completing: true) == [
            "startArray@1", "string@5", "string@10", "endArray@11", "end@11",
        ])
    }

    @Test("content after the root value is never read")
    func trailingContent() throws {
        #expect(try trace(#"{"a":1} ]] garbage"#).last == "end@7")
        #expect(try trace("7 x").last == "end@2")
    }

    @Test("close markers are checked before commas, as in Jackson")
    func closeMarkers() throws {
        #expect(throws: JSONSyntaxError.self) { try trace(#"{"a":1 ]"#) }
        let error = #expect(throws: JSONSyntaxError.self) { try trace(#"[1 }"#) }
        if let error {
            #expect(error.message == "Unexpected close marker '}': expected ']' (for Array starting at \u{0})")
            #expect(error.relatedOffset == 0)
            #expect(error.offset == 3)
        }
    }

    @Test("escapes decode to UTF-8; a lone surrogate becomes '?' as in Java")
    func decoding() {
        let text = Array(#"a\u00e9\ud83d\ude00\n\/\ud800z"#.utf8)
        let decoded = text.withUnsafeBufferPointer { JSONStringDecoder.decoded($0, 0..<text.count) }
        #expect(decoded == Array("aé😀\n/?z".utf8))
    }
}
