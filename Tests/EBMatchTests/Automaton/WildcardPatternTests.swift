import Testing

@testable import EBMatch

/// Unit tests for `WildcardPattern` (spec §2.5 `wildcard` row, §4.9, and the wildcard part of §4.10). Row names in
/// comments refer to /work/shared/conformance/*.jsonl; "probe" means event-ruler-probe-cases.jsonl.
@Suite struct WildcardPatternTests {
    /// Parses `operand`, failing the test on a parse error.
    private func pattern(_ operand: String, sourceLocation: SourceLocation = #_sourceLocation) -> WildcardPattern? {
        switch WildcardPattern.parse(Array(operand.utf8)) {
        case .success(let parsed): return parsed
        case .failure(let error):
            Issue.record("unexpected parse error \(error.message)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The parse error message for `operand`, or nil when it parses.
    private func error(_ operand: String) -> String? {
        if case .failure(let error) = WildcardPattern.parse(Array(operand.utf8)) { return error.message }
        return nil
    }

    /// Whether `operand` parses and matches the whole of `value`.
    private func matches(_ operand: String, _ value: String, sourceLocation: SourceLocation = #_sourceLocation)
        -> Bool
    {
        guard let parsed = pattern(operand, sourceLocation: sourceLocation) else { return false }
        return Array(value.utf8).withUnsafeBufferPointer { parsed.matches($0) }
    }

    @Test func consecutiveStarsNameTheFirstStar() {
        // event-ruler testWildcardConsecutiveWildcards invalid #1 (and testCompile invalid #40, #43 with foo**bar).
        #expect(error("abc**def") == "Consecutive wildcard characters at pos 4")
        #expect(error("foo**bar") == "Consecutive wildcard characters at pos 4")
        // probe `wildcard consecutive`.
        #expect(error("a**b") == "Consecutive wildcard characters at pos 2")
        // aws-validated content_wildcard_repeating_star_EXC (AWS prefixes "Event pattern is not valid. Reason: ").
        #expect(
            error("arn:aws:events:us-east-1:**:event-bus/*") == "Consecutive wildcard characters at pos 26")
        #expect(error("**") == "Consecutive wildcard characters at pos 1")
        #expect(error("a***") == "Consecutive wildcard characters at pos 2")
        // Positions count UTF-8 bytes: é is two.
        #expect(error("é**") == "Consecutive wildcard characters at pos 3")
        // An escaped backslash does not protect the star pair after it.
        #expect(error("\\\\**") == "Consecutive wildcard characters at pos 3")
    }

    @Test func invalidEscapesNameTheBackslash() {
        // Spec §2.5: `a\b` gives pos 2. probe `wildcard trailing backslash`: a trailing lone backslash, pos 2.
        #expect(error("a\\b") == "Invalid escape character at pos 2")
        #expect(error("a\\") == "Invalid escape character at pos 2")
        #expect(error("\\") == "Invalid escape character at pos 1")
        #expect(error("\\x*") == "Invalid escape character at pos 1")
        #expect(error("é\\n") == "Invalid escape character at pos 3")
        // A backslash before a quote is invalid too (the reference's operand text is quoted).
        #expect(error("a\\\"") == "Invalid escape character at pos 2")
    }

    @Test func firstFaultWins() {
        #expect(error("a\\b**") == "Invalid escape character at pos 2")
        #expect(error("a**\\b") == "Consecutive wildcard characters at pos 2")
    }

    @Test func escapesThatParse() {
        // Spec §4.9: `*\**` is fine: star, literal star, star.
        let mixed = pattern("*\\**")
        #expect(mixed?.starCount == 2)
        #expect(mixed?.segments == [[], [0x2A], []])
        #expect(matches("*\\**", "*"))
        #expect(matches("*\\**", "x*y"))
        #expect(!matches("*\\**", "xy"))
        #expect(pattern("\\**")?.starCount == 1)
        #expect(matches("\\**", "*abc"))
        #expect(!matches("\\**", "abc"))
        // `a\\*`: literal backslash, then a star.
        #expect(matches("a\\\\*", "a\\bc"))
        #expect(!matches("a\\\\*", "abc"))
        // probes `wildcard escaped star`, `wildcard escaped star no match`.
        #expect(pattern("a\\*b")?.starCount == 0)
        #expect(matches("a\\*b", "a*b"))
        #expect(!matches("a\\*b", "axb"))
    }

    @Test func starCount() {
        // aws-validated content_wildcard_complex_EXC's operand: six unescaped stars.
        #expect(pattern("*:*:*:*:*:event-bus/*")?.starCount == 6)
        #expect(pattern("arn:aws:events:us-east-1:*:event-bus/*")?.starCount == 2)
        #expect(pattern("")?.starCount == 0)
        #expect(pattern("abc")?.segments == [Array("abc".utf8)])
    }

    @Test func noStarIsExactMatch() {
        // probes `wildcard no star`, `wildcard "" vs ""`, `wildcard "" vs "x"`.
        #expect(matches("abc", "abc"))
        #expect(!matches("abc", "abcd"))
        #expect(matches("", ""))
        #expect(!matches("", "x"))
        // aws-validated content_wildcard_empty_NEG.
        #expect(!matches("", "arn:aws:events:us-east-1:123456789012:event-bus/myEventBus"))
    }

    @Test func loneStarMatchesEveryString() {
        // probe `ab wildcard * vs str` (excluded, so "q" matches `*`); spec §4.9: `*` also matches "".
        #expect(matches("*", "q"))
        #expect(matches("*", ""))
    }

    @Test func eventRulerWildcardMatching() {
        // event-ruler testWildcardMatching #1, #2, #9, #10, #11, #14, #24, #23, #29, #30.
        #expect(matches("*bc", "abc"))
        #expect(matches("*bc", "bc"))
        #expect(matches("d*f", "dexef"))
        #expect(matches("d*f", "dexeff"))
        #expect(!matches("d*f", "ef"))
        #expect(matches("d*ff", "dexeff"))
        #expect(matches("xy*", "xyzzz"))
        #expect(!matches("xy*", "abcxyz"))
        #expect(matches("12*4*", "12345"))
        #expect(!matches("12*4*", "1235"))
        // WHEN_WeTryWildcardRules_THEN_TheyWork #1 and #4.
        #expect(matches("*bc", "abcbc"))
        #expect(!matches("d*f", "deeeefx"))
        #expect(matches("d*f", "deeeef"))
        #expect(matches("xy*", "xy"))
        #expect(!matches("d*f", "xy"))
        // testDeletingOneOfTwoIdenticalWildcardRulesLeavesTheOther #1; testIssue255WildcardDeleteRuleGhost #1.
        #expect(matches("*c", "xc"))
        #expect(matches("*bar*", "foobar"))
    }

    @Test func awsValidatedRows() {
        // content_wildcard_nonrepeating / _NEG.
        #expect(matches("/Users/*/doc.txt", "/Users/ls_user/dir/dir/dir/dir/dir/doc.txt"))
        #expect(!matches("/Users/*/doc.txt", "/Users/ls_user/dir/dir/dir/dir/dir/notmatchingdoc.txt"))
        // content_wildcard_repeating / _NEG.
        #expect(
            matches("/Users/*/dir/dir/dir/dir/dir/doc.txt", "/Users/ls_user/dir/dir/dir/dir/dir/doc.txt"))
        #expect(
            !matches("/Users/*/dir/dir/dir/dir/dir/doc.txt", "/Users/ls_user/dir/dir/dir/dir/otherdir/doc.txt"))
        // content_wildcard_simplified.
        #expect(
            matches("arn:aws:events:us-east-1:*:event-bus/*", "arn:aws:events:us-east-1:123456789012:event-bus/myEventBus"))
        // content_anything_wildcard ("*/dir/*" does not exclude) and _NEG ("*/init/*" excludes).
        #expect(!matches("*/dir/*", "dir/init/file"))
        #expect(matches("*/init/*", "dir/init/file"))
        // content_anything_wildcard_empty: "" excludes only "".
        #expect(!matches("", "dir/init/file"))
        // content_anything_wildcard_list (neither excludes) and _list_NEG ("*/init/*" excludes).
        #expect(!matches("*/init/*", "dir/post/dir"))
        #expect(!matches("*/dir/*", "dir/post/dir"))
        #expect(matches("*/init/*", "dir/init/dir"))
    }

    @Test func anythingButRows() {
        // event-ruler testAnythingButWildcard #1..#5.
        for value in ["foo", "foobar", "barfoo", "barfoobar"] { #expect(matches("*foo*", value)) }
        #expect(!matches("*foo*", "barfobarobar"))
        // testAnythingButWildcardSet #9 and testAnythingButWildcardMultipleRules #18, #19: "fobaor" has neither.
        #expect(!matches("*foo*", "fobaor"))
        #expect(!matches("*bar*", "fobaor"))
        // testAnythingButWildcardMultipleRules #16, #17.
        #expect(matches("*foo*", "sfoobars"))
        #expect(matches("*bar*", "sfoobars"))
        // probe `ab wildcard list`: "xyz" matches "*z".
        #expect(!matches("a*", "xyz"))
        #expect(matches("*z", "xyz"))
    }

    @Test func probeRows() {
        // probes `wildcard quote?`, `wildcard middle`, `wildcard middle 2`, `wildcard vs array`, `wildcard emoji`.
        #expect(matches("*\"", "x\""))
        #expect(matches("a*b*c", "abbbc"))
        #expect(!matches("a*b*c", "acb"))
        #expect(matches("x*", "xz"))
        #expect(!matches("x*", "y"))
        #expect(matches("*😀*", "x😀y"))
    }

    @Test func multiByteRows() {
        // matching_afterFix_multiByteWildcardAndSuffixStillMatch #1, #3, #5.
        #expect(matches("*データ*", "prefix_データ_suffix.txt"))
        #expect(!matches("*データ*", "hello.csv"))
        #expect(matches("*データ*", "データ_payload.csv"))
        // variousMultiByteWildcards_additionalReuse_allCompileAndMatch #12, #13, #24, #25, #27, #29, #30.
        #expect(matches("*オブジェクト", "anything_オブジェクト"))
        #expect(!matches("*オブジェクト", "オブジェクト_trailing"))
        #expect(!matches("*次期データ*", "prefix_次期_suffix"))
        #expect(matches("*次期データ*", "prefix_次期データ_suffix"))
        #expect(matches("*ﾃﾞｰﾀ*", "prefix_ﾃﾞｰﾀ_suffix"))
        #expect(!matches("次期*", "x次期"))
        #expect(matches("次期*", "次期_anything"))
        // manyRulesWithMultiByteWildcards_additionalReuse_allCompileAndMatch #16, #17, #19.
        #expect(matches("*BSC_*.csv", "BSC_report.csv"))
        #expect(!matches("*BSC_*.csv", "data.csv"))
        #expect(!matches("*BSC_*.csv", "x_ﾃﾞｰﾀ_y"))
    }

    @Test func anchoredEndsDoNotOverlap() {
        #expect(!matches("ab*ab", "ab"))
        #expect(!matches("ab*ab", "aba"))
        #expect(matches("ab*ab", "abab"))
        #expect(!matches("a*a", "a"))
        #expect(matches("a*a", "aa"))
        // Leftmost placement of middle segments is enough: these need the later occurrence of nothing.
        #expect(matches("*aab", "aaab"))
        #expect(matches("a*ab*b", "aabb"))
        #expect(!matches("a*ab*b", "aab"))
        #expect(matches("*a*b*c*", "xxaxxbxxcxx"))
        #expect(!matches("*a*b*c*", "xxcxxbxxaxx"))
    }

    @Test func longValuesStayFast() {
        // Many stars against a long near-miss value: bounded by len(value) * len(pattern).
        let value = String(repeating: "a", count: 20_000)
        #expect(!matches("*a*a*a*a*a*b", value))
        #expect(matches("*a*a*a*a*a*", value))
    }

    @Test func valueBytesNeedNotBeUTF8() {
        // The matcher compares bytes; a stray byte in the value is just a byte.
        guard let parsed = pattern("a*") else { return }
        #expect([UInt8]([0x61, 0xFF, 0xFE]).withUnsafeBufferPointer { parsed.matches($0) })
        #expect(![UInt8]([0xFF]).withUnsafeBufferPointer { parsed.matches($0) })
    }

    @Test func complexityOfLongRepetitionsIsBoundedWithTheLimitLifted() throws {
        // `*a` repeated: after k `a`s every later position is alive, so each state holds thousands of
        // positions. Star closure by searching each state made this minutes long at 10,000 repeats.
        let repeated = try #require(pattern(String(repeating: "*a", count: 1_000)))
        #expect(WildcardComplexity.estimate([repeated], cap: .max) == 1_999)
        // Past the work budget the search gives up, and the pattern counts as at the cap.
        #expect(WildcardComplexity.estimate([repeated], cap: .max, maxWork: 100_000) == .max)
        #expect(WildcardComplexity.estimate([repeated], cap: 10) == 10)
    }
}
