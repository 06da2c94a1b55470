import Foundation

/// The bytes of one file named on the command line, or of standard input for `-`.
///
/// The whole file is read into one buffer: events are then matched over slices of it, so a file of a
/// million events costs one allocation, not a million.
public struct InputFile: Sendable {
    /// Why a file could not be read, worded like the system's own messages (`No such file or directory`).
    public struct ReadError: Error, Sendable, Equatable {
        /// The file's display name.
        public let name: String
        /// The reason, e.g. `is a directory`.
        public let reason: String

        /// A read error for the named file.
        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// How the file is shown in messages: its path as given, or `<stdin>` for `-`.
    public let name: String
    /// The file's content.
    public let bytes: [UInt8]

    /// A file with the given display name and content (for tests and in-memory input).
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The name shown for standard input.
    public static let standardInputDisplayName = "<stdin>"

    /// The name shown in messages for a command-line path.
    public static func displayName(for path: String) -> String {
        path == CommandLineArguments.standardInputName ? standardInputDisplayName : path
    }

    /// The largest event file read (ebmatch reads an event file whole; this keeps `/dev/zero` or an
    /// endless pipe from exhausting memory).
    public static let maxEventFileSize = 512 << 20
    /// The largest pattern file read: EventBridge accepts patterns of at most 4,096 characters.
    public static let maxPatternFileSize = 1 << 20

    /// Thrown by a standard-input reader that stopped at the size limit.
    public struct TooLarge: Error {
        /// The error.
        public init() {}
    }

    /// The largest file `validate` reads: a template or a Terraform plan can be large, but not this large.
    public static let maxValidatedFileSize = 64 << 20

    /// What a file is read for, which sets its size limit.
    public enum Role: Sendable {
        /// A pattern to match with.
        case pattern
        /// Events to match.
        case events
        /// A pattern file, template or Terraform JSON to validate.
        case validation

        /// The size limit in bytes.
        public var limit: Int {
            switch self {
            case .pattern: return InputFile.maxPatternFileSize
            case .events: return InputFile.maxEventFileSize
            case .validation: return InputFile.maxValidatedFileSize
            }
        }

        /// Why a file over the limit is refused.
        var tooLarge: String {
            switch self {
            case .pattern: return "larger than 1 MiB (EventBridge accepts patterns of at most 4,096 characters)"
            case .events: return "larger than 512 MiB (ebmatch reads an event file whole; split it, e.g. with split -l)"
            case .validation: return "larger than 64 MiB (no template or plan of patterns is this large)"
            }
        }
    }

    /// Reads `path`, or calls `readStandardInput` when the path is `-`, refusing more than the role's limit.
    ///
    /// Each failure gets a short reason instead of Foundation's long localized sentence, because the
    /// reason follows `FILE: error:` and the file name is already there.
    public static func read(
        _ path: String, as role: Role = .events, readStandardInput: () throws -> [UInt8]
    ) -> Result<InputFile, ReadError> {
        let name = displayName(for: path)
        if path == CommandLineArguments.standardInputName {
            do {
                let bytes = try readStandardInput()
                guard bytes.count <= role.limit else { return .failure(ReadError(name: name, reason: role.tooLarge)) }
                return .success(InputFile(name: name, bytes: bytes))
            } catch is TooLarge {
                return .failure(ReadError(name: name, reason: role.tooLarge))
            } catch {
                return .failure(ReadError(name: name, reason: "cannot read standard input"))
            }
        }
        let handle: FileHandle
        switch open(path) {
        case .success(let opened): handle = opened
        case .failure(let error): return .failure(error)
        }
        defer { try? handle.close() }
        do {
            guard let bytes = try readAll(handle, limit: role.limit) else {
                return .failure(ReadError(name: name, reason: role.tooLarge))
            }
            return .success(InputFile(name: name, bytes: bytes))
        } catch {
            return .failure(ReadError(name: name, reason: reason(for: error)))
        }
    }

    /// Opens the file at `path` for reading, or says why it cannot be read (as `read` words it).
    public static func open(_ path: String) -> Result<FileHandle, ReadError> {
        let name = displayName(for: path)
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard !path.isEmpty, manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // The system's own reason: a link loop, a folder without search permission, or nothing there.
            var status = stat()
            let failed = path.isEmpty ? ENOENT : (stat(path, &status) == 0 ? ENOENT : errno)
            return .failure(ReadError(name: name, reason: String(cString: strerror(failed))))
        }
        if isDirectory.boolValue {
            return .failure(ReadError(name: name, reason: "is a directory"))
        }
        guard manager.isReadableFile(atPath: path) else {
            return .failure(ReadError(name: name, reason: "Permission denied"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(ReadError(name: name, reason: "cannot open file"))
        }
        return .success(handle)
    }

    /// Everything `handle` yields, or nil once it yields more than `limit` bytes (a device such as
    /// `/dev/zero` or a pipe never ends, and its size is not known in advance).
    public static func readAll(_ handle: FileHandle, limit: Int) throws -> [UInt8]? {
        var bytes: [UInt8] = []
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            bytes.append(contentsOf: chunk)
            if bytes.count > limit { return nil }
        }
        return bytes
    }


    /// A short reason for an error thrown while reading an opened file.
    private static func reason(for error: any Error) -> String {
        // Reading a FIFO or a device can fail after opening; errno values say more than the message.
        // Foundation wraps them in a generic read error, with the POSIX error as the underlying one.
        var current: NSError? = error as NSError
        while let error = current {
            if error.domain == NSPOSIXErrorDomain, let text = strerror(Int32(error.code)) {
                return String(cString: text)
            }
            current = error.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return "cannot read file"
    }
}
