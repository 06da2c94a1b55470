/// EventBridge's service-level limit on wildcard patterns: AWS rejects a pattern whose wildcards could
/// keep too many partial matches alive at once, with `Rule is too complex - …` (no location).
///
/// The estimate follows event-ruler's `MachineComplexityEvaluator`: the largest number of wildcard
/// "prefixes" a single input value can keep active at the same time, over all wildcard patterns on one
/// path. We compute it on the glob automaton of the patterns: run the subset construction over every
/// input byte that matters, and in each reachable set count the active positions that lie after a
/// pattern's first `*` and before its end. On AWS's three recorded data points this gives the same
/// numbers as the reference (`*:*:*:*:*:event-bus/*` = 11, rejected; `/Users/*/dir/dir/dir/dir/dir/doc.txt`
/// = 7 and `arn:aws:events:us-east-1:*:event-bus/*` = 3, accepted).
enum WildcardComplexity {
    /// AWS's message for a pattern over the limit.
    static let message =
        "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character"

    /// The complexity of a set of wildcard patterns sharing one path, capped at `cap` (the search stops
    /// as soon as the cap is reached, which also bounds its cost). Below the cap the value may be an
    /// upper bound rather than exact when several patterns share the path; that never changes whether
    /// the cap is reached.
    ///
    /// The set's active positions are the union of each pattern's, so the sum of the patterns' own
    /// complexities bounds the set's. Patterns are therefore first measured alone (cheap); patterns of
    /// complexity 0 (nothing after their first `*` but the end) are left out, and the joint search runs
    /// only when the sum exceeds the cap.
    ///
    /// `maxWork` bounds the positions the search visits (see `jointEstimate`); past it the estimate is
    /// the cap.
    static func estimate(_ patterns: [WildcardPattern], cap: Int, maxWork: Int = defaultMaxWork) -> Int {
        guard patterns.count > 1 else {
            return patterns.isEmpty ? 0 : jointEstimate(patterns, cap: cap, maxWork: maxWork)
        }
        var sum = 0
        var contributing: [WildcardPattern] = []
        for pattern in patterns {
            let alone = jointEstimate([pattern], cap: cap, maxWork: maxWork)
            if alone >= cap { return cap }
            if alone > 0 {
                sum += alone
                contributing.append(pattern)
            }
        }
        // Under the cap the sum settles it (it bounds the joint value); over it, only the joint search can.
        return sum < cap ? sum : jointEstimate(contributing, cap: cap, maxWork: maxWork)
    }

    /// Positions visited over all sets and symbols before a search gives up. Under AWS's limit sets stay
    /// small and a search stays far below this; a pattern such as `*a` repeated thousands of times with
    /// the limit lifted makes sets of thousands of positions, and would otherwise take minutes and
    /// hundreds of MB.
    static let defaultMaxWork = 20_000_000

    /// The subset-construction search over the patterns' joint automaton.
    private static func jointEstimate(_ patterns: [WildcardPattern], cap: Int, maxWork: Int) -> Int {
        // Flatten every pattern into positions: a literal byte or a star; `counted` marks positions after
        // the pattern's first star, `end` the accepting position after its last token.
        var isStar: [Bool] = []
        var byte: [UInt8] = []
        var counted: [Bool] = []
        var isEnd: [Bool] = []
        var starts: [Int32] = []
        var alphabet = Set<UInt8>()
        for pattern in patterns {
            starts.append(Int32(isStar.count))
            var seenStar = false
            for (index, segment) in pattern.segments.enumerated() {
                if index > 0 {
                    isStar.append(true); byte.append(0); counted.append(seenStar); isEnd.append(false)
                    seenStar = true
                }
                for b in segment {
                    isStar.append(false); byte.append(b); counted.append(seenStar); isEnd.append(false)
                    alphabet.insert(b)
                }
            }
            isStar.append(false); byte.append(0); counted.append(false); isEnd.append(true)
        }
        // One byte that no pattern names stands for every other byte.
        if let other = (0...255).map(UInt8.init).first(where: { !alphabet.contains($0) }) { alphabet.insert(other) }
        let symbols = alphabet.sorted()

        // `member` marks the positions of the set being built, so that adding one and the closure over
        // stars cost O(1) per position (membership by search made long patterns quadratic per set).
        var member = Array(repeating: false, count: isStar.count)
        func closure(_ set: inout [Int32]) {
            for p in set { member[Int(p)] = true }
            var i = 0
            while i < set.count {
                let p = Int(set[i])
                if isStar[p], !member[p + 1] {
                    member[p + 1] = true
                    set.append(Int32(p + 1))
                }
                i += 1
            }
            for p in set { member[Int(p)] = false }
            set.sort()
        }
        func count(_ set: [Int32]) -> Int {
            set.reduce(0) { $0 + (counted[Int($1)] && !isEnd[Int($1)] ? 1 : 0) }
        }

        var start = starts
        closure(&start)
        var seen: Set<[Int32]> = [start]
        var queue = [start]
        var best = 0
        // Enough sets to reach any realistic cap; a pattern needing more is treated as at the cap.
        let maxSets = 10_000
        var work = 0
        while let set = queue.popLast() {
            best = max(best, count(set))
            if best >= cap || seen.count > maxSets { return cap }
            work += set.count * symbols.count
            if work > maxWork { return cap }
            for symbol in symbols {
                var next: [Int32] = []
                for p in set where !isEnd[Int(p)] {
                    let target = isStar[Int(p)] ? p : (byte[Int(p)] == symbol ? p + 1 : -1)
                    if target >= 0, !member[Int(target)] {
                        member[Int(target)] = true
                        next.append(target)
                    }
                }
                for p in next { member[Int(p)] = false }
                if next.isEmpty { continue }
                closure(&next)
                if seen.insert(next).inserted { queue.append(next) }
            }
        }
        return best
    }
}
