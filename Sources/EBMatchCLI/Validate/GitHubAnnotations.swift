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
    /// Writes one command per finding of `file`, or one for the file when it could not be read. Paths
    /// are written relative to `workspace` (the directory the job runs in, the repository's root), as the
    /// runner matches annotations to the pull request's files by their path in the repository.
    static func write(_ file: CheckedFile, to output: OutputChannel, workspace: String) {
        let name = relative(file.name, to: workspace)
        if let problem = file.problem {
            var properties = ["file=" + property(name)]
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
                    "file=" + property(name), "line=\(finding.line)", "col=\(finding.column)",
                    "title=" + property(title),
                ]
                var message = "\(finding.message) (at \(ReportWriter.shortened(path: finding.path)))"
                if let note = finding.note { message += "\nnote: " + note }
                // The short form: an annotation quoting a whole multi-line pattern is hard to read.
                if let aws = finding.awsMessageShown { message += "\nAWS: " + aws }
                output.write("::\(finding.severity.rawValue) \(properties.joined(separator: ","))::\(data(message))\n")
            }
        }
    }

    /// `path` without leading `./` and, when it lies under `workspace`, relative to it.
    static func relative(_ path: String, to workspace: String) -> String {
        var path = Substring(path)
        let base = workspace.hasSuffix("/") ? workspace : workspace + "/"
        if path.hasPrefix(base) { path = path.dropFirst(base.count) }
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
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
