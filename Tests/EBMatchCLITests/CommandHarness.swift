import EBMatchCLI
import Foundation
import Testing

/// Runs `ebmatch` in-process against files in a private temporary folder, capturing what it prints.
///
/// Every test gets its own folder, so tests can run in parallel and name files freely.
final class CommandHarness {
    /// What one run printed and returned.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Standard output split into lines, without the final empty one.
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    /// The folder holding this test's files.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("ebmatch-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `text` to a file in the folder and returns its path.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        try file(name, bytes: Array(text.utf8))
    }

    /// Writes raw bytes to a file in the folder and returns its path.
    @discardableResult
    func file(_ name: String, bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Runs the command; `stdin` is what standard input holds, `terminal` whether stdout claims to be one.
    /// `stdoutFails` makes writes to stdout fail, as on a full disk.
    func run(
        _ arguments: [String], stdin: String = "", terminal: Bool = false, environment: [String: String] = [:],
        stdoutFails: Bool = false
    ) -> Outcome {
        let out = TextBuffer()
        let err = TextBuffer()
        var stdinReads = 0
        let status = CommandLineTool.run(
            arguments: arguments,
            stdin: {
                stdinReads += 1
                return Array(stdin.utf8)
            },
            stdout: OutputChannel(
                isTerminal: terminal, writeError: { stdoutFails ? "No space left on device" : nil }
            ) { out.text += $0 },
            stderr: OutputChannel { err.text += $0 },
            environment: environment)
        #expect(stdinReads <= 1, "standard input must be read at most once")
        return Outcome(status: status, stdout: out.text, stderr: err.text)
    }

    /// The path of a copied Genesys sample in the test bundle's Fixtures folder.
    static func fixture(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return folder.appendingPathComponent(name).path
    }
}

/// Text collected from an output channel.
final class TextBuffer {
    var text = ""
}

/// Small events and patterns shared by the tests.
enum Samples {
    /// A pattern on one top-level field.
    static let pattern = #"{"source": ["a"]}"#
    /// An event the pattern matches.
    static let matching = #"{"source": "a"}"#
    /// An event the pattern does not match.
    static let other = #"{"source": "b"}"#
    /// A complete envelope, for `--require-envelope`.
    static let enveloped = #"""
        {"id": "1", "source": "a", "detail-type": "t", "account": "1", "region": "r", "time": "t", "detail": {}}
        """#
}
