import Foundation
import Testing

@testable import EBMatch

/// The bundled Genesys pack (`patterns/genesys`): every filter matches exactly the sample events its
/// suite manifest lists, and every sample is a complete EventBridge envelope.
@Suite("Genesys pack")
struct GenesysPackTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("patterns/genesys")

    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(relative)))
    }

    /// The suite manifests (`*.suite.json`, `ebmatch test`'s format): filter → the sample events it
    /// must match (every other sample must not).
    static func expectations() throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for folder in ["", "pitfalls/"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.appendingPathComponent(folder).path)
            for name in names where name.hasSuffix(".suite.json") {
                let data = try Data(contentsOf: Self.folder.appendingPathComponent(folder + name))
                let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                let pattern = try #require(manifest["pattern"] as? String)
                let matches = try #require(manifest["match"] as? [String])
                #expect(manifest["no-match"] as? [String] == [folder.isEmpty ? "events/" : "../events/"])
                result[folder + pattern] = matches.map { ($0 as NSString).lastPathComponent }
            }
        }
        return result
    }

    static func events() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("events").path)
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test("the pack holds 15 filters and 11 events")
    func inventory() throws {
        #expect(try Self.expectations().count == 15)
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
