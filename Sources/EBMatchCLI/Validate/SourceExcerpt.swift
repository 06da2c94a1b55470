/// The line of a file that holds a byte offset, with a caret under it:
///
/// ```
///     4 |     "state": [{"anything-but": {"prefix": 5}}],
///       |                                           ^
/// ```
///
/// A long line (a minified template, a one-line Terraform plan) is cut to a window around the offset.
/// Tabs stay tabs in the caret line so the caret lines up whatever the terminal's tab width.
enum SourceExcerpt {
    /// The most characters shown of one line.
    static let width = 100

    /// The two lines, each ending in a line feed, or "" when the offset is not in the file.
    static func lines(of bytes: [UInt8], at offset: Int, line number: Int) -> String {
        guard offset >= 0, offset <= bytes.count else { return "" }
        // Look at most `reach` bytes either way: a one-line 50 MB plan must not be rescanned per finding.
        let reach = width * 4
        var start = offset
        while start > 0, offset - start < reach, bytes[start - 1] != 10, bytes[start - 1] != 13 { start -= 1 }
        let startsMidLine = start > 0 && bytes[start - 1] != 10 && bytes[start - 1] != 13
        while start < offset, bytes[start] & 0xC0 == 0x80 { start += 1 }
        var end = offset
        while end < bytes.count, end - offset < reach, bytes[end] != 10, bytes[end] != 13 { end += 1 }
        while end > offset, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        let before = Array(String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars)
        let after = Array(String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars)
        // Keep the caret's character in view: up to two thirds of the window before it.
        let shownBefore = before.suffix(min(before.count, width * 2 / 3))
        let shownAfter = after.prefix(max(1, width - shownBefore.count))
        let cutBefore = shownBefore.count < before.count || startsMidLine
        let cutAfter = shownAfter.count < after.count || (end < bytes.count && bytes[end] != 10 && bytes[end] != 13)
        var text = cutBefore ? "…" : ""
        var pad = cutBefore ? " " : ""
        for scalar in shownBefore {
            text.unicodeScalars.append(printable(scalar))
            pad += scalar == "\t" ? "\t" : " "
        }
        for scalar in shownAfter { text.unicodeScalars.append(printable(scalar)) }
        if cutAfter { text += "…" }
        let gutter = String(number)
        let blank = String(repeating: " ", count: gutter.count)
        return "    \(gutter) | \(text)\n    \(blank) | \(pad)^\n"
    }

    /// A scalar as shown: control characters (other than tab) as a visible placeholder, so a crafted file
    /// cannot drive the terminal.
    private static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v == 9 { return scalar }
        return v < 0x20 || (v >= 0x7F && v < 0xA0) ? "\u{FFFD}" : scalar
    }
}
