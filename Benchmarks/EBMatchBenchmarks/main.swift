import EBMatch
import EBMatchCLI
import Foundation

// ebmatch-bench: the pattern sets of Benchmarks/data/patterns over the synthetic citylots corpus,
// events preloaded, one thread, several passes; match counts checked against expected-counts.txt;
// plus the time to compile 10,000 rules and the CLI's streaming rate over the whole corpus file.
//
//   swift run -c release ebmatch-bench [--corpus PATH] [--sets a,b] [--passes N] [--events N] [--no-cli]

/// Peers' figures (thousands of events/s, this machine kind) from ../shared/bench/README.md.
let peers: [String: (go: String, rust: String, ruler: String)] = [
    "quamina-citylots4": ("82", "118", "n/a"), "cl2-exact": ("1,495", "1,806", "216"),
    "cl2-prefix": ("1,154", "1,399", "168"), "cl2-anything-but": ("334", "362", "168"),
    "cl2-equals-ignore-case": ("780", "1,130", "198"), "cl2-wildcard": ("1,173", "543", "163"),
    "exists": ("624", "557", "253"), "mixed-representative": ("369", "330", "204"),
    "exact-1000-mapblklot": ("1,292", "1,257", "n/a"), "exact-1000-street-mixed": ("1,003", "852", "n/a"),
    "numeric-range": ("unsupported", "72", "n/a"),
]

var options: [String: String] = [:]
var flags: Set<String> = []
var arguments = Array(CommandLine.arguments.dropFirst())
while let argument = arguments.first {
    arguments.removeFirst()
    if argument == "--no-cli" || argument == "--help" {
        flags.insert(argument)
    } else if argument.hasPrefix("--"), let value = arguments.first {
        options[argument] = value
        arguments.removeFirst()
    } else {
        FileHandle.standardError.write(Data("ebmatch-bench: unknown argument \(argument)\n".utf8))
        exit(64)
    }
}
if flags.contains("--help") {
    print("USAGE: swift run -c release ebmatch-bench [--corpus PATH] [--sets a,b] [--passes N] [--events N] [--no-cli]")
    exit(0)
}
let corpusPath = options["--corpus"] ?? ".build/ebmatch-bench/citylots-synth.jsonl"
let passes = max(1, Int(options["--passes"] ?? "") ?? 5)
let onlySets = options["--sets"].map { Set($0.split(separator: ",").map(String.init)) }
let eventLimit = options["--events"].flatMap { Int($0) }

func rss() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}

/// The CLI's peak memory, read from the process's high-water mark: only a rise over `before` is the
/// CLI's own (on a first run, generating the corpus has already raised the mark).
func memoryNote(peak: Int, before: Int) -> String {
    peak > before
        ? "peak resident memory \(peak) MB"
        : "peak resident memory at most \(peak) MB (the mark was reached before the CLI ran; run again to measure it)"
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    return (ContinuousClock.now - start) / .seconds(1)
}

func format(_ value: Double) -> String {
    let number = NumberFormatter()
    number.numberStyle = .decimal
    number.maximumFractionDigits = 0
    return number.string(from: NSNumber(value: value)) ?? "\(Int(value))"
}

do {
    // Make sure the corpus exists (generating it if needed) before measuring anything.
    try Corpus.ensure(corpusPath, generate: options["--corpus"] == nil)
    let corpusSize = (try FileManager.default.attributesOfItem(atPath: corpusPath)[.size] as? Int) ?? 0

    // 1. The CLI streaming the whole file with a properties-only rule, before the corpus is preloaded,
    //    so that the process's peak memory is the CLI's.
    if !flags.contains("--no-cli") {
        let rules = NSTemporaryDirectory() + "ebmatch-bench-rules-\(getpid())"
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        try #"{"properties": {"MAPBLKLOT": ["1430022"]}}"#.write(toFile: rules + "/one-lot.json", atomically: true, encoding: .utf8)
        var output = ""
        let before = rss()
        var status: Int32 = 0
        let time = seconds {
            status = CommandLineTool.run(
                arguments: ["match", "--rules", rules, "--count", corpusPath], stdin: { [] },
                stdout: OutputChannel { output += $0 }, stderr: OutputChannel { FileHandle.standardError.write(Data($0.utf8)) })
        }
        try? FileManager.default.removeItem(atPath: rules)
        print("CLI: ebmatch match --rules (1 properties-only rule) --count over \(corpusPath)")
        print("  \(format(Double(corpusSize) / time / 1_000_000)) MB/s (\(String(format: "%.2f", time)) s for \(format(Double(corpusSize) / 1_000_000)) MB), "
            + memoryNote(peak: rss(), before: before) + ", status \(status), output: \(output.trimmingCharacters(in: .whitespacesAndNewlines))")
    }

    // 2. Compiling 10,000 rules.
    var sources: [String] = []
    for i in 0..<10_000 {
        switch i % 4 {
        case 0: sources.append(#"{"properties": {"MAPBLKLOT": ["\#(1_000_000 + i)"]}}"#)
        case 1: sources.append(#"{"properties": {"STREET": [{"prefix": "S\#(i)"}], "ODD_EVEN": ["E"]}}"#)
        case 2: sources.append(#"{"properties": {"BLOCK_NUM": [{"anything-but": ["\#(i)"]}]}}"#)
        default: sources.append(#"{"geometry": {"type": ["Polygon"]}, "properties": {"LOT_NUM": ["\#(i)"]}}"#)
        }
    }
    var ruleSet: RuleSet?
    let compileTime = try seconds {
        ruleSet = RuleSet(try sources.enumerated().map { ("r\($0.offset)", try EventPattern($0.element)) })
    }
    print("Compiling 10,000 rules (4 shapes) into one RuleSet: \(String(format: "%.3f", compileTime)) s (\(ruleSet?.count ?? 0) rules)")

    // 3. The pattern sets over the preloaded corpus.
    let corpus = try Corpus.load(corpusPath, count: eventLimit)
    let sets = try PatternSet.load(folder: "Benchmarks/data/patterns", only: onlySets)
    print("Corpus: \(corpus.events.count) events, \(format(Double(corpus.eventBytes) / 1_000_000)) MB; "
        + "\(passes) passes per set, one thread, skipping scans\n")
    print("| set | rules | ebmatch k events/s (median; min-max) | MB/s | Go Quamina | quamina-rs | event-ruler | counts |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    var mismatches: [String] = []
    for set in sets {
        var matcher = Matcher()
        var matched: [Int] = []
        var counts = Array(repeating: 0, count: set.rules.count)
        var rates: [Double] = []
        try corpus.bytes.withUnsafeBufferPointer { bytes in
            for pass in 0..<passes {
                let time = try seconds {
                    for range in corpus.events {
                        try matcher.matches(set.rules, event: UnsafeBufferPointer(rebasing: bytes[range]), scan: .skipping, into: &matched)
                        if pass == 0 { for rule in matched { counts[rule] += 1 } }
                    }
                }
                rates.append(Double(corpus.events.count) / time)
            }
        }
        rates.sort()
        let median = rates[rates.count / 2]
        let megabytes = median * Double(corpus.eventBytes) / Double(corpus.events.count) / 1_000_000
        var check = "not pinned"
        if eventLimit == nil {
            if let expected = set.expectedCounts {
                check = counts == expected ? "ok" : "MISMATCH: \(counts) != \(expected)"
            } else if let total = set.expectedTotal {
                let sum = counts.reduce(0, +)
                check = sum == total ? "ok (total \(sum))" : "MISMATCH: total \(sum) != \(total)"
            }
        }
        if check.hasPrefix("MISMATCH") { mismatches.append(set.name) }
        let peer = peers[set.name] ?? ("-", "-", "-")
        print("| \(set.name) | \(set.rules.count) | \(format(median / 1000)) (\(format(rates[0] / 1000))-\(format(rates[rates.count - 1] / 1000))) "
            + "| \(format(megabytes)) | \(peer.go) | \(peer.rust) | \(peer.ruler) | \(check) |")
    }
    if !mismatches.isEmpty {
        print("\n*** COUNT MISMATCH in \(mismatches.joined(separator: ", ")): a correctness bug ***")
        exit(1)
    }
} catch {
    FileHandle.standardError.write(Data("ebmatch-bench: \(error)\n".utf8))
    exit(2)
}
