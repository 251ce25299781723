// swift-tools-version:6.0
// libFuzzer targets for EntityGraph. Built by scripts/fuzz.sh with -sanitize=fuzzer,address;
// kept out of the main package so that `swift build` and `swift test` never need libFuzzer.
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which is whatever the checkout is called.
let main = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "EntityGraphFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzRecognition", dependencies: ["FuzzSupport", .product(name: "EntityRecognition", package: main)]),
        .executableTarget(name: "FuzzGazetteer", dependencies: ["FuzzSupport", .product(name: "EntityRecognition", package: main)]),
        .executableTarget(name: "FuzzJSONLines", dependencies: ["FuzzSupport", .product(name: "EntityRecognition", package: main)]),
        .executableTarget(name: "FuzzGraphML", dependencies: ["FuzzSupport", .product(name: "EntityGraphExport", package: main)]),
    ]
)
