import EBMatch
import Foundation

/// `ebmatch validate PATH...`: checks every pattern in pattern files, folders, CloudFormation / SAM /
/// CDK templates and Terraform JSON, and reports every problem of every file.
public struct ValidateCommand {
    /// The exit statuses of the command.
    public enum ExitStatus: Int32, Sendable {
        /// Every pattern is valid (warnings allowed unless `--strict`).
        case allValid = 0
        /// A pattern is invalid, or under `--strict` has a warning.
        case someInvalid = 1
        /// A file could not be read or is not what it should be (not JSON, not text, nothing to check).
        case unreadable = 2
    }

    private let arguments: CommandLineArguments
    private let writer: ValidationReportWriter
    private let readStandardInput: () throws -> [UInt8]

    /// A command for parsed `arguments` writing its report to `output`; `colored` as for matching.
    public init(
        arguments: CommandLineArguments, output: OutputChannel, colored: Bool,
        readStandardInput: @escaping () throws -> [UInt8]
    ) {
        self.arguments = arguments
        self.writer = ValidationReportWriter(
            format: arguments.format, colored: colored && arguments.format == .text, strict: arguments.strict,
            output: output, workspace: FileManager.default.currentDirectoryPath,
            mentionsStrict: arguments.command != .genesysLint)
        self.readStandardInput = readStandardInput
    }

    /// Runs the command and returns its exit status. Each file's report is written as soon as it is
    /// checked, and the file is then forgotten: memory stays that of the largest file.
    public func run() -> ExitStatus {
        let checker = PatternChecker(
            target: arguments.target, limits: arguments.limits, ignoredWarnings: arguments.ignoredWarnings,
            genesys: arguments.genesys)
        var tally = ValidationTally()
        writer.start()
        for entry in ValidationInputs.expand(arguments.paths) {
            let file: CheckedFile
            switch entry {
            case .problem(let path, let reason):
                file = CheckedFile(name: path, problem: (reason, nil, nil))
            case .file(let path, let explicit):
                switch InputFile.read(path, as: .validation, readStandardInput: readStandardInput) {
                case .failure(let error): file = CheckedFile(name: error.name, problem: (error.reason, nil, nil))
                case .success(let input): file = checker.check(input, explicit: explicit)
                }
            }
            tally.add(file)
            writer.write(file)
        }
        writer.finish(tally)
        // Nothing to check at all is a CI step pointed at the wrong place: it must not pass quietly.
        if tally.unreadable > 0 || tally.patterns == 0 { return .unreadable }
        if arguments.command == .genesysLint {
            // The lint is about warnings; a pattern EventBridge refuses is bad input to it, as a broken file.
            if tally.invalid > 0 { return .unreadable }
            return tally.warnings > 0 ? .someInvalid : .allValid
        }
        if tally.invalid > 0 || (arguments.strict && tally.warnings > 0) { return .someInvalid }
        return .allValid
    }
}
