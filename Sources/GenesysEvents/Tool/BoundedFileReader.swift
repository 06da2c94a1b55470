import Foundation

/// Reads a whole file, up to a limit, and says why it cannot in the system's words (`is a directory`,
/// `No such file or directory`) rather than Foundation's ("The operation could not be completed.
/// (NSCocoaErrorDomain error 256.)"). Pipes and devices are read as they come, so `--pattern <(…)`
/// works and `/dev/zero` stops at the limit.
enum BoundedFileReader {
    /// Why a file could not be read.
    struct Failure: Error, Equatable, CustomStringConvertible {
        /// The reason, e.g. `is a directory`.
        let reason: String
        /// The reason.
        var description: String { reason }
    }

    /// The bytes of the file at `path`; more than `limit` bytes is a failure saying `tooLarge`.
    static func read(_ path: String, limit: Int, tooLarge: String) throws(Failure) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard !path.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(reason: String(cString: strerror(ENOENT)))
        }
        guard !isDirectory.boolValue else { throw Failure(reason: "is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(reason: String(cString: strerror(FileManager.default.isReadableFile(atPath: path) ? EIO : EACCES)))
        }
        defer { try? handle.close() }
        var bytes: [UInt8] = []
        do {
            while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
                guard bytes.count + chunk.count <= limit else { throw Failure(reason: tooLarge) }
                bytes += chunk
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(reason: reason(for: error))
        }
        return bytes
    }

    /// A short reason for an error Foundation threw while reading: the POSIX error it wraps, if any.
    static func reason(for error: any Error) -> String {
        var current: NSError? = error as NSError
        while let error = current {
            if error.domain == NSPOSIXErrorDomain, let text = strerror(Int32(error.code)) {
                return String(cString: text)
            }
            current = error.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return error.localizedDescription
    }
}
