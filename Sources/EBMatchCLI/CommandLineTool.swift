import EBMatch
import Foundation

/// Entry point of the `ebmatch` command.
///
/// `run(arguments:stdin:stdout:stderr:environment:)` does everything but touch the process, so tests
/// drive the whole command in memory; `runProcess()` connects it to the real streams.
public enum CommandLineTool {
    /// The version `--version` prints.
    public static let version = "0.1.0"

    /// Runs the command with `arguments` (without the program name) and returns the exit status.
    ///
    /// - Parameters:
    ///   - stdin: reads all of standard input; called at most once, for the argument `-`.
    ///   - stdout: receives results (and, in JSON mode, pattern and envelope errors).
    ///   - stderr: receives diagnostics and usage errors.
    ///   - environment: the variables consulted (`NO_COLOR`).
    ///   - standardInputHandle: standard input to stream from (`match --rules`), when it is a real one.
    public static func run(
        arguments: [String], stdin: @escaping () throws -> [UInt8], stdout: OutputChannel, stderr: OutputChannel,
        environment: [String: String] = [:], standardInputHandle: FileHandle? = nil
    ) -> Int32 {
        defer {
            stdout.flush()
            stderr.flush()
        }
        let parsed: CommandLineArguments
        do {
            parsed = try CommandLineArguments(parsing: arguments)
        } catch {
            let command = CommandLineArguments.Command.named(by: arguments)?.command ?? .match
            stderr.write("ebmatch: error: \(error.message)\nUsage: \(CommandHelp.synopsis(of: command))\n")
            stderr.write("Run '\(command.invocation) --help' for more.\n")
            return MatchCommand.ExitStatus.usage.rawValue
        }
        switch parsed.action {
        case .help:
            stdout.write(CommandHelp.usage(of: parsed.command))
            return 0
        case .version:
            stdout.write("ebmatch \(version)\n")
            return 0
        case .run:
            break
        }
        let colored = ReportWriter.wantsColor(output: stdout, environment: environment)
        let report = ReportWriter(format: parsed.format, colored: colored, output: stdout, errors: stderr)
        let status: Int32
        switch parsed.command {
        case .match:
            status = MatchCommand(arguments: parsed, report: report, readStandardInput: stdin).run().rawValue
        case .explain:
            status = ExplainCommand(arguments: parsed, report: report, readStandardInput: stdin).run().rawValue
        case .rules:
            status = RulesCommand(
                arguments: parsed, report: report, readStandardInput: stdin, standardInput: standardInputHandle
            ).run().rawValue
        case .test:
            status = TestCommand(arguments: parsed, output: stdout, colored: colored).run().rawValue
        case .genesys:
            // Parsing refuses `genesys` without a subcommand, so only `--help` gets here.
            stdout.write(CommandHelp.usage(of: .genesys))
            status = 0
        case .genesysPattern:
            status = GenesysPatternCommand(request: parsed.genesysRequest, output: stdout, errors: stderr).run().rawValue
        case .validate, .genesysLint:
            status = ValidateCommand(arguments: parsed, output: stdout, colored: colored, readStandardInput: stdin)
                .run().rawValue
        }
        stdout.flush()
        if let reason = stdout.writeError() {
            // Results that could not be written are results lost: say so, as grep does.
            stderr.write("ebmatch: error: cannot write results: \(reason)\n")
            return MatchCommand.ExitStatus.invalidInput.rawValue
        }
        return status
    }

    /// Runs the command on this process's arguments, streams and environment; returns the exit status.
    public static func runProcess() -> Int32 {
        run(
            arguments: Array(CommandLine.arguments.dropFirst()),
            stdin: {
                guard let bytes = try InputFile.readAll(.standardInput, limit: InputFile.maxEventFileSize) else {
                    throw InputFile.TooLarge()
                }
                return bytes
            },
            stdout: .fileDescriptor(1, buffered: true),
            stderr: .fileDescriptor(2, buffered: false),
            environment: ProcessInfo.processInfo.environment, standardInputHandle: .standardInput)
    }
}
