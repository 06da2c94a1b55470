import EBMatch
import Foundation

// A first, small benchmark: every Genesys filter in patterns/genesys against every bundled sample event,
// events preloaded, several passes. The full benchmark (citylots corpus, pattern sets, peer figures)
// is issue #5; this one already reports real numbers from a release build:
//   swift run -c release ebmatch-bench [PATTERN_DIR]

let folder = CommandLine.arguments.dropFirst().first ?? "patterns/genesys"
let files = FileManager.default
guard let names = try? files.contentsOfDirectory(atPath: folder) else {
    FileHandle.standardError.write(Data("ebmatch-bench: cannot read \(folder)\n".utf8))
    exit(2)
}
let patterns = names.filter { $0.hasSuffix(".json") }.sorted()
let eventNames = ((try? files.contentsOfDirectory(atPath: folder + "/events")) ?? []).filter { $0.hasSuffix(".json") }
let events = eventNames.compactMap { files.contents(atPath: folder + "/events/" + $0).map { Array($0) } }
let totalBytes = events.reduce(0) { $0 + $1.count }
guard !events.isEmpty else {
    FileHandle.standardError.write(Data("ebmatch-bench: no events in \(folder)/events\n".utf8))
    exit(2)
}

print("| pattern | events/s (median of 5) | MB/s | matched per pass |")
print("|---|---:|---:|---:|")
for name in patterns {
    guard let text = files.contents(atPath: folder + "/" + name), let pattern = try? EventPattern(utf8: Array(text))
    else { continue }
    var matcher = Matcher()
    let rounds = 5_000
    var rates: [Double] = []
    var matched = 0
    for _ in 0..<5 {
        matched = 0
        let start = ContinuousClock.now
        for _ in 0..<rounds {
            for event in events {
                let hit = event.withUnsafeBufferPointer { (try? matcher.matches(pattern, event: $0)) ?? false }
                if hit { matched += 1 }
            }
        }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        rates.append(Double(rounds * events.count) / seconds)
    }
    let median = rates.sorted()[2]
    let megabytes = median * Double(totalBytes) / Double(events.count) / 1_000_000
    print("| \(name) | \(Int(median)) | \(Int(megabytes)) | \(matched / rounds) |")
}
