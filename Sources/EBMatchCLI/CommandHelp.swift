/// The `--help` texts of the commands, and the one-line synopsis shown with a usage error.
public enum CommandHelp {
    /// The text `--help` prints for `command`.
    public static func usage(of command: CommandLineArguments.Command) -> String {
        switch command {
        case .match: return matchUsage
        case .validate: return validateUsage
        case .explain: return explainUsage
        case .test: return testUsage
        case .rules: return rulesUsage
        case .genesys: return GenesysHelp.overview
        case .genesysPattern: return GenesysHelp.patternUsage
        case .genesysLint: return GenesysHelp.lintUsage
        }
    }

    /// The synopsis of `command`, e.g. `ebmatch validate [OPTIONS] PATH...`.
    public static func synopsis(of command: CommandLineArguments.Command) -> String {
        switch command {
        case .match: return "ebmatch [OPTIONS] PATTERN EVENT..."
        case .validate: return "ebmatch validate [OPTIONS] PATH..."
        case .explain: return "ebmatch explain [OPTIONS] PATTERN EVENT..."
        case .test: return "ebmatch test [OPTIONS] PATH..."
        case .rules: return "ebmatch match --rules PATH [OPTIONS] [EVENTS...]"
        case .genesys: return "ebmatch genesys pattern|lint [OPTIONS] ..."
        case .genesysPattern: return "ebmatch genesys pattern --topic TOPIC [--queue ID...] [OPTIONS]"
        case .genesysLint: return "ebmatch genesys lint [OPTIONS] PATH..."
        }
    }

    /// The text `ebmatch --help` prints.
    static let matchUsage = """
        USAGE: ebmatch [OPTIONS] PATTERN EVENT...
               ebmatch explain [OPTIONS] PATTERN EVENT...   (see 'ebmatch explain --help')
               ebmatch validate [OPTIONS] PATH...           (see 'ebmatch validate --help')
               ebmatch test [OPTIONS] PATH...               (see 'ebmatch test --help')
               ebmatch match --rules PATH [EVENTS...]       (see 'ebmatch match --help')
               ebmatch genesys pattern|lint ...             (see 'ebmatch genesys --help')

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
    static let validateUsage = """
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
          --genesys                         also check patterns against the Genesys Cloud topics
                                            (see 'ebmatch genesys lint --help')
          --ignore-warning CODE[,CODE...]   drop warnings of these codes: duplicatePath,
                                            unsupportedInPipes, notStatic, sizeQuota, and the
                                            genesys... codes of --genesys
          --max-complexity N                largest wildcard complexity accepted (default: 9)
          -h, --help                        show this help

        WARNINGS:
          a path given twice (EventBridge silently keeps the last list), operators Pipes does not
          support, parts of a template pattern that are only known at deployment, a pattern over
          EventBridge's default size quota (2,048 characters; over 4,096 is an error)

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

    /// The text `explain --help` prints.
    static let explainUsage = """
        USAGE: ebmatch explain [OPTIONS] PATTERN EVENT...

        Says why each event matches the pattern or not, condition by condition: what the pattern
        wants on each path, what the event has there, which condition failed, and hints for near
        misses (a misspelt or mis-cased field, a value of the wrong type, a prefix that is a suffix...).

        ARGUMENTS:
          PATTERN    a file holding one event pattern
          EVENT      a file holding one JSON event, a JSON array of events, or JSON Lines
                     ("-" reads standard input, for PATTERN or for one EVENT)

        OPTIONS:
          --format text|json            output format (default: text; json: one object per event)
          --max-complexity N            largest wildcard complexity accepted (default: 9)
          -h, --help                    show this help

        EXIT STATUS:
          0   every event matched
          1   at least one event did not match
          2   invalid pattern, invalid event, or unreadable file
          64  usage error

        EXAMPLE:
          ebmatch explain patterns/genesys/acd-end-queue-a.json patterns/genesys/events/e01-customer-end-voice.json

        """

    /// The text `test --help` prints.
    static let testUsage = """
        USAGE: ebmatch test [OPTIONS] PATH...

        Runs rule test suites: a pattern with events that must match it and events that must not.
        Each failed expectation is printed with the explanation of why the event matched or not.

        SUITES (found recursively under each PATH):
          a folder        pattern.json, match/*.json, no-match/*.json (event files may hold one event,
                          a JSON array of events, or JSON Lines; *.jsonl and *.ndjson too)
          a manifest      NAME.suite.json, for events kept elsewhere (paths relative to it; a folder
                          in no-match stands for its files that match does not name):
                            {"pattern": "filter.json", "match": ["events/e02.json"], "no-match": ["events/"]}
                          ("name" may give the suite a name for reports)

        OPTIONS:
          --format text|json|github|junit   report format (default: text)
          --max-complexity N                largest wildcard complexity accepted (default: 9)
          -h, --help                        show this help

        EXIT STATUS:
          0   every expectation held
          1   an expectation failed, or a suite has no events
          2   an invalid or unreadable pattern, event or manifest, or no suite found
          64  usage error

        EXAMPLES:
          ebmatch test patterns
          ebmatch test --format junit rules/ > ebmatch-tests.xml

        """

    /// The text `match --help` prints.
    static let rulesUsage = """
        USAGE: ebmatch match --rules PATH [OPTIONS] [EVENTS...]

        Matches a stream of events against many named rules at once, and says which rules each event
        matches. Events are JSON Lines (one event per line), from files or standard input; memory
        stays flat however long the input is.

        ARGUMENTS:
          EVENTS     files or standard input ("-" or nothing): JSON Lines are streamed; one event
                     (even pretty-printed) or a JSON array is read whole

        OPTIONS:
          --rules PATH          a folder of pattern files (rule name: the path below the folder,
                                without .json), a JSON file holding an object {"rule-name":
                                pattern, ...}, or one pattern file (one rule named after it)
          --format text|json    one line per event: "3: acd-end-queue-a, all-voice" (the event's line
                                and the rules it matches), or {"index":2,"line":3,"rules":[...]}
          --count               print only how many events each rule matched
          --jobs N              match on N threads (output stays in input order)
          --validate-events     read every byte of every event, as EventBridge does (by default
                                values no rule reads are skipped without being checked, and reading
                                stops once every top-level member a rule uses has been read)
          --max-complexity N    largest wildcard complexity accepted (default: 9)
          -h, --help            show this help

        EXIT STATUS:
          0   at least one event matched a rule
          1   no event matched any rule
          2   an invalid rule, an invalid event line (reported, the run goes on), or an unreadable file
          64  usage error

        EXAMPLES:
          ebmatch match --rules patterns/genesys patterns/genesys/events/*.json
          zcat archive.jsonl.gz | ebmatch match --rules rules/ --count --jobs 2

        """
}
