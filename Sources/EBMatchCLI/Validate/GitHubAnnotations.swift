/// `ebmatch validate --format github`: GitHub Actions workflow commands, which the runner turns into
/// annotations on the pull request's changed lines.
///
/// ```
/// ::error file=rules/q.json,line=4,col=39,title=ebmatch%3A invalid event pattern::prefix/suffix …
/// ```
///
/// Messages are escaped as the runner expects (`%`, CR and LF in the message; also `:` and `,` in
/// property values), so AWS's multi-line message stays one command.
enum GitHubAnnotations {
    /// Writes one command per finding of `file`, or one for the file when it could not be read.
    static func write(_ file: CheckedFile, to output: OutputChannel) {
        if let problem = file.problem {
            var properties = ["file=" + property(file.name)]
            if let line = problem.line { properties.append("line=\(line)") }
            if let column = problem.column { properties.append("col=\(column)") }
            properties.append("title=" + property("ebmatch: unreadable file"))
            output.write("::error \(properties.joined(separator: ","))::\(data(problem.message))\n")
            return
        }
        for checked in file.patterns {
            for finding in checked.findings {
                let what = finding.severity == .error ? "invalid event pattern" : "event pattern warning"
                let title = "ebmatch: " + what + (checked.pattern.resource.map { " (\($0))" } ?? "")
                let properties = [
                    "file=" + property(file.name), "line=\(finding.line)", "col=\(finding.column)",
                    "title=" + property(title),
                ]
                var message = "\(finding.message) (at \(finding.path))"
                if let aws = finding.awsMessage { message += "\nAWS: " + aws }
                output.write("::\(finding.severity.rawValue) \(properties.joined(separator: ","))::\(data(message))\n")
            }
        }
    }

    /// A message escaped for a workflow command (other control characters written as `\u001B`).
    static func data(_ text: String) -> String {
        var out = ""
        for scalar in ReportWriter.visible(text).unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value escaped for a workflow command.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(":", "%3A").replacingOccurrences(",", "%2C")
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    fileprivate func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
