/// Everything wrong with a pattern, for linting: unlike compiling, validation does not stop at the
/// first fault.
///
/// ```swift
/// let report = EventPattern.validate(utf8: Array(text.utf8), target: .pipes)
/// for error in report.errors { print(error.line, error.column, error.awsMessage) }
/// for warning in report.warnings { print(warning.line, warning.column, warning.message) }
/// ```
///
/// The first error is the one EventBridge reports (the one `EventPattern.init` throws). Later errors
/// are found by skipping the member that held the previous fault and reading on; a JSON syntax error or
/// a limit ends the search, since nothing after it can be read soundly.
public struct PatternValidation: Sendable {
    /// The faults, in document order of discovery; empty when the pattern is valid.
    public let errors: [EBMatchError]
    /// Patterns that are valid but probably not what was meant, or that the target does not support.
    public let warnings: [PatternWarning]

    /// Whether EventBridge accepts the pattern.
    public var isValid: Bool { errors.isEmpty }
}

/// Where a pattern is going to be used, which decides the operators available.
public enum PatternTarget: String, Sendable, CaseIterable {
    /// An EventBridge rule on an event bus: every operator.
    case eventBus = "event-bus"
    /// An EventBridge Pipes filter: no `wildcard`, and `anything-but` only with plain values.
    case pipes
}

/// A line and a column in a document, both 1-based, counted as Jackson (the JSON parser behind
/// EventBridge) counts them: lines split at `\n`, `\r` or `\r\n`, columns in UTF-16 units.
public struct TextPosition: Sendable, Equatable {
    /// The 1-based line.
    public let line: Int
    /// The 1-based column, in UTF-16 units.
    public let column: Int

    /// A position from its parts.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of byte `offset` of `source` (an offset past the end counts on past the last byte).
    public init(offset: Int, in source: [UInt8]) {
        var line = 1
        var column = 1
        Self.count(source, from: 0, to: min(max(0, offset), source.count), line: &line, column: &column)
        self.line = line
        self.column = column + max(0, offset - source.count)
    }

    /// Advances `line` and `column` over `source[from..<to]`: lines split at `\n`, `\r` or `\r\n`,
    /// one column per UTF-16 unit.
    @inline(__always)
    static func count(_ source: [UInt8], from: Int, to: Int, line: inout Int, column: inout Int) {
        var i = from
        while i < to {
            let c = source[i]
            if c == 10 || (c == 13 && (i + 1 >= source.count || source[i + 1] != 10)) {
                line += 1
                column = 1
            } else if c & 0xC0 != 0x80 {
                // One unit per scalar, two for those above U+FFFF (4-byte UTF-8).
                column += c >= 0xF0 ? 2 : 1
            }
            i += 1
        }
    }
}

/// A valid pattern that probably does not do what its author meant, or that its target refuses.
public struct PatternWarning: Sendable, Equatable, CustomStringConvertible {
    /// What kind of warning.
    public enum Code: String, Sendable, CaseIterable {
        /// A path is written twice in one sub-rule: EventBridge keeps the last list without a word.
        case duplicatePath
        /// An operator that EventBridge Pipes filters do not support (only with target `.pipes`).
        case unsupportedInPipes
    }

    /// What kind of warning.
    public let code: Code
    /// What is wrong and what to do about it.
    public let message: String
    /// The JSON path of the member or matcher concerned, e.g. `$.detail.state`.
    public let path: String
    /// Byte offset in the pattern's text of the member name or matcher concerned.
    public let offset: Int
    /// 1-based line of `offset`.
    public let line: Int
    /// 1-based column of `offset`, in UTF-16 units.
    public let column: Int

    /// `pattern 3:5: warning: … (at $.a)`.
    public var description: String { "pattern \(line):\(column): warning: \(message) (at \(path))" }
}

extension EventPattern {
    /// Checks a pattern and reports every fault and warning found (see `PatternValidation`).
    ///
    /// - Parameters:
    ///   - json: the pattern's text as UTF-8 bytes.
    ///   - name: the rule name some messages quote.
    ///   - limits: the limits the pattern must keep (wildcard complexity).
    ///   - target: where the pattern will be used; `.pipes` adds warnings for operators Pipes lacks.
    public static func validate(
        utf8 json: [UInt8], name: String = "rule", limits: PatternLimits = .aws, target: PatternTarget = .eventBus
    ) -> PatternValidation {
        let reading = PatternParser.read(json, collecting: true)
        // One index for all warnings: a pattern repeating a path 40,000 times must not be rescanned per warning.
        let index = reading.notes.isEmpty ? nil : TextIndex(json)
        let warnings = reading.notes.compactMap { note -> PatternWarning? in
            if note.code == .unsupportedInPipes && target != .pipes { return nil }
            let position = index?.position(of: note.offset) ?? TextPosition(offset: note.offset, in: json)
            return PatternWarning(
                code: note.code, message: note.message, path: note.path, offset: note.offset, line: position.line,
                column: position.column)
        }
        guard let models = reading.models else {
            return PatternValidation(errors: reading.faults.map { PatternParser.error($0, in: json) }, warnings: warnings)
        }
        do {
            let rules = try PatternParser.subRules(models, ruleName: name, source: json, oversized: reading.oversized)
            _ = try EventPattern(rules: rules, source: json, limits: limits)
            return PatternValidation(errors: [], warnings: warnings)
        } catch {
            return PatternValidation(errors: [error], warnings: warnings)
        }
    }
}
