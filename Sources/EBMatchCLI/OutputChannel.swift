import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Somewhere text goes: standard output, standard error, or a buffer in a test.
///
/// A struct of closures rather than a protocol, so a test can capture output with one line and the
/// command never needs to know which it writes to.
public struct OutputChannel {
    /// Writes text exactly as given (callers add the newlines).
    public let write: (String) -> Void
    /// Pushes out anything buffered; called when the command ends and before writing to the other channel.
    public let flush: () -> Void
    /// Whether the channel is a terminal, which is when text output may be colored.
    public let isTerminal: Bool
    /// Why writing failed (e.g. `No space left on device`), or nil while all writes went through.
    public let writeError: () -> String?

    /// A channel from its parts.
    public init(
        isTerminal: Bool = false, flush: @escaping () -> Void = {}, writeError: @escaping () -> String? = { nil },
        write: @escaping (String) -> Void
    ) {
        self.write = write
        self.flush = flush
        self.isTerminal = isTerminal
        self.writeError = writeError
    }

    /// A channel that writes to a file descriptor of this process (1 for stdout, 2 for stderr),
    /// collecting small writes into 64 KiB blocks so that a line per event does not cost a system call each.
    public static func fileDescriptor(_ descriptor: Int32, buffered: Bool) -> OutputChannel {
        let sink = DescriptorSink(descriptor: descriptor, capacity: buffered ? 1 << 16 : 0)
        return OutputChannel(
            isTerminal: isatty(descriptor) == 1, flush: { sink.flush() },
            writeError: { sink.failure.map { String(cString: strerror($0)) } }, write: { sink.write($0) })
    }
}

/// Buffered writes to a file descriptor; a class because the channel's closures share its buffer.
private final class DescriptorSink {
    private let descriptor: Int32
    private let capacity: Int
    private var pending: [UInt8] = []
    /// The errno of the first failed write, if any.
    private(set) var failure: Int32?

    init(descriptor: Int32, capacity: Int) {
        self.descriptor = descriptor
        self.capacity = capacity
        pending.reserveCapacity(capacity)
    }

    deinit { flush() }

    func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        if pending.count >= capacity { flush() }
    }

    func flush() {
        var start = 0
        pending.withUnsafeBytes { raw in
            while start < raw.count, let base = raw.baseAddress {
                let written = systemWrite(descriptor, base + start, raw.count - start)
                // EINTR: try again; any other failure (a full disk, a closed descriptor) is kept, so
                // that the command can report it and fail instead of losing results silently.
                if written < 0 {
                    if errno == EINTR { continue }
                    if failure == nil { failure = errno }
                    break
                }
                start += written
            }
        }
        pending.removeAll(keepingCapacity: true)
    }
}

/// The C library's `write(2)`, named apart from `DescriptorSink.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(descriptor, bytes, count)
    #else
        return Darwin.write(descriptor, bytes, count)
    #endif
}
