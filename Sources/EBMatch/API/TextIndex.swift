/// Line and column lookups in one document in time independent of where the offset lies: the state
/// of the count is recorded every `stride` bytes, and a lookup counts on from the nearest record.
///
/// `TextPosition(offset:in:)` counts from the document's start, which is fine once, but not for a
/// file with thousands of findings.
public struct TextIndex: Sendable {
    /// The document.
    private let source: [UInt8]
    /// (line, column) at every multiple of `stride`.
    private var checkpoints: [(line: Int32, column: Int32)] = []
    private static let stride = 512
    /// Whether the document starts with a UTF-8 byte-order mark, which editors do not show as a column.
    private let hasByteOrderMark: Bool
    /// Whether columns on the first line leave the byte-order mark out (as editors do).
    public var hidesByteOrderMark = false

    /// An index of `source`.
    public init(_ source: [UInt8]) {
        self.source = source
        hasByteOrderMark = source.starts(with: [0xEF, 0xBB, 0xBF])
        var line = 1
        var column = 1
        checkpoints.reserveCapacity(source.count / Self.stride + 1)
        var at = 0
        while at <= source.count {
            checkpoints.append((Int32(clamping: line), Int32(clamping: column)))
            let next = min(at + Self.stride, source.count)
            if next == at { break }
            TextPosition.count(source, from: at, to: next, line: &line, column: &column)
            at = next
        }
    }

    /// The position of byte `offset` (as `TextPosition` counts it).
    public func position(of offset: Int) -> TextPosition {
        let clamped = min(max(0, offset), source.count)
        let checkpoint = clamped / Self.stride
        var (line, column) = (Int(checkpoints[checkpoint].line), Int(checkpoints[checkpoint].column))
        TextPosition.count(source, from: checkpoint * Self.stride, to: clamped, line: &line, column: &column)
        column += max(0, offset - source.count)
        if hidesByteOrderMark && hasByteOrderMark && line == 1 && offset >= 3 { column -= 1 }
        return TextPosition(line: line, column: column)
    }
}
