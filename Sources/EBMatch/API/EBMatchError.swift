/// Why a pattern or an event was rejected, with AWS's words and where in the document it happened.
///
/// Line and column are worked out from the byte offset only when asked for, as Jackson (the JSON
/// parser behind EventBridge) counts them: lines split at `\n`, `\r` or `\r\n`, columns in UTF-16 units,
/// both 1-based.
public struct EBMatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which document was at fault.
    public enum Origin: String, Sendable {
        /// The event pattern (AWS: `InvalidEventPatternException`).
        case pattern
        /// The event.
        case event
        /// Another JSON document (a template or plan that holds patterns).
        case document
    }

    /// A stable classification of the fault, for tools.
    public enum Code: String, Sendable {
        /// The text is not well-formed JSON (Jackson's own message).
        case jsonSyntax
        /// A Jackson limit was exceeded (nesting depth 1000, number length 1000).
        case limitExceeded
        /// The pattern is well-formed JSON but breaks a rule of the pattern language.
        case invalidPattern
        /// The pattern exceeds a limit of ebmatch's own (the `$or` fan-out), where AWS's answer is not
        /// known; `awsMessage` is then only ebmatch's best guess at the wording.
        case implementationLimit
        /// The event is not a JSON object.
        case eventNotObject
        /// The event lacks an envelope field that TestEventPattern requires.
        case missingEnvelope
    }

    /// Which document was at fault.
    public let origin: Origin
    /// What kind of fault it is.
    public let code: Code
    /// The engine's message, e.g. `Empty arrays are not allowed` (for a pattern, without AWS's
    /// `Event pattern is not valid. Reason: ` prefix and without location suffix).
    public let reason: String
    /// The JSON path of the fault, e.g. `$.detail.state[0].anything-but`.
    public let path: String
    /// Byte offset of the reported location, or nil where AWS reports none (CIDR, rule size).
    public let offset: Int?
    /// How many times AWS repeats the location suffix (2 inside anything-but lists).
    public let locationRepeats: Int
    /// The whole document, so that positions and AWS's `[Source: …]` suffix can be produced.
    public let source: [UInt8]
    /// An offset that the reason refers to (Jackson's "start marker"), rendered as a location.
    let relatedOffset: Int?
    /// Line and column when already known (set by `relocated`, which knows them cheaply), so that a file
    /// with many faulty events is not rescanned from its start for each one.
    private var knownLine: Int? = nil
    private var knownColumn: Int? = nil
    /// The related offset's line and column, when `relocated` knew them cheaply.
    private var knownRelatedLine: Int? = nil
    private var knownRelatedColumn: Int? = nil

    init(
        origin: Origin, code: Code, reason: String, path: String, offset: Int?, locationRepeats: Int = 1,
        source: [UInt8], relatedOffset: Int? = nil
    ) {
        self.origin = origin
        self.code = code
        self.reason = reason
        self.path = path
        self.offset = offset
        self.locationRepeats = offset == nil ? 0 : locationRepeats
        self.source = source
        self.relatedOffset = relatedOffset
    }

    /// The same error for a document that was cut out of a larger one starting at byte `base` (an event
    /// of a JSON Lines file, say): positions then count in `source`, the whole file.
    /// `line`, when given, is the 1-based line of `base` in `source` (it saves a scan from the start).
    public func relocated(into source: [UInt8], at base: Int, line baseLine: Int? = nil) -> EBMatchError {
        var moved = EBMatchError(
            origin: origin, code: code, reason: reason, path: path, offset: offset.map { $0 + base },
            locationRepeats: locationRepeats, source: source, relatedOffset: relatedOffset.map { $0 + base })
        if let baseLine {
            // On the first line a column continues the column of `base` in the file.
            var lineStart = base
            while lineStart > 0, source[lineStart - 1] != 10, source[lineStart - 1] != 13 { lineStart -= 1 }
            let lead = Self.position(of: base - lineStart, in: Array(source[lineStart..<base])).column - 1
            func place(_ inner: Int) -> (line: Int, column: Int) {
                let at = Self.position(of: inner, in: self.source)
                return (baseLine + at.line - 1, at.line == 1 ? lead + at.column : at.column)
            }
            if let offset {
                let at = place(offset)
                moved.knownLine = at.line
                moved.knownColumn = at.column
            }
            if let related = relatedOffset.map(place) {
                moved.knownRelatedLine = related.line
                moved.knownRelatedColumn = related.column
            }
        }
        return moved
    }

    /// 1-based line of the fault (1 when there is no location).
    public var line: Int { knownLine ?? offset.map { Self.position(of: $0, in: source).line } ?? 1 }
    /// 1-based column of the fault, in UTF-16 units as Jackson counts (1 when there is no location).
    public var column: Int { knownColumn ?? offset.map { Self.position(of: $0, in: source).column } ?? 1 }

    /// The reason with any referenced location written out, as the first line of AWS's message shows it.
    public var firstLine: String {
        guard let related = relatedOffset else { return reason }
        // AWS quotes the whole pattern there; for an event or another document (a template, a file of
        // events) a place is enough, and it must not cost a scan of a large file per error.
        if origin != .pattern {
            let (line, column) =
                knownRelatedLine.flatMap { line in knownRelatedColumn.map { (line, $0) } }
                ?? Self.position(of: related, in: source)
            return reason.replacingFirstNul(with: "line \(line), column \(column)")
        }
        return reason.replacingFirstNul(with: Self.sourceLocation(related, in: source))
    }

    /// AWS's full message. For a pattern: `Event pattern is not valid. Reason: <reason>` followed by the
    /// location suffix `\n at [Source: (String)"…"; line: L, column: C]`, as often as AWS repeats it.
    /// For an event, the engine's message alone.
    public var awsMessage: String {
        var text = origin == .pattern ? "Event pattern is not valid. Reason: " + firstLine : firstLine
        if let offset {
            let suffix = "\n at " + Self.sourceLocation(offset, in: source)
            for _ in 0..<locationRepeats { text += suffix }
        }
        return text
    }

    /// `pattern 3:17: Empty arrays are not allowed (at $.resources)`.
    public var description: String {
        let at = offset == nil ? "" : "\(line):\(column): "
        return "\(origin.rawValue) \(at)\(firstLine) (at \(path))"
    }

    /// The largest number of characters Jackson (2.16 and later) shows of a source before cutting it.
    static let maxSourceShown = 500

    /// Jackson's `[Source: (String)"…"; line: L, column: C]` for an offset.
    static func sourceLocation(_ offset: Int, in source: [UInt8]) -> String {
        let (line, column) = position(of: offset, in: source)
        var text = String(decoding: source, as: UTF8.self)
        let length = text.utf16.count
        if length > maxSourceShown {
            let cut = text.utf16.index(text.utf16.startIndex, offsetBy: maxSourceShown)
            text = String(text[..<cut]) + "\"[truncated \(length - maxSourceShown) chars]"
            return "[Source: (String)\"\(text); line: \(line), column: \(column)]"
        }
        return "[Source: (String)\"\(text)\"; line: \(line), column: \(column)]"
    }

    /// Line and column (both 1-based, column in UTF-16 units) of a byte offset.
    static func position(of offset: Int, in source: [UInt8]) -> (line: Int, column: Int) {
        let position = TextPosition(offset: offset, in: source)
        return (position.line, position.column)
    }
}

extension String {
    /// Replaces the first NUL placeholder with `replacement`.
    fileprivate func replacingFirstNul(with replacement: String) -> String {
        guard let nul = firstIndex(of: "\u{0}") else { return self }
        return String(self[..<nul]) + replacement + String(self[index(after: nul)...])
    }
}
