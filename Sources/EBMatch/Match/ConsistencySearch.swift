/// Decides whether one sub-rule can be satisfied by a consistent choice of leaves (spec §4.2, §4.4).
///
/// Fields are taken in the sub-rule's order (UTF-16 order of their paths). A value field picks one of
/// its candidate leaves that agrees with the array elements pinned so far, and pins the elements of that
/// leaf's trail; on failure the search backtracks. An `exists: false` field holds when no leaf on its path
/// agrees with the pins made so far.
///
/// Plain backtracking is exponential on adversarial events (many fields, each with candidates in
/// independent arrays, and a late failure). After `budget` steps the search starts remembering failures:
/// the outcome of fields `k...` depends only on `k` and on the pins of the arrays their leaves lie in, so
/// a failed (k, pins) is never explored twice. That keeps every search polynomial, and costs nothing on
/// ordinary events.
struct ConsistencySearch {
    /// Array number → pinned element index (-1: free).
    private var pins: [Int32] = []
    /// Arrays pinned so far, in order, for undoing.
    private var pinLog: [Int32] = []
    /// Steps left before failures are remembered.
    private var stepsLeft = 0
    /// Failed (field index, relevant pins) keys, once remembering has started.
    private var failures: Set<[Int32]> = []
    /// For each field index k, the arrays that leaves of fields k... lie in (built only when needed).
    private var relevantArrays: [[Int32]] = []

    /// Search steps taken by the last `run` (for tests of the worst case).
    private(set) var steps = 0

    /// Steps of plain backtracking allowed before failures are remembered.
    static let budget = 10_000

    /// Whether `rule` is satisfied; `candidates[starts[k] ..< ends[k]]` are the leaves some value matcher
    /// of field k accepts.
    mutating func run(
        _ rule: CompiledSubRule, _ fields: EventFields, _ candidates: [Int32], _ starts: [Int32], _ ends: [Int32]
    ) -> Bool {
        if pins.count < Int(fields.arrayCount) {
            pins.append(contentsOf: repeatElement(-1, count: Int(fields.arrayCount) - pins.count))
        }
        pinLog.removeAll(keepingCapacity: true)
        stepsLeft = Self.budget
        steps = 0
        if !failures.isEmpty { failures.removeAll() }
        relevantArrays.removeAll(keepingCapacity: true)
        let matched = search(rule, 0, fields, candidates, starts, ends)
        for array in pinLog { pins[Int(array)] = -1 }
        return matched
    }

    private mutating func search(
        _ rule: CompiledSubRule, _ k: Int, _ fields: EventFields, _ candidates: [Int32], _ starts: [Int32], _ ends: [Int32]
    ) -> Bool {
        guard k < rule.fields.count else { return true }
        steps += 1
        var key: [Int32] = []
        if stepsLeft > 0 {
            stepsLeft -= 1
        } else {
            if relevantArrays.isEmpty {
                relevantArrays = Self.relevantArrays(rule, fields, candidates, starts, ends)
            }
            key = [Int32(k)] + relevantArrays[k].map { pins[Int($0)] }
            if failures.contains(key) { return false }
        }
        let found = tryField(rule, k, fields, candidates, starts, ends)
        if !found && !key.isEmpty { failures.insert(key) }
        return found
    }

    private mutating func tryField(
        _ rule: CompiledSubRule, _ k: Int, _ fields: EventFields, _ candidates: [Int32], _ starts: [Int32], _ ends: [Int32]
    ) -> Bool {
        let field = rule.fields[k]
        var c = Int(starts[k])
        let end = Int(ends[k])
        while c < end {
            let leaf = fields.leaves[Int(candidates[c])]
            if isConsistent(leaf, fields) {
                let mark = pinLog.count
                pin(leaf, fields)
                if search(rule, k + 1, fields, candidates, starts, ends) { return true }
                while pinLog.count > mark { pins[Int(pinLog.removeLast())] = -1 }
            }
            c += 1
        }
        guard field.list.allowsAbsence else { return false }
        var leafIndex = fields.firstOnPath[Int(field.pathID)]
        while leafIndex >= 0 {
            let leaf = fields.leaves[Int(leafIndex)]
            if isConsistent(leaf, fields) { return false }
            leafIndex = leaf.nextOnPath
        }
        return search(rule, k + 1, fields, candidates, starts, ends)
    }

    @inline(__always)
    private func isConsistent(_ leaf: EventFields.Leaf, _ fields: EventFields) -> Bool {
        var t = leaf.trail
        while t >= 0 {
            let step = fields.trails[Int(t)]
            let pinned = pins[Int(step.array)]
            if pinned >= 0 && pinned != step.index { return false }
            t = step.parent
        }
        return true
    }

    @inline(__always)
    private mutating func pin(_ leaf: EventFields.Leaf, _ fields: EventFields) {
        var t = leaf.trail
        while t >= 0 {
            let step = fields.trails[Int(t)]
            if pins[Int(step.array)] < 0 {
                pins[Int(step.array)] = step.index
                pinLog.append(step.array)
            }
            t = step.parent
        }
    }

    /// For each field index k, the sorted arrays that can decide fields k...: the arrays of the candidate
    /// leaves of each field, and of every leaf on the path of a field that `exists: false` lets be absent.
    /// Pins of other arrays cannot change the outcome of fields k..., so they stay out of the memo key.
    private static func relevantArrays(
        _ rule: CompiledSubRule, _ fields: EventFields, _ candidates: [Int32], _ starts: [Int32], _ ends: [Int32]
    ) -> [[Int32]] {
        var result = Array(repeating: [Int32](), count: rule.fields.count + 1)
        var seen = Set<Int32>()
        func note(_ leaf: EventFields.Leaf) {
            var t = leaf.trail
            while t >= 0 {
                let step = fields.trails[Int(t)]
                seen.insert(step.array)
                t = step.parent
            }
        }
        for k in stride(from: rule.fields.count - 1, through: 0, by: -1) {
            for c in Int(starts[k])..<Int(ends[k]) { note(fields.leaves[Int(candidates[c])]) }
            if rule.fields[k].list.allowsAbsence {
                var leafIndex = fields.firstOnPath[Int(rule.fields[k].pathID)]
                while leafIndex >= 0 {
                    note(fields.leaves[Int(leafIndex)])
                    leafIndex = fields.leaves[Int(leafIndex)].nextOnPath
                }
            }
            result[k] = seen.sorted()
        }
        return result
    }
}
