import Foundation

/// The bundled Genesys samples (`patterns/genesys/events`), found from this file's location so the
/// tests read the same files the documentation points at.
enum Samples {
    static let organizationId = "a3ce3473-7c0b-4695-9d24-b15eb713256f"
    static let queueA = "ee2d4ca2-4f87-4a11-a6a2-6c5b294d5d54"
    static let queueB = "d73ee57a-569f-4cd6-9865-491f13a9557e"
    static let queueC = "e40051d4-60b8-4414-a58d-eb2033b8df64"
    static let source = "aws.partner/genesys.com/cloud/a3ce3473-7c0b-4695-9d24-b15eb713256f/ccx-events"

    /// The repository root: this file is `Tests/GenesysEventsTests/Samples.swift`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = root.appendingPathComponent("patterns/genesys/events")

    /// Every sample's file name, sorted.
    static func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The bytes of a sample, by its name's start (`e02`) or full name.
    static func bytes(_ name: String) throws -> [UInt8] {
        let file = try names().first { $0 == name || $0.hasPrefix(name + "-") }
        guard let file else { throw SampleMissing(name: name) }
        return [UInt8](try Data(contentsOf: folder.appendingPathComponent(file)))
    }

    /// A pattern file from `patterns/genesys`.
    static func pattern(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent("patterns/genesys/\(name)")))
    }

    /// A sample's JSON as a mutable object, for building variants.
    static func object(_ name: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(try bytes(name))) as? [String: Any] else {
            throw SampleMissing(name: name)
        }
        return object
    }

    /// A JSON object back to bytes.
    static func bytes(of object: Any) throws -> [UInt8] {
        [UInt8](try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    /// A sample with `change` applied to its `detail.eventBody`.
    static func variant(_ name: String, body change: (inout [String: Any]) -> Void) throws -> [UInt8] {
        var event = try object(name)
        var detail = event["detail"] as? [String: Any] ?? [:]
        var body = detail["eventBody"] as? [String: Any] ?? [:]
        change(&body)
        detail["eventBody"] = body
        event["detail"] = detail
        return try bytes(of: event)
    }

    struct SampleMissing: Error {
        let name: String
    }
}
