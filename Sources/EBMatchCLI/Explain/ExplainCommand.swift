import EBMatch

/// `ebmatch explain PATTERN EVENT...`: for each event, why it matches the pattern or not.
///
/// Inputs, errors and exit statuses are those of matching (`MatchCommand`); only the report differs.
public struct ExplainCommand {
    private let arguments: CommandLineArguments
    private let report: ReportWriter
    private let readStandardInput: () throws -> [UInt8]

    /// A command for parsed `arguments`; `report` prints errors, and its output channel and format the
    /// explanations.
    public init(
        arguments: CommandLineArguments, report: ReportWriter, readStandardInput: @escaping () throws -> [UInt8]
    ) {
        self.arguments = arguments
        self.report = report
        self.readStandardInput = readStandardInput
    }

    /// Runs the command and returns its exit status.
    public func run() -> MatchCommand.ExitStatus {
        guard let pattern = MatchCommand.loadPattern(arguments, report: report, readStandardInput: readStandardInput)
        else { return .invalidInput }
        let writer = ExplanationWriter(format: report.format, colored: report.colored, output: report.output)
        var mismatches = 0
        var errors = 0
        for path in arguments.eventPaths {
            let file: InputFile
            switch InputFile.read(path, readStandardInput: readStandardInput) {
            case .success(let read): file = read
            case .failure(let error):
                report.fileError(file: error.name, role: .events, reason: error.reason)
                errors += 1
                continue
            }
            let events = EventFile(file)
            if events.items.isEmpty {
                report.fileError(file: file.name, role: .events, reason: "no event in file")
                errors += 1
            }
            for item in events.items {
                switch item {
                case .malformed(let error, let position, _):
                    report.eventError(file: file.name, at: position, error)
                    errors += 1
                case .event(let range, let position):
                    do {
                        let explanation = try pattern.explain(utf8: Array(file.bytes[range]))
                        writer.write(explanation, event: file.name, at: position)
                        if !explanation.matched { mismatches += 1 }
                    } catch {
                        report.eventError(
                            file: file.name, at: position,
                            error.relocated(into: file.bytes, at: range.lowerBound, line: position.line))
                        errors += 1
                    }
                }
            }
        }
        if errors > 0 { return .invalidInput }
        return mismatches > 0 ? .someDidNotMatch : .allMatched
    }
}
