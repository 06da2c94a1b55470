import Foundation
import Testing

@testable import GenesysEvents

/// `genesys-summary`'s logic, run in-process on in-memory streams.
@Suite struct SummaryToolTests {
    /// What one run printed and returned.
    struct Run {
        var code: GenesysSummaryTool.ExitCode
        var output: String
        var errors: String
        /// The output's lines as JSON objects.
        var records: [[String: Any]] {
            output.split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }
    }

    /// Collects what the tool writes (tests run the tool synchronously on one task).
    final class Sink: @unchecked Sendable {
        var text = ""
    }

    func run(_ arguments: [String], input: [UInt8], files: [String: [UInt8]] = [:]) -> Run {
        let output = Sink()
        let errors = Sink()
        let tool = GenesysSummaryTool(
            readInput: { input },
            readFile: { path in
                guard let bytes = files[path] else { throw CocoaError(.fileNoSuchFile) }
                return bytes
            },
            write: { output.text += $0 }, writeError: { errors.text += $0 })
        let code = tool.run(arguments)
        return Run(code: code, output: output.text, errors: errors.text)
    }

    @Test func everySampleAsJSONLines() throws {
        let lines = try Samples.names().map { name in
            String(decoding: try Samples.bytes(name), as: UTF8.self).replacingOccurrences(of: "\n", with: "")
        }
        let result = run(["--org", Samples.organizationId], input: Array(lines.joined(separator: "\n").utf8))
        #expect(result.code == .accepted)
        let records = result.records
        #expect(records.count == 11)
        #expect(records.map { $0["topic"] as? String } == [
            "customer.end", "acd.end", "user.end", "acw", "customer.end", "acd.end", "acw", "acd.end",
            "queue.conversations", "queue.conversations", "v2.audits.entitytype.{id}.entityid.{id}",
        ])
        #expect(records[0]["queueId"] is NSNull)
        #expect(records[1]["queueId"] as? String == Samples.queueA)
        #expect(records[7]["queueId"] as? String == Samples.queueC)
        #expect(records[3]["wrapupCode"] as? String == "78aba480-a281-4673-990c-6c06e9b07253")
        #expect(result.errors.isEmpty)
    }

    @Test func arrayOfEventsWithAPattern() throws {
        let events = try ["e02", "e06", "e08"].map { String(decoding: try Samples.bytes($0), as: UTF8.self) }
        let input = Array(("[" + events.joined(separator: ",") + "]").utf8)
        let result = run(
            ["--org=\(Samples.organizationId)", "--pattern", "p.json"], input: input,
            files: ["p.json": try Samples.pattern("acd-end-not-queue-a.json")])
        #expect(result.code == .rejected)
        let records = result.records
        #expect(records.count == 3)
        #expect(records[0]["error"] as? String == "patternMismatch")
        #expect((records[0]["message"] as? String)?.contains("anything-but") == true)
        #expect(records[0]["line"] as? Int == 1)
        #expect(records[0]["eventId"] as? String == "b78508bb-f1b0-4d19-a4b3-2f2449d52f2b")
        #expect(records[1]["queueId"] as? String == Samples.queueB)
        #expect(records[2]["queueId"] as? String == Samples.queueC)
    }

    @Test func wrongSourceAndTopicAreRejections() throws {
        let input = try Samples.bytes("e01")
        let wrongOrg = run(["--org", "someone-else"], input: input)
        #expect(wrongOrg.code == .rejected)
        #expect(wrongOrg.records.first?["error"] as? String == "wrongSource")
        #expect((wrongOrg.records.first?["message"] as? String)?.contains("someone-else") == true)
        let wrongTopic = run(["--org", Samples.organizationId, "--topic", "acd.end", "--suffix", "ccx-events"], input: input)
        #expect(wrongTopic.code == .rejected)
        #expect(wrongTopic.records.first?["error"] as? String == "wrongTopic")
        let template = run(["--org", Samples.organizationId, "--topic", "v2.detail.events.conversation.{id}.customer.end"], input: input)
        #expect(template.code == .accepted)
    }

    @Test func malformedEventsReportFilePositions() {
        let good = "{\"source\": \"\(Samples.source)\", \"id\": \"ok\"}"
        let input = "\(good)\n{\"source\": \"\(Samples.source)\", \"detail\": {\"topicName\": 7}}\n{\"broken\": }\n\(good)\n"
        let result = run(["--org", Samples.organizationId], input: Array(input.utf8))
        #expect(result.code == .malformed)
        let records = result.records
        #expect(records.count == 4)
        #expect(records[0]["eventId"] as? String == "ok")
        #expect(records[1]["error"] as? String == "malformed")
        #expect(records[1]["line"] as? Int == 2)
        #expect(records[1]["path"] as? String == "$.detail.topicName")
        #expect(records[1]["column"] as? Int == 117)
        #expect(records[2]["line"] as? Int == 3)
        #expect(records[3]["eventId"] as? String == "ok")
    }

    @Test func malformedInsideAnIndentedArrayCountsColumnsInTheFile() {
        let input = "[\n  {\"source\": \"\(Samples.source)\", \"resources\": [1]}\n]"
        let result = run(["--org", Samples.organizationId], input: Array(input.utf8))
        #expect(result.code == .malformed)
        #expect(result.records.first?["line"] as? Int == 2)
        // The event starts at column 3 of its line, so positions on that line count on from there.
        let column = 3 + "{\"source\": \"\(Samples.source)\", \"resources\": [".utf16.count
        #expect(result.records.first?["column"] as? Int == column)
    }

    @Test func usageErrors() {
        #expect(run([], input: []).code == .usage)
        #expect(run(["--org"], input: []).code == .usage)
        #expect(run(["--org", ""], input: []).code == .usage)
        #expect(run(["--org", "x", "events.json"], input: []).code == .usage)
        #expect(run(["--org", "x", "--verbose"], input: []).code == .usage)
        let topic = run(["--org", "x", "--topic", "conversation.end"], input: [])
        #expect(topic.code == .usage)
        #expect(topic.errors.contains("unknown topic conversation.end"))
        #expect(topic.errors.contains("e.g. v2.detail.events.conversation.{id}.conversation.end"))
        let help = run(["--help"], input: [])
        #expect(help.code == .accepted)
        #expect(help.output.contains("--pattern FILE"))
    }

    @Test func badPatternFileIsMalformedInput() {
        let missing = run(["--org", "x", "--pattern", "nope.json"], input: [])
        #expect(missing.code == .malformed)
        #expect(missing.errors.contains("cannot read pattern nope.json"))
        let invalid = run(["--org", "x", "--pattern", "p.json"], input: [], files: ["p.json": Array(#"{"source": []}"#.utf8)])
        #expect(invalid.code == .malformed)
        #expect(invalid.errors.contains("p.json:1:"))
    }

    @Test func emptyInputAcceptsNothing() {
        let result = run(["--org", "x"], input: Array(" \n".utf8))
        #expect(result.code == .accepted)
        #expect(result.output.isEmpty)
    }

    @Test func inputCap() throws {
        var chunks = [[UInt8](repeating: 32, count: 6), [UInt8](repeating: 32, count: 6)]
        #expect(throws: GenesysSummaryTool.InputError.tooLarge(limit: 10)) {
            try GenesysSummaryTool.readAll(limit: 10) { _ in chunks.isEmpty ? nil : chunks.removeFirst() }
        }
        var small = [[UInt8](repeating: 65, count: 4), [UInt8](repeating: 66, count: 4)]
        let read = try GenesysSummaryTool.readAll(limit: 8) { _ in small.isEmpty ? nil : small.removeFirst() }
        #expect(read.count == 8)
        #expect(GenesysSummaryTool.InputError.tooLarge(limit: 512 << 20).description.contains("512 MiB"))
        let tool = GenesysSummaryTool(
            readInput: { () throws(GenesysSummaryTool.InputError) -> [UInt8] in throw .tooLarge(limit: 512 << 20) },
            readFile: { _ in [] }, write: { _ in }, writeError: { _ in })
        #expect(tool.run(["--org", "x"]) == .malformed)
    }

    @Test func anOptionIsNotTakenForTheValueBeforeIt() {
        let result = run(["--org", "--topic", "acd.end"], input: [])
        #expect(result.code == .usage)
        #expect(result.errors.contains("--org needs a value, found the option --topic"))
        let inline = run(
            ["--org", Samples.organizationId, "--pattern=--odd.json"], input: [], files: ["--odd.json": Array(#"{"id": ["x"]}"#.utf8)])
        #expect(inline.code == .accepted)
    }

    @Test func patternFilesSayWhyTheyCannotBeRead() throws {
        let tooLarge = "too large"
        let folder = FileManager.default.temporaryDirectory.path
        #expect(throws: BoundedFileReader.Failure(reason: "is a directory")) {
            try BoundedFileReader.read(folder, limit: 10, tooLarge: tooLarge)
        }
        #expect(throws: BoundedFileReader.Failure(reason: "No such file or directory")) {
            try BoundedFileReader.read(folder + "/no-such-\(UUID().uuidString).json", limit: 10, tooLarge: tooLarge)
        }
        #expect(throws: BoundedFileReader.Failure(reason: tooLarge)) {
            try BoundedFileReader.read("/dev/zero", limit: 1 << 20, tooLarge: tooLarge)
        }
        // A pipe (`--pattern <(…)`): Data(contentsOf:) refused it with "You don't have permission".
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(#"{"id": ["x"]}"#.utf8))
        try pipe.fileHandleForWriting.close()
        let read = try BoundedFileReader.read("/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)", limit: 100, tooLarge: tooLarge)
        #expect(read == Array(#"{"id": ["x"]}"#.utf8))
        // Standard input that is a folder: the system's reason, not Foundation's NSError dump.
        let folderError = NSError(
            domain: NSCocoaErrorDomain, code: 256,
            userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EISDIR))])
        #expect(throws: GenesysSummaryTool.InputError.unreadable("Is a directory")) {
            try GenesysSummaryTool.readAll { _ in throw folderError }
        }
    }
}
