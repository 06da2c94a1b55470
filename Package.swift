// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ebmatch",
    products: [
        .library(name: "EBMatch", targets: ["EBMatch"]),
        .executable(name: "ebmatch", targets: ["ebmatch"]),
        .executable(name: "ebmatch-bench", targets: ["EBMatchBenchmarks"]),
    ],
    targets: [
        // The engine: imports nothing, not even Foundation.
        .target(name: "EBMatch"),
        // Command logic as a library, so tests can drive it in-process.
        .target(name: "EBMatchCLI", dependencies: ["EBMatch"]),
        .executableTarget(name: "ebmatch", dependencies: ["EBMatchCLI"]),
        .executableTarget(
            name: "EBMatchBenchmarks", dependencies: ["EBMatch", "EBMatchCLI"], path: "Benchmarks/EBMatchBenchmarks"),
        .testTarget(name: "EBMatchTests", dependencies: ["EBMatch"], resources: [.copy("Corpora")]),
        .testTarget(name: "EBMatchCLITests", dependencies: ["EBMatchCLI", "ebmatch"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
