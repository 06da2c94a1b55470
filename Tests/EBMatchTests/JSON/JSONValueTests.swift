import Testing

@testable import EBMatch

/// `JSONValue`: the tree with positions that tools use to find patterns inside templates.
@Suite("JSON value tree")
struct JSONValueTests {
    @Test("values remember their byte ranges; duplicate names are kept and the last one wins")
    func ranges() throws {
        let text = #"{"a": [1, "x\"y", true, null], "b": {"c": -2.5e3}, "a": false}"#
        let source = Array(text.utf8)
        let root = try JSONValue.parse(utf8: source)
        #expect(root.range == 0..<source.count)
        let members = try #require(root.members)
        #expect(members.map(\.name) == ["a", "b", "a"])
        #expect(members.map(\.nameOffset) == [1, 31, 51])
        let list = try #require(members[0].value.elements)
        #expect(list.map { String(decoding: source[$0.range], as: UTF8.self) } == ["1", #""x\"y""#, "true", "null"])
        #expect(list[1].string == #"x"y"#)
        if case .number(let literal) = root["b"]?["c"]?.kind { #expect(literal == "-2.5e3") } else { Issue.record() }
        if case .bool(false) = root["a"]?.kind {} else { Issue.record("the last `a` should win") }
    }

    @Test("decoded strings map each byte back to its escape in the document")
    func decodedOffsets() throws {
        let text = #"["a\"\u00e9\ud83d\ude00b"]"#
        let source = Array(text.utf8)
        let value = try #require(try JSONValue.parse(utf8: source).elements?.first)
        let (bytes, offsets) = try #require(value.decodedString(in: source))
        #expect(String(decoding: bytes, as: UTF8.self) == "a\"é😀b")
        // a at 2, \" at 3, \u00e9 (2 bytes) at 5, the surrogate pair (4 bytes) at 11, b at 23, end at 24.
        #expect(offsets == [2, 3, 5, 5, 11, 11, 11, 11, 23, 24])
    }

    @Test("faults carry Jackson's message, position and JSON path")
    func faults() {
        #expect(throws: EBMatchError.self) { try JSONValue.parse(utf8: Array("".utf8)) }
        do {
            _ = try JSONValue.parse(utf8: Array(#"{"a": {"b": [1,]}}"#.utf8))
            Issue.record("should fail")
        } catch {
            #expect(error.origin == .document)
            #expect(error.code == .jsonSyntax)
            #expect(error.firstLine == "Unexpected character (']' (code 93)): expected a value")
            #expect(error.path == "$.a.b[1]")
            #expect(error.column == 16)
        }
    }

    @Test("content after the root value is refused")
    func trailingContent() {
        #expect(throws: EBMatchError.self) { try JSONValue.parse(utf8: Array(#"{"a": 1} x"#.utf8)) }
        #expect((try? JSONValue.parse(utf8: Array("{\"a\": 1} \n\t".utf8))) != nil)
    }

    @Test("deep nesting is read without recursion, up to Jackson's depth limit")
    func depth() throws {
        let allowed = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        #expect((try? JSONValue.parse(utf8: Array(allowed.utf8))) != nil)
        let deep = String(repeating: "[", count: 100_000)
        do {
            _ = try JSONValue.parse(utf8: Array(deep.utf8))
            Issue.record("should fail")
        } catch {
            #expect(error.code == .limitExceeded)
        }
    }
}

/// `JSONPath`: writing and reading back the paths ebmatch prints.
@Suite("JSON paths")
struct JSONPathTests {
    @Test("names that need quoting are bracketed, and paths read back into their steps")
    func roundTrip() throws {
        var path = JSONPath.appending("detail", to: "$")
        path = JSONPath.appending("a.b", to: path)
        path = JSONPath.appending(#"say "hi"\"#, to: path)
        path += "[3]"
        path = JSONPath.appending("", to: path)
        #expect(path == #"$.detail["a.b"]["say \"hi\"\\"][3][""]"#)
        #expect(JSONPath.steps(of: path) == [.member("detail"), .member("a.b"), .member(#"say "hi"\"#), .element(3), .member("")])
        #expect(JSONPath.steps(of: "$") == [])
        #expect(JSONPath.steps(of: "detail") == nil)
        #expect(JSONPath.steps(of: "$[x]") == nil)
    }
}
