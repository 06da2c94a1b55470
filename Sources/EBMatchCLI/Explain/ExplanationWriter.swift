import EBMatch

/// Prints explanations: condition by condition for people, or one JSON object per event for tools.
struct ExplanationWriter {
    /// `text` or `json`.
    var format: OutputFormat
    /// Whether `held` and `FAILED` are colored (text on a terminal only).
    var colored: Bool
    /// Where explanations go.
    var output: OutputChannel

    /// The most values shown for one condition in text.
    static let valuesShown = 5

    private static let green = "\u{1B}[32m"
    private static let red = "\u{1B}[31m"
    private static let reset = "\u{1B}[0m"

    /// Writes the explanation of the event at `position` of `file`.
    func write(_ explanation: MatchExplanation, event file: String, at position: ReportWriter.EventPosition) {
        switch format {
        case .json: output.write(json(explanation, event: file, at: position).text + "\n")
        default: output.write(text(explanation, event: ReportWriter.visibleName(position.label(in: file))))
        }
    }

    // MARK: - Text

    /// The text report of one event.
    func text(_ explanation: MatchExplanation, event label: String) -> String {
        let alternatives = explanation.alternatives
        let total = alternatives.count + explanation.omittedAlternatives
        var out = "\(label): \(explanation.matched ? "match" : "no match")"
        if total > 1 {
            let held = alternatives.filter(\.held).count
            out += " (\(total) alternatives from $or; \(held == 0 ? "none" : "\(held)") held"
            out += explanation.omittedAlternatives > 0 ? ", the first \(alternatives.count) shown)" : ")"
        }
        out += "\n"
        for (index, alternative) in alternatives.enumerated() {
            var indent = "  "
            if total > 1 {
                out += "  alternative \(index + 1) of \(total): \(mark(alternative.held))\n"
                indent = "    "
            }
            for condition in alternative.conditions {
                out += describe(condition, indent: indent)
            }
            if alternative.arrayConflict {
                out += indent + "every condition holds on its own, but with values from different elements of an "
                    + "array: EventBridge needs them from the same element\n"
            }
        }
        return ReportWriter.visible(out)
    }

    private func describe(_ condition: MatchExplanation.Condition, indent: String) -> String {
        let detail = indent + "          "
        // Paths and hints may quote member names holding line breaks: escaped, so no line is forged.
        let path = ReportWriter.visibleName(condition.path)
        var out = "\(indent)\(mark(condition.held))\(condition.held ? "    " : "  ")\(path)\n"
        out += "\(detail)wanted  " + ReportWriter.visibleName(Self.list(condition.wanted.map(Self.oneLine))) + "\n"
        switch condition.found {
        case .absent:
            out += "\(detail)found   nothing: the event has no `\(path)`\n"
        case .object:
            out += "\(detail)found   an object, not a leaf value\n"
        case .emptyArray:
            out += "\(detail)found   an empty array\n"
        case .values(let all):
            // The engine lists the values that decided first: a held condition shows what held it.
            let leaves = all
            for (index, leaf) in leaves.prefix(Self.valuesShown).enumerated() {
                var line = (index == 0 ? "found   " : "        ") + Self.shortened(leaf.json)
                if let location = leaf.location { line += " at \(location)" }
                if leaves.count > 1 { line += leaf.accepted ? " (accepted)" : " (not accepted)" }
                out += detail + line + "\n"
            }
            let more = leaves.count - min(leaves.count, Self.valuesShown) + condition.valuesOmitted
            if more > 0 {
                out += "\(detail)        … and \(more) more\n"
            }
        }
        for hint in condition.hints {
            out += "\(detail)hint    \(ReportWriter.visibleName(Self.shortened(hint.message, to: 300)))\n"
            out += "\(detail)fix     \(ReportWriter.visibleName(Self.shortened(hint.fix, to: 300)))\n"
        }
        return out
    }

    /// `held` or `FAILED`, colored when wanted.
    private func mark(_ held: Bool) -> String {
        let word = held ? "held" : "FAILED"
        guard colored else { return word }
        return (held ? Self.green : Self.red) + word + Self.reset
    }

    /// `text` cut to `limit` characters with an ellipsis (the JSON report keeps everything).
    static func shortened(_ text: String, to limit: Int = 120) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A list of elements as `[a, b]`, cut after about 200 characters with a count of the rest.
    static func list(_ elements: [String]) -> String {
        var shown: [String] = []
        var length = 0
        for element in elements {
            let item = shortened(element)
            if !shown.isEmpty && length + item.count > 200 { break }
            shown.append(item)
            length += item.count + 2
        }
        let rest = elements.count - shown.count
        return "[" + shown.joined(separator: ", ") + (rest > 0 ? ", … and \(rest) more" : "") + "]"
    }

    /// A pattern element on one line: runs of whitespace outside strings become one space.
    static func oneLine(_ text: String) -> String {
        var out = ""
        var inString = false
        var escaped = false
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if inString {
                out.unicodeScalars.append(scalar)
                if escaped { escaped = false } else if scalar == "\\" { escaped = true } else if scalar == "\"" { inString = false }
                continue
            }
            if scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t" {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out += " " }
            pendingSpace = false
            out.unicodeScalars.append(scalar)
            if scalar == "\"" { inString = true }
        }
        return out
    }

    // MARK: - JSON

    /// `{"event":…,"index":…,"line":…,"result":…,"alternatives":[…],"omittedAlternatives":…}`.
    func json(_ explanation: MatchExplanation, event file: String, at position: ReportWriter.EventPosition) -> JSONObjectText {
        var object = JSONObjectText()
        object.add("event", file)
        object.add("index", position.index)
        object.add("line", position.line)
        object.add("result", explanation.matched ? "match" : "no-match")
        object.add("alternatives", explanation.alternatives.map { alternative in
            var entry = JSONObjectText()
            entry.add("held", alternative.held)
            entry.add("arrayConflict", alternative.arrayConflict)
            entry.add("conditions", alternative.conditions.map(Self.json))
            return entry
        })
        object.add("omittedAlternatives", explanation.omittedAlternatives)
        return object
    }

    private static func json(_ condition: MatchExplanation.Condition) -> JSONObjectText {
        var object = JSONObjectText()
        object.add("path", condition.path)
        object.add("held", condition.held)
        object.add("wanted", condition.wanted.map(oneLine))
        var found = JSONObjectText()
        switch condition.found {
        case .absent: found.add("kind", "absent")
        case .object: found.add("kind", "object")
        case .emptyArray: found.add("kind", "emptyArray")
        case .values(let leaves):
            found.add("kind", "values")
            found.add("values", leaves.map { leaf in
                var value = JSONObjectText()
                value.add("json", leaf.json)
                value.add("location", leaf.location)
                value.add("accepted", leaf.accepted)
                return value
            })
        }
        object.add("found", found)
        object.add("valuesOmitted", condition.valuesOmitted)
        object.add("hints", condition.hints.map { hint in
            var entry = JSONObjectText()
            entry.add("message", hint.message)
            entry.add("fix", hint.fix)
            return entry
        })
        return object
    }
}
