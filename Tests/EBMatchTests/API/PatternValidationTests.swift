import Testing

@testable import EBMatch

/// `EventPattern.validate`: every fault of a pattern, the first one always AWS's, and the warnings.
@Suite("Pattern validation")
struct PatternValidationTests {
    /// Validation must agree with compiling on every row: valid where it compiles, and otherwise with the
    /// same first error (AWS's), byte for byte.
    @Test("first error is the compiler's, on every corpus row", arguments: ConformanceCase.all)
    func agreesWithCompiler(_ row: ConformanceCase) {
        let validation = EventPattern.validate(utf8: Array(row.pattern.utf8), name: "r")
        do {
            _ = try EventPattern(row.pattern, name: "r")
            #expect(validation.errors.isEmpty, "\(validation.errors.first?.awsMessage ?? "")")
        } catch {
            #expect(validation.errors.first == error)
            #expect(validation.errors.first?.awsMessage == error.awsMessage)
        }
    }

    @Test("independent faults are all reported, in order, with their paths")
    func severalFaults() {
        let text = """
            {
              "source": [],
              "detail": {
                "state": [{"anything-but": {"prefix": 5}}],
                "size": [{"numeric": [">", "x"]}],
                "ok": ["fine"],
                "kind": "single"
              }
            }
            """
        let validation = EventPattern.validate(utf8: Array(text.utf8))
        #expect(validation.errors.map(\.path) == [
            "$.source", "$.detail.state[0].anything-but.prefix", "$.detail.size[0].numeric", "$.detail.kind",
        ])
        #expect(validation.errors.map(\.firstLine) == [
            "Empty arrays are not allowed",
            "prefix/suffix match pattern must be a string",
            "Value of > must be numeric",
            "\"kind\" must be an object or an array",
        ])
        #expect(validation.errors.map(\.line) == [2, 4, 5, 7])
        #expect(!validation.isValid)
    }

    @Test("a fault before a member's value is fetched skips that value whole")
    func faultBeforeValue() {
        // Inside $or a reserved name faults before its value is read; the next branch is still checked.
        let text = #"{"$or": [{"prefix": {"x": [1]}}, {"b": []}]}"#
        let validation = EventPattern.validate(utf8: Array(text.utf8))
        #expect(validation.errors.map(\.firstLine) == [
            "prefix is Ruler reserved fieldName which cannot be used inside $or.", "Empty arrays are not allowed",
        ])
    }

    @Test("a JSON syntax error ends the search")
    func syntaxEnds() {
        let text = #"{"a": [], "b": [1,,2], "c": []}"#
        let validation = EventPattern.validate(utf8: Array(text.utf8))
        #expect(validation.errors.map(\.code) == [.invalidPattern, .jsonSyntax])
    }

    @Test("an empty nested object is reported and reading goes on")
    func emptyObject() {
        let text = #"{"a": {}, "b": {"c": {}}, "d": ["x"]}"#
        let validation = EventPattern.validate(utf8: Array(text.utf8))
        #expect(validation.errors.map(\.path) == ["$.a", "$.b.c"])
    }

    @Test("checks that need the whole pattern run when reading found nothing")
    func wholePatternChecks() {
        let complex = #"{"a": [{"wildcard": "*a*a*a*a*a*a*a*a*a*a*a*"}]}"#
        let validation = EventPattern.validate(utf8: Array(complex.utf8))
        #expect(validation.errors.map(\.firstLine) == [WildcardComplexity.message])
        let relaxed = EventPattern.validate(
            utf8: Array(complex.utf8), limits: PatternLimits(maxWildcardComplexity: 100))
        #expect(relaxed.isValid)
    }

    @Test("a path given twice is a warning at its second name")
    func duplicatePath() {
        let text = "{\n  \"state\": [\"a\"],\n  \"state\": [\"b\"]\n}"
        let validation = EventPattern.validate(utf8: Array(text.utf8))
        #expect(validation.isValid)
        #expect(validation.warnings.map(\.code) == [.duplicatePath])
        #expect(validation.warnings.first.map { [$0.line, $0.column] } == [3, 3])
        #expect(validation.warnings.first?.path == "$.state")
    }

    @Test("dotted and nested spellings of one path, and $or overriding a path, are duplicates")
    func duplicateSpellings() {
        let dotted = #"{"a.b": ["x"], "a": {"b": ["y"]}}"#
        #expect(EventPattern.validate(utf8: Array(dotted.utf8)).warnings.map(\.path) == ["$.a.b"])
        let overridden = #"{"a": ["1"], "$or": [{"a": ["2"]}, {"b": ["3"]}]}"#
        #expect(EventPattern.validate(utf8: Array(overridden.utf8)).warnings.map(\.path) == ["$.$or[0].a"])
        let merged = #"{"d": {"a": ["x"]}, "d": {"b": ["y"]}}"#
        #expect(EventPattern.validate(utf8: Array(merged.utf8)).warnings.isEmpty)
    }

    @Test("Pipes warnings only for target pipes, one per unsupported matcher")
    func pipes() {
        let text = """
            {"a": [{"wildcard": "x*"}, {"anything-but": {"prefix": "p"}}, {"anything-but": {"suffix": "s"}},
                   {"anything-but": {"equals-ignore-case": "e"}}, {"anything-but": {"wildcard": "w*"}},
                   {"anything-but": ["ok"]}, {"prefix": "ok"}, {"suffix": {"equals-ignore-case": "ok"}}]}
            """
        #expect(EventPattern.validate(utf8: Array(text.utf8)).warnings.isEmpty)
        let warnings = EventPattern.validate(utf8: Array(text.utf8), target: .pipes).warnings
        #expect(warnings.map(\.message) == [
            "wildcard is not supported in EventBridge Pipes filters; use operators Pipes supports, or filter in the pipe's target",
            "anything-but with prefix is not supported in EventBridge Pipes filters; use operators Pipes supports, or filter in the pipe's target",
            "anything-but with suffix is not supported in EventBridge Pipes filters; use operators Pipes supports, or filter in the pipe's target",
            "anything-but with equals-ignore-case is not supported in EventBridge Pipes filters; use operators Pipes supports, or filter in the pipe's target",
            "anything-but with wildcard is not supported in EventBridge Pipes filters; use operators Pipes supports, or filter in the pipe's target",
        ])
        #expect(warnings.map(\.path) == ["$.a[0]", "$.a[1]", "$.a[2]", "$.a[3]", "$.a[4]"])
        #expect(warnings.first?.column == 8)
    }

    @Test("text positions count lines at LF, CR and CRLF, and columns in UTF-16 units")
    func textPositions() {
        let source = Array("a\r\nb\rc\n\u{1F600}x".utf8)
        func at(_ offset: Int) -> [Int] {
            let position = TextPosition(offset: offset, in: source)
            return [position.line, position.column]
        }
        #expect(at(3) == [2, 1])
        #expect(at(5) == [3, 1])
        #expect(at(11) == [4, 3])
        #expect(at(20) == [4, 12])
    }
}
