import Foundation
import Testing

@testable import EBMatch

/// The bundled Genesys pack (`patterns/genesys`): every filter matches exactly the sample events
/// `expected-matches.txt` lists for it, and every sample is a complete EventBridge envelope.
@Suite("Genesys pack")
struct GenesysPackTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("patterns/genesys")

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(relative)))
    }

    /// `expected-matches.txt`: `FILTER: EVENT EVENT ...` per line, `#` comments.
    static func expectations() throws -> [String: [String]] {
        let text = try String(contentsOf: folder.appendingPathComponent("expected-matches.txt"), encoding: .utf8)
        var result: [String: [String]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            result[String(line[..<colon])] = line[line.index(after: colon)...].split(separator: " ").map(String.init)
        }
        return result
    }

    static func events() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("events").path)
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("the pack holds 11 filters and 11 events")
    func inventory() throws {
        #expect(try Self.expectations().count == 11)
        #expect(try Self.events().count == 11)
    }

    @Test("each filter matches exactly its listed events", arguments: try expectations().keys.sorted())
    func filter(_ name: String) throws {
        let expected = Set(try Self.expectations()[name] ?? [])
        let pattern = try EventPattern(utf8: try Self.bytes(name))
        var matcher = Matcher()
        for event in try Self.events() {
            let matched = try matcher.matches(pattern, utf8: try Self.bytes("events/" + event))
            #expect(matched == expected.contains(event), "\(name) vs \(event)")
        }
    }

    @Test("every sample passes TestEventPattern's envelope check", arguments: try events())
    func envelope(_ event: String) throws {
        try EventEnvelope.check(utf8: try Self.bytes("events/" + event))
    }
}
