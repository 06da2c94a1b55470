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
        (#"{"a": [{"Ref": "X"}]}"#, "a placeholder string"),
        (#"{"a": [{"prefix": {"Fn::Sub": "${X}-"}}]}"#, "a placeholder string"),
        (#"{"a": [{"prefix": {"equals-ignore-case": {"Ref": "X"}}}]}"#, "a placeholder string"),
        (#"{"a": [{"anything-but": [{"Ref": "X"}, "b"]}]}"#, "a placeholder string"),
        (#"{"a": [{"anything-but": {"suffix": {"Ref": "X"}}}]}"#, "a placeholder string"),
        (#"{"a": {"b": [{"Fn::GetAtt": ["Bucket", "Name"]}]}}"#, "a placeholder string"),
        (#"{"a": [{"numeric": [">", {"Ref": "Threshold"}]}]}"#, "a placeholder number"),
        (#"{"a": [{"exists": {"Ref": "Flag"}}]}"#, "the value true"),
        (#"{"a": [{"cidr": {"Ref": "Network"}}]}"#, "the CIDR block 0.0.0.0/0"),
        (#"{"a": {"Fn::Split": [",", {"Ref": "Names"}]}}"#, "a list of one placeholder string"),
        (#"{"$or": [{"Ref": "Branch"}, {"b": ["y"]}]}"#, "a placeholder branch"),
        // Nothing fits: the whole pattern, a whole `$or`, a `numeric` operator name.
        (#"{"Fn::If": ["C", {"a": ["x"]}, {"a": ["y"]}]}"#, nil),
        (#"{"$or": {"Ref": "Branches"}}"#, nil),
        (#"{"a": [{"numeric": [{"Ref": "Op"}, 5]}]}"#, nil),
    ] as [(String, String?)])
    func standInByPlace(pattern: String, standIn: String?) throws {
        let (found, source) = try Self.found(pattern)
        #expect(found.unknowns.count == 1)
        if let standIn {
            #expect(found.unknowns.first?.message.contains("; \(standIn) stands in for it") == true)
            // The stand-in makes a valid pattern: no finding but the warning.
            let checked = PatternChecker(target: .eventBus, limits: .aws).check(found, in: source, index: TextIndex(source))
            #expect(checked.findings.map(\.code) == ["notStatic"], "\(checked.findings.map(\.message))")
        } else {
            #expect(found.text == nil)
        }
    }

    @Test func placeholderKeepsLengthAndPositions() throws {
        let (found, source) = try Self.found("{\"acct\": [{\"Ref\": \"AWS::AccountId\"}],\n \"x\": []}")
        let text = try #require(found.text)
        #expect(String(decoding: text, as: UTF8.self) == "{\"acct\": [\"{Ref: AWS::AccountId}  \"],\n \"x\": []}")
        #expect(found.hasPlaceholders)
        let checked = PatternChecker(target: .eventBus, limits: .aws).check(found, in: source, index: TextIndex(source))
        let error = try #require(checked.findings.first { $0.severity == .error })
        #expect(error.message == "Empty arrays are not allowed")
        // The empty list itself, on the template's second line; AWS's position is just past its `]`.
        #expect([error.line, error.column] == [2, 7])
        #expect(Array(source[error.fileOffset..<error.fileOffset + 2]) == Array("[]".utf8))
        #expect(error.awsPosition.map { [$0.line, $0.column] } == [2, 9])
    }

    @Test func placeholderOfMultiLineAndNonASCIIIntrinsics() {
        let original = Array("{\"Fn::Sub\":\n \"é${X}\"}".utf8)
        let placeholder = IntrinsicFunctions.placeholderString(for: original[...])
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
