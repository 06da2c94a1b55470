import EBMatch

/// `ebmatch PATTERN EVENT...`: compiles the pattern once, then judges every event of every file.
///
/// A bad event or an unreadable file is reported and skipped, so that one broken line does not hide
/// the verdict on the others; the exit status still says something went wrong.
public struct MatchCommand {
    /// The exit statuses of the command.
    public enum ExitStatus: Int32, Sendable {
        /// Every event matched.
        case allMatched = 0
        /// At least one event did not match, and nothing went wrong.
        case someDidNotMatch = 1
        /// The pattern, an event or a file was invalid or unreadable.
        case invalidInput = 2
        /// The command line was wrong.
        case usage = 64
    }

    private let arguments: CommandLineArguments
    private let report: ReportWriter
    private let readStandardInput: () throws -> [UInt8]

    /// A command for parsed `arguments`, printing through `report`; `readStandardInput` is called at
    /// most once, for the one argument that is `-`.
    public init(
        arguments: CommandLineArguments, report: ReportWriter, readStandardInput: @escaping () throws -> [UInt8]
    ) {
        self.arguments = arguments
        self.report = report
        self.readStandardInput = readStandardInput
    }

    /// Runs the command and returns its exit status.
    public func run() -> ExitStatus {
        guard let pattern = Self.loadPattern(arguments, report: report, readStandardInput: readStandardInput) else {
            return .invalidInput
        }
        var tally = Tally()
        var matcher = Matcher()
        for path in arguments.eventPaths {
            switch InputFile.read(path, readStandardInput: readStandardInput) {
            case .success(let file):
                judge(file, against: pattern, with: &matcher, into: &tally)
            case .failure(let error):
                report.fileError(file: error.name, role: .events, reason: error.reason)
                tally.errors += 1
            }
        }
        if tally.errors > 0 { return .invalidInput }
        return tally.mismatches > 0 ? .someDidNotMatch : .allMatched
    }

    /// Reads and compiles the pattern the arguments name, or reports why it cannot be used.
    static func loadPattern(
        _ arguments: CommandLineArguments, report: ReportWriter, readStandardInput: () throws -> [UInt8]
    ) -> EventPattern? {
        let patternFile: InputFile
        switch InputFile.read(arguments.patternPath, as: .pattern, readStandardInput: readStandardInput) {
        case .success(let file): patternFile = file
        case .failure(let error):
            report.fileError(file: error.name, role: .pattern, reason: error.reason)
            return nil
        }
        // An empty pattern file is compiled like any other: EventBridge's own answer to an empty
        // pattern ("Filter is not an object") says more than a message of ours would.
        do {
            return try EventPattern(utf8: patternFile.bytes, limits: arguments.limits)
        } catch {
            report.patternError(file: patternFile.name, error, limits: arguments.limits)
            return nil
        }
    }

    /// What happened to the events so far.
    private struct Tally {
        var mismatches = 0
        var errors = 0
    }

    /// Judges every event in one file, matching over slices of the file's one buffer.
    private func judge(_ file: InputFile, against pattern: EventPattern, with matcher: inout Matcher, into tally: inout Tally) {
        let events = EventFile(file)
        guard !events.items.isEmpty else {
            report.fileError(file: file.name, role: .events, reason: "no event in file")
            tally.errors += 1
            return
        }
        file.bytes.withUnsafeBufferPointer { buffer in
            for item in events.items {
                switch item {
                case .malformed(let error, let position, let restUnread):
                    report.eventError(file: file.name, at: position, error)
                    tally.errors += 1
                    if restUnread {
                        // A fault inside an array cannot be stepped over: say that the rest went unread.
                        report.fileError(
                            file: file.name, role: .events,
                            reason: "the events after [\(position.index - 1)] were not read (the array is malformed at [\(position.index)])")
                    }
                case .event(let range, let position):
                    judge(
                        UnsafeBufferPointer(rebasing: buffer[range]), at: position, of: file, range: range,
                        pattern: pattern, matcher: &matcher, tally: &tally)
                }
            }
        }
    }

    /// Judges one event: the envelope check when asked for, then the match.
    private func judge(
        _ event: UnsafeBufferPointer<UInt8>, at position: ReportWriter.EventPosition, of file: InputFile,
        range: Range<Int>, pattern: EventPattern, matcher: inout Matcher, tally: inout Tally
    ) {
        if arguments.requireEnvelope {
            do {
                try EventEnvelope.check(event: event)
            } catch {
                if error.code == .missingEnvelope {
                    report.envelopeError(file: file.name, at: position, error)
                } else {
                    report.eventError(
                        file: file.name, at: position, error.relocated(into: file.bytes, at: range.lowerBound, line: position.line))
                }
                tally.errors += 1
                return
            }
        }
        do {
            let matched = try matcher.matches(pattern, event: event)
            report.result(file: file.name, at: position, matched: matched)
            if !matched { tally.mismatches += 1 }
        } catch {
            // The matcher counts offsets from the event's first byte; shift them so that line and
            // column point into the file the user can open.
            report.eventError(file: file.name, at: position, error.relocated(into: file.bytes, at: range.lowerBound, line: position.line))
            tally.errors += 1
        }
    }
}
