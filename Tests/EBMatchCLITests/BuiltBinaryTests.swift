import Foundation
import Testing

/// Runs the built `ebmatch` executable as a subprocess, to check what in-process tests cannot:
/// `main.swift`, the real streams and the process exit status.
@Suite struct BuiltBinaryTests {
    /// The package root: the folder holding Package.swift, found by walking up from this file.
    static let packageRoot: URL? = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    /// `.build/debug/ebmatch`, if it has been built.
    static let binary: URL? = {
        guard let root = packageRoot else { return nil }
        let url = root.appendingPathComponent(".build/debug/ebmatch")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }()

    /// What a run of the binary printed on stdout, and its exit status.
    struct Run {
        var status: Int32
        var stdout: String
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run? {
        guard let binary = Self.binary else {
            // `swift test` builds the executable because the test target depends on it; another runner may not.
            print("Skipping: no built binary at .build/debug/ebmatch (run `swift build` first)")
            return nil
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self))
    }

    @Test func genesysEventMatches() throws {
        let pattern = try CommandHarness.fixture("p01-acd-end-queue-a.json")
        let event = try CommandHarness.fixture("e02-acd-end-voice-queue-a.json")
        guard let result = try run([pattern, event]) else { return }
        #expect(result.status == 0)
        #expect(result.stdout == "\(event): match\n")
        guard let json = try run(["--format", "json", pattern, event]) else { return }
        #expect(json.stdout == #"{"event":"\#(event)","index":0,"line":1,"result":"match"}"# + "\n")
    }

    @Test func invalidPatternExitsTwo() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", #"{"resources": []}"#)
        let event = try CommandHarness.fixture("e02-acd-end-voice-queue-a.json")
        guard let result = try run(["--format", "json", pattern, event]) else { return }
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix(#"{"error":{"type":"InvalidEventPatternException","#))
        #expect(result.stdout.contains(#""file":"\#(pattern)","path":"$.resources","line":1,"column":17,"note":"#))
    }

    @Test func usageErrorExitsSixtyFour() throws {
        guard let result = try run(["--no-such-option"]) else { return }
        #expect(result.status == 64)
        #expect(result.stdout == "")
    }
}
