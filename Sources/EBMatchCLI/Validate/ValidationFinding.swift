import EBMatch

/// One problem `ebmatch validate` reports: an error (EventBridge would refuse the pattern) or a warning.
struct ValidationFinding: Sendable {
    /// How serious it is.
    enum Severity: String, Sendable {
        case error, warning
    }

    /// The code of warnings about parts of a template only known at deployment.
    static let notStatic = "notStatic"

    /// How serious it is.
    var severity: Severity
    /// A stable name for tools: an `EBMatchError.Code` or `PatternWarning.Code` raw value, or `notStatic`.
    var code: String
    /// What is wrong, in one line (for an error, the engine's message as AWS's first line gives it).
    var message: String
    /// What the message means and how to fix it, where AWS's wording alone does not say.
    var note: String? = nil
    /// AWS's full message, for errors EventBridge itself would give.
    var awsMessage: String? = nil
    /// AWS's message as text reports show it: with the pattern inside its location suffix elided when
    /// the pattern spans lines or is long (the excerpt above it shows the place better).
    var awsMessageShown: String? = nil
    /// The JSON path in the pattern, e.g. `$.detail.state[0].anything-but`.
    var path: String
    /// Byte offset in the file of what the finding is about.
    var fileOffset: Int
    /// 1-based line and column (UTF-16 units) of `fileOffset` in the file.
    var line: Int
    var column: Int
    /// Where AWS's message places the fault, as a line and column of the file (nil when it gives none).
    var awsPosition: (line: Int, column: Int)? = nil
    /// The file's line at the finding with a caret under it (`SourceExcerpt`), for text reports.
    var excerpt = ""
}

/// One pattern after checking.
struct CheckedPattern: Sendable {
    /// The pattern and where it came from.
    var pattern: FoundPattern
    /// Its findings, errors first, each in document order.
    var findings: [ValidationFinding]
    /// 1-based line and column where the pattern starts in its file.
    var line: Int
    var column: Int

    /// Whether EventBridge would refuse it.
    var isInvalid: Bool { findings.contains { $0.severity == .error } }
    /// The number of warnings.
    var warningCount: Int { findings.count { $0.severity == .warning } }
}

/// One file (or standard input) after checking.
struct CheckedFile: Sendable {
    /// The file's display name.
    var name: String
    /// The patterns found in it.
    var patterns: [CheckedPattern] = []
    /// Why it could not be checked (exit status 2), with a position when the fault has one.
    var problem: (message: String, line: Int?, column: Int?)? = nil
    /// Why it was passed over without being checked, if it was.
    var skipped: SkipReason? = nil
}

/// Why `ebmatch validate` passes over a file it was given or found.
enum SkipReason: Sendable, Equatable {
    /// A folder walk found a file that is plainly an event (a whole envelope).
    case event
    /// An `ebmatch test` suite manifest (`*.suite.json`): never a pattern, even when named (a shell glob
    /// such as `patterns/*.json` names them beside the patterns they test).
    case suiteManifest

    /// The JSON report's `skipped` text.
    var description: String {
        switch self {
        case .event: "an event (it has id, source, detail-type, account, time and detail), not a pattern"
        case .suiteManifest: "an ebmatch test suite manifest (*.suite.json), not a pattern"
        }
    }
}

/// Counts over a whole run, for the summary line and the exit status.
struct ValidationTally: Sendable, Equatable {
    init() {}

    var files = 0
    var patterns = 0
    var invalid = 0
    var warnings = 0
    var unreadable = 0
    /// Event files a folder walk passed over.
    var skippedEvents = 0
    /// Suite manifests passed over.
    var skippedSuites = 0
    /// Files passed over, of any kind.
    var skipped: Int { skippedEvents + skippedSuites }

    /// Counts `file`.
    mutating func add(_ file: CheckedFile) {
        switch file.skipped {
        case .event?:
            skippedEvents += 1
            return
        case .suiteManifest?:
            skippedSuites += 1
            return
        case nil:
            break
        }
        files += 1
        if file.problem != nil { unreadable += 1 }
        patterns += file.patterns.count
        invalid += file.patterns.count { $0.isInvalid }
        warnings += file.patterns.reduce(0) { $0 + $1.warningCount }
    }

    /// `5 patterns in 3 files: 1 invalid, 2 warnings, 1 unreadable file`.
    var summary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var parts = ["\(invalid) invalid", plural(warnings, "warning")]
        if unreadable > 0 { parts.append(plural(unreadable, "unreadable file")) }
        var skips: [String] = []
        if skippedEvents > 0 { skips.append("\(plural(skippedEvents, "event file")) skipped") }
        if skippedSuites > 0 { skips.append("\(plural(skippedSuites, "suite manifest")) skipped") }
        let found = "\(plural(patterns, "pattern")) in \(plural(files, "file"))"
        if patterns == 0 && unreadable == 0 {
            return ([found + ": no event patterns found in the given paths"] + skips).joined(separator: ", ")
        }
        return found + ": " + (parts + skips).joined(separator: ", ")
    }
}
