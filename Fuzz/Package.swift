// swift-tools-version:6.0
// libFuzzer targets for EntityGraph. Built by scripts/fuzz.sh with -sanitize=fuzzer,address;
// kept out of the main package so that `swift build` and `swift test` never need libFuzzer.
import PackageDescription

let package = Package(
    name: "EntityGraphFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(name: "FuzzRecognition", dependencies: [.product(name: "EntityRecognition", package: "main")]),
        .executableTarget(name: "FuzzGazetteer", dependencies: [.product(name: "EntityRecognition", package: "main")]),
        .executableTarget(name: "FuzzJSONLines", dependencies: [.product(name: "EntityRecognition", package: "main")]),
        .executableTarget(name: "FuzzGraphML", dependencies: [.product(name: "EntityGraphExport", package: "main")]),
    ]
)
