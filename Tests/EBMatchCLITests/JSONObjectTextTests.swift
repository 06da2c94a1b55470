import EBMatchCLI
import Testing

/// The hand-written JSON used by `--format json`.
@Suite struct JSONObjectTextTests {
    @Test func membersInOrder() {
        var object = JSONObjectText()
        object.add("event", "e.json")
        object.add("index", 3)
        object.add("line", nil as Int?)
        var inner = JSONObjectText()
        inner.add("k", -1)
        object.add("inner", inner)
        #expect(object.text == #"{"event":"e.json","index":3,"line":null,"inner":{"k":-1}}"#)
        #expect(JSONObjectText().text == "{}")
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        #expect(JSONObjectText.quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(JSONObjectText.quoted("\n\r\t\u{08}\u{0C}") == #""\n\r\t\b\f""#)
        #expect(JSONObjectText.quoted("\u{00}\u{01}\u{1F}\u{7F}") == #""\u0000\u0001\u001f\u007f""#)
    }

    @Test func keepsNonASCIIAsUTF8() {
        #expect(JSONObjectText.quoted("café ✓ 😀 /") == "\"café ✓ 😀 /\"")
        #expect(Array(JSONObjectText.quoted("é").utf8) == [0x22, 0xC3, 0xA9, 0x22])
    }
}
