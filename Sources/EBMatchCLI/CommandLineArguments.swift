import EBMatch

/// The parsed command line: `ebmatch PATTERN EVENT...` or `ebmatch validate PATH...`.
///
/// Parsing is separate from running so that every usage error is found before any file is read: a
/// bad option must give exit status 64 even when the files named next to it are missing.
public struct CommandLineArguments: Sendable, Equatable {
    /// What the command line asks for.
    public enum Action: Sendable, Equatable {
        /// Run the command.
        case run
        /// Print the command's usage text.
        case help
        /// Print the version.
        case version
    }

    /// The commands, named by the first argument (none means matching one pattern).
    public enum Command: Sendable, Equatable, CaseIterable {
        /// `ebmatch PATTERN EVENT...`: match events against a pattern.
        case match
        /// `ebmatch match --rules PATH [EVENT...]`: which of many named rules each event matches.
        case rules
        /// `ebmatch validate PATH...`: check the patterns in files, folders and templates.
        case validate
        /// `ebmatch explain PATTERN EVENT...`: why each event matches or not, condition by condition.
        case explain
        /// `ebmatch test PATH...`: run rule test suites (a pattern with events that must or must not match).
        case test
        /// `ebmatch genesys` without a subcommand: only `--help` means something.
        case genesys
        /// `ebmatch genesys pattern --topic T ...`: write a pattern for Genesys Cloud events.
        case genesysPattern
        /// `ebmatch genesys lint PATH...`: check patterns against the Genesys topic table.
        case genesysLint

        /// The word that names the command on the command line (nil for matching one pattern).
        public var keyword: String? {
            switch self {
            case .match: return nil
            case .rules: return "match"
            case .validate: return "validate"
            case .explain: return "explain"
            case .test: return "test"
            case .genesys: return "genesys"
            case .genesysPattern: return "genesys pattern"
            case .genesysLint: return "genesys lint"
            }
        }

        /// The command a first argument names, if it names one.
        public init?(keyword: String) {
            guard let command = Self.allCases.first(where: { $0.keyword == keyword }) else { return nil }
            self = command
        }

        /// The command the first arguments name (one word, or two for `genesys pattern`), and how
        /// many arguments name it; nil when they name none (matching one pattern).
        public static func named(by arguments: [String]) -> (command: Command, words: Int)? {
            guard let first = arguments.first, let command = Command(keyword: first) else { return nil }
            if command == .genesys, arguments.count > 1, let sub = Command(keyword: first + " " + arguments[1]) {
                return (sub, 2)
            }
            return (command, 1)
        }

        /// How messages name the command: `ebmatch validate`, or `ebmatch`.
        public var invocation: String { keyword.map { "ebmatch \($0)" } ?? "ebmatch" }
    }

    /// A command line that cannot be run; its message is shown with a pointer to `--help`.
    public struct UsageError: Error, Sendable, Equatable {
        /// What is wrong, e.g. `unknown option '--frobnicate'`.
        public let message: String

        /// A usage error with the given message.
        public init(_ message: String) {
            self.message = message
        }
    }

    /// The name that stands for standard input, for the pattern or one event argument.
    public static let standardInputName = "-"

    /// What to do.
    public var action: Action = .run
    /// Which command.
    public var command: Command = .match
    /// The pattern file (`-` for standard input).
    public var patternPath = ""
    /// The event files, in command-line order (at most one of them, or the pattern, is `-`).
    public var eventPaths: [String] = []
    /// How results and errors are printed.
    public var format: OutputFormat = .text
    /// Whether each event must carry the envelope fields TestEventPattern requires.
    public var requireEnvelope = false
    /// The limits the pattern is compiled with.
    public var limits: PatternLimits = .aws
    /// `validate`: the files and folders to check (`-` for standard input).
    public var paths: [String] = []
    /// `validate`: where plain pattern files will be used (templates say it by resource type).
    public var target: PatternTarget = .eventBus
    /// `validate`: whether warnings fail the run (exit status 1).
    public var strict = false
    /// `validate`: warning codes not to report.
    public var ignoredWarnings: Set<String> = []
    /// `match --rules`: the folder of pattern files, or the JSON object file, of the named rules.
    public var rulesPath = ""
    /// `match --rules`: print only the per-rule totals.
    public var countOnly = false
    /// `match --rules`: threads matching events.
    public var jobs = 1
    /// `match --rules`: read every byte of every event (otherwise values no rule reads are skipped).
    public var validateEvents = false
    /// `validate --genesys` and `genesys lint`: check patterns against the Genesys topic table too.
    public var genesys = false
    /// `genesys pattern`: what the pattern is to select.
    var genesysRequest = GenesysPatternRequest()

    /// The codes `--ignore-warning` accepts.
    public static let warningCodes = Set(
        PatternWarning.Code.allCases.map(\.rawValue) + GenesysLintFinding.Code.allCases.map(\.rawValue)
            + ["notStatic", "sizeQuota"])

    /// Arguments with every setting at its default and no files.
    public init() {}

    /// Parses `arguments` (without the program name).
    ///
    /// `--help` and `--version` win over everything else, even over errors elsewhere on the line,
    /// because someone typing them wants that answer and nothing more.
    public init(parsing arguments: [String]) throws(UsageError) {
        var arguments = arguments
        if let (command, words) = Command.named(by: arguments) {
            self.command = command
            arguments.removeFirst(words)
        }
        let options = arguments.prefix { $0 != "--" }
        if options.contains(where: { $0 == "--help" || $0 == "-h" }) {
            action = .help
            return
        }
        if options.contains("--version") {
            action = .version
            return
        }
        var positional: [String] = []
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            // A lone "-" is standard input and "--" ends the options; neither is an option itself.
            if optionsEnded || !argument.hasPrefix("-") || argument == Self.standardInputName {
                positional.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            let (name, inlineValue) = Self.splitInlineValue(argument)
            switch name {
            case "--require-envelope" where command == .match:
                guard inlineValue == nil else { throw UsageError("option '--require-envelope' takes no value") }
                requireEnvelope = true
            case "--strict" where command == .validate:
                guard inlineValue == nil else { throw UsageError("option '--strict' takes no value") }
                strict = true
            case "--genesys" where command == .validate:
                guard inlineValue == nil else { throw UsageError("option '--genesys' takes no value") }
                genesys = true
            case "--topic" where command == .genesysPattern, "--queue" where command == .genesysPattern,
                "--exclude-queue" where command == .genesysPattern, "--org" where command == .genesysPattern,
                "--suffix" where command == .genesysPattern, "--media" where command == .genesysPattern,
                "--direction" where command == .genesysPattern:
                let value = try Self.value(of: name, inline: inlineValue, arguments, &index)
                try genesysRequest.set(name, value)
            case "--format":
                let value = try Self.value(of: name, inline: inlineValue, arguments, &index)
                let allowed = OutputFormat.allowed(for: command)
                guard let parsed = OutputFormat(argument: value), allowed.contains(parsed) else {
                    let names = allowed.map { "'\($0.rawValue)'" }
                    let expected = names.count < 2
                        ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
                    throw UsageError("invalid value '\(value)' for '--format' (expected \(expected))")
                }
                format = parsed
            case "--target" where command == .validate || command == .genesysLint:
                let value = try Self.value(of: name, inline: inlineValue, arguments, &index)
                guard let parsed = PatternTarget(rawValue: value) else {
                    throw UsageError("invalid value '\(value)' for '--target' (expected 'event-bus' or 'pipes')")
                }
                target = parsed
            case "--rules" where command == .rules:
                rulesPath = try Self.value(of: name, inline: inlineValue, arguments, &index)
            case "--count" where command == .rules, "--validate-events" where command == .rules:
                guard inlineValue == nil else { throw UsageError("option '\(name)' takes no value") }
                if name == "--count" { countOnly = true } else { validateEvents = true }
            case "--jobs" where command == .rules:
                let value = try Self.value(of: name, inline: inlineValue, arguments, &index)
                guard let number = Self.positiveInteger(value), number <= 256 else {
                    throw UsageError("invalid value '\(value)' for '--jobs' (expected an integer from 1 to 256)")
                }
                jobs = number
            case "--ignore-warning" where command == .validate || command == .genesysLint:
                let value = try Self.value(of: name, inline: inlineValue, arguments, &index)
                for code in value.split(separator: ",").map(String.init) {
                    guard Self.warningCodes.contains(code) else {
                        let known = Self.warningCodes.sorted().map { "'\($0)'" }.joined(separator: ", ")
                        throw UsageError("invalid value '\(code)' for '--ignore-warning' (expected \(known))")
                    }
                    ignoredWarnings.insert(code)
                }
            case "--max-complexity", "--max-wildcard-complexity":
                let value = try Self.value(of: name, inline: inlineValue, arguments, &index)
                guard let number = Self.positiveInteger(value) else {
                    throw UsageError("invalid value '\(value)' for '\(name)' (expected a positive integer)")
                }
                limits.maxWildcardComplexity = number
            default:
                throw UsageError("unknown option '\(name)'" + (command.keyword.map { " for '\($0)'" } ?? ""))
            }
        }
        if command == .rules {
            guard !rulesPath.isEmpty else { throw UsageError("missing --rules PATH") }
            if positional.filter({ $0 == Self.standardInputName }).count > 1 {
                throw UsageError("standard input ('-') can be read only once")
            }
            eventPaths = positional.isEmpty ? [Self.standardInputName] : positional
            return
        }
        if command == .genesys {
            throw UsageError(
                arguments.first.map { "unknown genesys command '\($0)' (expected 'pattern' or 'lint')" }
                    ?? "missing genesys command ('pattern' or 'lint')")
        }
        if command == .genesysPattern {
            guard positional.isEmpty else { throw UsageError("unexpected argument '\(positional[0])'") }
            try genesysRequest.check()
            return
        }
        if command == .genesysLint {
            // The lint's warnings are its findings: they decide the exit status.
            genesys = true
            strict = true
        }
        if command == .validate || command == .test || command == .genesysLint {
            guard !positional.isEmpty else { throw UsageError("missing PATH argument") }
            if positional.filter({ $0 == Self.standardInputName }).count > 1 {
                throw UsageError("standard input ('-') can be read only once")
            }
            paths = positional
            return
        }
        guard let first = positional.first else { throw UsageError("missing PATTERN and EVENT arguments") }
        guard positional.count >= 2 else { throw UsageError("missing EVENT argument") }
        if positional.filter({ $0 == Self.standardInputName }).count > 1 {
            throw UsageError("standard input ('-') can be read only once")
        }
        patternPath = first
        eventPaths = Array(positional.dropFirst())
    }

    /// Splits `--name=value` into its name and value; other arguments have no inline value.
    private static func splitInlineValue(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    /// The value of an option, given inline (`--format=json`) or as the next argument (`--format json`).
    private static func value(
        of name: String, inline: String?, _ arguments: [String], _ index: inout Int
    ) throws(UsageError) -> String {
        if let inline { return inline }
        guard index < arguments.count else { throw UsageError("option '\(name)' needs a value") }
        defer { index += 1 }
        return arguments[index]
    }

    /// A decimal integer of at least 1, written with ASCII digits only (no sign, no spaces), or nil.
    private static func positiveInteger(_ text: String) -> Int? {
        // `Int(_:)` alone would accept "+5"; a limit is clearer without a sign.
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let number = Int(text), number >= 1
        else { return nil }
        return number
    }
}
