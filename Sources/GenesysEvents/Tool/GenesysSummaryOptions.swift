/// The command line of `genesys-summary`, parsed.
public struct GenesysSummaryOptions: Sendable, Equatable {
    /// `--org ID`: the Genesys organization whose events are accepted (required).
    public var organizationId: String
    /// `--suffix NAME`: the event source suffix to accept (any when absent).
    public var eventSourceSuffix: String?
    /// `--pattern FILE`: an event pattern every event must match.
    public var patternPath: String?
    /// `--topic NAME` (repeatable): accepted topics, by short name (`acd.end`) or template.
    public var topics: [String]

    /// What the command line asks for.
    public enum Request: Sendable, Equatable {
        /// Summarize standard input with these options.
        case run(GenesysSummaryOptions)
        /// Print the help text.
        case help
    }

    /// A command line that cannot be run; `message` says why.
    public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, e.g. `missing --org`.
        public let message: String
        /// The message.
        public var description: String { message }
    }

    /// Options from their parts.
    public init(organizationId: String, eventSourceSuffix: String? = nil, patternPath: String? = nil, topics: [String] = []) {
        self.organizationId = organizationId
        self.eventSourceSuffix = eventSourceSuffix
        self.patternPath = patternPath
        self.topics = topics
    }

    /// Parses the arguments (without the program name). Options take their value as the next argument
    /// (which cannot start with `--`) or after `=` (`--org=ID`); the last of a repeated single-valued
    /// option wins.
    public static func parse(_ arguments: [String]) throws(UsageError) -> Request {
        var organization: String?
        var suffix: String?
        var pattern: String?
        var topics: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" { return .help }
            var name = argument
            var value: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            guard ["--org", "--suffix", "--pattern", "--topic"].contains(name) else {
                throw UsageError(
                    message: argument.hasPrefix("-")
                        ? "unknown option \(argument)" : "unexpected argument \(argument): events are read from standard input")
            }
            if value == nil {
                guard index < arguments.count else { throw UsageError(message: "\(name) needs a value") }
                // The next option, its value forgotten (`--org --topic acd.end`); `--pattern=--x` still works.
                guard !arguments[index].hasPrefix("--") else {
                    throw UsageError(message: "\(name) needs a value, found the option \(arguments[index])")
                }
                value = arguments[index]
                index += 1
            }
            guard let value, !value.isEmpty else { throw UsageError(message: "\(name) needs a non-empty value") }
            switch name {
            case "--org": organization = value
            case "--suffix": suffix = value
            case "--pattern": pattern = value
            default: topics.append(value)
            }
        }
        guard let organization else { throw UsageError(message: "missing --org ID (the Genesys organization ID)") }
        return .run(
            GenesysSummaryOptions(organizationId: organization, eventSourceSuffix: suffix, patternPath: pattern, topics: topics))
    }

    /// The topics named by `--topic`: a short name of a named topic (`acd.end`, `acw`,
    /// `queue.conversations`) or, for any other topic, its template with `{id}`.
    public func acceptedTopics() throws(UsageError) -> Set<GenesysTopic>? {
        guard !topics.isEmpty else { return nil }
        var accepted: Set<GenesysTopic> = []
        for name in topics {
            if let topic = GenesysTopic(shortName: name) {
                accepted.insert(topic)
            } else if name.contains("{id}") {
                accepted.insert(GenesysTopic(template: name))
            } else {
                throw UsageError(
                    message: "unknown topic \(name): give a short name (customer.start, customer.end, acd.start, acd.end, "
                        + "user.start, user.end, acw, queue.conversations) or a template with {id}, e.g. "
                        + GenesysTopic.detailEventPrefix + (name.isEmpty || name.hasPrefix("v2.") ? "voicemail.end" : name))
            }
        }
        return accepted
    }
}
