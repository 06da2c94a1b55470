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

    /// Reads `path`, or calls `readStandardInput` when the path is `-`.
    ///
    /// Each failure gets a short reason instead of Foundation's long localized sentence, because the
    /// reason follows `FILE: error:` and the file name is already there.
    public static func read(
        _ path: String, readStandardInput: () throws -> [UInt8]
    ) -> Result<InputFile, ReadError> {
        let name = displayName(for: path)
        if path == CommandLineArguments.standardInputName {
            do {
                return .success(InputFile(name: name, bytes: try readStandardInput()))
            } catch {
                return .failure(ReadError(name: name, reason: "cannot read standard input"))
            }
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard !path.isEmpty, manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(ReadError(name: name, reason: "No such file or directory"))
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
        defer { try? handle.close() }
        do {
            // `readToEnd` returns nil for an empty file; that is an empty buffer, not a failure.
            let data = try handle.readToEnd() ?? Data()
            return .success(InputFile(name: name, bytes: [UInt8](data)))
        } catch {
            return .failure(ReadError(name: name, reason: reason(for: error)))
        }
    }

    /// Whether the file holds nothing but JSON whitespace (space, tab, line feed, carriage return).
    public var isBlank: Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// A short reason for an error thrown while reading an opened file.
    private static func reason(for error: any Error) -> String {
        let code = (error as NSError).code
        // Reading a FIFO or a device can fail after opening; errno values say more than the message.
        if (error as NSError).domain == NSPOSIXErrorDomain, let text = strerror(Int32(code)) {
            return String(cString: text)
        }
        return "cannot read file"
    }
}
