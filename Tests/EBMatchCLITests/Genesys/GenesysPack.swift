import Foundation

/// Paths into the project's `patterns/genesys` folder, for the Genesys tests.
enum GenesysPack {
    /// `patterns/genesys` in the checkout the tests were built from.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("patterns/genesys")

    /// The path of `relative` below `patterns/genesys`.
    static func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    /// The bytes of `relative` below `patterns/genesys`.
    static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(relative)))
    }

    /// The `.json` files (not suite manifests) directly in `relative`, sorted.
    static func jsonFiles(in relative: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(relative))
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".suite.json") }.sorted()
    }
}
