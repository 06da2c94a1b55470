/// What `ebmatch genesys pattern` is asked for, as the command line gives it. Whether the request
/// makes sense for the topics (a queue filter on `customer.end`) is `GenesysPatternBuilder`'s call.
struct GenesysPatternRequest: Sendable, Equatable {
    /// `--topic`: short names (`acd.end`) or templates, in command-line order.
    var topics: [String] = []
    /// `--queue`: queue ids the events must be about.
    var queues: [String] = []
    /// `--exclude-queue`: queue ids the events must not be about.
    var excludedQueues: [String] = []
    /// `--org`: the Genesys Cloud organization id.
    var org: String?
    /// `--suffix`: the event source suffix of the EventBridge integration (needs `--org`).
    var suffix: String?
    /// `--media`: media types (`VOICE`, `MESSAGE`, …).
    var media: [String] = []
    /// `--direction`: `INBOUND` or `OUTBOUND`.
    var directions: [String] = []

    /// Takes the value of one of the command's options.
    mutating func set(_ option: String, _ value: String) throws(CommandLineArguments.UsageError) {
        guard !value.isEmpty else { throw .init("option '\(option)' needs a non-empty value") }
        // No topic, id, suffix or enum value starts with "--": this is the next option, the value forgotten.
        guard !value.hasPrefix("--") else { throw .init("option '\(option)' needs a value, found the option '\(value)'") }
        switch option {
        case "--topic": topics.append(value)
        case "--queue": queues.append(value)
        case "--exclude-queue": excludedQueues.append(value)
        case "--org", "--suffix":
            let current = option == "--org" ? org : suffix
            guard current == nil || current == value else { throw .init("option '\(option)' given twice") }
            if option == "--org" { org = value } else { suffix = value }
        case "--media": media.append(value)
        case "--direction": directions.append(value)
        default: throw .init("unknown option '\(option)' for 'genesys pattern'")
        }
    }

    /// The request with its ids as Genesys writes them, in lower case (EventBridge compares exactly, so an
    /// id pasted in upper case would match nothing), and each queue once.
    var normalized: GenesysPatternRequest {
        var request = self
        request.org = org?.lowercased()
        request.queues = Self.unique(queues.map { $0.lowercased() })
        request.excludedQueues = Self.unique(excludedQueues.map { $0.lowercased() })
        return request
    }

    /// `ids` without repeats, in their first order.
    private static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// Refuses what is wrong whatever the topics: no topic, a suffix without its org, a queue both
    /// wanted and excluded.
    func check() throws(CommandLineArguments.UsageError) {
        guard !topics.isEmpty else { throw .init("missing --topic (e.g. --topic acd.end)") }
        if suffix != nil && org == nil {
            throw .init("--suffix needs --org: the source is aws.partner/genesys.com/cloud/<org id>/<suffix>")
        }
        if !queues.isEmpty && !excludedQueues.isEmpty {
            throw .init("give --queue or --exclude-queue, not both: the queues listed are already the only ones let through")
        }
    }
}
