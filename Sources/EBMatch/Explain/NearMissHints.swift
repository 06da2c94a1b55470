/// Finds likely reasons a condition failed, each with the fix: a misspelt or mis-cased member name, a
/// field under another parent, a value of the wrong JSON type, a case-only or whitespace difference, an
/// operator that would match turned the other way, and the traps of `anything-but` and `exists`.
///
/// Hints are guesses from the event at hand, so they are worded as such and never change a verdict.
struct NearMissHints {
    /// A leaf value of the event, as the hints compare it.
    struct Value {
        var kind: EventFields.Kind
        /// String contents (decoded), or the literal's text.
        var text: String
    }

    /// The most hints given for one condition.
    static let limit = 5

    let probe: EventProbe

    /// Hints for a failed condition on `path` whose list is `list`, given what the event has there.
    func hints(path: String, list: MatcherList, found: EventProbe.Result, values: [Value]) -> [MatchExplanation.Hint] {
        var hints: [MatchExplanation.Hint] = []
        func add(_ message: String, _ fix: String) {
            let hint = MatchExplanation.Hint(message: message, fix: fix)
            if hints.count < Self.limit && !hints.contains(hint) { hints.append(hint) }
        }
        if !values.isEmpty {
            for value in values.prefix(Self.limit) {
                for matcher in list.all { valueHints(matcher, value, add) }
            }
            // No near miss: say plainly that the value is not in the list, and how to accept it.
            if hints.isEmpty, values.count == 1, let value = values.first,
                list.all.allSatisfy({ if case .exactString = $0 { return true } else { return false } })
            {
                let shown = value.kind == .string ? quoted(value.text) : value.text
                add("the event has \(shown), which is not in the list", "add \(shown) to the list if such events should match")
            }
            return hints
        }
        if found.sawObject {
            let members = (found.firstObject?.members?.map(\.name) ?? []).prefix(4)
            let example = members.first.map { "`\(path).\($0)`" } ?? "a field inside it"
            let listed = members.isEmpty ? "" : " (it holds " + members.map { "`\($0)`" }.joined(separator: ", ") + ")"
            if list.all.contains(where: { if case .exists = $0 { return true } else { return false } }) {
                add("`exists` tests leaf values only, and `\(path)` is an object in this event\(listed)",
                    "test a field inside it, e.g. \(example)")
            } else {
                add("`\(path)` is an object in this event\(listed); patterns match leaf values (strings, numbers, booleans, null)",
                    "name a field inside it, e.g. \(example)")
            }
            return hints
        }
        if found.sawEmptyArray {
            add("`\(path)` is an empty array in this event: it holds no value to match",
                "an empty array counts as absent: `{\"exists\": false}` accepts it")
            return hints
        }
        // Absent: the path the event has nearest to it, every wrong step corrected at once.
        if let miss = found.miss, let fixed = corrected(miss.object, followed: miss.followed, missing: miss.missing) {
            let step = miss.missing.split(separator: ".", maxSplits: 1).first.map(String.init) ?? miss.missing
            let wrong = miss.followed.isEmpty ? step : miss.followed + "." + step
            add("the event has no `\(wrong)`; the path it has is `\(fixed.path)`",
                "write the path as `\(fixed.path)`" + (fixed.caseOnly ? " (names are case-sensitive)" : ""))
        }
        if hints.isEmpty {
            for (name, elsewhere) in fieldsElsewhere(path) {
                add("`\(name)` is at `\(elsewhere)` in this event, not at `\(path)`", "use the path `\(elsewhere)`")
            }
        }
        if hints.isEmpty, let last = path.split(separator: ".").last.map(String.init),
            probe.members(named: last, limit: 1).isEmpty
        {
            add("no member of this event is named `\(last)`: events of this kind may not carry it",
                "filter on a field this kind of event has, or leave such events to another rule")
        }
        if list.all.contains(where: { if case .anythingBut = $0 { return true } else { return false } }) {
            add("`anything-but` holds only when `\(path)` is present, and this event has no `\(path)`",
                "to accept events without it too, add `{\"exists\": false}` to the list")
        }
        return hints
    }

    /// The path the event has for the steps `missing` below `object` (reached by `followed`): each step
    /// as written, or a close name (another case, a slip of two letters), or joined with the next step
    /// (`queue.id` → `queueId`). Arrays on the way are looked into. Nil when a step finds nothing close.
    private func corrected(_ object: JSONValue, followed: String, missing: String) -> (path: String, caseOnly: Bool)? {
        let steps = missing.split(separator: ".").map(String.init)
        var path = followed.isEmpty ? [] : [followed]
        var value = object
        var caseOnly = true
        var i = 0
        while i < steps.count {
            if let element = value.elements?.first(where: { $0.members != nil }) { value = element }
            guard let members = value.members else { return nil }
            let names = members.map(\.name)
            let step = steps[i]
            var chosen: String?
            var consumed = 1
            if names.contains(step) {
                chosen = step
            } else if i + 1 < steps.count,
                let joined = [step + steps[i + 1].prefix(1).uppercased() + steps[i + 1].dropFirst(), step + "_" + steps[i + 1]]
                    .first(where: names.contains)
            {
                chosen = joined
                consumed = 2
                caseOnly = false
            } else if let close = Self.closeNames(to: step, among: names).first {
                chosen = close
                if close.lowercased() != step.lowercased() { caseOnly = false }
            }
            guard let name = chosen, let next = members.last(where: { $0.name == name }) else { return nil }
            path.append(name)
            value = next.value
            i += consumed
        }
        // A path that ends inside an object still names nothing to match.
        if value.members != nil { return nil }
        return (path.joined(separator: "."), caseOnly)
    }

    /// Where the field a path names may be instead: members named like its last step, or like its last
    /// two steps joined (`queue.id` is `queueId` or `queue_id` in many payloads), found at another path.
    /// A top-level member does not count for a nested path (a nested `id` is not the event's `id`).
    private func fieldsElsewhere(_ path: String) -> [(name: String, path: String)] {
        let steps = path.split(separator: ".").map(String.init)
        guard let last = steps.last else { return [] }
        var names: [String] = []
        if steps.count >= 2 {
            let parent = steps[steps.count - 2]
            names += [parent + last.prefix(1).uppercased() + last.dropFirst(), parent + "_" + last]
        }
        names.append(last)
        var found: [(String, String)] = []
        for name in names {
            for elsewhere in probe.members(named: name)
            where elsewhere != path && (steps.count == 1 || elsewhere.contains(".")) {
                if !found.contains(where: { $0.1 == elsewhere }) { found.append((name, elsewhere)) }
            }
            if !found.isEmpty { break }
        }
        return found
    }

    /// Hints comparing one matcher with one value that it did not accept.
    private func valueHints(_ matcher: ValueMatcher, _ value: Value, _ add: (String, String) -> Void) {
        let isString = value.kind == .string
        let shown = isString ? quoted(value.text) : value.text
        switch matcher {
        case .exactString(let bytes):
            let wanted = String(decoding: bytes, as: UTF8.self)
            if !isString && wanted == value.text {
                add("the pattern has the string \(quoted(wanted)), the event the \(kindName(value.kind)) \(value.text)",
                    "write \(value.text) without quotes")
            } else if isString && wanted != value.text && wanted.lowercased() == value.text.lowercased() {
                add("\(quoted(wanted)) and \(shown) differ only in case",
                    "use `{\"equals-ignore-case\": \(quoted(wanted))}`, or write \(shown)")
            } else if isString && wanted != value.text && trimmed(wanted) == trimmed(value.text) {
                add("\(quoted(wanted)) and \(shown) differ in leading or trailing spaces", "write \(shown) exactly")
            } else if isString && !wanted.isEmpty && value.text.hasPrefix(wanted) {
                add("\(shown) starts with \(quoted(wanted)) but goes on", "use `{\"prefix\": \(quoted(wanted))}`")
            } else if isString && !wanted.isEmpty && value.text.hasSuffix(wanted) {
                add("\(shown) ends with \(quoted(wanted))", "use `{\"suffix\": \(quoted(wanted))}`")
            }
        case .exactNumber(let literal, _):
            let wanted = String(decoding: literal, as: UTF8.self)
            if isString && (value.text == wanted || Double(value.text).map { Double(wanted) == $0 } == true) {
                add("the pattern has the number \(wanted), the event the string \(shown)",
                    "write \(shown) in quotes")
            }
        case .literal(let literal):
            let wanted = literal == .trueValue ? "true" : literal == .falseValue ? "false" : "null"
            if isString && value.text == wanted {
                add("the pattern has the literal \(wanted), the event the string \(shown)", "write \(shown) in quotes")
            }
        case .numeric:
            if isString, Double(value.text) != nil {
                add("`numeric` compares numbers only, and the event has the string \(shown)",
                    "match the text instead, e.g. [\(shown)], or have the producer send a number")
            }
        case .prefix(let bytes):
            let wanted = String(decoding: bytes, as: UTF8.self)
            guard isString, !wanted.isEmpty else { return }
            if value.text.hasSuffix(wanted) {
                add("\(shown) ends with \(quoted(wanted)) rather than starting with it",
                    "use `{\"suffix\": \(quoted(wanted))}`")
            } else if value.text.lowercased().hasPrefix(wanted.lowercased()) {
                add("\(shown) starts with \(quoted(wanted)) in another case",
                    "use `{\"prefix\": {\"equals-ignore-case\": \(quoted(wanted))}}`")
            } else if value.text.contains(wanted) {
                add("\(shown) contains \(quoted(wanted)), but not at its start",
                    "use `{\"wildcard\": \(quoted("*" + escapedForWildcard(wanted) + "*"))}`")
            }
        case .suffix(let bytes):
            let wanted = String(decoding: bytes, as: UTF8.self)
            guard isString, !wanted.isEmpty else { return }
            if value.text.hasPrefix(wanted) {
                add("\(shown) starts with \(quoted(wanted)) rather than ending with it",
                    "use `{\"prefix\": \(quoted(wanted))}`")
            } else if value.text.lowercased().hasSuffix(wanted.lowercased()) {
                add("\(shown) ends with \(quoted(wanted)) in another case",
                    "use `{\"suffix\": {\"equals-ignore-case\": \(quoted(wanted))}}`")
            } else if value.text.contains(wanted) {
                add("\(shown) contains \(quoted(wanted)), but not at its end",
                    "use `{\"wildcard\": \(quoted("*" + escapedForWildcard(wanted) + "*"))}`")
            }
        case .exists(true):
            break
        default:
            break
        }
    }

    /// Member names close to `name`: the same ignoring case, or at most two edits away (for names of
    /// four characters or more), closest first.
    static func closeNames(to name: String, among names: [String]) -> [String] {
        let lowered = name.lowercased()
        var scored: [(Int, String)] = []
        for candidate in names where candidate != name {
            if candidate.lowercased() == lowered {
                scored.append((0, candidate))
            } else if name.count >= 4, let distance = editDistance(lowered, candidate.lowercased(), cap: 2) {
                scored.append((distance, candidate))
            }
        }
        return scored.sorted { $0.0 < $1.0 }.map(\.1).prefix(3).map { $0 }
    }

    /// Levenshtein distance between two strings if it is at most `cap`, else nil.
    static func editDistance(_ a: String, _ b: String, cap: Int) -> Int? {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        guard abs(x.count - y.count) <= cap, x.count < 256, y.count < 256 else { return nil }
        guard !x.isEmpty, !y.isEmpty else { return max(x.count, y.count) }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            // Every later row is at least this row's minimum.
            if (current.min() ?? 0) > cap { return nil }
            previous = current
        }
        return previous[y.count] <= cap ? previous[y.count] : nil
    }

    /// The text without leading and trailing spaces, tabs and line breaks.
    private func trimmed(_ text: String) -> String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private func kindName(_ kind: EventFields.Kind) -> String {
        switch kind {
        case .string: return "string"
        case .number: return "number"
        case .trueValue, .falseValue: return "boolean"
        case .null: return "literal"
        }
    }

    private func escapedForWildcard(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "*" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}

/// A string as a JSON literal, for messages.
func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
