// Writes the fuzzers' seed corpora from conformance files (JSON Lines rows with `pattern` and `event`
// strings, see ../shared/conformance/README.md). Built and run by Tests/Fuzz/run.sh; not a fuzz target.
//
//   seed-corpus OUTPUT_DIR FILE.jsonl...
//
// writes OUTPUT_DIR/json/ (patterns and events), OUTPUT_DIR/pattern/ (patterns) and OUTPUT_DIR/match/
// (pattern, a 0x00 byte, event: the match target's input format). Files are named by a hash of their
// content, so seeding twice adds nothing.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@main
struct SeedCorpus {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first, arguments.count >= 2 else {
            print("usage: seed-corpus OUTPUT_DIR FILE.jsonl...")
            exit(64)
        }
        var written = 0
        for file in arguments.dropFirst() {
            guard let text = readFile(file) else {
                print("seed-corpus: cannot read \(file)")
                exit(1)
            }
            for line in text.split(separator: UInt8(ascii: "\n")) {
                let row = Array(line)
                guard let object = try? JSONValue.parse(utf8: row, ignoringTrailingContent: true) else { continue }
                // The documents are JSON strings holding the exact text sent, malformed or not.
                let pattern = object["pattern"]?.decodedString(in: row)?.utf8
                let event = object["event"]?.decodedString(in: row)?.utf8
                if let pattern {
                    written += write(pattern, to: output + "/pattern")
                    written += write(pattern, to: output + "/json")
                }
                if let event { written += write(event, to: output + "/json") }
                if let pattern, let event { written += write(pattern + [0] + event, to: output + "/match") }
            }
        }
        print("seed-corpus: \(written) new seed files in \(output)")
    }

    /// Writes `bytes` to `directory/<hash>` unless present; returns 1 when a file was written.
    static func write(_ bytes: [UInt8], to directory: String) -> Int {
        // FNV-1a: stable across runs and platforms, unlike Hasher.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        let path = directory + "/" + String(repeating: "0", count: 16 - hex.count) + hex
        if access(path, F_OK) == 0 { return 0 }
        guard let file = fopen(path, "wb") else {
            print("seed-corpus: cannot write \(path)")
            exit(1)
        }
        defer { fclose(file) }
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        return 1
    }

    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }
}
