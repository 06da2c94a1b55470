import EBMatch

/// Prints results and errors in the chosen format: lines for people, or JSON Lines for programs.
///
/// All wording lives here, so the command decides only what happened and this type how it reads.
public struct ReportWriter {
    /// Where an event sits in its file, and how that is written in a text line.
    public struct EventPosition: Sendable, Equatable {
        /// How a file lays out its events, which decides how an event is named.
        public enum Layout: Sendable, Equatable {
            /// The file holds one event: it is named by the file alone (`e.json`).
            case single
            /// JSON Lines: an event is named by its first line (`e.jsonl:3`).
            case lines
            /// A JSON array: an event is named by its 0-based index (`e.json[2]`).
            case array
        }

        /// The 0-based ordinal of the event in its file.
        public let index: Int
        /// The 1-based line where the event starts.
        public let line: Int
        /// The file's layout.
        public let layout: Layout

        /// A position from its parts.
        public init(index: Int, line: Int, layout: Layout) {
            self.index = index
            self.line = line
            self.layout = layout
        }

        /// The event's name in text output, e.g. `e.jsonl:3` or `e.json[2]`.
        public func label(in file: String) -> String {
            switch layout {
            case .single: return file
            case .lines: return "\(file):\(line)"
            case .array: return "\(file)[\(index)]"
            }
        }
    }

    /// ANSI color codes; only used when stdout is a terminal and `NO_COLOR` is not set.
    private static let green = "\u{1B}[32m"
    private static let red = "\u{1B}[31m"
    private static let reset = "\u{1B}[0m"

    /// The output format.
    public let format: OutputFormat
    /// Whether `match` / `no match` are colored.
    public let colored: Bool
    let output: OutputChannel
    private let errors: OutputChannel

    /// A writer printing results to `output` and diagnostics to `errors`.
    public init(format: OutputFormat, colored: Bool, output: OutputChannel, errors: OutputChannel) {
        self.format = format
        self.colored = colored && format == .text
        self.output = output
        self.errors = errors
    }

    /// Whether text output should be colored: on a terminal, unless the user opted out with a non-empty
    /// `NO_COLOR` (the convention of no-color.org: an empty value does not count).
    public static func wantsColor(output: OutputChannel, environment: [String: String]) -> Bool {
        output.isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Reports whether one event matched.
    public func result(file: String, at position: EventPosition, matched: Bool) {
        switch format {
        case .text, .github, .junit:  // matching prints text or JSON only
            let file = Self.visibleName(file)
            let word = matched ? "match" : "no match"
            let shown = colored ? (matched ? Self.green : Self.red) + word + Self.reset : word
            output.write("\(position.label(in: file)): \(shown)\n")
        case .json:
            var object = JSONObjectText()
            object.add("event", file)
            object.add("index", position.index)
            object.add("line", position.line)
            object.add("result", matched ? "match" : "no-match")
            output.write(object.text + "\n")
        }
    }

    /// Reports an invalid pattern with AWS's full message, where it is, and the JSON path of the fault.
    public func patternError(file: String, _ error: EBMatchError, limits: PatternLimits = .aws) {
        let line = error.offset == nil ? nil : error.line
        let column = error.offset == nil ? nil : error.column
        switch format {
        case .text, .github, .junit:  // matching prints text or JSON only
            let file = Self.visibleName(file)
            let location = line.map { "\(file):\($0):\(column ?? 1)" } ?? file
            let aws =
                error.code == .implementationLimit
                ? "  (a limit of ebmatch's own: AWS's answer to this pattern is not known)"
                : "  AWS: \(error.awsMessage)"
            let note = error.advice(limits: limits).map { "  note: \($0)\n" } ?? ""
            diagnostic("\(location): error: \(error.firstLine)\n\(aws)\n  at \(Self.shortened(path: error.path))\n\(note)")
        case .json:
            var detail = JSONObjectText()
            detail.add("type", error.code == .implementationLimit ? "EbmatchLimitExceeded" : "InvalidEventPatternException")
            detail.add("message", error.code == .implementationLimit ? error.firstLine : error.awsMessage)
            detail.add("file", file)
            detail.add("path", error.path)
            detail.add("line", line)
            detail.add("column", column)
            detail.add("note", error.advice(limits: limits))
            writeErrorObject(detail)
        }
    }

    /// Reports an event that is not a well-formed JSON object; its offsets must count in the whole file.
    /// In JSON mode it is a record on stdout like a result, so that every event of the input is accounted for.
    public func eventError(file: String, at position: EventPosition, _ error: EBMatchError) {
        switch format {
        case .text, .github, .junit:  // matching prints text or JSON only
            let file = Self.visibleName(file)
            let location = error.offset == nil ? position.label(in: file) : "\(file):\(error.line):\(error.column)"
            let path = error.path == "$" ? "" : ", at \(Self.shortened(path: error.path))"
            diagnostic("\(location): error: \(error.firstLine) (event \(position.index)\(path))\n")
        case .json:
            var detail = JSONObjectText()
            detail.add("type", "InvalidEvent")
            detail.add("code", error.code.rawValue)
            detail.add("message", error.firstLine)
            detail.add("path", error.path)
            detail.add("line", error.offset == nil ? nil : error.line)
            detail.add("column", error.offset == nil ? nil : error.column)
            writeEventRecord(file: file, at: position, detail)
        }
    }

    /// Reports an event lacking an envelope field that TestEventPattern requires.
    public func envelopeError(file: String, at position: EventPosition, _ error: EBMatchError) {
        let field = error.path.hasPrefix("$.") ? String(error.path.dropFirst(2)) : error.path
        switch format {
        case .text, .github, .junit:  // matching prints text or JSON only
            let file = Self.visibleName(file)
            diagnostic(
                "\(position.label(in: file)): error: ValidationException: \(error.firstLine) (missing \"\(field)\")\n")
        case .json:
            var detail = JSONObjectText()
            detail.add("type", "ValidationException")
            detail.add("message", error.firstLine)
            detail.add("missing", field)
            writeEventRecord(file: file, at: position, detail)
        }
    }

    /// What a file that could not be used was meant to hold.
    public enum FileRole: Sendable {
        case pattern, events
    }

    /// Reports a file that could not be used at all, e.g. `e.json: error: No such file or directory`.
    public func fileError(file: String, role: FileRole, reason: String) {
        switch format {
        case .text, .github, .junit:  // matching prints text or JSON only
            diagnostic("\(Self.visibleName(file)): error: \(reason)\n")
        case .json:
            var detail = JSONObjectText()
            detail.add("type", "UnreadableFile")
            detail.add("message", reason)
            detail.add("file", file)
            if role == .events {
                var object = JSONObjectText()
                object.add("event", file)
                object.add("error", detail)
                output.write(object.text + "\n")
            } else {
                writeErrorObject(detail)
            }
        }
    }

    /// `{"event":…,"index":…,"line":…,"error":{…}}`: an error record in the place of an event's result.
    private func writeEventRecord(file: String, at position: EventPosition, _ detail: JSONObjectText) {
        var object = JSONObjectText()
        object.add("event", file)
        object.add("index", position.index)
        object.add("line", position.line)
        object.add("error", detail)
        output.write(object.text + "\n")
    }

    /// Writes a message to the error channel after pushing out pending results, so that the two
    /// streams interleave in event order when they share a terminal.
    private func diagnostic(_ text: String) {
        output.flush()
        errors.write(Self.visible(text))
        errors.flush()
    }

    /// The text with control characters other than line feed and tab written as `\u001B` and the like:
    /// messages quote the pattern and names as given, and a crafted file must not drive the terminal.
    /// The longest JSON path shown whole in text output.
    static let maxPathShown = 200

    /// A JSON path for a text line: whole up to `maxPathShown` characters, else its start and end around
    /// an ellipsis with the full length. A fault 1,000 levels deep has a path of thousands of characters,
    /// which would bury the message; `--format json` still gives it whole.
    static func shortened(path: String) -> String {
        guard path.count > maxPathShown else { return path }
        return "\(path.prefix(120))…\(path.suffix(60)) (\(path.count) characters)"
    }

    static func visible(_ text: String) -> String {
        escapingControls(text) { isControl($0) }
    }

    /// A file name as shown in text output: every control character escaped, line feeds and tabs too,
    /// so that a name cannot fake or split result lines.
    static func visibleName(_ name: String) -> String {
        escapingControls(name) { isControl($0) || $0 == "\n" || $0 == "\t" }
    }

    private static func escapingControls(_ text: String, _ escaped: (Unicode.Scalar) -> Bool) -> String {
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if escaped(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (v >= 0x7F && v < 0xA0)
    }

    private func writeErrorObject(_ detail: JSONObjectText) {
        var object = JSONObjectText()
        object.add("error", detail)
        output.write(object.text + "\n")
    }
}
