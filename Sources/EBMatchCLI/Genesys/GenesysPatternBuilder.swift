import EBMatch

/// Writes the pattern `ebmatch genesys pattern` prints: the right fields for each topic, or a refusal
/// that says why the request cannot be met (a queue filter on a topic that carries no queue).
struct GenesysPatternBuilder {
    /// The topics and their fields.
    var table: GenesysTopicTable = .bundled

    /// Why a request cannot be written as a pattern: the one-line reason and what to do instead.
    struct Refusal: Error, Equatable {
        /// What is wrong.
        var message: String
        /// Lines that explain it and say what to do instead.
        var explanation: [String] = []
    }

    /// How a topic's events say which queue they are about.
    enum QueueField: Equatable {
        /// In `detail.eventBody.queueId`.
        case body
        /// In the topic itself: `detail.topicName` is the template with the queue id for `{id}`.
        case topicName
        /// Nowhere.
        case none
    }

    /// The pattern for `request`, as pretty JSON text with a final line break.
    func pattern(for request: GenesysPatternRequest) throws(Refusal) -> String {
        let topics = try resolve(request.topics)
        try checkSource(request)
        let queueFiltered = !request.queues.isEmpty || !request.excludedQueues.isEmpty
        if queueFiltered {
            try refuseQueueless(topics)
            for id in request.queues + request.excludedQueues where !GenesysLint.isUUID(Substring(id)) {
                throw Refusal(
                    message: "'\(id)' is not a queue id",
                    explanation: [
                        "Events carry the queue's id, a UUID such as ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54, never its name.",
                        "Find it in Genesys Cloud under Admin > Contact Center > Queues (the id is in the page's address), "
                            + "or with GET /api/v2/routing/queues?name=<name>.",
                    ])
            }
        }
        let request = request.normalized
        let media = try enumValues(request.media, field: "mediaType", option: "--media", topics: topics)
        let directions = try enumValues(request.directions, field: "direction", option: "--direction", topics: topics)

        var members: [(String, Node)] = [("source", source(request))]
        let byTopicName = topics.filter { queueFiltered && queueField(of: $0) == .topicName }
        let byBody = topics.filter { !(queueFiltered && queueField(of: $0) == .topicName) }
        var branches: [[(String, Node)]] = []
        if !byBody.isEmpty {
            var body: [(String, Node)] = []
            if !request.queues.isEmpty { body.append(("queueId", .strings(request.queues))) }
            if !request.excludedQueues.isEmpty { body.append(("queueId", .anythingBut(request.excludedQueues))) }
            if !media.isEmpty { body.append(("mediaType", .strings(media))) }
            if !directions.isEmpty { body.append(("direction", .strings(directions))) }
            var branch: [(String, Node)] = [("detail-type", .strings(byBody.map(\.detailType)))]
            if !body.isEmpty { branch.append(("detail", .object([("eventBody", .object(body))]))) }
            branches.append(branch)
        }
        if !byTopicName.isEmpty {
            let names = byTopicName.flatMap { topic in
                (request.queues + request.excludedQueues).map { topic.detailType.replacingFirstID(with: $0) }
            }
            let condition: Node = request.queues.isEmpty ? .anythingBut(names) : .strings(names)
            branches.append([
                ("detail-type", .strings(byTopicName.map(\.detailType))),
                ("detail", .object([("topicName", condition)])),
            ])
        }
        if branches.count == 1 {
            members += branches[0]
        } else {
            members.append(("$or", .array(branches.map(Node.object))))
        }
        return Node.object(members).text(indent: "") + "\n"
    }

    /// The topics named on the command line, each once, in order.
    private func resolve(_ names: [String]) throws(Refusal) -> [GenesysTopicTable.Topic] {
        var topics: [GenesysTopicTable.Topic] = []
        for name in names {
            guard let topic = table.topic(named: name) else {
                throw Refusal(
                    message: "unknown topic '\(name)'",
                    explanation: ["Topics: " + table.topics.map(\.name).joined(separator: ", ") + "."]
                        + (name.contains("conversation.end") || name == "end"
                            ? ["No topic is called conversation.end: for a conversation that ended on a queue use acd.end; "
                                + "customer.end is the customer leaving (it names no queue)."] : []))
            }
            if !topics.contains(where: { $0.name == topic.name }) { topics.append(topic) }
        }
        return topics
    }

    /// How `topic`'s events name their queue.
    func queueField(of topic: GenesysTopicTable.Topic) -> QueueField {
        if topic.fields["queueId"] != nil { return .body }
        if topic.detailType.hasPrefix("v2.routing.queues.{id}.") { return .topicName }
        return .none
    }

    /// Refuses a queue filter when a topic's events say nothing about a queue.
    private func refuseQueueless(_ topics: [GenesysTopicTable.Topic]) throws(Refusal) {
        let queueless = topics.filter { queueField(of: $0) == .none }
        guard let first = queueless.first else { return }
        let body = table.topics.filter { queueField(of: $0) == .body }.map(\.name)
        let named = table.topics.filter { queueField(of: $0) == .topicName }.map(\.name)
        var explanation = [
            "Topics that carry the queue: " + GenesysFieldCheck.names(body) + " (in detail.eventBody.queueId), and "
                + GenesysFieldCheck.names(named) + " (the queue id is in detail.topicName).",
        ]
        if first.name == "customer.end" {
            explanation.append(
                "customer.end is the customer leaving the conversation and names no queue. For conversations that "
                    + "ended on a queue, use --topic acd.end (the conversation left the queue: answered, abandoned or "
                    + "flowed out), or --topic acw for the agent's wrap-up.")
        }
        throw Refusal(
            message: GenesysFieldCheck.names(queueless.map(\.name)) + " events carry no queue id, so --queue and "
                + "--exclude-queue cannot select them",
            explanation: explanation)
    }

    /// The values of `--media` or `--direction`, upper-cased and checked against the field's enum on
    /// every topic (refused when a topic lacks the field).
    private func enumValues(
        _ values: [String], field: String, option: String, topics: [GenesysTopicTable.Topic]
    ) throws(Refusal) -> [String] {
        guard !values.isEmpty else { return [] }
        var known: [String] = []
        for topic in topics {
            guard case .enumeration(_, let allowed)?? = topic.field(field) else {
                throw Refusal(
                    message: "\(topic.name) events carry no eventBody.\(field), so \(option) cannot select them",
                    explanation: ["Topics with \(field): " + GenesysFieldCheck.names(table.topicsCarrying(field)) + "."])
            }
            known = allowed
        }
        var result: [String] = []
        for value in values {
            let upper = value.uppercased()
            guard known.contains(upper) else {
                throw Refusal(
                    message: "'\(value)' is not a \(field) Genesys sends",
                    explanation: ["Values: " + known.joined(separator: ", ") + "."])
            }
            if !result.contains(upper) { result.append(upper) }
        }
        return result
    }

    /// The `source` condition: the integration's exact source with org and suffix, otherwise a prefix.
    private func source(_ request: GenesysPatternRequest) -> Node {
        let head = GenesysLint.sourceHeads[0]
        guard let org = request.org else { return .operation("prefix", head) }
        guard let suffix = request.suffix else { return .operation("prefix", head + org + "/") }
        return .strings([head + org + "/" + suffix])
    }

    /// Refuses an org id or suffix that cannot be part of a Genesys source.
    func checkSource(_ request: GenesysPatternRequest) throws(Refusal) {
        if let org = request.org, !GenesysLint.isUUID(Substring(org)) {
            throw Refusal(
                message: "'\(org)' is not a Genesys Cloud organization id",
                explanation: ["The org id is a UUID (Admin > Account Settings > Organization Settings), not the org's name."])
        }
        if let suffix = request.suffix,
            suffix.count > 64 || !suffix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        {
            throw Refusal(
                message: "'\(suffix)' is not an event source suffix",
                explanation: ["The suffix set in the Genesys EventBridge integration has up to 64 letters, digits, '.', '-' and '_'."])
        }
    }

    /// A pattern fragment, kept in the order it is built so the output reads source, detail-type, detail.
    indirect enum Node {
        case string(String)
        case array([Node])
        case object([(String, Node)])

        /// A list of exact strings.
        static func strings(_ values: [String]) -> Node { .array(values.map(Node.string)) }
        /// A list holding one operator with a string operand.
        static func operation(_ name: String, _ operand: String) -> Node { .array([.object([(name, .string(operand))])]) }
        /// A list holding `anything-but` of strings.
        static func anythingBut(_ values: [String]) -> Node { .array([.object([("anything-but", strings(values))])]) }

        /// The fragment as JSON with two spaces per level and one value per line.
        func text(indent: String) -> String {
            let inner = indent + "  "
            switch self {
            case .string(let value):
                return JSONObjectText.quoted(value)
            case .array(let elements):
                return "[\n" + elements.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
            case .object(let members):
                return "{\n"
                    + members.map { inner + JSONObjectText.quoted($0.0) + ": " + $0.1.text(indent: inner) }
                    .joined(separator: ",\n") + "\n\(indent)}"
            }
        }
    }
}

extension String {
    /// The topic template with its first `{id}` replaced by `id`.
    fileprivate func replacingFirstID(with id: String) -> String {
        guard let range = firstRange(of: "{id}") else { return self }
        return String(self[..<range.lowerBound]) + id + String(self[range.upperBound...])
    }
}
