import Foundation
import Testing

@testable import EBMatchCLI

/// The bad-input catalogue (issue 7), command side: each entry's exit status and message, in-process
/// through `CommandHarness`, and a few through the built binary. The library side is
/// `EBMatchTests/API/BadInputCatalogueTests.swift`; docs/limits.md lists the time and memory each entry
/// takes in the release binary.
@Suite struct BadInputCatalogueTests {
    /// Runs `ebmatch PATTERN EVENT` on a pattern text and an event file's bytes.
    func match(_ pattern: String = Samples.pattern, event: [UInt8], arguments: [String] = []) throws -> (
        CommandHarness.Outcome, String
    ) {
        try match(bytes: Array(pattern.utf8), event: event, arguments: arguments)
    }

    /// Runs `ebmatch PATTERN EVENT` on a pattern file's and an event file's bytes.
    func match(bytes pattern: [UInt8], event: [UInt8], arguments: [String] = []) throws -> (CommandHarness.Outcome, String) {
        let harness = try CommandHarness()
        let patternFile = try harness.file("p.json", bytes: pattern)
        let eventFile = try harness.file("e.json", bytes: event)
        return (harness.run(arguments + [patternFile, eventFile]), eventFile)
    }

    @Test func aGenesysSampleCutAtEveryByte() throws {
        let harness = try CommandHarness()
        let pattern = try CommandHarness.fixture("p01-acd-end-queue-a.json")
        let sample = Array(try Data(contentsOf: URL(fileURLWithPath: try CommandHarness.fixture("e02-acd-end-voice-queue-a.json"))))
        #expect(sample.allSatisfy { $0 < 0x80 }, "the sample is ASCII, so every cut is whole text")
        let end = try #require(sample.lastIndex(of: UInt8(ascii: "}"))) + 1
        // Through standard input: writing 1,479 files costs far more time than the runs themselves.
        let stdin = "<stdin>"
        for cut in 0...end {
            let outcome = harness.run([pattern, "-"], stdin: String(decoding: sample[..<cut], as: UTF8.self))
            if cut == 0 {
                #expect(outcome.status == 2 && outcome.stderr == "\(stdin): error: no event in file\n")
            } else if cut == end {
                #expect(outcome.status == 0 && outcome.stdout == "\(stdin): match\n" && outcome.stderr.isEmpty)
            } else {
                #expect(outcome.status == 2, "cut at \(cut)")
                #expect(outcome.stdout.isEmpty, "cut at \(cut)")
                // One located error for the one event, at the end of what is there.
                #expect(outcome.stderr.hasPrefix("\(stdin):"), "cut at \(cut)")
                #expect(outcome.stderr.contains(": error: Unexpected end-of-input"), "cut at \(cut): \(outcome.stderr)")
                #expect(outcome.stderr.contains("(event 0"), "cut at \(cut)")
                #expect(outcome.stderr.split(separator: "\n").count == 1, "cut at \(cut)")
            }
        }
    }

    @Test func invalidUTF8() throws {
        let (outcome, file) = try match(event: Array(#"{"source":"a"#.utf8) + [0xFF] + Array(#""}"#.utf8))
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "\(file):1:13: error: Invalid UTF-8 start byte 0xff (event 0, at $.source)\n")
        let (cut, _) = try match(event: Array(#"{"source":""#.utf8) + [0xE2, 0x82] + Array(#""}"#.utf8))
        #expect(cut.stderr.hasSuffix(":1:13: error: Invalid UTF-8 middle byte 0x22 (event 0, at $.source)\n"))
        // In the pattern: AWS's message, with the JSON path.
        let (inPattern, _) = try match(
            bytes: Array(#"{"source":[""#.utf8) + [0xC0, 0x80] + Array(#""]}"#.utf8), event: Array(Samples.matching.utf8))
        #expect(inPattern.status == 2)
        #expect(inPattern.stderr.contains(":1:13: error: Invalid UTF-8 start byte 0xc0\n"))
        #expect(inPattern.stderr.contains("  at $.source[0]\n"))
    }

    @Test func loneSurrogateEscapesReadAsQuestionMarks() throws {
        let (outcome, file) = try match(#"{"source": ["?"]}"#, event: Array(#"{"source":"\ud800"}"#.utf8))
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "\(file): match\n")
    }

    @Test func nulBytes() throws {
        let (raw, file) = try match(event: Array(#"{"source":"a"#.utf8) + [0] + Array(#""}"#.utf8))
        #expect(raw.status == 2)
        #expect(raw.stderr == "\(file):1:13: error: Illegal unquoted character ((CTRL-CHAR, code 0)): has to be "
            + "escaped using backslash to be included in string value (event 0, at $.source)\n")
        // After the event, on its line: ignored, as any content after an event.
        let (after, afterFile) = try match(event: Array(Samples.matching.utf8) + [0])
        #expect(after.status == 0 && after.stdout == "\(afterFile): match\n")
        let (escaped, _) = try match(#"{"source": ["a\u0000"]}"#, event: Array(#"{"source":"a\u0000"}"#.utf8))
        #expect(escaped.status == 0)
    }

    @Test func byteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let (outcome, file) = try match(event: bom + Array(Samples.matching.utf8))
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "\(file):1:1: error: Unexpected character ('\u{FEFF}' (code 65279 / 0xfeff)): "
            + "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false') (event 0)\n")
        let (inPattern, _) = try match(bytes: bom + Array(Samples.pattern.utf8), event: Array(Samples.matching.utf8))
        #expect(inPattern.status == 2)
        #expect(inPattern.stderr.contains(":1:1: error: Unexpected character ('\u{FEFF}' (code 65279 / 0xfeff))"))
    }

    @Test func nonStandardNumbersAndLeadingZeros() throws {
        for (literal, message) in [
            ("NaN", "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"),
            ("Infinity", "Non-standard token 'Infinity': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"),
            ("012", "Invalid numeric value: Leading zeroes not allowed"),
        ] {
            let (outcome, _) = try match(event: Array(#"{"source":\#(literal)}"#.utf8))
            #expect(outcome.status == 2, "\(literal)")
            #expect(outcome.stderr.hasSuffix(": error: \(message) (event 0, at $.source)\n"), "\(literal)")
            let (inPattern, _) = try match(#"{"source":[\#(literal)]}"#, event: Array(Samples.matching.utf8))
            #expect(inPattern.status == 2, "pattern \(literal)")
            #expect(inPattern.stderr.contains("AWS: Event pattern is not valid. Reason: \(message)"), "pattern \(literal)")
        }
    }

    @Test func duplicateKeysAreAllKeptInEvents() throws {
        let (outcome, file) = try match(event: Array(#"{"source":"b","source":"a"}"#.utf8))
        #expect(outcome.status == 0 && outcome.stdout == "\(file): match\n")
        // In a pattern the last list wins.
        let (pattern, _) = try match(#"{"source":["a"],"source":["b"]}"#, event: Array(Samples.matching.utf8))
        #expect(pattern.status == 1)
    }

    @Test func contentAfterTheDocumentIsIgnored() throws {
        let (outcome, file) = try match(
            Samples.pattern + " ]] garbage", event: Array((Samples.matching + " trailing garbage\n" + Samples.matching + "]]\n").utf8))
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "\(file):1: match\n\(file):2: match\n")
        #expect(outcome.stderr.isEmpty)
        // match --rules reads lines the same way.
        let harness = try CommandHarness()
        let rules = try harness.file("r.json", Samples.pattern)
        let events = try harness.file("e.jsonl", Samples.matching + " trailing garbage\n" + Samples.matching + "]]\n")
        let rulesOutcome = harness.run(["match", "--rules", rules, events])
        #expect(rulesOutcome.status == 0)
        #expect(rulesOutcome.stdout == "1: r\n2: r\n")
    }

    @Test func emptyFiles() throws {
        let (event, file) = try match(event: [])
        #expect(event.status == 2 && event.stderr == "\(file): error: no event in file\n")
        let (pattern, _) = try match("", event: Array(Samples.matching.utf8))
        #expect(pattern.status == 2)
        #expect(pattern.stderr.contains(":1:1: error: Filter is not an object\n"))
    }

    @Test func aDirectoryOrAnUnreadableFileAsInput() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        let folder = harness.folder.path
        let asEvents = harness.run([pattern, folder])
        #expect(asEvents.status == 2 && asEvents.stderr == "\(folder): error: is a directory\n")
        let asPattern = harness.run([folder, pattern])
        #expect(asPattern.status == 2 && asPattern.stderr == "\(folder): error: is a directory\n")
        // A file that opens but cannot be read (reading this process's memory at address 0 fails, for
        // root too, who can read any file whatever its permissions).
        let unreadable = harness.run([pattern, "/proc/self/mem"])
        #expect(unreadable.status == 2)
        #expect(unreadable.stderr == "/proc/self/mem: error: Input/output error\n")
        let missing = harness.run([pattern, folder + "/none.json"])
        #expect(missing.status == 2 && missing.stderr == "\(folder)/none.json: error: No such file or directory\n")
        if geteuid() != 0 {
            let locked = try harness.file("locked.json", Samples.matching)
            #expect(chmod(locked, 0) == 0)
            let outcome = harness.run([pattern, locked])
            #expect(outcome.status == 2 && outcome.stderr == "\(locked): error: Permission denied\n")
        }
    }

    @Test func hundredThousandDeepNesting() throws {
        let deep = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let (outcome, file) = try match(event: Array(deep.utf8))
        #expect(outcome.status == 2)
        // The path, 1,000 steps long, is shortened in text (and whole in JSON output).
        let path = "$.a" + String(repeating: "[0]", count: 999)
        #expect(outcome.stderr == "\(file):1:1005: error: Document nesting depth (1001) exceeds the maximum allowed "
            + "(1000, from `StreamReadConstraints.getMaxNestingDepth()`) (event 0, at \(path.prefix(120))…\(path.suffix(60)) "
            + "(3000 characters))\n")
        let harness = try CommandHarness()
        let json = harness.run(["--format", "json", try harness.file("p.json", Samples.pattern), try harness.file("e.json", deep)])
        #expect(json.stdout.contains(#""path":"\#(path)""#))
        let pattern = String(repeating: "{\"a\":", count: 100_000) + "[1]" + String(repeating: "}", count: 100_000)
        let (inPattern, _) = try match(pattern, event: Array(Samples.matching.utf8))
        #expect(inPattern.status == 2)
        #expect(inPattern.stderr.contains(":1:5001: error: Document nesting depth (1001) exceeds the maximum allowed"))
    }

    @Test func aHundredMegabyteString() throws {
        // The release build (`swift test -c release`) reads the catalogue's 100 MB; a debug build scans
        // bytes about twenty times slower, so there the string is just over the limit, 21 MB, which goes
        // through the same checks (docs/limits.md has the release binary's figures for 100 MB).
        #if DEBUG
            let length = 21_000_000
        #else
            let length = 100_000_000
        #endif
        let event = Array(("{\"source\":\"" + String(repeating: "x", count: length) + "\"}").utf8)
        let (outcome, file) = try match(event: event)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "\(file):1:\(length + 12): error: String value length (\(length)) exceeds the maximum "
            + "allowed (20000000, from `StreamReadConstraints.getMaxStringLength()`) (event 0, at $.source)\n")
    }

    @Test func tenThousandDigits() throws {
        let digits = "1" + String(repeating: "0", count: 9_999)
        let (outcome, file) = try match(event: Array(#"{"source":\#(digits)}"#.utf8))
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "\(file):1:10011: error: Number value length (10000) exceeds the maximum allowed "
            + "(1000, from `StreamReadConstraints.getMaxNumberLength()`) (event 0, at $.source)\n")
    }

    @Test func tenLevelsOfOr() throws {
        var nested = #"{"source": ["a"]}"#
        for level in 1...10 {
            nested = #"{"$or": [\#(([nested] + (1..<10).map { #"{"f\#(level)_\#($0)": ["v"]}"# }).joined(separator: ", "))]}"#
        }
        let (outcome, file) = try match(nested, event: Array(Samples.matching.utf8))
        #expect(outcome.status == 0 && outcome.stdout == "\(file): match\n")
        let levels = (0..<10).map { level in
            #""l\#(level)": {"$or": [\#((0..<10).map { #"{"k": ["\#($0)"]}"# }.joined(separator: ", "))]}"#
        }
        let (crossed, _) = try match("{" + levels.joined(separator: ",\n") + "}", event: Array(Samples.matching.utf8))
        #expect(crossed.status == 2)
        #expect(crossed.stderr.contains(":5:112: error: $or multiplies out to more than 65536 combinations or 1048576 fields\n"))
        #expect(crossed.stderr.contains("  at $.l4.$or[6]\n"))
    }

    @Test func pathologicalWildcards() throws {
        let stars = String(repeating: "*a", count: 30)
        let (refused, file) = try match(#"{"source": [{"wildcard": "\#(stars)"}]}"#, event: Array(Samples.matching.utf8))
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix(file.replacingOccurrences(of: "e.json", with: "p.json") + ": error: Rule is too complex"))
        let event = Array(#"{"source":"\#(String(repeating: "a", count: 100_000))b"}"#.utf8)
        let (lifted, liftedFile) = try match(
            #"{"source": [{"wildcard": "\#(String(repeating: "*a", count: 1_000))"}]}"#, event: event,
            arguments: ["--max-complexity", "1000000000"])
        #expect(lifted.status == 1 && lifted.stdout == "\(liftedFile): no match\n")
    }

    @Test func aJSONLinesStreamWithOneBadLineInTheMiddle() throws {
        let lines = (1...5).map { $0 == 3 ? #"{"source": bad}"# : Samples.matching }.joined(separator: "\n") + "\n"
        let (outcome, file) = try match(event: Array(lines.utf8))
        #expect(outcome.status == 2)
        #expect(outcome.stdout == [1, 2, 4, 5].map { "\(file):\($0): match\n" }.joined())
        #expect(outcome.stderr == "\(file):3:15: error: Unrecognized token 'bad': was expecting (JSON String, Number, "
            + "Array, Object or token 'null', 'true' or 'false') (event 2, at $.source)\n")
        let harness = try CommandHarness()
        let rules = try harness.file("r.json", Samples.pattern)
        let events = try harness.file("e.jsonl", lines)
        let streamed = harness.run(["match", "--rules", rules, events])
        #expect(streamed.status == 2)
        #expect(streamed.stdout == "1: r\n2: r\n4: r\n5: r\n")
        #expect(streamed.stderr.contains("\(events):3:15: error: Unrecognized token 'bad'"))
    }
}

/// A few catalogue entries through the built executable: real streams, real exit statuses.
@Suite struct BadInputBinaryTests {
    /// Status, stdout and stderr of one run of `.build/debug/ebmatch`, or nil when it is not built.
    func run(_ arguments: [String], stdin: [UInt8] = []) throws -> (status: Int32, stdout: String, stderr: String)? {
        guard let binary = BuiltBinaryTests.binary else {
            print("Skipping: no built binary at .build/debug/ebmatch (run `swift build` first)")
            return nil
        }
        let harness = try CommandHarness()
        // Files, not pipes: nothing can block on a full pipe, whatever the command prints.
        let input = try harness.file("stdin", bytes: stdin)
        let out = harness.folder.appendingPathComponent("stdout")
        let err = harness.folder.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = [:]
        process.standardInput = FileHandle(forReadingAtPath: input)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
            String(decoding: try Data(contentsOf: err), as: UTF8.self)
        )
    }

    @Test func aTruncatedEventOnStandardInput() throws {
        let pattern = try CommandHarness.fixture("p01-acd-end-queue-a.json")
        let sample = Array(try Data(contentsOf: URL(fileURLWithPath: try CommandHarness.fixture("e02-acd-end-voice-queue-a.json"))))
        guard let result = try run([pattern, "-"], stdin: Array(sample.prefix(700))) else { return }
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("<stdin>:"))
        #expect(result.stderr.contains(": error: Unexpected end-of-input"))
    }

    @Test func aDirectoryAndABadLineInAStream() throws {
        let harness = try CommandHarness()
        let pattern = try harness.file("p.json", Samples.pattern)
        guard let folder = try run([pattern, harness.folder.path]) else { return }
        #expect(folder.status == 2 && folder.stderr == "\(harness.folder.path): error: is a directory\n")
        let lines = Array("\(Samples.matching)\n{\"source\": bad}\n\(Samples.matching)\n".utf8)
        guard let stream = try run(["match", "--rules", pattern, "--format", "json", "-"], stdin: lines) else { return }
        #expect(stream.status == 2)
        let records = stream.stdout.split(separator: "\n")
        #expect(records.count == 3)
        #expect(records.first == #"{"index":0,"line":1,"rules":["p"]}"#)
        #expect(records.dropFirst().first?.contains(#""error":{"type":"InvalidEvent","code":"jsonSyntax""#) == true)
    }
}
