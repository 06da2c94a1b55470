import EBMatch
import Testing

@testable import EBMatchCLI

/// Finding patterns in templates: which intrinsic functions a placeholder can stand in for, and that
/// positions survive the substitution.
@Suite struct TemplatePatternsTests {
    /// The pattern found in a one-rule template whose `EventPattern` is `pattern`.
    static func found(_ pattern: String) throws -> (FoundPattern, [UInt8]) {
        let text = #"{"Resources": {"R": {"Type": "AWS::Events::Rule", "Properties": {"EventPattern": "# + pattern + "}}}}"
        let source = Array(text.utf8)
        let root = try JSONValue.parse(utf8: source)
        let patterns = CloudFormationPatterns.patterns(in: root, source: source, file: "t.json")
        return (try #require(patterns.first), source)
    }

    @Test(arguments: [
        // Where a string may stand: a value list element, a string operator's operand, anything-but values.
        (#"{"a": [{"Ref": "X"}]}"#, true),
        (#"{"a": [{"prefix": {"Fn::Sub": "${X}-"}}]}"#, true),
        (#"{"a": [{"anything-but": [{"Ref": "X"}, "b"]}]}"#, true),
        (#"{"a": {"b": [{"Fn::GetAtt": ["Bucket", "Name"]}]}}"#, true),
        // Where it may not: a number operand, a whole list, a whole pattern or member object.
        (#"{"a": [{"numeric": [">", {"Ref": "Threshold"}]}]}"#, false),
        (#"{"a": {"Ref": "List"}}"#, false),
        (#"{"Fn::If": ["C", {"a": ["x"]}, {"a": ["y"]}]}"#, false),
        (#"{"$or": [{"Ref": "A"}, {"b": ["y"]}]}"#, false),
    ])
    func placeholderWhereAStringMayStand(pattern: String, checked: Bool) throws {
        let (found, _) = try Self.found(pattern)
        #expect(found.unknowns.count == 1)
        #expect((found.text != nil) == checked)
    }

    @Test func placeholderKeepsLengthAndPositions() throws {
        let (found, source) = try Self.found("{\"acct\": [{\"Ref\": \"AWS::AccountId\"}],\n \"x\": []}")
        let text = try #require(found.text)
        #expect(String(decoding: text, as: UTF8.self) == "{\"acct\": [\"{Ref: AWS::AccountId}  \"],\n \"x\": []}")
        let checked = PatternChecker(target: .eventBus, limits: .aws).check(found, in: source)
        let error = try #require(checked.findings.first { $0.severity == .error })
        #expect(error.message == "Empty arrays are not allowed")
        // AWS points just past the empty list's `]`; in the file that is on the template's second line.
        #expect([error.line, error.column] == [2, 9])
        #expect(Array(source[error.fileOffset - 2..<error.fileOffset]) == Array("[]".utf8))
    }

    @Test func placeholderOfMultiLineAndNonASCIIIntrinsics() {
        let original = Array("{\"Fn::Sub\":\n \"é${X}\"}".utf8)
        let placeholder = CloudFormationPatterns.placeholder(for: original[...])
        #expect(placeholder.count == original.count)
        #expect(placeholder.allSatisfy { $0 >= 0x20 && $0 < 0x80 })
        #expect(placeholder.first == UInt8(ascii: "\"") && placeholder.last == UInt8(ascii: "\""))
    }

    @Test func stringPatternMapsThroughItsEscapes() throws {
        let (found, source) = try Self.found(#""{\"a\": \"x\"}""#)
        #expect(String(decoding: try #require(found.text), as: UTF8.self) == #"{"a": "x"}"#)
        let offset = found.offsets.fileOffset(6)  // the `"` before x in the decoded text
        #expect(Array(source[offset..<offset + 3]) == Array(#"\"x"#.utf8))
        // The end of the text maps to the closing quote of the string (1 + 14 bytes in).
        #expect(found.offsets.fileOffset(10) == found.anchor + 1 + 14)
        #expect(found.offsets.fileOffset(11) == found.anchor + 1 + 15)
    }
}
