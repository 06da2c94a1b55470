import EBMatch
import Foundation

/// `ebmatch test PATH...`: runs every rule test suite found under the paths.
public struct TestCommand {
    /// The exit statuses of the command.
    public enum ExitStatus: Int32, Sendable {
        /// Every expectation of every suite held.
        case allPassed = 0
        /// An event matched that must not, or did not that must, or a suite has no events.
        case someFailed = 1
        /// A pattern, event or manifest is invalid or unreadable, or no suite was found.
        case invalidInput = 2
    }

    /// One event's expectation and what happened.
    struct ExpectationRun {
        var file: String
        var position: ReportWriter.EventPosition
        var mustMatch: Bool
        /// Whether the event matched (nil when it is not a valid event: see `error`).
        var matched: Bool?
        /// Why the pattern matched or not, for failed expectations.
        var explanation: MatchExplanation?
        /// The event's fault, with positions in its file.
        var error: EBMatchError?

        var passed: Bool { matched == mustMatch }
    }

    /// One suite after running.
    struct SuiteRun {
        var suite: RuleSuite
        /// Problems that stop the suite or some of its events: an unreadable or invalid pattern, manifest
        /// or event file (file, message, line, column).
        var errors: [(file: String, message: String, line: Int?, column: Int?)] = []
        /// The expectations kept for the report: every failure and bad event up to `kept`, and passing
        /// ones up to `kept` (a suite of millions of events must not keep them all).
        var expectations: [ExpectationRun] = []
        /// Counts over every event of the suite.
        var total = 0
        var mustMatchTotal = 0
        var failedTotal = 0
        var badEvents = 0
        /// Expectations counted but not kept: failed ones (or bad events), and passing ones.
        var failuresOmitted = 0
        var passesOmitted = 0

        /// The most failures, and the most passing expectations, kept per suite.
        static let kept = 1_000

        var failures: [ExpectationRun] { expectations.filter { $0.matched != nil && !$0.passed } }
        var hasErrors: Bool { !errors.isEmpty || badEvents > 0 }
        /// A suite without events tests nothing: it fails.
        var isEmpty: Bool { errors.isEmpty && total == 0 }
        var passed: Bool { !hasErrors && !isEmpty && failedTotal == 0 }

        /// Counts an expectation, and keeps it while there is room.
        mutating func add(_ expectation: ExpectationRun) {
            total += 1
            if expectation.mustMatch { mustMatchTotal += 1 }
            let bad = expectation.error != nil || !expectation.passed
            if expectation.error != nil { badEvents += 1 } else if !expectation.passed { failedTotal += 1 }
            if bad && failedTotal + badEvents > Self.kept {
                failuresOmitted += 1
            } else if !bad && total - failedTotal - badEvents > Self.kept {
                passesOmitted += 1
            } else {
                expectations.append(expectation)
            }
        }
    }

    private let arguments: CommandLineArguments
    private let writer: SuiteReportWriter

    /// A command for parsed `arguments` writing its report to `output`.
    public init(arguments: CommandLineArguments, output: OutputChannel, colored: Bool) {
        self.arguments = arguments
        writer = SuiteReportWriter(
            format: arguments.format, colored: colored && arguments.format == .text, output: output,
            workspace: FileManager.default.currentDirectoryPath)
    }

    /// Runs the command and returns its exit status.
    public func run() -> ExitStatus {
        let found = SuiteDiscovery.suites(under: arguments.paths)
        let runs = found.suites.map(run)
        writer.write(runs, problems: found.problems)
        if !found.problems.isEmpty || runs.isEmpty || runs.contains(where: \.hasErrors) { return .invalidInput }
        return runs.allSatisfy(\.passed) ? .allPassed : .someFailed
    }

    /// Runs one suite.
    func run(_ suite: RuleSuite) -> SuiteRun {
        var run = SuiteRun(suite: suite)
        if let problem = suite.problem {
            run.errors.append((problem.file, problem.message, nil, nil))
            return run
        }
        let pattern: EventPattern
        switch InputFile.read(suite.patternPath, as: .pattern, readStandardInput: { [] }) {
        case .failure(let error):
            run.errors.append((error.name, error.reason, nil, nil))
            return run
        case .success(let file):
            do {
                pattern = try EventPattern(utf8: file.bytes, limits: arguments.limits)
            } catch {
                let line = error.offset == nil ? nil : error.line
                run.errors.append((file.name, error.firstLine, line, error.offset == nil ? nil : error.column))
                return run
            }
        }
        var matcher = Matcher()
        for (path, mustMatch) in suite.expectations {
            let file: InputFile
            switch InputFile.read(path, readStandardInput: { [] }) {
            case .failure(let error):
                run.errors.append((error.name, error.reason, nil, nil))
                continue
            case .success(let read): file = read
            }
            let events = EventFile(file)
            if events.items.isEmpty { run.errors.append((file.name, "no event in file", nil, nil)) }
            for item in events.items {
                var expectation: ExpectationRun
                switch item {
                case .malformed(let error, let position, _):
                    expectation = ExpectationRun(file: file.name, position: position, mustMatch: mustMatch, error: error)
                case .event(let range, let position):
                    expectation = ExpectationRun(file: file.name, position: position, mustMatch: mustMatch)
                    let bytes = Array(file.bytes[range])
                    do {
                        let matched = try matcher.matches(pattern, utf8: bytes)
                        expectation.matched = matched
                        // Explanations for the failures that are kept only: each holds the event's values.
                        if matched != mustMatch && run.failedTotal + run.badEvents < SuiteRun.kept {
                            expectation.explanation = try pattern.explain(utf8: bytes)
                        }
                    } catch {
                        expectation.error = error.relocated(into: file.bytes, at: range.lowerBound, line: position.line)
                    }
                }
                run.add(expectation)
            }
        }
        return run
    }
}
