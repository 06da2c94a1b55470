// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ebmatch",
    products: [
        .library(name: "EBMatch", targets: ["EBMatch"]),
        .library(name: "GenesysEvents", targets: ["GenesysEvents"]),
        .executable(name: "ebmatch", targets: ["ebmatch"]),
        .executable(name: "ebmatch-bench", targets: ["EBMatchBenchmarks"]),
        .executable(name: "genesys-summary", targets: ["genesys-summary"]),
    ],
    targets: [
        // The engine: imports nothing, not even Foundation.
        .target(name: "EBMatch"),
        // Typed Genesys Cloud events and a receiver helper for Lambdas and queue consumers (Foundation).
        .target(name: "GenesysEvents", dependencies: ["EBMatch"]),
        // Command logic as a library, so tests can drive it in-process. The Genesys topic table is
        // compiled into it, so a copied binary needs no resource bundle.
        .target(
            name: "EBMatchCLI", dependencies: ["EBMatch", "GenesysEvents"],
            resources: [.embedInCode("Genesys/genesys-topics.json")]),
        // An example receiver: Genesys events on standard input, one JSON summary per event out.
        .executableTarget(name: "genesys-summary", dependencies: ["GenesysEvents"]),
        .executableTarget(name: "ebmatch", dependencies: ["EBMatchCLI"]),
        .executableTarget(
            name: "EBMatchBenchmarks", dependencies: ["EBMatch", "EBMatchCLI"], path: "Benchmarks/EBMatchBenchmarks"),
        .testTarget(name: "EBMatchTests", dependencies: ["EBMatch"], resources: [.copy("Corpora")]),
        .testTarget(name: "GenesysEventsTests", dependencies: ["GenesysEvents", "EBMatch"]),
        .testTarget(name: "EBMatchCLITests", dependencies: ["EBMatchCLI", "ebmatch"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
