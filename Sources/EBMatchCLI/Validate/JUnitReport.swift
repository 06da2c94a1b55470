/// `ebmatch validate --format junit`: a JUnit XML report, one test suite per file and one test case per
/// pattern, which CI systems (GitLab, Jenkins, Azure Pipelines, GitHub test reporters) show as tests.
///
/// An invalid pattern is a failed test case; a file that could not be read is a test case in error;
/// warnings are listed in the case's `system-out`, and fail it under `--strict`.
enum JUnitReport {
    /// The document's start. (The root carries no totals: suites are written as files are checked.)
    static let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"ebmatch validate\">\n"
    /// The document's end.
    static let tail = "</testsuites>\n"

    /// The test suite of one file ("" for a file a folder walk passed over).
    static func suite(_ file: CheckedFile, strict: Bool) -> String {
        guard file.skipped == nil else { return "" }
        var cases = ""
        var failures = 0
        var errors = 0
        if let problem = file.problem {
            errors = 1
            let at = problem.line.map { ":\($0):\(problem.column ?? 1)" } ?? ""
            cases += "    <testcase classname=\(attribute(file.name)) name=\(attribute(file.name))>\n"
            cases += "      <error type=\"UnreadableFile\" message=\(attribute(problem.message))>"
            cases += text("\(file.name)\(at): error: \(problem.message)") + "</error>\n"
            cases += "    </testcase>\n"
        }
        for checked in file.patterns {
            // Under --strict warnings fail the case and are listed with the errors; otherwise they are output.
            let warnings = strict ? [] : checked.findings.filter { $0.severity == .warning }
            let failing = checked.findings.filter { $0.severity == .error || strict }
            cases += "    <testcase classname=\(attribute(file.name)) name=\(attribute(checked.pattern.name))"
            cases += " file=\(attribute(file.name)) line=\"\(checked.line)\""
            if failing.isEmpty && warnings.isEmpty {
                cases += "/>\n"
                continue
            }
            cases += ">\n"
            if let first = failing.first {
                failures += 1
                let body = failing.map { describe($0, in: file.name) }.joined(separator: "\n")
                cases += "      <failure type=\(attribute(first.code)) message=\(attribute(first.message))>"
                cases += text(body) + "</failure>\n"
            }
            if !warnings.isEmpty {
                let body = warnings.map { describe($0, in: file.name) }.joined(separator: "\n")
                cases += "      <system-out>" + text(body) + "</system-out>\n"
            }
            cases += "    </testcase>\n"
        }
        let tests = file.patterns.count + (file.problem == nil ? 0 : 1)
        return "  <testsuite name=\(attribute(file.name)) tests=\"\(tests)\" failures=\"\(failures)\" "
            + "errors=\"\(errors)\">\n" + cases + "  </testsuite>\n"
    }

    /// `file:line:col: error: message (at path)`, then AWS's message.
    private static func describe(_ finding: ValidationFinding, in file: String) -> String {
        var line = "\(file):\(finding.line):\(finding.column): \(finding.severity.rawValue): "
        line += "\(finding.message) (at \(finding.path))"
        if let note = finding.note { line += "\nnote: " + note }
        if let aws = finding.awsMessage { line += "\nAWS: " + aws }
        return line
    }

    /// An attribute value, quoted and escaped.
    static func attribute(_ value: String) -> String {
        "\"" + escaped(value, attribute: true) + "\""
    }

    /// Element text, escaped.
    static func text(_ value: String) -> String {
        escaped(value, attribute: false)
    }

    /// XML escaping. Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates cannot
    /// occur in a Swift string) are written as `\u001B` so the document stays well-formed.
    private static func escaped(_ value: String, attribute: Bool) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t",
                _ where scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
