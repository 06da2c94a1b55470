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
    private let output: OutputChannel
    private let errors: OutputChannel

    /// A writer printing results to `output` and diagnostics to `errors`.
    public init(format: OutputFormat, colored: Bool, output: OutputChannel, errors: OutputChannel) {
        self.format = format
        self.colored = colored && format == .text
        self.output = output
        self.errors = errors
    }

    /// Whether text output should be colored: on a terminal, unless the user opted out with `NO_COLOR`.
    /// Any value counts, even an empty one: someone who sets the variable at all wants plain text.
    public static func wantsColor(output: OutputChannel, environment: [String: String]) -> Bool {
        output.isTerminal && environment["NO_COLOR"] == nil
    }

    /// Reports whether one event matched.
    public func result(file: String, at position: EventPosition, matched: Bool) {
        switch format {
        case .text:
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
    public func patternError(file: String, _ error: EBMatchError) {
        let line = error.offset == nil ? nil : error.line
        let column = error.offset == nil ? nil : error.column
        switch format {
        case .text:
            let location = line.map { "\(file):\($0):\(column ?? 1)" } ?? file
            diagnostic("\(location): error: \(error.firstLine)\n  AWS: \(error.awsMessage)\n  at \(error.path)\n")
        case .json:
            var detail = JSONObjectText()
            detail.add("type", "InvalidEventPatternException")
            detail.add("message", error.awsMessage)
            detail.add("file", file)
            detail.add("path", error.path)
            detail.add("line", line)
            detail.add("column", column)
            writeErrorObject(detail)
        }
    }

    /// Reports an event that is not a well-formed JSON object; its offsets must count in the whole file.
    ///
    /// This goes to stderr in both formats: stdout in JSON mode carries one record per judged event,
    /// and a malformed event was never judged.
    public func eventError(file: String, at position: EventPosition, _ error: EBMatchError) {
        let location = error.offset == nil ? position.label(in: file) : "\(file):\(error.line):\(error.column)"
        diagnostic("\(location): error: \(error.firstLine) (event \(position.index))\n")
    }

    /// Reports an event lacking an envelope field that TestEventPattern requires.
    public func envelopeError(file: String, at position: EventPosition, _ error: EBMatchError) {
        switch format {
        case .text:
            let field = error.path.hasPrefix("$.") ? String(error.path.dropFirst(2)) : error.path
            diagnostic("\(position.label(in: file)): error: \(error.firstLine) (missing \"\(field)\")\n")
        case .json:
            var detail = JSONObjectText()
            detail.add("type", "ValidationException")
            detail.add("message", error.firstLine)
            detail.add("event", file)
            detail.add("index", position.index)
            detail.add("line", position.line)
            writeErrorObject(detail)
        }
    }

    /// Reports a file that could not be used at all, e.g. `e.json: error: No such file or directory`.
    public func fileError(file: String, reason: String) {
        diagnostic("\(file): error: \(reason)\n")
    }

    /// Writes a message to the error channel after pushing out pending results, so that the two
    /// streams interleave in event order when they share a terminal.
    private func diagnostic(_ text: String) {
        output.flush()
        errors.write(text)
        errors.flush()
    }

    private func writeErrorObject(_ detail: JSONObjectText) {
        var object = JSONObjectText()
        object.add("error", detail)
        output.write(object.text + "\n")
    }
}
