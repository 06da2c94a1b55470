import EBMatch
import Foundation

/// Entry point of the `ebmatch` command.
///
/// `run(arguments:stdin:stdout:stderr:environment:)` does everything but touch the process, so tests
/// drive the whole command in memory; `runProcess()` connects it to the real streams.
public enum CommandLineTool {
    /// The version `--version` prints.
    public static let version = "0.1.0"

    /// The text `--help` prints.
    public static let usage = """
        USAGE: ebmatch [OPTIONS] PATTERN EVENT...
               ebmatch validate [OPTIONS] PATH...     (see 'ebmatch validate --help')

        Tests events against an Amazon EventBridge event pattern, exactly as EventBridge does.

        ARGUMENTS:
          PATTERN    a file holding one event pattern
          EVENT      a file holding one JSON event, a JSON array of events, or JSON Lines
                     ("-" reads standard input, for PATTERN or for one EVENT)

        OPTIONS:
          --format text|json            output format (default: text)
          --require-envelope            reject events lacking id, source, detail-type, account,
                                        region or time, as TestEventPattern does
          --max-complexity N            largest wildcard complexity accepted (default: 9;
                                        --max-wildcard-complexity is the same option)
          -h, --help                    show this help
          --version                     show the version

        OUTPUT:
          text  one line per event on stdout:
                  e.json: match          a file holding one event
                  e.jsonl:3: no match    JSON Lines: the line where the event starts
                  e.json[2]: match       a JSON array: the event's index (from 0)
                errors on stderr as FILE:LINE:COL: error: MESSAGE
          json  one object per line on stdout:
                  {"event":"e.json","index":0,"line":1,"result":"match"}
                  {"error":{"type":"InvalidEventPatternException","message":"...",...}}
                "result" is "match" or "no-match"

        EXIT STATUS:
          0   every event matched
          1   at least one event did not match
          2   invalid pattern, invalid event, or unreadable file
          64  usage error

        EXAMPLES:
          ebmatch pattern.json event.json
          ebmatch --format json pattern.json events.jsonl
          cat events.json | ebmatch pattern.json -
          ebmatch --require-envelope pattern.json samples/*.json

        Color: "match" and "no match" are colored on a terminal unless NO_COLOR is set (non-empty).

        """

    /// The text `validate --help` prints.
    public static let validateUsage = """
        USAGE: ebmatch validate [OPTIONS] PATH...

        Checks event patterns as EventBridge does, and reports every problem with AWS's own message,
        the file, line, column and JSON path. Made for CI: fails the pull request, not the deployment.

        ARGUMENTS:
          PATH    a pattern file, a folder (searched for *.json, recursively), a CloudFormation, SAM
                  or CDK-synthesized template in JSON, or Terraform JSON (terraform show -json of a
                  plan or state, or a state file); "-" reads standard input

        Patterns found in templates:
          AWS::Events::Rule                        EventPattern (an object or a JSON string)
          AWS::Serverless::Function/StateMachine   Events of type EventBridgeRule or CloudWatchEvent
          AWS::Pipes::Pipe                         SourceParameters.FilterCriteria.Filters[].Pattern
          aws_cloudwatch_event_rule                event_pattern
          aws_pipes_pipe                           source_parameters.filter_criteria.filter[].pattern
        Intrinsic functions ({"Ref": ...}, Fn::Sub) cannot be checked before deployment: warnings.

        OPTIONS:
          --format text|json|github|junit   report format (default: text)
                                              github: workflow commands that annotate pull requests
                                              junit:  JUnit XML, one test case per pattern
          --target event-bus|pipes          where plain pattern files are used (default: event-bus);
                                            pipes warns about operators Pipes lacks (templates say
                                            it by resource type)
          --strict                          warnings fail the run (exit status 1)
          --max-complexity N                largest wildcard complexity accepted (default: 9)
          -h, --help                        show this help

        WARNINGS:
          a path given twice (EventBridge silently keeps the last list), operators Pipes does not
          support, parts of a template pattern that are only known at deployment

        EXIT STATUS:
          0   every pattern is valid (warnings allowed unless --strict)
          1   a pattern is invalid, or has a warning under --strict
          2   a file could not be read, is not JSON text, or a folder holds no *.json file
          64  usage error

        EXAMPLES:
          ebmatch validate rules/
          ebmatch validate --format github cdk.out/MyStack.template.json
          terraform show -json plan.out > plan.json && ebmatch validate plan.json
          ebmatch validate --target pipes --strict filters/

        """

    /// Runs the command with `arguments` (without the program name) and returns the exit status.
    ///
    /// - Parameters:
    ///   - stdin: reads all of standard input; called at most once, for the argument `-`.
    ///   - stdout: receives results (and, in JSON mode, pattern and envelope errors).
    ///   - stderr: receives diagnostics and usage errors.
    ///   - environment: the variables consulted (`NO_COLOR`).
    public static func run(
        arguments: [String], stdin: @escaping () throws -> [UInt8], stdout: OutputChannel, stderr: OutputChannel,
        environment: [String: String] = [:]
    ) -> Int32 {
        defer {
            stdout.flush()
            stderr.flush()
        }
        let parsed: CommandLineArguments
        do {
            parsed = try CommandLineArguments(parsing: arguments)
        } catch {
            let validating = arguments.first == CommandLineArguments.Command.validate.rawValue
            let synopsis = validating ? "ebmatch validate [OPTIONS] PATH..." : "ebmatch [OPTIONS] PATTERN EVENT..."
            stderr.write("ebmatch: error: \(error.message)\nUsage: \(synopsis)\n")
            stderr.write("Run '\(validating ? "ebmatch validate" : "ebmatch") --help' for more.\n")
            return MatchCommand.ExitStatus.usage.rawValue
        }
        switch parsed.action {
        case .help:
            stdout.write(parsed.command == .validate ? validateUsage : usage)
            return MatchCommand.ExitStatus.allMatched.rawValue
        case .version:
            stdout.write("ebmatch \(version)\n")
            return MatchCommand.ExitStatus.allMatched.rawValue
        case .run where parsed.command == .validate:
            let command = ValidateCommand(
                arguments: parsed, output: stdout,
                colored: ReportWriter.wantsColor(output: stdout, environment: environment), readStandardInput: stdin)
            let status = command.run()
            stdout.flush()
            if let reason = stdout.writeError() {
                stderr.write("ebmatch: error: cannot write the report: \(reason)\n")
                return ValidateCommand.ExitStatus.unreadable.rawValue
            }
            return status.rawValue
        case .run:
            let report = ReportWriter(
                format: parsed.format, colored: ReportWriter.wantsColor(output: stdout, environment: environment),
                output: stdout, errors: stderr)
            let status = MatchCommand(arguments: parsed, report: report, readStandardInput: stdin).run()
            stdout.flush()
            if let reason = stdout.writeError() {
                // Results that could not be written are results lost: say so, as grep does.
                stderr.write("ebmatch: error: cannot write results: \(reason)\n")
                return MatchCommand.ExitStatus.invalidInput.rawValue
            }
            return status.rawValue
        }
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
            environment: ProcessInfo.processInfo.environment)
    }
}
