extension EventPattern {
    /// Explains, condition by condition, why the event (JSON text as UTF-8 bytes) matches or not.
    ///
    /// Each alternative is judged by the matcher itself, so the verdict is always `matches`'s; the
    /// conditions say which leaves were on each path and which the list accepted, and failed conditions
    /// come with hints. Throws as `matches` does when the event is not a well-formed JSON object.
    public func explain(utf8 event: [UInt8]) throws(EBMatchError) -> MatchExplanation {
        let outcome: Result<MatchExplanation, EventFault> = event.withUnsafeBufferPointer { input in
            do throws(EventFault) {
                return .success(try explain(input, event))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let explanation): return explanation
        case .failure(let fault): throw Matcher.error(fault, source: event)
        }
    }

    private func explain(_ input: UnsafeBufferPointer<UInt8>, _ event: [UInt8]) throws(EventFault) -> MatchExplanation {
        var matcher = Matcher()
        try matcher.load(self, input)
        // The matcher accepted the event, so the tree can be read (content after it ignored, as EventBridge does).
        let tree = (try? JSONValue.parse(utf8: event, ignoringTrailingContent: true)) ?? JSONValue(kind: .null, range: 0..<0)
        let probe = EventProbe(root: tree)
        let hints = NearMissHints(probe: probe)
        var probes: [Int32: EventProbe.Result] = [:]
        var alternatives: [MatchExplanation.Alternative] = []
        var matched = false
        var omitted = 0
        for rule in subRules {
            let held = matcher.holds(rule, input)
            matched = matched || held
            // A `$or` fan-out can make thousands of alternatives; the first ones say enough.
            guard alternatives.count < MatchExplanation.maxAlternatives else {
                omitted += 1
                continue
            }
            let fields = matcher.loadedFields
            var conditions: [MatchExplanation.Condition] = []
            // In the order the pattern is written, which is how people read it.
            for field in rule.fields.sorted(by: { $0.list.offset < $1.list.offset }) {
                let path = trie.paths[Int(field.pathID)]
                let pathText = String(decoding: path, as: UTF8.self)
                let found = probes[field.pathID] ?? probe.probe(pathText)
                probes[field.pathID] = found
                var leaves: [MatchExplanation.Leaf] = []
                var values: [NearMissHints.Value] = []
                var onPath: [Int32] = []
                var next = fields.firstOnPath[Int(field.pathID)]
                while next >= 0 {
                    onPath.append(next)
                    next = fields.leaves[Int(next)].nextOnPath
                }
                // Both list leaves in document order: pair them with the probe's when the counts agree.
                let placed = found.leaves.count == onPath.count
                for (position, leafIndex) in onPath.enumerated() {
                    let leaf = fields.leaves[Int(leafIndex)]
                    let bytes = fields.decoded.withUnsafeBufferPointer { decoded in
                        Array((leaf.isDecoded ? decoded : input)[Int(leaf.start)..<Int(leaf.end)])
                    }
                    let accepted = bytes.withUnsafeBufferPointer { buffer in
                        field.list.valueMatchers.contains { $0.accepts(leaf, buffer) }
                    }
                    let text = String(decoding: bytes, as: UTF8.self)
                    leaves.append(
                        MatchExplanation.Leaf(
                            json: leaf.kind == .string ? quoted(text) : text,
                            location: placed ? found.leaves[position].location : nil, accepted: accepted))
                    if !accepted { values.append(NearMissHints.Value(kind: leaf.kind, text: text)) }
                }
                // The values that decided first, then the others, up to the listing limit.
                let ordered = leaves.filter(\.accepted) + leaves.filter { !$0.accepted }
                let listed = Array(ordered.prefix(MatchExplanation.maxValuesListed))
                let shown: MatchExplanation.Found
                if !leaves.isEmpty {
                    shown = .values(listed)
                } else if found.sawObject {
                    shown = .object
                } else if found.sawEmptyArray {
                    shown = .emptyArray
                } else {
                    shown = .absent
                }
                let conditionHeld =
                    held || leaves.contains(where: \.accepted) || (leaves.isEmpty && field.list.allowsAbsence)
                conditions.append(
                    MatchExplanation.Condition(
                        path: pathText, wanted: field.list.written, held: conditionHeld, found: shown,
                        hints: conditionHeld
                            ? [] : hints.hints(path: pathText, list: field.list, found: found, values: values),
                        valuesOmitted: leaves.count - listed.count))
            }
            let conflict = !held && conditions.allSatisfy(\.held)
            alternatives.append(MatchExplanation.Alternative(held: held, conditions: conditions, arrayConflict: conflict))
        }
        return MatchExplanation(matched: matched, alternatives: alternatives, omittedAlternatives: omitted)
    }
}
