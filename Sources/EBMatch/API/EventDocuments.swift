/// Splits a file's bytes into the events it holds: one JSON object, a JSON array of events, or JSON
/// Lines (one value after another, usually one per line).
///
/// A top-level array yields its elements. Otherwise each value is one event, and what follows it on its
/// last line is ignored, as EventBridge ignores content after an event; after a malformed value the
/// split resumes at the next line, so one bad line in a JSON Lines file does not hide the rest.
/// Every element is yielded as it is (an element that is not an object is left for the matcher to reject).
public enum EventDocuments {
    /// One item of a file: an event's byte range, or why a part of the file could not be read.
    public enum Item: Sendable {
        /// An event: its bytes are `range` of the input; `ordinal` counts from 0 in the file; `line` is
        /// the 1-based line where it starts.
        case event(range: Range<Int>, ordinal: Int, line: Int)
        /// A malformed part (an error whose offsets are relative to the whole input).
        case failure(EBMatchError, ordinal: Int)
    }

    /// The items of `input`, in file order. An input holding only whitespace yields nothing.
    public static func split(_ input: [UInt8]) -> [Item] {
        input.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count, isSpace(buffer[start]) { start += 1 }
            guard start < buffer.count else { return [] }
            return buffer[start] == UInt8(ascii: "[")
                ? arrayItems(buffer, source: input) : lineItems(buffer, from: start, source: input)
        }
    }

    private static func arrayItems(_ buffer: UnsafeBufferPointer<UInt8>, source: [UInt8]) -> [Item] {
        var items: [Item] = []
        var tokens = JSONTokenizer(buffer)
        var lines = LineCounter()
        do throws(JSONSyntaxError) {
            _ = try tokens.next()  // the opening bracket
            while true {
                let token = try tokens.next()
                if token == .endArray || token == .end { break }
                let start = tokens.tokenStart
                if token == .string { try tokens.completeString() }
                try tokens.skipChildren(of: token)
                items.append(.event(range: start..<tokens.position, ordinal: items.count, line: lines.line(at: start, in: buffer)))
            }
            // Anything after the array would be silently lost: say so.
            var rest = tokens.position
            while rest < buffer.count, isSpace(buffer[rest]) { rest += 1 }
            if rest < buffer.count {
                throw JSONSyntaxError.unexpectedCharacter(
                    buffer, at: rest, "expected nothing after the array of events")
            }
        } catch {
            items.append(.failure(syntaxError(error, source: source), ordinal: items.count))
        }
        return items
    }

    private static func lineItems(_ buffer: UnsafeBufferPointer<UInt8>, from first: Int, source: [UInt8]) -> [Item] {
        var items: [Item] = []
        var lines = LineCounter()
        var offset = first
        while offset < buffer.count {
            let rest = UnsafeBufferPointer(rebasing: buffer[offset...])
            var tokens = JSONTokenizer(rest)
            do throws(JSONSyntaxError) {
                let token = try tokens.next()
                if token == .end { break }
                let start = offset + tokens.tokenStart
                if token == .string { try tokens.completeString() }
                try tokens.skipChildren(of: token)
                items.append(.event(range: start..<(offset + tokens.position), ordinal: items.count, line: lines.line(at: start, in: buffer)))
                // EventBridge reads one value and ignores whatever follows it; in JSON Lines that is the
                // rest of the event's last line.
                offset = endOfLine(buffer, from: offset + tokens.position)
            } catch {
                var fault = error
                var base = offset
                var resume = offset + error.offset
                // A JSON Lines record cut short makes the reader run on into the next line. When the value
                // began on a line with more on it than its opening bracket, blame that line alone and resume
                // on the next one, so the following record is still judged.
                let start = offset  // whitespace was skipped: the value starts here
                let lineEnd = endOfLine(buffer, from: start)
                if offset + error.offset > lineEnd, hasContent(buffer, start + 1, lineEnd) {
                    var alone = JSONTokenizer(UnsafeBufferPointer(rebasing: buffer[start..<lineEnd]))
                    do throws(JSONSyntaxError) {
                        let token = try alone.next()
                        if token == .string { try alone.completeString() }
                        try alone.skipChildren(of: token)
                    } catch let lineError {
                        fault = lineError
                        base = start
                        resume = lineEnd
                    }
                }
                let error = syntaxError(fault, in: buffer, at: base, line: lines.line(at: base, in: buffer), source: source)
                items.append(.failure(error, ordinal: items.count))
                // Resume after the line holding the fault.
                offset = endOfLine(buffer, from: min(buffer.count, resume))
            }
            while offset < buffer.count, isSpace(buffer[offset]) { offset += 1 }
        }
        return items
    }

    private static func syntaxError(_ error: JSONSyntaxError, source: [UInt8]) -> EBMatchError {
        Matcher.error(.syntax(error), source: source)
    }

    /// The error of a value starting at `base`: its JSON path is worked out within that value, its
    /// positions count in the whole file.
    private static func syntaxError(
        _ error: JSONSyntaxError, in buffer: UnsafeBufferPointer<UInt8>, at base: Int, line: Int, source: [UInt8]
    ) -> EBMatchError {
        let value = Array(buffer[base..<min(buffer.count, base + error.offset + 1)])
        return Matcher.error(.syntax(error), source: value).relocated(into: source, at: base, line: line)
    }

    /// The offset of the line break (`\n` or `\r`) ending the line that holds `offset`, or the end of input.
    private static func endOfLine(_ buffer: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var i = offset
        while i < buffer.count, buffer[i] != 10, buffer[i] != 13 { i += 1 }
        return i
    }

    /// Whether `buffer[from ..< to]` holds anything but whitespace.
    private static func hasContent(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i < to {
            if !isSpace(buffer[i]) { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    private static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 10 || c == 13 || c == 9 }

    /// Counts lines incrementally, as offsets only grow; line breaks as Jackson counts them (`\n`, `\r`,
    /// `\r\n`), like `EBMatchError.line`.
    private struct LineCounter {
        var offset = 0
        var current = 1
        mutating func line(at target: Int, in buffer: UnsafeBufferPointer<UInt8>) -> Int {
            while offset < target {
                let c = buffer[offset]
                if c == 10 || (c == 13 && (offset + 1 >= buffer.count || buffer[offset + 1] != 10)) { current += 1 }
                offset += 1
            }
            return current
        }
    }
}
