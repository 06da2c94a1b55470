/// Prints the outcome of `ebmatch validate` on stdout, in the chosen format.
///
/// The report is the command's result, so it all goes to stdout (as a linter's does), warnings and
/// unreadable files included; only usage errors go to stderr.
struct ValidationReportWriter {
    /// The format.
    var format: OutputFormat
    /// Whether `error:` and `warning:` are colored (text on a terminal only).
    var colored: Bool
    /// Whether warnings count as failures (`--strict`), which JUnit shows as failed test cases.
    var strict: Bool
    /// Where the report goes.
    var output: OutputChannel
    /// The current directory, which GitHub annotations name files relative to.
    var workspace: String
    /// Whether the summary says that `--strict` made warnings fail (not for `genesys lint`, where
    /// warnings always do).
    var mentionsStrict = true

    private static let red = "\u{1B}[31m"
    private static let yellow = "\u{1B}[33m"
    private static let reset = "\u{1B}[0m"

    /// Writes what comes before the first file (the JUnit document's head).
    func start() {
        if format == .junit { output.write(JUnitReport.head) }
    }

    /// Writes the report of one file.
    func write(_ file: CheckedFile) {
        switch format {
        case .text: writeText(file)
        case .json: writeJSON(file)
        case .github: GitHubAnnotations.write(file, to: output, workspace: workspace)
        case .junit: output.write(JUnitReport.suite(file, strict: strict))
        }
    }

    /// Writes what comes after the last file: the summary.
    func finish(_ tally: ValidationTally) {
        switch format {
        case .text, .github:
            output.write("ebmatch: \(summary(tally))\n")
        case .json:
            var summary = JSONObjectText()
            summary.add("files", tally.files)
            summary.add("patterns", tally.patterns)
            summary.add("invalid", tally.invalid)
            summary.add("warnings", tally.warnings)
            summary.add("unreadable", tally.unreadable)
            summary.add("skipped", tally.skipped)
            var object = JSONObjectText()
            object.add("summary", summary)
            output.write(object.text + "\n")
        case .junit:
            output.write(JUnitReport.tail)
        }
    }

    /// The summary line, saying when `--strict` is what fails the run.
    private func summary(_ tally: ValidationTally) -> String {
        strict && mentionsStrict && tally.warnings > 0 ? tally.summary + " (--strict: warnings fail the run)" : tally.summary
    }

    // MARK: - Text

    private func writeText(_ file: CheckedFile) {
        let name = ReportWriter.visibleName(file.name)
        if let problem = file.problem {
            let at = problem.line.map { ":\($0):\(problem.column ?? 1)" } ?? ""
            output.write("\(name)\(at): \(label(.error)) \(ReportWriter.visibleName(problem.message))\n")
            return
        }
        for checked in file.patterns {
            let resource = checked.pattern.resource.map { "[\(ReportWriter.visibleName($0))] " } ?? ""
            for finding in checked.findings {
                // One line, whatever the message quotes (a member name may hold a line break).
                let message = ReportWriter.visibleName(finding.message)
                let path = ReportWriter.visibleName(ReportWriter.shortened(path: finding.path))
                output.write(
                    "\(name):\(finding.line):\(finding.column): \(label(finding.severity)) \(resource)\(message)"
                        + " (at \(path))\n")
                output.write(ReportWriter.visible(finding.excerpt))
                if let aws = finding.awsMessageShown {
                    let indented = aws.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n    ")
                    output.write("    AWS: \(ReportWriter.visible(indented))\n")
                }
                if let note = finding.note { output.write("    note: \(ReportWriter.visible(note))\n") }
            }
        }
    }

    /// `error:` or `warning:`, colored when wanted.
    private func label(_ severity: ValidationFinding.Severity) -> String {
        let word = severity.rawValue + ":"
        guard colored else { return word }
        return (severity == .error ? Self.red : Self.yellow) + word + Self.reset
    }

    // MARK: - JSON

    /// One line per pattern (`"valid"`, its errors and warnings), or one for a file that could not be read.
    private func writeJSON(_ file: CheckedFile) {
        if let skipped = file.skipped {
            var object = JSONObjectText()
            object.add("file", file.name)
            object.add("skipped", skipped.description)
            output.write(object.text + "\n")
            return
        }
        if let problem = file.problem {
            var detail = JSONObjectText()
            detail.add("type", "UnreadableFile")
            detail.add("message", problem.message)
            detail.add("line", problem.line)
            detail.add("column", problem.column)
            var object = JSONObjectText()
            object.add("file", file.name)
            object.add("error", detail)
            output.write(object.text + "\n")
            return
        }
        for checked in file.patterns {
            var object = JSONObjectText()
            object.add("file", file.name)
            object.add("resource", checked.pattern.resource)
            object.add("origin", checked.pattern.origin.rawValue)
            object.add("target", checked.pattern.target.rawValue)
            object.add("line", checked.line)
            object.add("column", checked.column)
            object.add("valid", !checked.isInvalid)
            object.add("errors", checked.findings.filter { $0.severity == .error }.map(Self.json))
            object.add("warnings", checked.findings.filter { $0.severity == .warning }.map(Self.json))
            output.write(object.text + "\n")
        }
    }

    private static func json(_ finding: ValidationFinding) -> JSONObjectText {
        var object = JSONObjectText()
        object.add("code", finding.code)
        object.add("message", finding.message)
        if finding.severity == .error { object.add("awsMessage", finding.awsMessage) }
        object.add("path", finding.path)
        object.add("line", finding.line)
        object.add("column", finding.column)
        if finding.severity == .error {
            object.add("note", finding.note)
            object.add("awsLine", finding.awsPosition?.line)
            object.add("awsColumn", finding.awsPosition?.column)
        } else if let note = finding.note {
            object.add("note", note)
        }
        return object
    }
}
