/// The field half of `genesys lint`: whether each condition's field exists on the topics its
/// alternative selects, and whether its values have the field's type and case.
struct GenesysFieldCheck {
    /// The topics and their fields.
    var table: GenesysTopicTable
    /// The topics the alternative selects (every topic when it says nothing about the topic).
    var selected: [GenesysTopicTable.Topic]
    /// Whether `detail-type` or `detail.topicName` chose `selected` (otherwise a field missing from some
    /// topics is no mistake: the pattern may mean exactly the topics that have it).
    var explicit: Bool

    typealias Condition = PatternBranches.Condition
    typealias FieldType = GenesysTopicTable.FieldType

    /// The findings for one condition.
    func findings(_ condition: Condition) -> [GenesysLintFinding] {
        let field = condition.field
        guard let top = field.first else { return [] }
        if !table.envelope.contains(top) {
            let suggestion = NameSuggestion.closest(to: top, among: table.envelope)
            return [
                GenesysLintFinding(
                    code: .genesysUnknownField,
                    message: "EventBridge events have no top-level \"\(top)\"; they have "
                        + table.envelope.joined(separator: ", "),
                    fix: suggestion.map { "write \"\($0)\"" } ?? "remove the condition, or move it under detail.eventBody",
                    path: condition.jsonPath, offset: condition.nameOffset)
            ]
        }
        guard top == "detail" else { return [] }
        guard field.count > 1 else { return objectCondition(condition, what: "detail") }
        let member = field[1]
        if member == "eventBody" {
            guard field.count > 2 else { return objectCondition(condition, what: "detail.eventBody") }
            return bodyFindings(condition, path: field.dropFirst(2).joined(separator: "."))
        }
        let below = field.dropFirst().joined(separator: ".")
        if let type = table.detail[below] {
            if case .object = type { return objectCondition(condition, what: "detail." + below) }
            return valueFindings(condition, types: [(type, "every topic")])
        }
        if member == "metadata" {
            // Only the correlation id is known; other members may come, so only a near miss is flagged.
            let known = table.detail.keys.filter { $0.hasPrefix("metadata.") }
            guard let suggestion = NameSuggestion.closest(to: below, among: known) else { return [] }
            return [unknown(condition, "Genesys events have no detail.\(below)", fix: "write detail.\(suggestion)")]
        }
        // Not a member of detail: most likely the body's field written without `eventBody`, or a tutorial's
        // invented shape (`detail.entity.queue.id`).
        var rest = below
        for wrapper in ["entity.", "body.", "payload.", "data."] where rest.hasPrefix(wrapper) {
            rest = String(rest.dropFirst(wrapper.count))
        }
        // With no topic selected (an invented detail-type, already reported) any topic's field is a fair guess.
        let bodyFields = Set((selected.isEmpty ? table.topics : selected).flatMap { $0.fields.keys })
        let detailFields = table.detail.keys.filter { !$0.contains(".") }
        let fix: String
        if let suggestion = NameSuggestion.closest(to: rest, among: bodyFields) {
            fix = "write detail.eventBody.\(suggestion)"
        } else if let suggestion = NameSuggestion.closest(to: member, among: detailFields) {
            fix = "write detail.\(([suggestion] + field.dropFirst(2)).joined(separator: "."))"
        } else {
            fix = "the event's payload is under detail.eventBody; run 'ebmatch genesys pattern --help' for the fields of each topic"
        }
        return [
            unknown(
                condition, "Genesys events have no detail.\(below): detail holds "
                    + detailFields.sorted().joined(separator: ", ") + ", and the payload is under detail.eventBody",
                fix: fix)
        ]
    }

    /// The findings for a condition on `detail.eventBody.<path>`.
    private func bodyFindings(_ condition: Condition, path: String) -> [GenesysLintFinding] {
        let carriers = selected.compactMap { topic in topic.field(path).map { (topic, $0) } }
        if carriers.isEmpty {
            guard !condition.onlyAbsence, !selected.isEmpty else { return [] }
            let known = Set(selected.flatMap { $0.fields.keys })
            if let suggestion = NameSuggestion.closest(to: path, among: known) {
                let hint = suggestion.lowercased() == path.lowercased() ? "field names are case-sensitive" : "a typo?"
                return [
                    unknown(
                        condition, "\(Self.names(selected.count > 4 ? ["Genesys"] : selected.map(\.name))) events have "
                            + "no eventBody.\(path), but have eventBody.\(suggestion) (\(hint))",
                        fix: "write detail.eventBody.\(suggestion)")
                ]
            }
            let elsewhere = table.topicsCarrying(path)
            if explicit, !elsewhere.isEmpty, selected.allSatisfy(\.complete) {
                return [missing(condition, path: path, lacking: selected.map(\.name), carriers: elsewhere)]
            }
            guard selected.allSatisfy(\.complete) else { return [] }
            return [
                unknown(
                    condition, "\(Self.names(selected.map(\.name))) events have no eventBody.\(path)",
                    fix: "run 'ebmatch genesys pattern --help' for the fields of each topic")
            ]
        }
        var findings: [GenesysLintFinding] = []
        let lacking = selected.filter { topic in topic.complete && topic.field(path) == nil }
        if explicit, !lacking.isEmpty, !condition.onlyAbsence {
            findings.append(
                missing(condition, path: path, lacking: lacking.map(\.name), carriers: table.topicsCarrying(path)))
        }
        let typed = carriers.compactMap { topic, type in type.map { ($0, topic.name) } }
        if let objectType = typed.first(where: { $0.0.isObject }) {
            return findings + objectCondition(condition, what: "detail.eventBody.\(path) on \(objectType.1)")
        }
        // Without a topic named, the condition selects the topics where it can hold (a numeric eventTime
        // means the detail events, not the audits): a value is wrong only when it fits no carrier.
        if !explicit && typed.count < carriers.count { return findings }
        return findings + valueFindings(condition, types: typed, everyType: explicit)
    }

    /// The finding for a field that the selected topics lack but others carry.
    private func missing(_ condition: Condition, path: String, lacking: [String], carriers: [String]) -> GenesysLintFinding {
        GenesysLintFinding(
            code: .genesysFieldNotOnTopic,
            message: "\(Self.names(lacking)) events carry no eventBody.\(path), so this condition never matches them",
            fix: "eventBody.\(path) is on \(Self.names(carriers)): select those topics in detail-type"
                + (path == "queueId"
                    ? " (or, for a queue's conversations, v2.routing.queues.{id}.conversations with detail.topicName)" : ""),
            path: condition.jsonPath, offset: condition.nameOffset)
    }

    /// A `genesysUnknownField` finding at the condition's member name.
    private func unknown(_ condition: Condition, _ message: String, fix: String) -> GenesysLintFinding {
        GenesysLintFinding(
            code: .genesysUnknownField, message: message, fix: fix, path: condition.jsonPath,
            offset: condition.nameOffset)
    }

    /// The finding for a condition on an object: EventBridge compares leaves only.
    private func objectCondition(_ condition: Condition, what: String) -> [GenesysLintFinding] {
        [
            GenesysLintFinding(
                code: .genesysValueType,
                message: "\(what) is an object, and EventBridge compares only values (strings, numbers, booleans, null)",
                fix: "name a field inside it, e.g. detail.eventBody.conversationId", path: condition.jsonPath,
                offset: condition.nameOffset)
        ]
    }

    /// Findings for values whose type or case does not fit the field on the topics that carry it: on any
    /// of them when `everyType` (the topics were named), otherwise only values that fit none of them.
    private func valueFindings(
        _ condition: Condition, types: [(FieldType, String)], everyType: Bool = true
    ) -> [GenesysLintFinding] {
        var findings: [GenesysLintFinding] = []
        let field = condition.dottedField
        for term in GenesysLint.terms(condition.list) {
            let misfits = types.map { type, topic in check(term, against: type, field: field, topic: topic, condition: condition) }
            guard everyType || !misfits.contains(where: { $0 == nil }) else { continue }
            if let finding = misfits.lazy.compactMap({ $0 }).first { findings.append(finding) }
        }
        return findings
    }

    /// The finding for one term against one topic's type of the field, if the term cannot fit it.
    private func check(
        _ term: GenesysLint.Term, against type: FieldType, field: String, topic: String, condition: Condition
    ) -> GenesysLintFinding? {
        let path = term.path(in: condition)
        func valueType(_ message: String, _ fix: String) -> GenesysLintFinding {
            GenesysLintFinding(code: .genesysValueType, message: message, fix: fix, path: path, offset: term.offset)
        }
        let on = "on \(topic)"
        switch (term.operation, term.value.kind) {
        case (nil, .string(let text)), ("equals-ignore-case", .string(let text)):
            if type == .integer {
                return valueType(
                    "\(field) is a number \(on); the string \"\(text)\" never equals it",
                    Int(text) != nil ? "write \(text) without quotes" : "compare numbers, e.g. {\"numeric\": [\">\", 0]}")
            }
            if type == .boolean {
                return valueType("\(field) is a boolean \(on); the string \"\(text)\" never equals it", "write true or false without quotes")
            }
            if term.operation == nil { return enumFinding(text, type: type, field: field, topic: topic, path: path, offset: term.offset) }
        case (nil, .number(let text)):
            if type.isString {
                return valueType("\(field) is a string \(on); the number \(text) never equals it", "write \"\(text)\" in quotes")
            }
        case (nil, .bool(let value)):
            if type != .boolean {
                return valueType("\(field) is \(type.description) \(on); \(value) never equals it", "write a value of the field's type")
            }
        case ("numeric", _):
            if type.isString {
                return valueType(
                    "\(field) is a string \(on) (\(field.hasSuffix("eventTime") ? "an ISO-8601 time" : "text")); "
                        + "numeric matches numbers only, so this never matches",
                    field.hasSuffix("eventTime")
                        ? "match the time as text, e.g. {\"prefix\": \"2026-12-\"}" : "compare it as text (exact values, prefix, wildcard)")
            }
        case ("prefix", .string(let text)), ("suffix", .string(let text)), ("wildcard", .string(let text)):
            if type == .integer || type == .boolean {
                return valueType(
                    "\(field) is \(type.description) \(on); \(term.operation ?? "") \"\(text)\" matches strings only",
                    type == .integer ? "compare numbers with {\"numeric\": [...]}" : "write true or false")
            }
            if term.operation == "prefix", case .enumeration(let name, let values) = type,
                !values.contains(where: { $0.hasPrefix(text) }),
                let cased = values.first(where: { $0.lowercased().hasPrefix(text.lowercased()) })
            {
                return GenesysLintFinding(
                    code: .genesysEnumCase,
                    message: "\(Self.label(field, name)) is \(Self.caseName(values)) \(on); no value starts with \"\(text)\"",
                    fix: "write {\"prefix\": \"\(cased.prefix(text.count))\"}", path: path, offset: term.offset)
            }
        case ("anything-but", _):
            let operands = term.value.elements ?? [term.value]
            for operand in operands {
                guard let text = operand.string,
                    let finding = enumFinding(text, type: type, field: field, topic: topic, path: path, offset: operand.range.lowerBound)
                else { continue }
                return GenesysLintFinding(
                    code: finding.code, message: finding.message + ", so anything-but lets every event through",
                    fix: finding.fix, path: finding.path, offset: finding.offset)
            }
        default:
            break
        }
        return nil
    }

    /// The finding for a string compared with an enum field, if Genesys sends it only in another case or
    /// it is a typo of a value.
    private func enumFinding(
        _ text: String, type: FieldType, field: String, topic: String, path: String, offset: Int
    ) -> GenesysLintFinding? {
        guard case .enumeration(let name, let values) = type, !values.contains(text) else { return nil }
        if let cased = values.first(where: { $0.lowercased() == text.lowercased() }) {
            return GenesysLintFinding(
                code: .genesysEnumCase,
                message: "\(Self.label(field, name)) is \(Self.caseName(values)) on \(topic): Genesys sends \"\(cased)\", "
                    + "and \"\(text)\" never equals it",
                fix: "write \"\(cased)\"", path: path, offset: offset)
        }
        guard text.count >= 4, let near = NameSuggestion.closest(to: text, among: values) else { return nil }
        return GenesysLintFinding(
            code: .genesysEnumValue,
            message: "\(Self.label(field, name)) on \(topic) is never \"\(text)\"; Genesys sends " + values.prefix(12).joined(separator: ", "),
            fix: "write \"\(near)\"", path: path, offset: offset)
    }

    /// The field as messages name it, with its enum's name when that differs (`calls.state (callState)`).
    private static func label(_ field: String, _ enumName: String) -> String {
        field.hasSuffix("." + enumName) ? field : "\(field) (\(enumName))"
    }

    /// How an enum's values are written: `upper case` or `lower case`.
    private static func caseName(_ values: [String]) -> String {
        values.allSatisfy { $0 == $0.uppercased() } ? "upper case" : values.allSatisfy { $0 == $0.lowercased() } ? "lower case" : "case-sensitive"
    }

    /// `a`, `a and b`, `a, b and c`.
    static func names(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }
}

extension GenesysTopicTable.FieldType {
    /// Whether values of this type are objects.
    var isObject: Bool {
        switch self {
        case .object, .map, .open: return true
        default: return false
        }
    }
}
