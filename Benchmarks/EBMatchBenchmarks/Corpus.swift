import Foundation

/// The benchmark corpus: the synthetic citylots events (one GeoJSON feature per line), preloaded.
struct Corpus {
    /// The file's bytes.
    let bytes: [UInt8]
    /// Each event's byte range (one per non-empty line).
    let events: [Range<Int>]
    /// Where it was read from.
    let path: String

    /// Makes sure the corpus exists at `path`: when it does not and `generate` is set, writes it with
    /// `Benchmarks/data/gen_citylots_synth.py` (Python 3, standard library only; about 15 s).
    static func ensure(_ path: String, generate: Bool) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard generate else { throw BenchError("no corpus at \(path)") }
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            print("Generating the synthetic citylots corpus at \(path) (python3 Benchmarks/data/gen_citylots_synth.py)…")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "Benchmarks/data/gen_citylots_synth.py", "-o", path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw BenchError("the corpus generator failed") }
        }
    }

    /// Reads the corpus at `path` (its first `count` events, or all).
    static func load(_ path: String, count: Int?) throws -> Corpus {
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        let bytes = Array(data)
        var events: [Range<Int>] = []
        var start = 0
        while start < bytes.count, count.map({ events.count < $0 }) ?? true {
            var end = start
            while end < bytes.count, bytes[end] != 10 { end += 1 }
            if end > start { events.append(start..<end) }
            start = end + 1
        }
        return Corpus(bytes: bytes, events: events, path: path)
    }

    /// The bytes of the events read.
    var eventBytes: Int { events.reduce(0) { $0 + $1.count } }
}

/// A benchmark failure, with its message.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
