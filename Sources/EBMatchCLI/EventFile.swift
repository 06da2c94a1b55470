import EBMatch

/// The events of one file (one object, a JSON array, or JSON Lines), each with its position, as the
/// commands that read events (`match`, `explain`, `test`) walk them.
struct EventFile {
    /// One event of the file, or a part of it that is not an event.
    enum Item {
        /// An event: its bytes' range in the file.
        case event(Range<Int>, ReportWriter.EventPosition)
        /// A part that is not a well-formed event; the error's positions count in the whole file.
        /// `restUnread` when the file is an array, whose remaining events cannot be reached.
        case malformed(EBMatchError, ReportWriter.EventPosition, restUnread: Bool)
    }

    /// How the file lays out its events.
    let layout: ReportWriter.EventPosition.Layout
    /// The file's events in order; empty when the file holds none.
    let items: [Item]

    /// Splits a file into its events.
    init(_ file: InputFile) {
        let parts = EventDocuments.split(file.bytes)
        let layout = Self.layout(of: file.bytes, itemCount: parts.count)
        self.layout = layout
        items = parts.map { part in
            switch part {
            case .failure(let error, let ordinal):
                // The splitter's offsets already count in the whole file.
                let line = error.offset == nil ? 1 : error.line
                return .malformed(error, .init(index: ordinal, line: line, layout: layout), restUnread: layout == .array)
            case .event(let range, let ordinal, let line):
                return .event(range, .init(index: ordinal, line: line, layout: layout))
            }
        }
    }

    /// How a file lays out its events: an array names events by index; a file of several values (JSON
    /// Lines) by line; a file of exactly one value by the file alone.
    static func layout(of bytes: [UInt8], itemCount: Int) -> ReportWriter.EventPosition.Layout {
        let first = bytes.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        if first == UInt8(ascii: "[") { return .array }
        return itemCount == 1 ? .single : .lines
    }
}
