import EBMatch

/// Prints the outcome of `ebmatch test`: a line per suite and, for each failed expectation, why the
/// event matched or not; or JSON Lines, GitHub annotations, or JUnit XML.
struct SuiteReportWriter {
    var format: OutputFormat
    /// Whether PASS / FAIL / ERROR are colored (text on a terminal only).
    var colored: Bool
    var output: OutputChannel
    /// The current directory, which GitHub annotations name files relative to.
    var workspace: String

    private static let green = "\u{1B}[32m"
    private static let red = "\u{1B}[31m"
    private static let reset = "\u{1B}[0m"

    /// Writes the report of every suite, and of the arguments that held no suite.
    func write(_ runs: [TestCommand.SuiteRun], problems: [(path: String, message: String)]) {
        switch format {
        case .text:
            for (path, message) in problems {
                output.write("\(ReportWriter.visibleName(path)): error: \(ReportWriter.visible(message))\n")
            }
            runs.forEach(writeText)
            output.write("ebmatch: \(summary(runs, problems: problems.count))\n")
        case .json:
            for (path, message) in problems {
                var object = JSONObjectText()
                object.add("path", path)
                object.add("error", message)
                output.write(object.text + "\n")
            }
            for run in runs { output.write(json(run).text + "\n") }
            var summary = JSONObjectText()
            summary.add("suites", runs.count)
            summary.add("passed", runs.count { $0.passed })
            summary.add("failed", runs.count { !$0.passed && !$0.hasErrors })
            summary.add("errors", runs.count { $0.hasErrors } + problems.count)
            summary.add("expectations", runs.reduce(0) { $0 + $1.total })
            summary.add("failedExpectations", runs.reduce(0) { $0 + $1.failedTotal })
            var object = JSONObjectText()
            object.add("summary", summary)
            output.write(object.text + "\n")
        case .github:
            for (path, message) in problems {
                output.write("::error file=\(GitHubAnnotations.property(relative(path))),title=ebmatch test::"
                    + GitHubAnnotations.data(message) + "\n")
            }
            runs.forEach(writeGitHub)
            output.write("ebmatch: \(summary(runs, problems: problems.count))\n")
        case .junit:
            output.write(junit(runs, problems: problems))
        }
    }

    /// `7 suites: 6 passed, 1 failed; 80 expectations, 1 failed`.
    private func summary(_ runs: [TestCommand.SuiteRun], problems: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let errors = runs.count { $0.hasErrors } + problems
        var text = "\(plural(runs.count, "suite")): \(runs.count { $0.passed }) passed, "
        text += "\(runs.count { !$0.passed && !$0.hasErrors }) failed"
        if errors > 0 { text += ", \(errors) in error" }
        let expectations = runs.reduce(0) { $0 + $1.total }
        let failed = runs.reduce(0) { $0 + $1.failedTotal }
        return text + "; \(plural(expectations, "expectation")), \(failed) failed"
    }

    /// `must match, but does not` and the like.
    private static func verdict(_ expectation: TestCommand.ExpectationRun) -> String {
        expectation.mustMatch ? "must match, but does not" : "must not match, but does"
    }

    /// The explanation of a failed expectation as text, each line indented.
    private func explanationText(_ expectation: TestCommand.ExpectationRun, indent: String) -> String {
        guard let explanation = expectation.explanation else { return "" }
        let writer = ExplanationWriter(format: .text, colored: colored, output: output)
        let text = writer.text(explanation, event: ReportWriter.visibleName(expectation.position.label(in: expectation.file)))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().dropFirst()
            .map { indent + $0 }.joined(separator: "\n") + "\n"
    }

    // MARK: - Text

    private func writeText(_ run: TestCommand.SuiteRun) {
        let name = ReportWriter.visibleName(run.suite.name)
        let mustMatch = run.mustMatchTotal
        if run.passed {
            output.write("\(label("PASS", Self.green)) \(name) (\(mustMatch) must match, "
                + "\(run.total - mustMatch) must not)\n")
            return
        }
        if run.hasErrors {
            output.write("\(label("ERROR", Self.red)) \(name)\n")
        } else if run.isEmpty {
            let advice = run.suite.isManifest
                ? "list event files under \"match\" or \"no-match\"" : "add match/ or no-match/ events"
            output.write("\(label("FAIL", Self.red)) \(name): no events, so it tests nothing (\(advice))\n")
            return
        } else {
            output.write("\(label("FAIL", Self.red)) \(name): \(run.failedTotal) of \(run.total) expectations failed\n")
        }
        for error in run.errors {
            let at = error.line.map { ":\($0):\(error.column ?? 1)" } ?? ""
            output.write("  \(ReportWriter.visibleName(error.file))\(at): error: \(ReportWriter.visible(error.message))\n")
        }
        for expectation in run.expectations {
            let event = ReportWriter.visibleName(expectation.position.label(in: expectation.file))
            if let error = expectation.error {
                let at = error.offset == nil ? event : "\(ReportWriter.visibleName(expectation.file)):\(error.line):\(error.column)"
                output.write("  \(at): error: \(ReportWriter.visible(error.firstLine)) (event \(expectation.position.index))\n")
            } else if !expectation.passed {
                output.write("  \(event): \(Self.verdict(expectation))\n")
                output.write(explanationText(expectation, indent: "  "))
            }
        }
        if run.failuresOmitted > 0 {
            output.write("  … and \(run.failuresOmitted) more failed expectations or bad events\n")
        }
    }

    private func label(_ word: String, _ color: String) -> String {
        colored ? color + word + Self.reset : word
    }

    // MARK: - JSON

    private func json(_ run: TestCommand.SuiteRun) -> JSONObjectText {
        var object = JSONObjectText()
        object.add("suite", run.suite.name)
        object.add("pattern", run.suite.patternPath)
        object.add("result", run.passed ? "pass" : run.hasErrors ? "error" : "fail")
        object.add("expectations", run.total)
        object.add("failed", run.failedTotal)
        object.add("omitted", run.failuresOmitted)
        let explainer = ExplanationWriter(format: .json, colored: false, output: output)
        object.add("failures", run.failures.map { expectation in
            var entry = JSONObjectText()
            entry.add("event", expectation.file)
            entry.add("index", expectation.position.index)
            entry.add("line", expectation.position.line)
            entry.add("expected", expectation.mustMatch ? "match" : "no-match")
            if let explanation = expectation.explanation {
                entry.add("explanation", explainer.json(explanation, event: expectation.file, at: expectation.position))
            }
            return entry
        })
        var errors: [JSONObjectText] = run.errors.map { error in
            var entry = JSONObjectText()
            entry.add("file", error.file)
            entry.add("message", error.message)
            entry.add("line", error.line)
            entry.add("column", error.column)
            return entry
        }
        for expectation in run.expectations {
            guard let error = expectation.error else { continue }
            var entry = JSONObjectText()
            entry.add("file", expectation.file)
            entry.add("index", expectation.position.index)
            entry.add("message", error.firstLine)
            entry.add("line", error.offset == nil ? nil : error.line)
            entry.add("column", error.offset == nil ? nil : error.column)
            errors.append(entry)
        }
        object.add("errors", errors)
        return object
    }

    // MARK: - GitHub

    private func relative(_ path: String) -> String { GitHubAnnotations.relative(path, to: workspace) }

    private func writeGitHub(_ run: TestCommand.SuiteRun) {
        let title = GitHubAnnotations.property("ebmatch test: \(run.suite.name)")
        func annotate(_ file: String, _ line: Int?, _ column: Int?, _ message: String) {
            var properties = ["file=" + GitHubAnnotations.property(relative(file))]
            if let line { properties.append("line=\(line)") }
            if let column { properties.append("col=\(column)") }
            properties.append("title=" + title)
            output.write("::error \(properties.joined(separator: ","))::\(GitHubAnnotations.data(message))\n")
        }
        for error in run.errors { annotate(error.file, error.line, error.column, error.message) }
        if run.isEmpty { annotate(run.suite.name, nil, nil, "the suite has no events, so it tests nothing") }
        for expectation in run.expectations {
            if let error = expectation.error {
                annotate(expectation.file, error.offset == nil ? nil : error.line, error.offset == nil ? nil : error.column,
                    error.firstLine)
            } else if !expectation.passed {
                let label = expectation.position.label(in: expectation.file)
                annotate(expectation.file, expectation.position.line, nil,
                    "\(label): \(Self.verdict(expectation))\n" + explanationText(expectation, indent: ""))
            }
        }
    }

    // MARK: - JUnit

    private func junit(_ runs: [TestCommand.SuiteRun], problems: [(path: String, message: String)]) -> String {
        var body = ""
        var tests = 0
        var failures = 0
        var errors = 0
        for (path, message) in problems {
            errors += 1
            tests += 1
            body += "  <testsuite name=\(JUnitReport.attribute(path)) tests=\"1\" failures=\"0\" errors=\"1\">\n"
            body += "    <testcase classname=\(JUnitReport.attribute(path)) name=\(JUnitReport.attribute(path))>"
            body += "<error type=\"NoSuite\" message=\(JUnitReport.attribute(message))/></testcase>\n  </testsuite>\n"
        }
        for run in runs {
            var cases = ""
            var suiteFailures = 0
            var suiteErrors = 0
            let name = JUnitReport.attribute(run.suite.name)
            for error in run.errors {
                suiteErrors += 1
                let at = error.line.map { ":\($0):\(error.column ?? 1)" } ?? ""
                cases += "    <testcase classname=\(name) name=\(JUnitReport.attribute(error.file))>"
                cases += "<error type=\"InvalidInput\" message=\(JUnitReport.attribute(error.message))>"
                cases += JUnitReport.text("\(error.file)\(at): error: \(error.message)") + "</error></testcase>\n"
            }
            if run.isEmpty {
                suiteFailures += 1
                cases += "    <testcase classname=\(name) name=\"events\"><failure type=\"EmptySuite\" "
                cases += "message=\"the suite has no events, so it tests nothing\"/></testcase>\n"
            }
            for expectation in run.expectations {
                let label = expectation.position.label(in: expectation.file)
                let caseName = JUnitReport.attribute((expectation.mustMatch ? "match: " : "no-match: ") + label)
                cases += "    <testcase classname=\(name) name=\(caseName)"
                if let error = expectation.error {
                    suiteErrors += 1
                    cases += "><error type=\"InvalidEvent\" message=\(JUnitReport.attribute(error.firstLine))/></testcase>\n"
                } else if !expectation.passed {
                    suiteFailures += 1
                    cases += "><failure type=\"Expectation\" message=\(JUnitReport.attribute(Self.verdict(expectation)))>"
                    cases += JUnitReport.text(explanationText(expectation, indent: "")) + "</failure></testcase>\n"
                } else {
                    cases += "/>\n"
                }
            }
            if run.passesOmitted > 0 {
                cases += "    <testcase classname=\(name) name=\"\(run.passesOmitted) more passing events\"/>\n"
            }
            if run.failuresOmitted > 0 {
                suiteFailures += 1
                cases += "    <testcase classname=\(name) name=\"\(run.failuresOmitted) more failures\"><failure "
                cases += "type=\"Expectation\" message=\"\(run.failuresOmitted) more failed expectations or bad events\"/>"
                cases += "</testcase>\n"
            }
            let count = run.expectations.count + run.errors.count + (run.isEmpty ? 1 : 0)
                + (run.passesOmitted > 0 ? 1 : 0) + (run.failuresOmitted > 0 ? 1 : 0)
            body += "  <testsuite name=\(name) tests=\"\(count)\" failures=\"\(suiteFailures)\" errors=\"\(suiteErrors)\">\n"
            body += cases + "  </testsuite>\n"
            tests += count
            failures += suiteFailures
            errors += suiteErrors
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="ebmatch test" tests="\(tests)" failures="\(failures)" errors="\(errors)">
            \(body)</testsuites>

            """
    }
}
