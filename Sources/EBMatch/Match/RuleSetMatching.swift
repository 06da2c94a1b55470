/// Buffers a `Matcher` keeps for rule sets: stamps that mark, per event, the sub-rules already queued
/// and the rules already matched, so that neither is tried twice.
struct RuleScratch {
    var subRuleStamp: [UInt32] = []
    var ruleStamp: [UInt32] = []
    var queue: [Int32] = []
    var stamp: UInt32 = 0

    /// Starts an event for a set of `subRules` sub-rules and `rules` rules.
    mutating func start(subRules: Int, rules: Int) {
        if subRuleStamp.count < subRules { subRuleStamp.append(contentsOf: repeatElement(0, count: subRules - subRuleStamp.count)) }
        if ruleStamp.count < rules { ruleStamp.append(contentsOf: repeatElement(0, count: rules - ruleStamp.count)) }
        queue.removeAll(keepingCapacity: true)
        stamp &+= 1
        if stamp == 0 {
            for i in subRuleStamp.indices { subRuleStamp[i] = 0 }
            for i in ruleStamp.indices { ruleStamp[i] = 0 }
            stamp = 1
        }
    }

    /// Queues sub-rule `id` unless it is queued already.
    @inline(__always)
    mutating func enqueue(_ id: Int32) {
        if subRuleStamp[Int(id)] != stamp {
            subRuleStamp[Int(id)] = stamp
            queue.append(id)
        }
    }
}

extension Matcher {
    /// Finds the rules of `ruleSet` that the event (JSON text as UTF-8 bytes) matches: their indices
    /// into `ruleSet.rules`, ascending, replace the contents of `matched`. Throws when the event is not
    /// a well-formed JSON object (as far as `scan` reads it).
    public mutating func matches(
        _ ruleSet: RuleSet, utf8 event: [UInt8], scan: EventScan = .whole, into matched: inout [Int]
    ) throws(EBMatchError) {
        let outcome: Result<Void, EventFault> = event.withUnsafeBufferPointer { buffer in
            do throws(EventFault) {
                try matches(ruleSet, buffer, scan, &matched)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        if case .failure(let fault) = outcome { throw Self.error(fault, source: event) }
    }

    /// As `matches(_:utf8:scan:into:)`, for an event in a buffer (the fastest entry point).
    public mutating func matches(
        _ ruleSet: RuleSet, event buffer: UnsafeBufferPointer<UInt8>, scan: EventScan = .whole,
        into matched: inout [Int]
    ) throws(EBMatchError) {
        do throws(EventFault) {
            try matches(ruleSet, buffer, scan, &matched)
        } catch {
            throw Self.error(error, source: Array(buffer))
        }
    }

    private mutating func matches(
        _ ruleSet: RuleSet, _ input: UnsafeBufferPointer<UInt8>, _ scan: EventScan, _ matched: inout [Int]
    ) throws(EventFault) {
        matched.removeAll(keepingCapacity: true)
        try flattener.flatten(input, trie: ruleSet.trie, needs: ruleSet.needs, scan: scan, into: &fields)
        startEvent(listCount: ruleSet.listCount)
        ruleScratch.start(subRules: ruleSet.subRules.count, rules: ruleSet.rules.count)
        let decoded = fields.decoded
        decoded.withUnsafeBufferPointer { decodedBuffer in
            // Queue the sub-rules whose anchors the event's leaves hit.
            for index in fields.leaves.indices {
                let leaf = fields.leaves[index]
                let path = Int(leaf.pathID)
                if fields.firstOnPath[path] == Int32(index) {
                    for id in ruleSet.pathAnchors[path] { ruleScratch.enqueue(id) }
                }
                let kind: UInt8
                switch leaf.kind {
                case .string: kind = RuleSet.stringKind
                case .trueValue: kind = RuleSet.trueKind
                case .falseValue: kind = RuleSet.falseKind
                case .null: kind = RuleSet.nullKind
                case .number: continue
                }
                // A literal's key is its kind alone.
                let bytes = kind != RuleSet.stringKind
                    ? UnsafeBufferPointer(rebasing: input[0..<0])
                    : UnsafeBufferPointer(rebasing: (leaf.isDecoded ? decodedBuffer : input)[Int(leaf.start)..<Int(leaf.end)])
                for slot in ruleSet.valueAnchors.lookup(path: leaf.pathID, kind: kind, bytes) {
                    for id in ruleSet.anchorGroups[Int(ruleSet.valueAnchors.values[slot])] { ruleScratch.enqueue(id) }
                }
                if kind == RuleSet.stringKind {
                    for length in ruleSet.prefixLengths[path] {
                        guard length <= bytes.count else { break }
                        let head = UnsafeBufferPointer(rebasing: bytes[bytes.startIndex..<bytes.startIndex + length])
                        for slot in ruleSet.valueAnchors.lookup(path: leaf.pathID, kind: RuleSet.prefixKind, head) {
                            for id in ruleSet.anchorGroups[Int(ruleSet.valueAnchors.values[slot])] { ruleScratch.enqueue(id) }
                        }
                    }
                }
            }
            for id in ruleSet.unanchored { ruleScratch.enqueue(id) }
            // Try each queued sub-rule whose rule has not matched yet.
            var next = 0
            while next < ruleScratch.queue.count {
                let id = Int(ruleScratch.queue[next])
                next += 1
                let rule = Int(ruleSet.ruleOfSubRule[id])
                guard ruleScratch.ruleStamp[rule] != ruleScratch.stamp else { continue }
                if subRuleMatches(ruleSet.subRules[id], input, decodedBuffer) {
                    ruleScratch.ruleStamp[rule] = ruleScratch.stamp
                    matched.append(rule)
                }
            }
        }
        matched.sort()
    }
}
