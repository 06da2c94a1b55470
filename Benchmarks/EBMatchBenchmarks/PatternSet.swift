import EBMatch
import Foundation

/// A named set of rules (one JSON pattern per line of a `.txt` file; `#` lines are comments), and the
/// match counts the corpus must give for it.
struct PatternSet {
    let name: String
    let rules: RuleSet
    /// Per-rule counts in file order, or nil.
    let expectedCounts: [Int]?
    /// The expected sum of all rules' counts, or nil.
    let expectedTotal: Int?

    /// Every set in `folder`, with the expectations of `expected-counts.txt` beside it.
    static func load(folder: String, only: Set<String>?) throws -> [PatternSet] {
        let expectations = try Self.expectations(folder + "/../expected-counts.txt")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        var sets: [PatternSet] = []
        for file in names {
            let name = String(file.dropLast(4))
            if let only, !only.contains(name) { continue }
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            var rules: [(String, EventPattern)] = []
            for (number, line) in text.split(separator: "\n").enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
                do {
                    rules.append(("\(name)#\(rules.count)", try EventPattern(trimmed)))
                } catch {
                    throw BenchError("\(file):\(number + 1): \(error.firstLine)")
                }
            }
            let expected = expectations[name]
            sets.append(
                PatternSet(
                    name: name, rules: RuleSet(rules), expectedCounts: expected?.counts, expectedTotal: expected?.total))
        }
        return sets
    }

    /// `SET: N N N` or `SET: total N` lines.
    private static func expectations(_ path: String) throws -> [String: (counts: [Int]?, total: Int?)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var result: [String: (counts: [Int]?, total: Int?)] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let values = parts[1].split(separator: " ")
            if values.first == "total", let total = values.last.flatMap({ Int($0) }) {
                result[String(parts[0])] = (nil, total)
            } else {
                result[String(parts[0])] = (values.compactMap { Int($0) }, nil)
            }
        }
        return result
    }
}
