/// Matches events against compiled patterns, reusing its buffers between calls.
///
/// A `Matcher` is cheap to create but not to share: keep one per thread. Once its buffers have grown
/// to the size of the events seen, matching allocates nothing.
public struct Matcher {
    var fields = EventFields()
    var flattener = EventFlattener()
    /// Candidate leaves of each matcher list judged for the current event, as runs of `candidates`:
    /// list i's run is `listStart[i] ..< listEnd[i]`, valid when `listEvent[i] == eventNumber`. A list
    /// that `$or` copied into many sub-rules is thus judged once per event.
    private var candidates: [Int32] = []
    private var listStart: [Int32] = []
    private var listEnd: [Int32] = []
    private var listEvent: [UInt32] = []
    private var eventNumber: UInt32 = 0
    /// The runs of the fields of the sub-rule being tried.
    private var fieldStart: [Int32] = []
    private var fieldEnd: [Int32] = []
    private var search = ConsistencySearch()
    /// Buffers for matching rule sets.
    var ruleScratch = RuleScratch()
    /// Steps the consistency search took for the last sub-rule it was needed for (tests only).
    var lastSearchSteps: Int { search.steps }

    /// A matcher with empty buffers.
    public init() {}

    /// Whether the event (JSON text as UTF-8 bytes) matches the pattern.
    public mutating func matches(_ pattern: EventPattern, utf8 event: [UInt8]) throws(EBMatchError) -> Bool {
        let outcome: Result<Bool, EventFault> = event.withUnsafeBufferPointer { buffer in
            do throws(EventFault) {
                return .success(try matches(pattern, buffer))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let matched): return matched
        case .failure(let fault): throw Self.error(fault, source: event)
        }
    }

    /// Whether the event in `buffer` matches the pattern (the fastest entry point).
    public mutating func matches(_ pattern: EventPattern, event buffer: UnsafeBufferPointer<UInt8>)
        throws(EBMatchError) -> Bool
    {
        do throws(EventFault) {
            return try matches(pattern, buffer)
        } catch {
            throw Self.error(error, source: Array(buffer))
        }
    }

    private mutating func matches(_ pattern: EventPattern, _ input: UnsafeBufferPointer<UInt8>)
        throws(EventFault) -> Bool
    {
        try flattener.flatten(input, trie: pattern.trie, needs: pattern.needs, into: &fields)
        startEvent(listCount: pattern.listCount)
        let decoded = fields.decoded
        return decoded.withUnsafeBufferPointer { decodedBuffer in
            for rule in pattern.subRules where subRuleMatches(rule, input, decodedBuffer) {
                return true
            }
            return false
        }
    }

    static func error(_ fault: EventFault, source: [UInt8]) -> EBMatchError {
        switch fault {
        case .notObject:
            return EBMatchError(
                origin: .event, code: .eventNotObject, reason: "Event must be a JSON object", path: "$", offset: 0,
                source: source)
        case .syntax(let error):
            let limit = error.isLimit
            return EBMatchError(
                origin: .event, code: limit ? .limitExceeded : .jsonSyntax, reason: error.message,
                path: JSONPathLocator.path(at: error.offset, in: source),
                offset: error.offset, source: source, relatedOffset: error.relatedOffset)
        }
    }

    // MARK: - Explanations

    /// Flattens `input` for `pattern` and forgets the previous event: the first half of matching, for
    /// explanations that then judge each sub-rule with `holds`.
    mutating func load(_ pattern: EventPattern, _ input: UnsafeBufferPointer<UInt8>) throws(EventFault) {
        try flattener.flatten(input, trie: pattern.trie, needs: pattern.needs, into: &fields)
        startEvent(listCount: pattern.listCount)
    }

    /// Whether `rule` holds for the event last loaded from `input`.
    mutating func holds(_ rule: CompiledSubRule, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let decoded = fields.decoded
        return decoded.withUnsafeBufferPointer { subRuleMatches(rule, input, $0) }
    }

    /// The leaves of the event last loaded.
    var loadedFields: EventFields { fields }

    // MARK: - One sub-rule

    /// Forgets the candidates of the previous event.
    mutating func startEvent(listCount: Int) {
        candidates.removeAll(keepingCapacity: true)
        if listEvent.count < listCount {
            let grow = listCount - listEvent.count
            listStart.append(contentsOf: repeatElement(0, count: grow))
            listEnd.append(contentsOf: repeatElement(0, count: grow))
            listEvent.append(contentsOf: repeatElement(0, count: grow))
        }
        eventNumber &+= 1
        if eventNumber == 0 {
            // The counter wrapped: clear the stamps so that no old run looks current.
            for i in listEvent.indices { listEvent[i] = 0 }
            eventNumber = 1
        }
    }

    /// The run of `candidates` holding the leaves on the field's path that its list accepts.
    private mutating func candidateRun(
        _ field: CompiledField, _ input: UnsafeBufferPointer<UInt8>, _ decoded: UnsafeBufferPointer<UInt8>
    ) -> (start: Int32, end: Int32) {
        let id = Int(field.listID)
        if listEvent[id] == eventNumber { return (listStart[id], listEnd[id]) }
        let start = Int32(candidates.count)
        var leafIndex = fields.firstOnPath[Int(field.pathID)]
        while leafIndex >= 0 {
            var leaf = fields.leaves[Int(leafIndex)]
            if !field.addresses { leaf.address = nil }
            let bytes = UnsafeBufferPointer(rebasing: (leaf.isDecoded ? decoded : input)[Int(leaf.start)..<Int(leaf.end)])
            for matcher in field.list.valueMatchers where matcher.accepts(leaf, bytes) {
                candidates.append(leafIndex)
                break
            }
            leafIndex = leaf.nextOnPath
        }
        listEvent[id] = eventNumber
        listStart[id] = start
        listEnd[id] = Int32(candidates.count)
        return (start, Int32(candidates.count))
    }

    /// Whether a sub-rule matches the flattened event: every field satisfied by one consistent choice of
    /// leaves (spec §4.2, §4.4).
    mutating func subRuleMatches(
        _ rule: CompiledSubRule, _ input: UnsafeBufferPointer<UInt8>, _ decoded: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        fieldStart.removeAll(keepingCapacity: true)
        fieldEnd.removeAll(keepingCapacity: true)
        for field in rule.fields {
            let run = candidateRun(field, input, decoded)
            let none = run.start == run.end
            if none && !field.list.allowsAbsence { return false }
            // Without trails, absence means no leaf at all.
            if none && !fields.anyTrail && fields.firstOnPath[Int(field.pathID)] >= 0 { return false }
            fieldStart.append(run.start)
            fieldEnd.append(run.end)
        }
        // Without array trails every choice is consistent: each field only needs a candidate or absence.
        if !fields.anyTrail { return true }
        return search.run(rule, fields, candidates, fieldStart, fieldEnd)
    }
}
