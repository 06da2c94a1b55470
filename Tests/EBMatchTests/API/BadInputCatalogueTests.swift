import Foundation
import Testing

@testable import EBMatch

/// The bad-input catalogue (issue 7), library side: every entry gets its defined answer (a match
/// verdict, or an `EBMatchError` with its code, text and place), never a crash. The same entries go
/// through the command in `EBMatchCLITests/BadInputCatalogueTests.swift`; docs/limits.md lists them
/// with the time and memory the release binary takes.
@Suite("Bad-input catalogue (library)")
struct BadInputCatalogueTests {
    /// A pattern on the sample's queue, and the sample it matches.
    static let pattern = #"{"detail": {"eventBody": {"queueId": ["ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54"]}}}"#

    /// The outcome of matching `event` against `pattern`: the verdict, or the error.
    static func outcome(_ event: [UInt8], pattern: String = #"{"a": [{"exists": true}]}"#) -> Result<Bool, EBMatchError> {
        do throws(EBMatchError) {
            var matcher = Matcher()
            return .success(try matcher.matches(EventPattern(pattern), utf8: event))
        } catch {
            return .failure(error)
        }
    }

    /// The error `event` is rejected with, if it is.
    static func rejection(_ event: [UInt8], pattern: String = #"{"a": [{"exists": true}]}"#) -> EBMatchError? {
        if case .failure(let error) = outcome(event, pattern: pattern) { return error }
        return nil
    }

    /// The error `pattern` is rejected with, if it is.
    static func patternRejection(_ pattern: [UInt8], limits: PatternLimits = .aws) -> EBMatchError? {
        do {
            _ = try EventPattern(utf8: pattern, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test("a Genesys sample cut at every byte: an end-of-input error at the cut, or the verdict when whole")
    func truncatedAtEveryPosition() throws {
        let sample = try GenesysPackTests.bytes("events/e02-acd-end-voice-queue-a.json")
        // The document ends at its last `}`; only the final line break follows.
        let end = try #require(sample.lastIndex(of: UInt8(ascii: "}"))) + 1
        var messages: Set<String> = []
        for cut in 0..<end {
            let prefix = Array(sample[..<cut])
            let error = try #require(Self.rejection(prefix, pattern: Self.pattern), "cut at \(cut)")
            if cut == 0 {
                // Nothing at all is not an object.
                #expect(error.code == .eventNotObject && error.firstLine == "Event must be a JSON object")
                continue
            }
            #expect(error.code == .jsonSyntax, "cut at \(cut)")
            #expect(error.firstLine.hasPrefix("Unexpected end-of-input"), "cut at \(cut): \(error.firstLine)")
            #expect(error.offset == cut, "cut at \(cut)")
            messages.insert(String(error.firstLine.prefix { $0 != "(" }))
        }
        // The cuts land in strings, between members and inside arrays and objects.
        #expect(messages.count >= 4, "\(messages)")
        #expect(try Self.outcome(Array(sample[..<end]), pattern: Self.pattern).get())
        // As a pattern, every cut is an error too.
        let patternText = Array(Self.pattern.utf8)
        for cut in 0..<patternText.count {
            let error = Self.patternRejection(Array(patternText[..<cut]))
            #expect(error?.origin == .pattern && error?.code == .jsonSyntax || cut == 0, "pattern cut at \(cut)")
        }
        #expect(Self.patternRejection([])?.firstLine == "Filter is not an object")
    }

    @Test("invalid UTF-8: the offending byte is named, in values and in member names")
    func invalidUTF8() {
        let cases: [([UInt8], String, Int)] = [
            ([0xFF], "Invalid UTF-8 start byte 0xff", 7),
            ([0x80], "Invalid UTF-8 start byte 0x80", 7),  // a lone continuation byte
            ([0xC0, 0x80], "Invalid UTF-8 start byte 0xc0", 7),  // an overlong NUL
            ([0xF8, 0x88, 0x80, 0x80, 0x80], "Invalid UTF-8 start byte 0xf8", 7),  // a five-byte form
            ([0xC3], "Invalid UTF-8 middle byte 0x22", 8),  // cut short by the closing quote
            ([0xE2, 0x82], "Invalid UTF-8 middle byte 0x22", 8),
        ]
        for (bytes, message, column) in cases {
            let error = Self.rejection(Array(#"{"a":""#.utf8) + bytes + Array(#""}"#.utf8))
            #expect(error?.firstLine == message, "\(bytes)")
            #expect(error?.column == column, "\(bytes)")
            #expect(error?.path == "$.a")
            // The same bytes in a pattern.
            let inPattern = Self.patternRejection(Array(#"{"a":[""#.utf8) + bytes + Array(#""]}"#.utf8))
            #expect(inPattern?.firstLine == message, "pattern \(bytes)")
        }
        let name = Self.rejection(Array(#"{"a"#.utf8) + [0xFF] + Array(#"":1}"#.utf8))
        #expect(name?.firstLine == "Invalid UTF-8 start byte 0xff")
        #expect(name?.column == 4)
    }

    @Test("lone surrogate escapes are accepted and read as `?`, as Java's UTF-8 encoder writes them")
    func loneSurrogates() throws {
        for escape in [#"\ud800"#, #"\udc00"#] {
            #expect(try Self.outcome(Array(#"{"a": "\#(escape)"}"#.utf8), pattern: #"{"a": ["?"]}"#).get())
            #expect(try Self.outcome(Array(#"{"a": "?"}"#.utf8), pattern: #"{"a": ["\#(escape)"]}"#).get())
        }
        // A high half followed by something other than a low half: `?` then the character.
        #expect(try Self.outcome(Array(#"{"a": "\ud800\u0041"}"#.utf8), pattern: #"{"a": ["?A"]}"#).get())
        // A proper pair is one character, not two `?`.
        #expect(try !Self.outcome(Array(#"{"a": "\ud83d\ude00"}"#.utf8), pattern: #"{"a": ["??"]}"#).get())
        #expect(try Self.outcome(Array(#"{"a": "\ud83d\ude00"}"#.utf8), pattern: #"{"a": ["😀"]}"#).get())
    }

    @Test("NUL: raw inside a string or between tokens is an error, escaped it is a character, after the event it is ignored")
    func nulBytes() throws {
        let inString = Self.rejection(Array(#"{"a": "x"#.utf8) + [0] + Array(#""}"#.utf8))
        #expect(inString?.firstLine
            == "Illegal unquoted character ((CTRL-CHAR, code 0)): has to be escaped using backslash to be included in string value")
        #expect(inString?.column == 9)
        let between = Self.rejection(Array(#"{"a""#.utf8) + [0] + Array(#":1}"#.utf8))
        #expect(between?.firstLine
            == #"Illegal character ((CTRL-CHAR, code 0)): only regular white space (\r, \n, \t) is allowed between tokens"#)
        #expect(between?.column == 5)
        #expect(try Self.outcome(Array(#"{"a": "x\u0000y"}"#.utf8), pattern: #"{"a": ["x\u0000y"]}"#).get())
        #expect(try Self.outcome(Array(#"{"a": "x"}"#.utf8) + [0, 0]).get())
    }

    @Test("a byte-order mark is not accepted, before an event or a pattern")
    func byteOrderMark() {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let message =
            "Unexpected character ('\u{FEFF}' (code 65279 / 0xfeff)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
        let event = Self.rejection(bom + Array(#"{"a": 1}"#.utf8))
        #expect(event?.firstLine == message)
        #expect((event?.line, event?.column) == (1, 1))
        #expect(Self.patternRejection(bom + Array(#"{"a": [1]}"#.utf8))?.firstLine == message)
    }

    @Test("NaN, Infinity, a plus sign and leading zeros are JSON errors, in Jackson's words")
    func nonStandardNumbers() {
        let nonNumeric = "': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"
        let cases: [(String, String, Int)] = [
            ("NaN", "Non-standard token 'NaN" + nonNumeric, 9),
            ("Infinity", "Non-standard token 'Infinity" + nonNumeric, 14),
            ("-Infinity", "Non-standard token '-Infinity" + nonNumeric, 15),
            ("+1", "Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have "
                + "plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow", 6),
            ("01", "Invalid numeric value: Leading zeroes not allowed", 7),
            ("-01", "Invalid numeric value: Leading zeroes not allowed", 8),
            ("00", "Invalid numeric value: Leading zeroes not allowed", 7),
        ]
        for (literal, message, column) in cases {
            let error = Self.rejection(Array(#"{"a":\#(literal)}"#.utf8))
            #expect(error?.firstLine == message, "\(literal)")
            #expect(error?.column == column, "\(literal)")
            #expect(error?.path == "$.a")
            #expect(Self.patternRejection(Array(#"{"a":[\#(literal)]}"#.utf8))?.firstLine == message, "pattern \(literal)")
        }
        // Zero itself, and zero before a fraction or an exponent, are fine.
        for literal in ["0", "-0", "0.5", "0e3"] {
            #expect(Self.rejection(Array(#"{"a":\#(literal)}"#.utf8)) == nil, "\(literal)")
        }
    }

    @Test("duplicate keys: every value is kept in an event, the last list wins in a pattern")
    func duplicateKeys() throws {
        let event = Array(#"{"a": "x", "a": "y"}"#.utf8)
        #expect(try Self.outcome(event, pattern: #"{"a": ["x"]}"#).get())
        #expect(try Self.outcome(event, pattern: #"{"a": ["y"]}"#).get())
        let pattern = #"{"a": ["x"], "a": ["y"]}"#
        #expect(try !Self.outcome(Array(#"{"a": "x"}"#.utf8), pattern: pattern).get())
        #expect(try Self.outcome(Array(#"{"a": "y"}"#.utf8), pattern: pattern).get())
    }

    @Test("content after the document is ignored in events and patterns, as EventBridge ignores it")
    func trailingContent() throws {
        for trailer in [" trailing garbage", "]]", "}", #"{"a": "y"}"#, "\n\u{0}", " {"] {
            #expect(try Self.outcome(Array(#"{"a": "x"}\#(trailer)"#.utf8), pattern: #"{"a": ["x"]}"#).get(), "\(trailer)")
            let pattern = try EventPattern(#"{"a": ["x"]}\#(trailer)"#)
            #expect(try pattern.matches(#"{"a": "x"}"#), "pattern + \(trailer)")
        }
        // A rule set reads events the same way, whatever the scan.
        let set = RuleSet([("r", try EventPattern(#"{"a": ["x"]}"#))])
        var matcher = Matcher()
        var found: [Int] = []
        for scan in [EventScan.whole, .skipping] {
            try matcher.matches(set, utf8: Array(#"{"a": "x"} ]] oops"#.utf8), scan: scan, into: &found)
            #expect(found == [0])
        }
    }

    @Test("empty and blank input: an event must be an object, a pattern too")
    func emptyInput() {
        for text in ["", "   ", "\n"] {
            let event = Self.rejection(Array(text.utf8))
            #expect(event?.code == .eventNotObject && event?.firstLine == "Event must be a JSON object", "\(text)")
            #expect(Self.patternRejection(Array(text.utf8))?.firstLine == "Filter is not an object")
        }
    }

    @Test("100,000-deep nesting stops at depth 1,001 without recursion, in events and patterns")
    func deepNesting() {
        let depthMessage =
            "Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)"
        let arrays = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let inArrays = Self.rejection(Array(arrays.utf8))
        #expect(inArrays?.code == .limitExceeded)
        #expect(inArrays?.firstLine == depthMessage)
        // The 1,001st bracket: 5 bytes of `{"a":`, 999 more brackets before it.
        #expect(inArrays?.column == 6 + 999)
        let objects = String(repeating: "{\"b\":", count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        #expect(Self.rejection(Array(objects.utf8))?.firstLine == depthMessage)
        let pattern = String(repeating: "{\"b\":", count: 100_000) + "[1]" + String(repeating: "}", count: 100_000)
        let inPattern = Self.patternRejection(Array(pattern.utf8))
        #expect(inPattern?.code == .limitExceeded)
        #expect(inPattern?.firstLine == depthMessage)
    }

    @Test("a 100 MB string is over the 20,000,000-character limit: a limit error naming its length")
    func hundredMegabyteString() {
        // Built by `String(repeating:)` and one copy of its UTF-8: appending element by element costs far
        // more than the scan in a debug build.
        let event = Array((#"{"a": ""# + String(repeating: "x", count: 100_000_000) + #""}"#).utf8)
        let error = Self.rejection(event)
        #expect(error?.code == .limitExceeded)
        #expect(error?.firstLine
            == "String value length (100000000) exceeds the maximum allowed (20000000, from `StreamReadConstraints.getMaxStringLength()`)")
        #expect(error?.path == "$.a")
        #expect(error?.offset == event.count - 2)
    }

    @Test("a 10,000-digit number is over the 1,000-character limit, in events and patterns")
    func tenThousandDigits() {
        let digits = "1" + String(repeating: "0", count: 9_999)
        let message =
            "Number value length (10000) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)"
        let event = Self.rejection(Array(#"{"a": \#(digits)}"#.utf8))
        #expect(event?.code == .limitExceeded)
        #expect(event?.firstLine == message)
        #expect(event?.column == 7 + 10_000)
        #expect(Self.patternRejection(Array(#"{"a": [\#(digits)]}"#.utf8))?.firstLine == message)
        // 1,000 digits are within the limit.
        let thousand = "1" + String(repeating: "0", count: 999)
        #expect(Self.rejection(Array(#"{"a": \#(thousand)}"#.utf8)) == nil)
    }

    @Test("$or: ten nested levels of ten branches compile; ten multiplied levels are refused with a place")
    func manyOrs() throws {
        // Nested: each level's first branch holds the next level, so the branches add up (91 sub-rules).
        var nested = #"{"x": ["1"]}"#
        for level in 1...10 {
            let others = (1..<10).map { #"{"f\#(level)_\#($0)": ["v"]}"# }
            nested = #"{"$or": [\#(([nested] + others).joined(separator: ", "))]}"#
        }
        let pattern = try EventPattern(nested)
        #expect(pattern.subRuleCount == 91)
        #expect(try pattern.matches(#"{"x": "1"}"#))
        #expect(try pattern.matches(#"{"f10_9": "v"}"#))
        #expect(try !pattern.matches(#"{"f10_9": "w"}"#))
        // Side by side, the branches multiply: 10^10 combinations, refused at the fifth level (10^5 > 65,536).
        let levels = (0..<10).map { level in
            #""l\#(level)": {"$or": [\#((0..<10).map { #"{"k": ["\#($0)"]}"# }.joined(separator: ", "))]}"#
        }
        let crossed = "{" + levels.joined(separator: ",\n") + "}"
        let error = try #require(Self.patternRejection(Array(crossed.utf8)))
        #expect(error.code == .implementationLimit)
        #expect(error.firstLine == "$or multiplies out to more than 65536 combinations or 1048576 fields")
        #expect(error.path == "$.l4.$or[6]")
        #expect(error.line == 5)
    }

    @Test("pathological wildcards: refused by complexity, and bounded in time when the limit is lifted")
    func pathologicalWildcards() throws {
        let stars = String(repeating: "*a", count: 30)
        let error = try #require(Self.patternRejection(Array(#"{"a": [{"wildcard": "\#(stars)"}]}"#.utf8)))
        #expect(error.firstLine == WildcardComplexity.message)
        #expect(error.path == "$.a")
        // With no limit, `*a*a…*a` against `aaa…ab` and `aaa…a` still answers (one pass per literal).
        let unlimited = PatternLimits(maxWildcardComplexity: .max)
        let pattern = try EventPattern(#"{"a": [{"wildcard": "\#(String(repeating: "*a", count: 1_000))"}]}"#, limits: unlimited)
        let value = String(repeating: "a", count: 100_000)
        #expect(try !pattern.matches(#"{"a": "\#(value)b"}"#))
        #expect(try pattern.matches(#"{"a": "\#(value)"}"#))
        #expect(try !pattern.matches(#"{"a": "\#(String(repeating: "a", count: 999))"}"#))
        let middle = try EventPattern(#"{"a": [{"wildcard": "*\#(String(repeating: "a*", count: 1_000))b"}]}"#, limits: unlimited)
        #expect(try middle.matches(#"{"a": "\#(value)b"}"#))
        #expect(try !middle.matches(#"{"a": "\#(value)c"}"#))
    }

    @Test("JSON Lines with one bad line in the middle: the others are still events")
    func badLineInTheMiddle() throws {
        let lines = (0..<5).map { $0 == 2 ? #"{"a": bad}"# : #"{"a": "x\#($0)"}"# }.joined(separator: "\n") + "\n"
        let items = EventDocuments.split(Array(lines.utf8))
        #expect(items.count == 5)
        for (index, item) in items.enumerated() {
            switch item {
            case .event(_, let ordinal, let line):
                #expect(index != 2 && ordinal == index && line == index + 1)
            case .failure(let error, let ordinal):
                #expect(index == 2 && ordinal == 2)
                #expect(error.firstLine.hasPrefix("Unrecognized token 'bad'"))
                #expect((error.line, error.column) == (3, 10))
            }
        }
    }
}
