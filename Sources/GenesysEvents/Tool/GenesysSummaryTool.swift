import EBMatch
import Foundation

/// The logic of the `genesys-summary` example: Genesys events on standard input (one JSON event, a
/// JSON array of events, or JSON Lines), one compact JSON line per event on standard output.
///
/// It lives in the library, with its input and output passed in, so tests run it in-process; the
/// executable only wires it to the real streams (`GenesysSummaryTool.standard()`).
public struct GenesysSummaryTool {
    /// The process exit status.
    public enum ExitCode: Int32, Sendable {
        /// Every event was accepted (or there were none).
        case accepted = 0
        /// Some event was rejected (wrong source, wrong topic, pattern mismatch).
        case rejected = 1
        /// Some event was malformed, or the input or pattern file could not be read.
        case malformed = 2
        /// The command line was wrong.
        case usage = 64
    }

    /// Why standard input could not be read.
    public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The input is larger than the limit (bytes).
        case tooLarge(limit: Int)
        /// Reading failed.
        case unreadable(String)

        /// The message for standard error.
        public var description: String {
            switch self {
            case .tooLarge(let limit): return "standard input is larger than \(limit >> 20) MiB, the most read"
            case .unreadable(let reason): return "cannot read standard input: \(reason)"
            }
        }
    }

    /// The most input read: a whole array must be in memory before its events can be split.
    public static let maxInputBytes = 512 << 20
    /// The largest pattern file read, as `ebmatch` reads patterns (EventBridge accepts 4,096 characters).
    public static let maxPatternBytes = 1 << 20

    /// Reads all of standard input (or a stand-in).
    public var readInput: () throws(InputError) -> [UInt8]
    /// Reads a file (the pattern).
    public var readFile: (String) throws -> [UInt8]
    /// Writes to standard output.
    public var write: (String) -> Void
    /// Writes to standard error.
    public var writeError: (String) -> Void

    /// A tool with the given streams.
    public init(
        readInput: @escaping () throws(InputError) -> [UInt8], readFile: @escaping (String) throws -> [UInt8],
        write: @escaping (String) -> Void, writeError: @escaping (String) -> Void
    ) {
        self.readInput = readInput
        self.readFile = readFile
        self.write = write
        self.writeError = writeError
    }

    /// The help text.
    public static let help = """
        genesys-summary: summarize Genesys Cloud events from Amazon EventBridge

        usage: genesys-summary --org ID [--suffix NAME] [--topic NAME]... [--pattern FILE] < events

        Reads one JSON event, a JSON array of events or JSON Lines from standard input and prints one
        JSON line per event: its summary, or {"error": …, "line": …, "message": …} (with the event's
        "eventId" for a rejected event, "column" and "path" for a malformed one).

          --org ID        accept only this Genesys organization's source (required)
          --suffix NAME   accept only this event source suffix
          --topic NAME    accept only this topic (repeatable): customer.end, acd.end, user.end, acw,
                          queue.conversations, …, or a template such as v2.users.{id}.presence
          --pattern FILE  accept only events matching this EventBridge event pattern
          --help          show this help

        exit status: 0 all accepted, 1 some rejected, 2 some malformed or unreadable input, 64 bad usage

        example:
          genesys-summary --org a3ce3473-7c0b-4695-9d24-b15eb713256f --topic acd.end < events.jsonl

        """

    /// Runs the command line (arguments without the program name).
    public func run(_ arguments: [String]) -> ExitCode {
        let options: GenesysSummaryOptions
        let topics: Set<GenesysTopic>?
        do {
            switch try GenesysSummaryOptions.parse(arguments) {
            case .help:
                write(Self.help)
                return .accepted
            case .run(let parsed): options = parsed
            }
            topics = try options.acceptedTopics()
        } catch {
            writeError("genesys-summary: \(error.message)\nusage: genesys-summary --org ID [options] < events (see --help)\n")
            return .usage
        }
        var pattern: EventPattern?
        if let path = options.patternPath {
            let text: [UInt8]
            do {
                text = try readFile(path)
            } catch {
                let reason = (error as? BoundedFileReader.Failure)?.reason ?? error.localizedDescription
                writeError("genesys-summary: cannot read pattern \(path): \(reason)\n")
                return .malformed
            }
            do {
                pattern = try EventPattern(utf8: text)
            } catch {
                writeError("genesys-summary: \(path):\(error.line):\(error.column): error: \(error.firstLine)\n")
                return .malformed
            }
        }
        let input: [UInt8]
        do {
            input = try readInput()
        } catch {
            writeError("genesys-summary: \(error)\n")
            return .malformed
        }
        let receiver = GenesysEventReceiver(
            organizationId: options.organizationId, eventSourceSuffix: options.eventSourceSuffix, acceptedTopics: topics,
            pattern: pattern)
        return summarize(input, with: receiver)
    }

    /// Summarizes every event of `input`, one line each, and says how it went.
    public func summarize(_ input: [UInt8], with receiver: GenesysEventReceiver) -> ExitCode {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var index: TextIndex?
        var worst = ExitCode.accepted
        for item in EventDocuments.split(input) {
            let record: ErrorRecord
            switch item {
            case .failure(let error, _):
                record = ErrorRecord(
                    line: error.line, column: error.column, path: error.path, eventId: nil, error: "malformed",
                    message: error.firstLine)
            case .event(let range, _, let line):
                do {
                    let summary = try receiver.receive(Array(input[range]))
                    write(Self.line(summary, encoder))
                    continue
                } catch {
                    if case .malformed(let innerLine, let innerColumn, let path, let message) = error {
                        // Positions count in the whole input: the event's own first line continues the
                        // column where the event starts (inside an array it is indented).
                        let start = Self.position(of: range.lowerBound, in: input, index: &index)
                        record = ErrorRecord(
                            line: line + innerLine - 1, column: innerLine == 1 ? start.column + innerColumn - 1 : innerColumn,
                            path: path, eventId: nil, error: error.kind, message: message)
                    } else {
                        // A rejected event is well-formed: its id ties the line to the event in logs.
                        let id = (try? JSONValue.parse(utf8: Array(input[range])))?["id"]?.string
                        record = ErrorRecord(
                            line: line, column: nil, path: nil, eventId: id, error: error.kind, message: error.description)
                    }
                }
            }
            worst = record.error == "malformed" ? .malformed : (worst == .accepted ? .rejected : worst)
            write(Self.line(record, encoder))
        }
        return worst
    }

    /// One event that was not accepted, as printed (nil members are left out).
    struct ErrorRecord: Encodable {
        var line: Int
        var column: Int?
        var path: String?
        /// The rejected event's `id`, when it has one.
        var eventId: String?
        var error: String
        var message: String
    }

    private static func line(_ value: some Encodable, _ encoder: JSONEncoder) -> String {
        // Encoding these plain structs cannot fail; should it, the line still says so in JSON.
        guard let data = try? encoder.encode(value) else { return #"{"error":"internal","message":"encoding failed"}"# + "\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Line and column of an offset, with the index built on first use (only malformed events need it).
    private static func position(of offset: Int, in input: [UInt8], index: inout TextIndex?) -> TextPosition {
        let built = index ?? TextIndex(input)
        index = built
        return built.position(of: offset)
    }

    /// Reads everything `read` gives (chunks of at most the requested size; nil or empty at the end),
    /// refusing more than `limit` bytes.
    public static func readAll(limit: Int = maxInputBytes, read: (Int) throws -> [UInt8]?) throws(InputError) -> [UInt8] {
        var bytes: [UInt8] = []
        while true {
            let chunk: [UInt8]?
            do {
                chunk = try read(1 << 20)
            } catch {
                throw .unreadable(BoundedFileReader.reason(for: error))
            }
            guard let chunk, !chunk.isEmpty else { return bytes }
            guard bytes.count + chunk.count <= limit else { throw .tooLarge(limit: limit) }
            bytes += chunk
        }
    }

    /// The tool wired to the process's standard streams.
    public static func standard() -> GenesysSummaryTool {
        GenesysSummaryTool(
            readInput: { () throws(InputError) -> [UInt8] in
                try readAll { size in try FileHandle.standardInput.read(upToCount: size).map { [UInt8]($0) } }
            },
            readFile: { path in
                try BoundedFileReader.read(
                    path, limit: maxPatternBytes,
                    tooLarge: "larger than 1 MiB (EventBridge accepts patterns of at most 4,096 characters)")
            },
            write: { text in try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8)) },
            writeError: { text in try? FileHandle.standardError.write(contentsOf: Data(text.utf8)) })
    }
}
