import Dispatch
import EBMatch
import Foundation

/// `ebmatch match --rules PATH [EVENTS...]`: which of many named rules each event matches.
///
/// JSON Lines (from a file or standard input) are read as a stream, a chunk at a time, so memory stays
/// flat however long the input is; other input (one event, pretty-printed, or an array) is read whole.
/// With `--jobs N` each chunk's events are matched on N threads, each with its own `Matcher`, and
/// printed in input order.
public struct RulesCommand {
    private let arguments: CommandLineArguments
    private let report: ReportWriter
    private let readStandardInput: () throws -> [UInt8]
    /// Reads standard input a chunk at a time (nil: read it whole through `readStandardInput`).
    private let standardInput: FileHandle?

    /// The size of a stream chunk.
    static let chunkSize = 4 << 20

    /// A command for parsed `arguments`; `standardInput`, when given, is streamed.
    public init(
        arguments: CommandLineArguments, report: ReportWriter, readStandardInput: @escaping () throws -> [UInt8],
        standardInput: FileHandle? = nil
    ) {
        self.arguments = arguments
        self.report = report
        self.readStandardInput = readStandardInput
        self.standardInput = standardInput
    }

    /// What happened over the run.
    private struct Tally {
        var counts: [Int]
        var matchedEvents = 0
        var errors = 0
    }

    /// Runs the command and returns its exit status: 0 some event matched a rule, 1 none did, 2 errors.
    public func run() -> MatchCommand.ExitStatus {
        let rules: RuleSet
        switch RuleFiles.load(arguments.rulesPath, limits: arguments.limits) {
        case .success(let loaded): rules = loaded
        case .failure(let problem):
            let file = problem.rule.map { "\(problem.file) (rule \"\($0)\")" } ?? problem.file
            if let error = problem.error {
                report.patternError(file: file, error)
            } else {
                report.fileError(file: file, role: .pattern, reason: problem.message)
            }
            return .invalidInput
        }
        var tally = Tally(counts: Array(repeating: 0, count: rules.count))
        var matchers = Array(repeating: Matcher(), count: arguments.jobs)
        let labelled = arguments.eventPaths.count > 1
        for path in arguments.eventPaths {
            read(path, rules, &matchers, &tally, labelled)
        }
        if arguments.countOnly { writeCounts(rules, tally) }
        if tally.errors > 0 { return .invalidInput }
        return tally.matchedEvents > 0 ? .allMatched : .someDidNotMatch
    }

    /// Reads one input (a file, or standard input for `-`) and judges its events. JSON Lines are
    /// streamed a chunk at a time; anything else (one event, pretty-printed over lines, or an array) is
    /// read whole, up to the event-file limit, and split as the other commands split it.
    private func read(
        _ path: String, _ rules: RuleSet, _ matchers: inout [Matcher], _ tally: inout Tally, _ labelled: Bool
    ) {
        let name = InputFile.displayName(for: path)
        let source: FileHandle?
        var first: [UInt8]
        if path == CommandLineArguments.standardInputName && standardInput == nil {
            // In-process runs hand standard input over whole.
            do {
                first = try readStandardInput()
            } catch {
                report.fileError(file: name, role: .events, reason: "cannot read standard input")
                tally.errors += 1
                return
            }
            source = nil
        } else {
            let handle: FileHandle
            if path == CommandLineArguments.standardInputName, let input = standardInput {
                handle = input
            } else {
                switch InputFile.open(path) {
                case .success(let opened): handle = opened
                case .failure(let error):
                    report.fileError(file: error.name, role: .events, reason: error.reason)
                    tally.errors += 1
                    return
                }
            }
            defer { if path != CommandLineArguments.standardInputName { try? handle.close() } }
            first = Array((try? handle.read(upToCount: Self.chunkSize)) ?? Data())
            source = handle
            if !Self.isJSONLines(first) {
                // Read the rest, then split the whole as one event, an array or JSON Lines.
                while let more = try? handle.read(upToCount: Self.chunkSize), !more.isEmpty {
                    first.append(contentsOf: more)
                    if first.count > InputFile.maxEventFileSize {
                        report.fileError(file: name, role: .events, reason: InputFile.Role.events.tooLarge)
                        tally.errors += 1
                        return
                    }
                }
                whole(InputFile(name: name, bytes: first), rules, &matchers, &tally, labelled)
                return
            }
            stream(source, initial: first, name: name, rules, &matchers, &tally, labelled)
            return
        }
        if Self.isJSONLines(first) {
            stream(nil, initial: first, name: name, rules, &matchers, &tally, labelled)
        } else {
            whole(InputFile(name: name, bytes: first), rules, &matchers, &tally, labelled)
        }
    }

    /// Whether input starting with `bytes` is JSON Lines: its first line holds a whole object.
    static func isJSONLines(_ bytes: [UInt8]) -> Bool {
        let isSpace: (UInt8) -> Bool = { $0 == 32 || $0 == 9 || $0 == 13 || $0 == 10 }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }), bytes[start] == UInt8(ascii: "{") else { return false }
        let end = bytes[start...].firstIndex(of: 10) ?? bytes.endIndex
        return bytes[start..<end].last(where: { !isSpace($0) }) == UInt8(ascii: "}")
    }

    /// Judges the events of an input read whole.
    private func whole(
        _ file: InputFile, _ rules: RuleSet, _ matchers: inout [Matcher], _ tally: inout Tally, _ labelled: Bool
    ) {
        let events = EventFile(file)
        if events.items.isEmpty {
            report.fileError(file: file.name, role: .events, reason: "no event in file")
            tally.errors += 1
        }
        var batch: [(Range<Int>, ReportWriter.EventPosition)] = []
        for item in events.items {
            switch item {
            case .event(let range, let position): batch.append((range, position))
            case .malformed(let error, let position, _):
                judge(batch, in: file.bytes, name: file.name, rules, &matchers, &tally, labelled)
                batch.removeAll()
                report.eventError(file: file.name, at: position, error)
                tally.errors += 1
            }
        }
        judge(batch, in: file.bytes, name: file.name, rules, &matchers, &tally, labelled)
    }

    /// Judges JSON Lines: `initial`, then what `handle` yields a chunk at a time (each complete line).
    private func stream(
        _ handle: FileHandle?, initial: [UInt8], name: String, _ rules: RuleSet, _ matchers: inout [Matcher],
        _ tally: inout Tally, _ labelled: Bool
    ) {
        var buffer = initial
        var line = 1
        var ordinal = 0
        var ended = handle == nil
        var first = true
        /// Bytes of `buffer` already searched for a line break.
        var searched = 0
        while !ended || first || !buffer.isEmpty {
            if !first, !ended {
                let chunk: Data?
                do {
                    chunk = try handle?.read(upToCount: Self.chunkSize)
                } catch {
                    report.fileError(file: name, role: .events, reason: "cannot read: \(error.localizedDescription)")
                    tally.errors += 1
                    return
                }
                if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { ended = true }
            }
            first = false
            // Complete lines only, unless the input ended. Only the bytes not yet searched are searched:
            // a line longer than many chunks must not be rescanned for each.
            let end = ended ? buffer.count : (buffer[searched...].lastIndex(of: 10).map { $0 + 1 } ?? 0)
            searched = buffer.count
            if end == 0 {
                if buffer.count > InputFile.maxEventFileSize {
                    report.fileError(file: name, role: .events, reason: "a line longer than 512 MiB")
                    tally.errors += 1
                    return
                }
                continue
            }
            var batch: [(Range<Int>, ReportWriter.EventPosition)] = []
            buffer.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return }
                var start = 0
                while start < end {
                    // memchr finds the line's end far faster than a byte loop.
                    let found = memchr(base + start, 10, end - start)
                    let stop = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? end
                    let first = bytes[start..<stop].firstIndex { $0 != 32 && $0 != 9 && $0 != 13 }
                    if first != nil {
                        batch.append((start..<stop, ReportWriter.EventPosition(index: ordinal, line: line, layout: .lines)))
                        ordinal += 1
                    }
                    line += 1
                    start = stop + 1
                }
            }
            judge(batch, in: buffer, name: name, rules, &matchers, &tally, labelled)
            buffer.removeFirst(min(end, buffer.count))
            searched = buffer.count
        }
    }

    /// Matches a batch of events of `bytes` (on `jobs` threads), then prints the results in order.
    private func judge(
        _ batch: [(Range<Int>, ReportWriter.EventPosition)], in bytes: [UInt8], name: String, _ rules: RuleSet,
        _ matchers: inout [Matcher], _ tally: inout Tally, _ labelled: Bool
    ) {
        guard !batch.isEmpty else { return }
        let scan: EventScan = arguments.validateEvents ? .whole : .skipping
        var results = Array(repeating: Result<[Int], EBMatchError>.success([]), count: batch.count)
        let jobs = min(matchers.count, max(1, batch.count / 64))
        bytes.withUnsafeBufferPointer { input in
            results.withUnsafeMutableBufferPointer { out in
                matchers.withUnsafeMutableBufferPointer { threads in
                    batch.withUnsafeBufferPointer { events in
                        let work = BatchWork(
                            rules: rules, scan: scan, input: input, events: events, results: out, matchers: threads,
                            share: (batch.count + jobs - 1) / jobs)
                        if jobs == 1 {
                            work.run(job: 0)
                        } else {
                            DispatchQueue.concurrentPerform(iterations: jobs) { work.run(job: $0) }
                        }
                    }
                }
            }
        }
        for (i, result) in results.enumerated() {
            let (range, position) = batch[i]
            switch result {
            case .failure(let error):
                report.eventError(file: name, at: position, error.relocated(into: bytes, at: range.lowerBound, line: position.line))
                tally.errors += 1
            case .success(let matched):
                if !matched.isEmpty { tally.matchedEvents += 1 }
                for rule in matched { tally.counts[rule] += 1 }
                if !arguments.countOnly { write(matched, rules, name: name, at: position, labelled: labelled) }
            }
        }
    }

    /// One event's line: `3: a, b` or `{"index":2,"line":3,"rules":["a","b"]}`.
    private func write(_ matched: [Int], _ rules: RuleSet, name: String, at position: ReportWriter.EventPosition, labelled: Bool) {
        let names = matched.map { rules.rules[$0].name }
        // A rule name may hold anything; in text it must not start a line of its own.
        let shown = names.map(ReportWriter.visibleName)
        switch report.format {
        case .json:
            var object = JSONObjectText()
            if labelled { object.add("event", name) }
            object.add("index", position.index)
            object.add("line", position.line)
            object.add("rules", names)
            report.output.write(object.text + "\n")
        default:
            let label = labelled ? "\(ReportWriter.visibleName(name)):\(position.line)" : "\(position.line)"
            let list = shown.isEmpty ? "(none)" : shown.joined(separator: ", ")
            report.output.write(ReportWriter.visible("\(label): \(list)\n"))
        }
    }

    /// The per-rule totals of `--count`.
    private func writeCounts(_ rules: RuleSet, _ tally: Tally) {
        for (index, rule) in rules.rules.enumerated() {
            switch report.format {
            case .json:
                var object = JSONObjectText()
                object.add("rule", rule.name)
                object.add("count", tally.counts[index])
                report.output.write(object.text + "\n")
            default:
                report.output.write("\(ReportWriter.visibleName(rule.name)): \(tally.counts[index])\n")
            }
        }
    }
}

/// One batch's matching, split between jobs: job `j` matches events `j * share ..< (j + 1) * share` with
/// `matchers[j]` and writes `results` at the same indices.
///
/// `@unchecked Sendable`: the buffers are shared between the jobs of one `concurrentPerform`, which
/// returns only when every job is done; no two jobs touch the same element of `results` or `matchers`,
/// and the rest is only read.
private struct BatchWork: @unchecked Sendable {
    let rules: RuleSet
    let scan: EventScan
    let input: UnsafeBufferPointer<UInt8>
    let events: UnsafeBufferPointer<(Range<Int>, ReportWriter.EventPosition)>
    let results: UnsafeMutableBufferPointer<Result<[Int], EBMatchError>>
    let matchers: UnsafeMutableBufferPointer<Matcher>
    let share: Int

    func run(job: Int) {
        var matched: [Int] = []
        // With more jobs than events a job's share can start past the end: it then has nothing to do.
        for i in min(events.count, job * share)..<min(events.count, (job + 1) * share) {
            do throws(EBMatchError) {
                try matchers[job].matches(
                    rules, event: UnsafeBufferPointer(rebasing: input[events[i].0]), scan: scan, into: &matched)
                results[i] = .success(matched)
            } catch {
                results[i] = .failure(error)
            }
        }
    }
}
