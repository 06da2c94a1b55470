/// "Did you mean": the known name a mistyped one most likely stands for.
///
/// Only close calls are suggested (a case slip, dots or dashes in the wrong place, two typos at
/// most), because a lint that guesses wildly teaches people to ignore it.
enum NameSuggestion {
    /// The candidate `name` most likely stands for, or nil when none is close.
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let candidates = Array(candidates).sorted()
        if let same = candidates.first(where: { $0.lowercased() == name.lowercased() }) { return same }
        let squeezed = squeeze(name)
        if let same = candidates.first(where: { squeeze($0) == squeezed }) { return same }
        guard name.count >= 4 else { return nil }
        var best: (name: String, distance: Int)?
        var tied = false
        for candidate in candidates where abs(candidate.count - name.count) <= 2 {
            let distance = editDistance(name.lowercased(), candidate.lowercased(), limit: 2)
            guard distance <= 2 else { continue }
            if let current = best, current.distance == distance {
                tied = true
            } else if best == nil || distance < best!.distance {
                best = (candidate, distance)
                tied = false
            }
        }
        return tied ? nil : best?.name
    }

    /// A name lower-cased without `.`, `-` and `_`: `queue.id` and `queueId` squeeze alike.
    static func squeeze(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "." && $0 != "-" && $0 != "_" })
    }

    /// The Levenshtein distance of `a` and `b`, or `limit + 1` once it is sure to exceed `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        // Names are short (table fields, typed by people); a caller passes nothing long, but a
        // pattern can hold any text, so refuse to spend quadratic time on it.
        guard a.count <= 256, b.count <= 256 else { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return min(previous[b.count], limit + 1)
    }
}
