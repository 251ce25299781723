// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "EntityGraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "entity-graph", targets: ["entity-graph"]),
        .library(name: "EntityRecognition", targets: ["EntityRecognition"]),
        .library(name: "EntityGraph", targets: ["EntityGraph"]),
        .library(name: "EntityGraphExport", targets: ["EntityGraphExport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // One C builtin that Swift does not offer: a prefetch hint for the hot loops.
        .target(name: "CPrefetch"),
        // Text, segmentation, gazetteers, morphology and matching. No C library.
        .target(name: "EntityRecognition", dependencies: ["CPrefetch"]),
        // The co-occurrence graph, its measures, analytics and queries. No file formats.
        .target(name: "EntityGraph", dependencies: ["EntityRecognition"]),
        // libxml2, through one shim header: the only C surface.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // File formats: GraphML (through libxml2), evidence, and the other exports.
        .target(name: "EntityGraphExport", dependencies: ["EntityGraph", "CLibXML2"]),
        // The commands, as a library so tests run them in-process.
        .target(
            name: "EntityGraphCLI",
            dependencies: [
                "EntityRecognition",
                "EntityGraph",
                "EntityGraphExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "entity-graph", dependencies: ["EntityGraphCLI", "EntityGraphExport"]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "EntityRecognitionTests", dependencies: ["EntityRecognition", "TestSupport"]),
        .testTarget(name: "EntityGraphTests", dependencies: ["EntityGraph", "TestSupport"]),
        .testTarget(name: "EntityGraphExportTests", dependencies: ["EntityGraphExport", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "EntityGraphCLITests", dependencies: ["EntityGraphCLI", "EntityGraphExport", "TestSupport"]),
    ]
)
