import ArgumentParser
import EntityRecognition
import Foundation

/// The `--gazetteer` option every command that recognizes entities shares.
struct GazetteerOptions: ParsableArguments {
    @Option(
        name: .customLong("gazetteer"),
        help: ArgumentHelp(
            "A gazetteer file or folder (.gaz entity files or alias<TAB>id<TAB>type TSV lists). Repeatable; 'default' names the bundled one. Without it, the bundled gazetteer is used.",
            valueName: "path"))
    var paths: [String] = []

    @Option(
        name: .customLong("cache"),
        help: ArgumentHelp(
            "Where compiled gazetteer indexes are cached (default: $ENTITY_GRAPH_CACHE, else ~/.cache/entity-graph). A cache is used only while its source files keep their size, time and content.",
            valueName: "dir"))
    var cacheFolder: String?

    @Flag(name: .customLong("no-cache"), help: "Compile the gazetteers afresh and neither read nor write the index cache.")
    var noCache = false

    /// The gazetteer files and folders named, `default` resolved.
    func sources() throws -> [URL] {
        try (paths.isEmpty ? ["default"] : paths).map { name in
            guard name == "default" else { return URL(fileURLWithPath: name) }
            guard let bundled = BundledGazetteer.location() else {
                throw CommandError(
                    "the bundled gazetteer was not found; set ENTITY_GRAPH_GAZETTEERS to the gazetteers/default folder or pass --gazetteer")
            }
            return bundled
        }
    }

    /// Loads the named gazetteers, or the bundled one.
    func load() throws -> Gazetteer {
        var gazetteer = Gazetteer()
        for url in try sources() { try gazetteer.load(contentsOf: url) }
        guard !gazetteer.aliases.isEmpty else {
            // Every alias may have been left out as a common word: say which, and how to keep it.
            guard let first = gazetteer.refused.first else { throw CommandError("the gazetteers named hold no aliases") }
            let more = gazetteer.refused.count > 1 ? " (and \(gazetteer.refused.count - 1) more)" : ""
            throw CommandError("the gazetteers named hold no aliases once those that would match everywhere are left out: \(first)\(more)")
        }
        return gazetteer
    }

    @Flag(
        name: .customLong("ambiguities"),
        help: "List every alias that names more than one entity, with its files and lines, on standard error.")
    var listAmbiguities = false

    /// The compiled index of the named gazetteers, from the cache when it is fresh. Aliases
    /// left out and aliases naming several entities are reported through `warn` when the
    /// gazetteers are compiled.
    func loadIndex(warn: (String) -> Void = StandardError.writeLine) throws -> AliasIndex {
        var refused: [GazetteerError] = []
        let loadReporting = { () throws -> Gazetteer in
            let gazetteer = try load()
            refused = gazetteer.refused
            return gazetteer
        }
        let index: AliasIndex
        if noCache {
            index = AliasIndex(gazetteer: try loadReporting())
        } else {
            let cache = IndexCache(folder: cacheFolder.map { URL(fileURLWithPath: $0) } ?? IndexCache.defaultFolder())
            index = try cache.index(for: try sources(), load: loadReporting).index
        }
        for problem in refused.prefix(5) { warn("warning: \(problem)") }
        if refused.count > 5 { warn("warning: \(refused.count - 5) more aliases left out for the same reasons") }
        if listAmbiguities {
            let gazetteer = index.gazetteer
            for group in index.ambiguities() {
                let places = group.map { "\(gazetteer.entities[gazetteer.aliases[$0].entity].id) at \(gazetteer.source(ofAlias: $0))" }
                warn("ambiguous: '\(gazetteer.aliases[group[0]].text)' names \(places.joined(separator: ", "))")
            }
        }
        return index
    }
}

/// Finds the gazetteer that ships with EntityGraph, from any working directory.
enum BundledGazetteer {
    /// The `gazetteers/default` folder: from `ENTITY_GRAPH_GAZETTEERS`, next to or above the
    /// executable (a build folder inside the repository), in `../share/entity-graph/gazetteers`
    /// beside an installed executable, or in the source tree this code was built from.
    static func location() -> URL? {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        if let variable = ProcessInfo.processInfo.environment["ENTITY_GRAPH_GAZETTEERS"], !variable.isEmpty {
            let url = URL(fileURLWithPath: variable)
            candidates.append(url.appendingPathComponent("default"))
            candidates.append(url)
        }
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("../share/entity-graph/gazetteers/default").standardized)
            for _ in 0..<6 {
                candidates.append(folder.appendingPathComponent("gazetteers/default"))
                folder = folder.deletingLastPathComponent()
            }
        }
        let sourceRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(sourceRoot.appendingPathComponent("gazetteers/default"))
        return candidates.first { url in
            var isFolder: ObjCBool = false
            return fileManager.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
                && !Gazetteer.files(below: url).isEmpty
        }
    }
}

/// An error a command reports to the user as one line.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// How a run treats input that cannot be read as it is.
struct InputOptions: ParsableArguments {
    enum OnError: String, ExpressibleByArgument, CaseIterable {
        case stop, skip
    }

    @Flag(help: "Refuse input with invalid UTF-8 instead of replacing it with U+FFFD.")
    var strict = false

    @Option(
        name: .customLong("on-error"),
        help:
            "What to do with bad input (a malformed JSON line, an empty or a binary file): stop with an error (the default) or skip it with a warning."
    )
    var onError: OnError = .stop

    var policy: CorpusReader.Policy {
        CorpusReader.Policy(strictUTF8: strict, skipBadInput: onError == .skip)
    }
}
