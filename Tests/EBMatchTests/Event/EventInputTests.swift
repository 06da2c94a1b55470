import Testing

@testable import EBMatch

/// The fault an event is rejected with, for a pattern that reads `a`.
func eventError(_ event: [UInt8]) -> EBMatchError? {
    do {
        _ = try EventPattern(#"{"a":[{"exists":true}]}"#).matches(utf8: event)
        return nil
    } catch {
        return error
    }
}

/// Malformed and hostile events: a located error, never a crash.
@Suite("Event input")
struct EventInputTests {
    @Test("not an object, malformed JSON, with line, column and JSON path")
    func malformed() throws {
        #expect(eventError(Array(#"[{"a":1}]"#.utf8))?.firstLine == "Event must be a JSON object")
        #expect(eventError(Array(#""x""#.utf8))?.code == .eventNotObject)
        let bad = try #require(eventError(Array("{\"a\": {\n  \"b\": [1, 2,]\n}}".utf8)))
        #expect(bad.firstLine == "Unexpected character (']' (code 93)): expected a value")
        #expect((bad.line, bad.column) == (2, 14))
        #expect(bad.path == "$.a.b[2]")
        #expect(eventError(Array(#"{"a":01}"#.utf8))?.firstLine == "Invalid numeric value: Leading zeroes not allowed")
        #expect(eventError(Array(#"{"a":NaN}"#.utf8))?.firstLine
            == "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow")
        #expect(eventError([])?.code == .eventNotObject)
    }

    @Test("malformed JSON is reported even in members no pattern reads")
    func skippedMembersAreChecked() {
        #expect(eventError(Array(#"{"z": {"y": [1, }, "a": 1}"#.utf8))?.code == .jsonSyntax)
    }

    @Test("depth and number limits")
    func limits() throws {
        let ok = "{\"x\":" + String(repeating: "[", count: 999) + String(repeating: "]", count: 999) + ",\"a\":1}"
        #expect(eventError(Array(ok.utf8)) == nil)
        let deep = "{\"x\":" + String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000) + "}"
        #expect(eventError(Array(deep.utf8))?.code == .limitExceeded)
        let veryDeep = String(repeating: "[", count: 200_000)
        #expect(eventError(Array(veryDeep.utf8))?.code == .limitExceeded)
        let name = "{\"" + String(repeating: "k", count: 50_001) + "\":1}"
        #expect(eventError(Array(name.utf8))?.firstLine
            == "Name length (50001) exceeds the maximum allowed (50000, from `StreamReadConstraints.getMaxNameLength()`)")
        #expect(eventError(Array(("{\"" + String(repeating: "é", count: 50_000) + "\":1}").utf8)) == nil)
        let string = "{\"a\":\"" + String(repeating: "s", count: 20_000_001) + "\"}"
        #expect(eventError(Array(string.utf8))?.code == .limitExceeded)
        let long = "{\"a\":" + String(repeating: "9", count: 1001) + "}"
        #expect(eventError(Array(long.utf8))?.firstLine.hasPrefix("Number value length (1001)") == true)
    }

    @Test("invalid UTF-8 inside a string")
    func invalidUTF8() throws {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        let error = try #require(eventError(bytes))
        #expect(error.firstLine == "Invalid UTF-8 middle byte 0x28")
        #expect(error.column == 8)
        // A surrogate, a code point above U+10FFFF, an overlong form: the offending second byte is named.
        // (A four-byte lead counts as the two UTF-16 units it would have been, hence column 9.)
        for (sequence, named, column) in [
            ([0xED, 0xA0, 0x80], "0xa0", 8), ([0xF4, 0x90, 0x80, 0x80], "0x90", 9), ([0xE0, 0x80, 0xAF], "0x80", 8),
        ] {
            let error = eventError(Array(#"{"a":""#.utf8) + sequence.map(UInt8.init) + Array(#""}"#.utf8))
            #expect(error?.firstLine == "Invalid UTF-8 middle byte \(named)")
            #expect(error?.column == column)
        }
        #expect(eventError(Array(#"{"a":""#.utf8) + [0xFF] + Array(#""}"#.utf8))?.firstLine == "Invalid UTF-8 start byte 0xff")
    }

    @Test("every byte string is answered without a crash")
    func arbitraryBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array(#"{}[]":,.-+0123456789eEtrufalsn\ \#u{0}x"#.utf8) + [0xFF, 0xC3, 0xE2]
        for _ in 0..<3000 {
            let length = Int.random(in: 0..<40, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
            _ = eventError(bytes)
            _ = utf8Error(bytes)
        }
    }
}

/// Splitting event files into events.
@Suite("Event files")
struct EventDocumentsTests {
    private func ranges(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return EventDocuments.split(bytes).map {
            switch $0 {
            case .event(let range, let ordinal, let line): "\(ordinal)@\(line):" + String(decoding: bytes[range], as: UTF8.self)
            case .failure(let error, let ordinal): "\(ordinal)!\(error.line):\(error.column)"
            }
        }
    }

    @Test("one object, an array, JSON Lines, and a bad line in between")
    func split() {
        #expect(ranges(#"  {"a":1}  "#) == [#"0@1:{"a":1}"#])
        #expect(ranges("[{\"a\":1},\n \"x\", {\"b\":[2]}]") == [#"0@1:{"a":1}"#, #"1@2:"x""#, #"2@2:{"b":[2]}"#])
        #expect(ranges("{\"a\":1}\n{\"a\":2}\n") == [#"0@1:{"a":1}"#, #"1@2:{"a":2}"#])
        #expect(ranges("{\"a\":1}\n{\"a\":}\n{\"a\":3}") == [#"0@1:{"a":1}"#, "1!2:6", #"2@3:{"a":3}"#])
        #expect(ranges(" \n ").isEmpty)
        // A record cut short is blamed on its own line, and the next record is still read.
        #expect(ranges("{\"a\":1}\n{\"a\":[1,\n{\"a\":3}\n") == [#"0@1:{"a":1}"#, "1!2:9", #"2@3:{"a":3}"#])
        // A pretty-printed value whose fault is further down is not cut at its first line.
        #expect(ranges("{\n \"a\": 1,\n \"b\": }\n{\"c\":2}") == ["0!3:7", #"1@4:{"c":2}"#])
        #expect(ranges("[{\"a\":1}, oops]") == [#"0@1:{"a":1}"#, "1!1:15"])
    }

    @Test("content after an event on its line is ignored, as EventBridge ignores it")
    func trailingContent() {
        #expect(ranges("{\"a\":1} trailing garbage\n{\"a\":2}]]\n") == [#"0@1:{"a":1}"#, #"1@2:{"a":2}"#])
        // A second value on the same line is content after the first, too.
        #expect(ranges(#"{"a":1}{"a":2} {"a":3}"#) == [#"0@1:{"a":1}"#])
        // A pretty-printed event: what follows its closing brace, on that line only.
        #expect(ranges("{\n \"a\": 1\n} ,\n{\"a\":2}") == ["0@1:{\n \"a\": 1\n}", #"1@4:{"a":2}"#])
    }

    @Test("positions of faults in a file are the same whether known cheaply or counted from the start")
    func relocatedPositions() throws {
        let text = "{\"a\":1}\r\n{\"a\": [1,]}\r\n  {\"a\":\"x\ty\"}\n{\"é\":1, \"a\": tru}\n{\"a\":\"\u{1F600}\", \"b\": 01}"
        let bytes = Array(text.utf8)
        let pattern = try EventPattern(#"{"a":[{"exists":true}]}"#)
        var matcher = Matcher()
        var checked = 0
        for item in EventDocuments.split(bytes) {
            let error: EBMatchError
            switch item {
            case .failure(let failure, _):
                error = failure
            case .event(let range, _, let line):
                let outcome: Result<Bool, EBMatchError> = bytes.withUnsafeBufferPointer { buffer in
                    do throws(EBMatchError) {
                        return .success(try matcher.matches(pattern, event: UnsafeBufferPointer(rebasing: buffer[range])))
                    } catch {
                        return .failure(error)
                    }
                }
                guard case .failure(let failure) = outcome else { continue }
                error = failure.relocated(into: bytes, at: range.lowerBound, line: line)
            }
            let counted = EBMatchError.position(of: try #require(error.offset), in: bytes)
            #expect(error.line == counted.line && error.column == counted.column, "\(error)")
            checked += 1
        }
        #expect(checked == 4)
    }
}
