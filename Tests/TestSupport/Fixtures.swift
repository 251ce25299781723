import Foundation

/// Paths and small builders the test targets share.
public enum Fixtures {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static var exampleCorpus: URL { repositoryRoot.appendingPathComponent("examples/corpus") }
    public static var defaultGazetteer: URL { repositoryRoot.appendingPathComponent("gazetteers/default") }
    public static var fixtures: URL { repositoryRoot.appendingPathComponent("Tests/Fixtures") }

    /// A fresh temporary folder, removed by the caller when it likes.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("entity-graph-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The built executable `name` (such as `entity-graph`), from the folder SwiftPM builds the
    /// test bundle into, beside the products; `nil` when it has not been built.
    public static func builtExecutable(named name: String) -> URL? {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        return folders.map { $0.appendingPathComponent(name) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Slices `text` by Unicode scalar offsets, as Python's `text[start:end]` does.
    public static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}

/// A small, fast, seedable generator (SplitMix64), so randomized tests can be replayed.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
