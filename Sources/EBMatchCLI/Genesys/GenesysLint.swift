import EBMatch

/// Checks a valid pattern against what Genesys Cloud really sends through EventBridge (the topic
/// table): invented `source` and `detail-type` values, ids in the wrong place, fields that do not
/// exist on the topics selected, enum values in the wrong case, conditions of the wrong type.
///
/// Each `$or` alternative is read on its own, since its `source` and `detail-type` decide which topics
/// its other conditions meet. Alternatives that select something other than Genesys events (another
/// `source`) are left alone, so a folder of mixed rules can be linted as a whole.
struct GenesysLint {
    /// The topics and their fields.
    var table: GenesysTopicTable = .bundled

    /// The start of every Genesys source; the test environment adds `.test` after `genesys.com`.
    static let sourceHeads = ["aws.partner/genesys.com/cloud/", "aws.partner/genesys.com.test/cloud/"]

    /// The findings for the pattern `text` (a pattern EventBridge accepts), in pattern order;
    /// `onDefaultBus` says a template puts its rule on the default event bus.
    func findings(in text: [UInt8], onDefaultBus: Bool = false) -> [GenesysLintFinding] {
        guard let tree = try? JSONValue.parse(utf8: text, ignoringTrailingContent: true) else { return [] }
        var findings: [GenesysLintFinding] = []
        var selections: [Range<Int>: [GenesysTopicTable.Topic]] = [:]
        // Alternatives share conditions and mostly their topics too: check a condition once per choice of
        // topics, or 1,024 alternatives of 200 conditions each take minutes of name suggestions.
        var checked: Set<String> = []
        let expansion = PatternBranches(tree)
        if onDefaultBus, let genesys = expansion.branches.first(where: isGenesys) {
            findings.append(Self.defaultBusFinding(genesys))
        }
        if expansion.truncated, expansion.branches.contains(where: isGenesys) {
            findings.append(
                GenesysLintFinding(
                    code: .genesysNotAllChecked,
                    message: "the Genesys checks read at most \(PatternBranches.maxBranches) $or alternatives (after "
                        + "multiplying out) and \(PatternBranches.maxDepth) levels of nesting; the rest of this pattern "
                        + "was not checked",
                    fix: "split the pattern into several rules, each with fewer $or alternatives", path: "$", offset: 0))
        }
        for branch in expansion.branches where isGenesys(branch) {
            for condition in branch where condition.field == ["source"] {
                findings += sourceFindings(condition)
            }
            var selected = table.topics
            var explicit = false
            if let detailType = branch.first(where: { $0.field == ["detail-type"] }) {
                findings += detailTypeFindings(detailType)
                let chosen = selections[detailType.list.range] ?? topics(selectedBy: detailType, in: text)
                selections[detailType.list.range] = chosen
                selected = chosen
                explicit = true
            }
            if let topicName = branch.first(where: { $0.field == ["detail", "topicName"] }) {
                findings += topicNameFindings(topicName)
                if let named = topics(namedBy: topicName) {
                    selected = selected.filter { topic in named.contains { $0.name == topic.name } }
                    explicit = true
                }
            }
            let fields = GenesysFieldCheck(table: table, selected: selected, explicit: explicit)
            let choice = (explicit ? "named " : "any ") + selected.map(\.name).joined(separator: ",")
            for condition in branch where checked.insert("\(condition.nameOffset) \(choice)").inserted {
                findings += fields.findings(condition)
            }
        }
        // Alternatives share conditions: report each mistake once.
        var seen = Set<GenesysLintFinding>()
        return findings.filter { seen.insert($0).inserted }.sorted { ($0.offset, $0.code.rawValue) < ($1.offset, $1.code.rawValue) }
    }

    /// Whether an alternative is about Genesys events: its `source` mentions Genesys, or it has no
    /// `source` and its `detail-type` or fields are Genesys-shaped.
    private func isGenesys(_ branch: [PatternBranches.Condition]) -> Bool {
        if let source = branch.first(where: { $0.field == ["source"] }) {
            return Self.terms(source.list).contains { term in
                term.text.map { $0.lowercased().contains("genesys") } ?? false
            }
        }
        if let detailType = branch.first(where: { $0.field == ["detail-type"] }),
            Self.terms(detailType.list).contains(where: { term in term.text.map(Self.looksLikeTopic) ?? false })
        {
            return true
        }
        return branch.contains { $0.isBelow(["detail", "eventBody"]) || $0.field == ["detail", "topicName"] }
    }

    /// Whether a `detail-type` value is Genesys-like: a `v2.` topic, or one naming Genesys or a conversation.
    private static func looksLikeTopic(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("v2.") || lowered.contains("genesys") || lowered.contains("conversation")
    }

    // MARK: source

    /// Warnings for the values of a `source` condition.
    private func sourceFindings(_ condition: PatternBranches.Condition) -> [GenesysLintFinding] {
        var findings: [GenesysLintFinding] = []
        let fix = "use the full source, \"aws.partner/genesys.com/cloud/<org id>/<event source suffix>\", or "
            + "{\"prefix\": \"aws.partner/genesys.com/cloud/\"} for every Genesys org"
        for term in Self.terms(condition.list) {
            guard let text = term.text, term.operation == nil || term.operation == "equals-ignore-case"
                || term.operation == "prefix"
            else { continue }
            let value = term.operation == "equals-ignore-case" ? text.lowercased() : text
            let path = term.path(in: condition)
            if term.operation == "prefix" {
                guard !Self.canStartSource(value), value.lowercased().contains("genesys") else { continue }
                findings.append(
                    GenesysLintFinding(
                        code: .genesysInventedSource,
                        message: "no Genesys source starts with \"\(text)\": EventBridge gives Genesys events the source "
                            + "aws.partner/genesys.com/cloud/<org id>/<event source suffix>",
                        fix: fix, path: path, offset: term.offset))
            } else if Self.isFullSource(value) {
                continue
            } else if Self.canStartSource(value) {
                let prefix = value.hasSuffix("/") ? value : value + "/"
                let better = Self.sourceHeads.contains(prefix) || prefix == "aws.partner/genesys.com/"
                    ? "{\"prefix\": \"aws.partner/genesys.com/cloud/\"}" : "{\"prefix\": \"\(prefix)\"}"
                findings.append(
                    GenesysLintFinding(
                        code: .genesysBareSource,
                        message: "the exact source \"\(text)\" matches no event: Genesys sources go on to "
                            + (value.contains("/cloud/") ? "the event source suffix" : "/cloud/<org id>/<event source suffix>"),
                        fix: "match the start instead: \(better), or write the full source", path: path,
                        offset: term.offset))
            } else if value.lowercased().contains("genesys") {
                findings.append(
                    GenesysLintFinding(
                        code: .genesysInventedSource,
                        message: "\"\(text)\" is not a source Genesys Cloud uses: EventBridge gives Genesys events the "
                            + "source aws.partner/genesys.com/cloud/<org id>/<event source suffix>",
                        fix: fix, path: path, offset: term.offset))
            }
        }
        return findings
    }

    /// The warning for a Genesys rule on the default event bus, naming the partner bus when the
    /// alternative names a whole source (a partner event bus is named after its event source).
    private static func defaultBusFinding(_ branch: [PatternBranches.Condition]) -> GenesysLintFinding {
        let source = branch.first { $0.field == ["source"] }.flatMap { condition in
            terms(condition.list).first { $0.operation == nil && ($0.text.map(isFullSource) ?? false) }?.text
        }
        let bus = source.map { "\"\($0)\"" } ?? "aws.partner/genesys.com/cloud/<org id>/<event source suffix>"
        return GenesysLintFinding(
            code: .genesysDefaultBus,
            message: "this rule is on the default event bus, where Genesys Cloud events never arrive: they are "
                + "delivered to the partner event bus named after their event source",
            fix: "set the rule's EventBusName (event_bus_name in Terraform) to \(bus)", path: "$", offset: 0)
    }

    /// Whether `text` is a whole Genesys source: a head, an org id, `/`, a suffix (the suffix may hold
    /// dots; neither holds `/`).
    static func isFullSource(_ text: String) -> Bool {
        guard let head = sourceHeads.first(where: { text.hasPrefix($0) }) else { return false }
        let parts = text.dropFirst(head.count).split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty }
    }

    /// Whether `text` is the start of some Genesys source.
    static func canStartSource(_ text: String) -> Bool {
        if sourceHeads.contains(where: { $0.hasPrefix(text) }) { return true }
        guard let head = sourceHeads.first(where: { text.hasPrefix($0) }) else { return false }
        let parts = text.dropFirst(head.count).split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 1 || (parts.count == 2 && !parts[0].isEmpty)
    }

    // MARK: detail-type and topicName

    /// The topics whose template the `detail-type` condition matches, decided by ebmatch itself so that
    /// every operator counts as EventBridge counts it.
    private func topics(selectedBy condition: PatternBranches.Condition, in text: [UInt8]) -> [GenesysTopicTable.Topic] {
        let list = Array(text[condition.list.range.clamped(to: 0..<text.count)])
        guard let pattern = try? EventPattern(utf8: Array("{\"detail-type\":".utf8) + list + [UInt8(ascii: "}")]) else {
            return table.topics
        }
        // A concrete topic in detail-type matches nothing (reported apart), but the rest of the
        // alternative is plainly about that topic: check it as if the template were written.
        let concrete = Self.terms(condition.list).compactMap { $0.operation == nil ? $0.text : nil }
        return table.topics.filter { topic in
            (try? pattern.matches(utf8: Array("{\"detail-type\":\"\(topic.detailType)\"}".utf8))) ?? false
                || concrete.contains { topic.isInstance(topicName: $0) }
        }
    }

    /// The topics a `detail.topicName` condition can select, or nil when its operators say nothing
    /// about the topic (`anything-but`, `wildcard`, …).
    private func topics(namedBy condition: PatternBranches.Condition) -> [GenesysTopicTable.Topic]? {
        var named: [GenesysTopicTable.Topic] = []
        for term in Self.terms(condition.list) {
            // A template in topicName matches nothing (reported apart); it names no topic.
            guard let text = term.text, !text.contains("{id}") else { continue }
            switch term.operation {
            case nil: named += table.topics.filter { $0.isInstance(topicName: text) }
            case "prefix": named += table.topics.filter { $0.canStart(topicName: text) }
            default: return nil
            }
        }
        return named.isEmpty ? nil : named
    }

    /// Warnings for the values of a `detail-type` condition.
    private func detailTypeFindings(_ condition: PatternBranches.Condition) -> [GenesysLintFinding] {
        var findings: [GenesysLintFinding] = []
        for term in Self.terms(condition.list) {
            guard let text = term.text else { continue }
            let path = term.path(in: condition)
            if term.operation == "prefix" {
                guard !text.hasPrefix("v2."), !"v2.".hasPrefix(text) else { continue }
                findings.append(invented(text, operation: "starts with", path: path, offset: term.offset))
                continue
            }
            guard term.operation == nil || term.operation == "equals-ignore-case" else { continue }
            // equals-ignore-case compares as EventBridge does: both sides lower-cased.
            let ignoresCase = term.operation == "equals-ignore-case"
            let value = ignoresCase ? text.lowercased() : text
            if table.topics.contains(where: { (ignoresCase ? $0.detailType.lowercased() : $0.detailType) == value }) { continue }
            if let template = Self.template(of: value) {
                findings.append(
                    GenesysLintFinding(
                        code: .genesysConcreteId,
                        message: "detail-type holds the topic template with a literal {id}, never a concrete id: "
                            + "\"\(text)\" matches no event",
                        fix: "write \"\(template)\" in detail-type, and select the one \(template.contains("queues") ? "queue" : "conversation") "
                            + "with \"detail\": {\"topicName\": [\"\(text)\"]}",
                        path: path, offset: term.offset))
            } else if !value.hasPrefix("v2.") {
                findings.append(invented(text, operation: "is", path: path, offset: term.offset))
            }
        }
        return findings
    }

    /// The finding for a `detail-type` no Genesys topic has.
    private func invented(_ text: String, operation: String, path: String, offset: Int) -> GenesysLintFinding {
        let lastWord = text.split(separator: ".").last.map(String.init) ?? text
        var suggestions = table.topics.filter { text.hasSuffix($0.name) }
        if suggestions.isEmpty {
            suggestions = table.topics.filter { $0.name.split(separator: ".").last.map(String.init) == lastWord }
        }
        let fix = suggestions.isEmpty
            ? "write a topic template such as \"v2.detail.events.conversation.{id}.acd.end\" (run 'ebmatch genesys pattern --help' for the topics)"
            : "write the topic template: " + suggestions.prefix(4).map { "\"\($0.detailType)\" (\($0.name))" }.joined(separator: ", ")
        return GenesysLintFinding(
            code: .genesysInventedDetailType,
            message: "no Genesys topic \(operation) \"\(text)\": EventBridge puts the topic template in detail-type, "
                + "e.g. \"v2.detail.events.conversation.{id}.customer.end\"",
            fix: fix, path: path, offset: offset)
    }

    /// The template of a concrete topic: the topic with its ids (UUIDs) replaced by `{id}`, or nil when
    /// it holds no id.
    static func template(of topic: String) -> String? {
        let parts = topic.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.contains(where: isUUID) else { return nil }
        return parts.map { isUUID($0) ? "{id}" : String($0) }.joined(separator: ".")
    }

    /// Whether `text` is a UUID as Genesys writes ids: 8-4-4-4-12 hexadecimal digits (ASCII only:
    /// `isHexDigit` alone also takes fullwidth digits, which no id holds).
    static func isUUID(_ text: Substring) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isHexDigit } }
    }

    /// Warnings for the values of a `detail.topicName` condition.
    private func topicNameFindings(_ condition: PatternBranches.Condition) -> [GenesysLintFinding] {
        Self.terms(condition.list).compactMap { term in
            guard term.operation == nil, let text = term.text, text.contains("{id}") else { return nil }
            return GenesysLintFinding(
                code: .genesysConcreteId,
                message: "detail.topicName holds the concrete topic, with the id where the template has {id}: "
                    + "\"\(text)\" matches no event",
                fix: "move the template to detail-type, or write the id in place of {id}",
                path: term.path(in: condition), offset: term.offset)
        }
    }

    // MARK: terms

    /// One element of a condition list: a value to equal, or an operator with its operand.
    struct Term {
        /// The operator's name (`prefix`, `anything-but`, …), or nil for a value to equal.
        var operation: String?
        /// The value, or the operator's operand.
        var value: JSONValue
        /// The element's index in the list.
        var index: Int
        /// Byte offset of the element in the pattern.
        var offset: Int

        /// The value or operand when it is a string.
        var text: String? { value.string }

        /// The element's JSON path.
        func path(in condition: PatternBranches.Condition) -> String { condition.jsonPath + "[\(index)]" }
    }

    /// The terms of a condition list.
    static func terms(_ list: JSONValue) -> [Term] {
        (list.elements ?? []).enumerated().map { index, element in
            if let members = element.members, let first = members.first {
                return Term(operation: first.name, value: first.value, index: index, offset: element.range.lowerBound)
            }
            return Term(operation: nil, value: element, index: index, offset: element.range.lowerBound)
        }
    }
}
