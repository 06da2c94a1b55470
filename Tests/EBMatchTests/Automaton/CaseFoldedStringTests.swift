import Testing

@testable import EBMatch

/// Unit tests for `CaseFoldedString` (spec §4.8 and the equals-ignore-case part of §4.10). Row names in comments
/// refer to /work/shared/conformance/*.jsonl; "probe" means event-ruler-probe-cases.jsonl.
@Suite struct CaseFoldedStringTests {
    /// Runs `body` on the UTF-8 bytes of `value` as the matcher sees them.
    private func on(_ value: String, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        Array(value.utf8).withUnsafeBufferPointer(body)
    }

    /// Whole-value match of `value` against pattern `pattern`.
    private func equals(_ pattern: String, _ value: String) -> Bool {
        let folded = CaseFoldedString(pattern: Array(pattern.utf8))
        return on(value) { folded.matches($0) }
    }

    /// `{"prefix": {"equals-ignore-case": pattern}}` against `value`.
    private func prefix(_ pattern: String, _ value: String) -> Bool {
        let folded = CaseFoldedString(pattern: Array(pattern.utf8))
        return on(value) { folded.isPrefix(of: $0) }
    }

    /// `{"suffix": {"equals-ignore-case": pattern}}` against `value`.
    private func suffix(_ pattern: String, _ value: String) -> Bool {
        let folded = CaseFoldedString(pattern: Array(pattern.utf8))
        return on(value) { folded.isSuffix(of: $0) }
    }

    @Test func asciiWholeValue() {
        // aws-validated content_ignorecase / content_ignorecase_NEG.
        #expect(equals("ec2 instance state-change notification", "EC2 Instance State-change Notification"))
        #expect(!equals("I do not match", "EC2 Instance State-change Notification"))
        // issue-reported issue10237_equals_ignore_case_detail_type.
        #expect(equals("my-detail-type", "My-Detail-Type"))
        // event-ruler testEqualsIgnoreCaseMatching #1, #5, #6, #7 (match) and #11, #13 (no match).
        #expect(equals("aBc", "abc"))
        #expect(equals("XyZ", "XYZ"))
        #expect(equals("xyZ", "XYZ"))
        #expect(equals("aBc", "AbC"))
        #expect(!equals("XyZ", "xyzz"))
        #expect(!equals("aBc", "aabc"))
        // WHEN_WeTryEqualsIgnoreCaseRules_THEN_TheyWork #1: "Def" against "defx" fails (whole value).
        #expect(!equals("Def", "defx"))
        #expect(equals("Def", "def"))
    }

    @Test func emptyPattern() {
        // aws-validated content_ignorecase_empty / content_ignorecase_empty_NEG.
        #expect(equals("", ""))
        #expect(!equals("", "test-value"))
        // probe `eic prefix ""` and `suffix eic ""`: an empty case-insensitive prefix/suffix matches any string.
        #expect(prefix("", "x"))
        #expect(suffix("", "x"))
        #expect(prefix("", ""))
    }

    @Test func anythingButUsesWholeValueMatch() {
        // anything-but excludes exactly what `matches` accepts.
        // aws-validated content_anything_but_ignorecase (not excluded) / _NEG (excluded).
        #expect(!equals("initializing", "pending"))
        #expect(equals("initializing", "INITIALIZING"))
        // aws-validated content_anything_but_ignorecase_list_NEG: "Stopped" is excluded by "stopped".
        #expect(equals("stopped", "Stopped"))
        // event-ruler testAnythingButEqualsIgnoreCase #2..#9.
        for value in ["YES", "yEs"] { #expect(equals("yes", value)) }
        for value in ["pLease", "PLEASE", "please"] { #expect(equals("please", value)) }
        #expect(equals("no", "No"))
        #expect(!equals("no", "No!"))
        #expect(!equals("no", "nothing"))
        // rulesFromREADMETest #7: "running" is neither "Stopped" nor "OverLoaded".
        #expect(!equals("Stopped", "running"))
        #expect(!equals("OverLoaded", "running"))
        // probe `ab eic "" vs ""`: "" excludes "" (so no match there).
        #expect(equals("", ""))
        // probe `ab eic list` / `ab eic list no`.
        #expect(equals("cd", "Cd"))
        #expect(!equals("AB", "ce"))
        #expect(!equals("cd", "ce"))
        // event-ruler testCIDRRuleWithMatchingAnythingButEqualsIgnoreCaseRule #1: digits and dots fold to themselves.
        #expect(equals("10.0.1.200", "10.0.1.200"))
    }

    @Test func prefixForm() {
        // aws-validated content_prefix_ignorecase.
        #expect(prefix("EventB", "EvEnTb"))
        // event-ruler testPrefixEqualsIgnoreCase #1, #3, #6, #8, #10, #11 and #9 (no match).
        #expect(prefix("zoo", "zOokeeper"))
        #expect(prefix("zoo", "Zoo"))
        #expect(prefix("child", "cHildlike"))
        #expect(prefix("child", "chIldish"))
        #expect(prefix("child", "childhood"))
        #expect(prefix("al", "ALbert"))
        #expect(!prefix("zoo", "childhood"))
        // WHEN_RulesFromReadmeAreTried_THEN_TheyWork #5; WHEN_WeWriteRulesToMatchVariousFieldCombos_THEN_TheyWork #3.
        #expect(prefix("RuNn", "running"))
        #expect(prefix("VIeW", "View from 15th Floor"))
        // testAddAndDeleteTwoRulesSameCaseInsensitivePatternPrefixEqualsIgnoreCase #1, #2.
        #expect(prefix("y", "yay"))
        #expect(prefix("Y", "yay"))
        // probe `prefix eic multibyte`: É folds to é, so it starts "école".
        #expect(prefix("É", "école"))
        // A value shorter than the pattern never matches.
        #expect(!prefix("zoo", "zo"))
    }

    @Test func suffixForm() {
        // aws-validated content_suffix_ignorecase / content_suffix_ignorecase_NEG.
        #expect(suffix(".png", "image.PNG"))
        #expect(!suffix(".png", "image.jpg"))
        // event-ruler testSuffixEqualsIgnoreCase #1, #3, #6, #8, #10, #12, #13 and #9 (no match).
        #expect(suffix("eper", "zookeePer"))
        #expect(suffix("eper", "Gatekeeper"))
        #expect(suffix("hood", "hOod"))
        #expect(suffix("hood", "parenthOod"))
        #expect(suffix("hood", "brotherhood"))
        #expect(suffix("hood", "childhOoD"))
        #expect(suffix("ert", "AlbeRT"))
        #expect(!suffix("eper", "brotherhood"))
        // WHEN_RulesFromReadmeAreTried_THEN_TheyWork #7; WHEN_WeWriteRulesToMatchVariousFieldCombos_THEN_TheyWork #4.
        #expect(suffix("nInG", "running"))
        #expect(suffix("LoOr", "View from 15th Floor"))
        // testAddAndDeleteTwoRulesSameCaseInsensitivePatternSuffixEqualsIgnoreCase #1, #2.
        #expect(suffix("y", "yay"))
        #expect(suffix("Y", "yay"))
        #expect(!suffix("hood", "ood"))
    }

    @Test func accentedLetters() {
        // §4.8 / probe `eic é vs É`: most BMP letters fold as expected, both ways.
        #expect(equals("é", "É"))
        #expect(equals("É", "é"))
        #expect(equals("é", "é"))
        #expect(!equals("é", "e"))
    }

    @Test func sharpS() {
        // §4.8 / probes `eic ß vs ss`, `eic SS vs ß`: ß matches ß and SS only; SS never matches ß.
        #expect(equals("ß", "ß"))
        #expect(equals("ß", "SS"))
        #expect(!equals("ß", "ss"))
        #expect(!equals("ß", "Ss"))
        #expect(!equals("SS", "ß"))
        #expect(equals("SS", "ss"))
        #expect(equals("straße", "STRASSE"))
        #expect(!equals("straße", "strasse"))
    }

    @Test func dottedCapitalI() {
        // §4.8 / probe `eic İ vs i̇`: İ matches "i" + U+0307 and itself, but not plain i; i does not match İ.
        #expect(equals("İ", "i\u{307}"))
        #expect(equals("İ", "İ"))
        #expect(!equals("İ", "i"))
        #expect(!equals("İ", "I"))
        #expect(!equals("i", "İ"))
        // Forms of different lengths (3 vs 2 bytes) mixed in one value exercise the multi-offset DP.
        #expect(equals("xİİy", "Xi\u{307}İY"))
        #expect(equals("xİİy", "xİi\u{307}y"))
        #expect(!equals("xİİy", "xİiy"))
        #expect(prefix("İ", "i\u{307}stanbul"))
        #expect(prefix("İ", "İstanbul"))
        #expect(suffix("İ", "xi\u{307}"))
        #expect(suffix("İ", "xİ"))
        #expect(!suffix("İ", "xi"))
    }

    @Test func kelvinSign() {
        // §4.8 / probes `eic Kelvin vs K`, `eic K vs Kelvin`: U+212A lowers to ASCII k and uppers to itself.
        #expect(equals("\u{212A}", "k"))
        #expect(equals("\u{212A}", "\u{212A}"))
        #expect(!equals("\u{212A}", "K"))
        #expect(!equals("k", "\u{212A}"))
        #expect(equals("\u{212A}elvin", "kELVIN"))
        #expect(prefix("\u{212A}", "kelvin"))
        #expect(suffix("\u{212A}", "Kelvin\u{212A}"))
    }

    @Test func sigmaIsNotContextual() {
        // §4.8 / probe `eic sigma vs final sigma`: Σ folds alone, to σ, never to final ς.
        #expect(!equals("Σ", "ς"))
        #expect(equals("Σ", "σ"))
        #expect(equals("Σ", "Σ"))
        #expect(!equals("ς", "σ"))
    }

    @Test func titlecaseDoesNotMatchItself() {
        // §4.8 / probe `eic dz titlecase self`: ǅ (U+01C5) allows only ǆ and Ǆ.
        #expect(!equals("ǅ", "ǅ"))
        #expect(equals("ǅ", "ǆ"))
        #expect(equals("ǅ", "Ǆ"))
    }

    @Test func astralCharactersBecomeQuestionMarks() {
        // §4.8 / probes `eic emoji self`, `eic emoji vs ??`: each surrogate half becomes "?".
        #expect(!equals("😀", "😀"))
        #expect(equals("😀", "??"))
        #expect(!equals("😀", "?"))
        // probes `prefix eic emoji`, `suffix eic emoji`.
        #expect(!prefix("😀", "😀x"))
        #expect(!suffix("😀", "x😀"))
        #expect(prefix("😀", "??x"))
        #expect(suffix("😀", "x??"))
        #expect(equals("a😀B", "A??b"))
    }

    @Test func otherLengthChangingLetters() {
        // Dotless ı (2 bytes) uppers to ASCII I (1 byte); long ſ (2 bytes) uppers to S.
        #expect(equals("ıı", "Iı"))
        #expect(equals("ıı", "ıI"))
        #expect(equals("ıı", "II"))
        #expect(!equals("ıı", "ii"))
        #expect(equals("ſ", "S"))
        #expect(!equals("ſ", "s"))
        // ΰ uppers to three code points (6 bytes) against 2 for itself.
        #expect(equals("ΰ", "\u{3A5}\u{308}\u{301}"))
        #expect(equals("ΰ", "ΰ"))
    }

    @Test func wideWindowNeedsSeveralBitsetWords() {
        // 100 İ give 101 possible value lengths, more than one 64-bit word of DP state.
        let pattern = String(repeating: "İ", count: 100)
        let lower = String(repeating: "i\u{307}", count: 100)
        let mixed = String(repeating: "i\u{307}İ", count: 50)
        #expect(equals(pattern, lower))
        #expect(equals(pattern, pattern))
        #expect(equals(pattern, mixed))
        #expect(!equals(pattern, mixed + "x"))
        #expect(!equals(pattern, String(repeating: "i\u{307}İ", count: 49) + "i\u{307}i"))
        #expect(prefix(pattern, mixed + "tail"))
        #expect(suffix(pattern, "head" + mixed))
    }

    @Test func invalidUTF8PatternDoesNotTrap() {
        // Bytes the JSON layer should never hand over; a bad sequence folds as U+FFFD rather than crashing.
        let folded = CaseFoldedString(pattern: [0xFF, 0x41])
        #expect(on("\u{FFFD}a") { folded.matches($0) })
        #expect(!on("A") { folded.matches($0) })
        let truncated = CaseFoldedString(pattern: [0x61, 0xC3])
        #expect(on("A\u{FFFD}") { truncated.matches($0) })
    }

    @Test func eventBytesAreNeverFolded() {
        // Invalid UTF-8 in a value is just bytes that fail to match.
        let folded = CaseFoldedString(pattern: Array("ab".utf8))
        #expect(![UInt8]([0x41, 0xFF]).withUnsafeBufferPointer { folded.matches($0) })
        #expect([UInt8]([0x41, 0x42, 0xFF]).withUnsafeBufferPointer { folded.isPrefix(of: $0) })
        #expect(![UInt8]().withUnsafeBufferPointer { folded.isSuffix(of: $0) })
    }
}
