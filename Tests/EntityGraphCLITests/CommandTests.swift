import EntityGraphExport
import EntityRecognition
import Foundation
import TestSupport
import Testing

@testable import EntityGraphCLI

struct ExtractCommandTests {
    @Test func extractsTheExampleCorpusWithTheBundledGazetteer() throws {
        let output = try ExtractCommand.parse([Fixtures.exampleCorpus.path, "--format", "jsonl"]).render()
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count > 80)
        let rows = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        for row in rows {
            #expect(
                Set(row.keys).isSuperset(of: ["doc", "start", "end", "surface", "entity", "label", "type", "lang", "match", "sentence"]))
        }
        func found(_ doc: String, _ surface: String) -> [String: Any]? {
            rows.first { $0["doc"] as? String == doc && $0["surface"] as? String == surface }
        }
        #expect(found("pl-szczyt-nato.txt", "Wołodymyrem Zełenskim")?["match"] as? String == "inflected")
        #expect(found("pl-szczyt-nato.txt", "Kremla")?["label"] as? String == "Kremlin")
        #expect(found("ro-energie.txt", "Kremlinului")?["type"] as? String == "ORG")
        #expect(found("ro-energie.txt", "Rusiei")?["label"] as? String == "Russia")
        #expect(found("it-vertice.txt", "Ucraina")?["lang"] as? String == "it")
        #expect(found("uk-novyny.txt", "Туском")?["label"] as? String == "Donald Tusk")
        // The offsets slice back to the surface.
        let text = try String(contentsOf: Fixtures.exampleCorpus.appendingPathComponent("pl-szczyt-nato.txt"), encoding: .utf8)
        for row in rows where row["doc"] as? String == "pl-szczyt-nato.txt" {
            #expect(Fixtures.slice(text, row["start"] as! Int, row["end"] as! Int) == row["surface"] as! String)
        }
    }

    @Test func readsJSONLinesWithDeclaredLanguage() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("feed.jsonl")
        try #"{"id": "a1", "text": "Spotkanie z Putinem w Rosji.", "lang": "pl"}"#.appending("\n").write(
            to: file, atomically: true, encoding: .utf8)
        let output = try ExtractCommand.parse([file.path, "--format", "tsv"]).render()
        let lines = output.split(separator: "\n")
        #expect(lines.first == "doc\tstart\tend\tsurface\tentity\tlabel\ttype\tlang\tmatch\tsentence")
        #expect(lines.dropFirst().map { $0.split(separator: "\t")[3] } == ["Putinem", "Rosji"])
    }

    @Test func malformedGazetteerStopsWithFileAndLine() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("people.tsv")
        try "Putin\tQ7747\tPER\nRosja\tQ159\n".write(to: list, atomically: true, encoding: .utf8)
        let command = try ExtractCommand.parse(["--gazetteer", list.path, Fixtures.exampleCorpus.path])
        #expect(throws: (any Error).self) { try command.render() }
        do {
            _ = try command.render()
        } catch {
            #expect("\(error)" == "\(list.path):2: expected 3 or 4 tab-separated columns (alias, id, type[, label]), found 2")
        }
    }

    @Test func aListOfCommonWordsOnlySaysWhyItHoldsNoAliases() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("companies.tsv")
        try "Which\twhich-company\tORG\n".write(to: list, atomically: true, encoding: .utf8)
        let command = try ExtractCommand.parse(["--gazetteer", list.path, "--no-cache", Fixtures.exampleCorpus.path])
        do {
            _ = try command.render()
            Issue.record("a list whose only alias is a common word was taken")
        } catch {
            #expect(
                "\(error)".hasPrefix(
                    "the gazetteers named hold no aliases once those that would match everywhere are left out: \(list.path):1: alias 'Which' left out"
                ))
            #expect("\(error)".contains("write '=Which'"))
        }
    }

    @Test func missingInputIsAnError() throws {
        let command = try ExtractCommand.parse(["/no/such/folder"])
        #expect(throws: (any Error).self) { try command.render() }
    }
}

struct GraphCommandTests {
    /// Builds the example corpus into a temporary folder and returns the GraphML path.
    func buildExample(_ extra: [String] = []) throws -> (folder: URL, graph: String) {
        let folder = try Fixtures.temporaryFolder()
        let summary = try BuildCommand.parse([Fixtures.exampleCorpus.path, "--out", folder.path] + extra).render()
        #expect(summary.contains("edges from 9 documents"))
        return (folder, folder.appendingPathComponent("graph.graphml").path)
    }

    @Test func buildWritesGraphMLAndEvidenceThatQueriesReadBack() throws {
        let (folder, graph) = try buildExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("graph.evidence.jsonl").path))
        let neighbors = try NeighborsCommand.parse(["Zełenskim", "--graph", graph, "--top", "5"]).render()
        #expect(neighbors.hasPrefix("Neighbours of Volodymyr Zelenskyy"))
        #expect(neighbors.contains("Donald Tusk"))
        let json = try NeighborsCommand.parse(["Kremlinului", "--graph", graph, "--format", "json"]).render()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect((object["entity"] as! [String: Any])["label"] as? String == "Kremlin")
    }

    /// Every window the help offers parses and builds (a self-calling initializer once crashed
    /// the parse of any --window).
    @Test(arguments: ["sentence", "paragraph", "document", "tokens:10"])
    func everyWindowBuilds(window: String) throws {
        let (folder, graph) = try buildExample(["--window", window])
        defer { try? FileManager.default.removeItem(at: folder) }
        let stats = try StatsCommand.parse(["--graph", graph]).render()
        #expect(stats.contains(window.hasPrefix("tokens") ? "tokens" : window))
    }

    @Test func buildIsByteIdenticalAcrossRunsAndInputOrder() throws {
        let (first, firstGraph) = try buildExample()
        defer { try? FileManager.default.removeItem(at: first) }
        // The same documents as JSON lines, in reverse order.
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.exampleCorpus.path).filter { $0.hasSuffix(".txt") }
            .sorted()
        var lines = ""
        for name in files.reversed() {
            let text = try String(contentsOf: Fixtures.exampleCorpus.appendingPathComponent(name), encoding: .utf8)
            let object = try JSONSerialization.data(withJSONObject: ["id": name, "text": text])
            lines += String(decoding: object, as: UTF8.self) + "\n"
        }
        let second = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: second) }
        let feed = second.appendingPathComponent("feed.jsonl")
        try lines.write(to: feed, atomically: true, encoding: .utf8)
        _ = try BuildCommand.parse([feed.path, "--out", second.path]).render()
        let a = try Data(contentsOf: URL(fileURLWithPath: firstGraph))
        let b = try Data(contentsOf: second.appendingPathComponent("graph.graphml"))
        #expect(a == b)
        let evidenceA = try Data(contentsOf: first.appendingPathComponent("graph.evidence.jsonl"))
        let evidenceB = try Data(contentsOf: second.appendingPathComponent("graph.evidence.jsonl"))
        #expect(evidenceA == evidenceB)
    }

    @Test func unknownEntityGetsOneLineWithTheClosestNames() throws {
        let (folder, graph) = try buildExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try NeighborsCommand.parse(["Zelenskky", "--graph", graph]).render()
            Issue.record("expected an error")
        } catch {
            let message = "\(error)"
            #expect(message.hasPrefix("no entity in the graph matches 'Zelenskky'; closest: Volodymyr Zelenskyy"))
            #expect(!message.contains("\n"))
        }
        // A name like none in the graph gets no names that are merely the least far.
        do {
            _ = try NeighborsCommand.parse(["Nobodyxyz", "--graph", graph]).render()
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "no entity in the graph matches 'Nobodyxyz', nor any name close to it")
        }
    }

    @Test func pathEgoAndStatsAnswer() throws {
        let (folder, graph) = try buildExample()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try PathCommand.parse(["Tusk", "Pieskow", "--graph", graph]).render()
        #expect(path.hasPrefix("Shortest path"))
        #expect(path.contains("Strongest path"))
        let egoFile = folder.appendingPathComponent("ego.graphml")
        let ego = try EgoCommand.parse(["Macron", "--graph", graph, "--out", egoFile.path]).render()
        #expect(ego.hasPrefix("Ego graph of Emmanuel Macron, depth 1"))
        #expect(FileManager.default.fileExists(atPath: egoFile.path))
        let stats = try StatsCommand.parse(["--graph", graph, "--format", "json"]).render()
        let object = try JSONSerialization.jsonObject(with: Data(stats.utf8)) as! [String: Any]
        #expect(object["documents"] as? Int == 9)
    }
}

struct ExportCommandTests {
    @Test func buildWritesEveryFormatAndExportRewritesThem() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try BuildCommand.parse([Fixtures.exampleCorpus.path, "--out", folder.path, "--format", "all"]).render()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["edges.csv", "graph.dot", "graph.evidence.jsonl", "graph.gexf", "graph.graphml", "graph.json", "nodes.csv"])
        let again = folder.appendingPathComponent("again")
        _ = try ExportCommand.parse(["--graph", folder.appendingPathComponent("graph.graphml").path, "--out", again.path]).render()
        for name in ["graph.dot", "graph.gexf", "nodes.csv", "edges.csv", "graph.json"] {
            #expect(
                try Data(contentsOf: folder.appendingPathComponent(name)) == Data(contentsOf: again.appendingPathComponent(name)),
                "\(name) from the saved GraphML differs from the one built from the corpus")
        }
    }

    @Test func unknownFormatIsRefused() {
        #expect(throws: (any Error).self) { try BuildCommand.parse([Fixtures.exampleCorpus.path, "--format", "pdf"]) }
    }

    @Test func renderDrawsWithGraphvizOrSaysHowToInstallIt() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let diagram = folder.appendingPathComponent("diagram.svg")
        let command = try RenderCommand.parse([Fixtures.exampleCorpus.path, "--out", diagram.path, "--top", "20"])
        if DiagramRenderer.graphvizExecutable() != nil {
            let summary = try command.render()
            #expect(summary.contains("20 entities drawn with sfdp"))
            let svg = try String(contentsOf: diagram, encoding: .utf8)
            #expect(svg.contains("<svg") && svg.contains("Volodymyr Zelenskyy"))
            #expect(svg.contains("showing the 20 strongest of"))
        } else {
            #expect(throws: (any Error).self) { try command.render() }
        }
    }
}

struct ParallelAndCacheTests {
    /// A corpus large enough for several batches: the example articles many times over.
    func corpus() throws -> URL {
        let folder = try Fixtures.temporaryFolder()
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.exampleCorpus.path).filter { $0.hasSuffix(".txt") }
            .sorted()
        var lines = ""
        for round in 0..<40 {
            for name in files {
                let text = try String(contentsOf: Fixtures.exampleCorpus.appendingPathComponent(name), encoding: .utf8)
                let object = try JSONSerialization.data(withJSONObject: ["id": "\(round)/\(name)", "text": text], options: [.sortedKeys])
                lines += String(decoding: object, as: UTF8.self) + "\n"
            }
        }
        let url = folder.appendingPathComponent("corpus.jsonl")
        try lines.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func outputIsTheSameWithOneOrTwoThreadsAndWithOrWithoutTheCache() throws {
        let input = try corpus()
        let cache = try Fixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: input.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: cache)
        }
        let reference = try ExtractCommand.parse([input.path, "--jobs", "1", "--no-cache"]).render()
        #expect(reference.split(separator: "\n").count > 3000)
        let parallel = try ExtractCommand.parse([input.path, "--jobs", "2", "--no-cache"]).render()
        #expect(parallel == reference)
        let writesCache = try ExtractCommand.parse([input.path, "--jobs", "2", "--cache", cache.path]).render()
        #expect(writesCache == reference)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.path).contains { $0.hasPrefix("index-") })
        let readsCache = try ExtractCommand.parse([input.path, "--jobs", "1", "--cache", cache.path]).render()
        #expect(readsCache == reference)
    }

    @Test func graphIsTheSameWithOneOrTwoThreads() throws {
        let input = try corpus()
        defer { try? FileManager.default.removeItem(at: input.deletingLastPathComponent()) }
        let one = input.deletingLastPathComponent().appendingPathComponent("one")
        let two = input.deletingLastPathComponent().appendingPathComponent("two")
        _ = try BuildCommand.parse([input.path, "--jobs", "1", "--out", one.path]).render()
        _ = try BuildCommand.parse([input.path, "--jobs", "2", "--out", two.path]).render()
        #expect(
            try Data(contentsOf: one.appendingPathComponent("graph.graphml"))
                == Data(contentsOf: two.appendingPathComponent("graph.graphml")))
    }
}

struct HostileInputTests {
    let folder = Fixtures.fixtures.appendingPathComponent("hostile")

    func rows(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func invalidUTF8IsReplacedAndCountedOrRefused() throws {
        let file = folder.appendingPathComponent("invalid-utf8.txt").path
        var warnings: [String] = []
        var output = ""
        try ExtractCommand.parse([file]).write(to: &output, warn: { warnings.append($0) })
        #expect(try rows(output).compactMap { $0["surface"] as? String } == ["Putin", "Musk", "Moscow"])
        #expect(warnings.contains { $0.hasSuffix("invalid-utf8.txt: invalid UTF-8 at byte 15; replaced with U+FFFD") })
        #expect(warnings.contains("read 1 documents: 1 with invalid UTF-8 replaced by U+FFFD"))
        do {
            _ = try ExtractCommand.parse([file, "--strict"]).render()
            Issue.record("--strict should refuse invalid UTF-8")
        } catch {
            #expect("\(error)".hasSuffix("invalid-utf8.txt: invalid UTF-8 at byte 15 (without --strict it is replaced with U+FFFD)"))
        }
    }

    /// JSON lines with invalid UTF-8 in a text, in a nested value outside its strings, and on a
    /// line that is not JSON: each reported with its line, before what else is wrong with it.
    @Test func invalidUTF8InJSONLinesIsReportedWithItsLine() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("feed.jsonl")
        var bytes = Data(#"{"id": "a", "text": "Putin met Musk in "#.utf8) + Data([0xC3, 0x28]) + Data(#" Moscow."}"#.utf8) + Data([0x0A])
        bytes += Data(#"{"id": "b", "text": "Musk again.", "meta": [1, "#.utf8) + Data([0xFF]) + Data("]}".utf8) + Data([0x0A])
        bytes += Data(#"{"id": "c", "text": "Clean Putin."}"#.utf8) + Data([0x0A])
        bytes += Data(#"{"id": "d", "text": broken "#.utf8) + Data([0xFE, 0x0A])
        try bytes.write(to: file)
        var warnings: [String] = []
        var output = ""
        try ExtractCommand.parse([file.path, "--on-error", "skip"]).write(to: &output, warn: { warnings.append($0) })
        #expect(try rows(output).compactMap { $0["surface"] as? String } == ["Putin", "Musk", "Moscow", "Musk", "Putin"])
        let name = file.relativePath
        #expect(
            warnings.filter { $0.hasPrefix(name) } == [
                "\(name):1: invalid UTF-8; replaced with U+FFFD",
                "\(name):2: invalid UTF-8; replaced with U+FFFD",
                "\(name):4: invalid UTF-8; replaced with U+FFFD",
                "\(name):4: skipped: not a JSON object",
            ])
        do {
            _ = try ExtractCommand.parse([file.path, "--strict"]).render()
            Issue.record("--strict should refuse invalid UTF-8")
        } catch {
            #expect("\(error)".hasSuffix("feed.jsonl:1: invalid UTF-8 (without --strict it is replaced with U+FFFD)"))
        }
    }

    /// An empty or binary file, or a folder with no documents, stops the run with one line that
    /// names it, and `build` then writes nothing; `--on-error skip` reports each and goes on.
    @Test func emptyAndBinaryInputStopsTheRunOrIsSkipped() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let blankFeed = work.appendingPathComponent("blank.jsonl")
        try Data(" \n\n\t\n".utf8).write(to: blankFeed)
        let noDocuments = work.appendingPathComponent("pictures")
        try FileManager.default.createDirectory(at: noDocuments, withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: noDocuments.appendingPathComponent("photo.png"))
        let binary = folder.appendingPathComponent("binary.txt").path
        let empty = folder.appendingPathComponent("empty.txt").path
        let refusals = [
            (binary, "binary.txt: binary file, not text: a NUL byte at byte 4 (--on-error skip skips such files)"),
            (empty, "empty.txt: empty file: no text to read (--on-error skip skips such files)"),
            (blankFeed.path, "blank.jsonl: empty file: no text to read (--on-error skip skips such files)"),
            (
                noDocuments.path,
                "pictures: no .txt, .md, .jsonl or .ndjson files in this folder (--on-error skip goes on without them)"
            ),
        ]
        for (input, message) in refusals {
            do {
                _ = try ExtractCommand.parse([input]).render()
                Issue.record("\(input) should stop the run")
            } catch {
                #expect("\(error)".hasSuffix(message))
                #expect(!"\(error)".contains("\n"))
            }
            let out = work.appendingPathComponent("graph-\(URL(fileURLWithPath: input).lastPathComponent)")
            #expect(throws: InputError.self) {
                try BuildCommand.parse([Fixtures.exampleCorpus.path, input, "--out", out.path]).render()
            }
            #expect(!FileManager.default.fileExists(atPath: out.path))
        }

        var warnings: [String] = []
        var output = ""
        let good = folder.appendingPathComponent("invalid-utf8.txt").path
        try ExtractCommand.parse(refusals.map(\.0) + [good, "--on-error", "skip"]).write(to: &output, warn: { warnings.append($0) })
        #expect(try rows(output).compactMap { $0["surface"] as? String } == ["Putin", "Musk", "Moscow"])
        #expect(warnings.contains { $0.hasSuffix("binary.txt: skipped: binary file (contains NUL bytes)") })
        #expect(warnings.contains { $0.hasSuffix("empty.txt: skipped: empty file") })
        #expect(warnings.contains { $0.hasSuffix("blank.jsonl: skipped: empty file") })
        #expect(warnings.contains { $0.hasSuffix("pictures: skipped: no .txt, .md, .jsonl or .ndjson files in this folder") })
        #expect(
            warnings.last
                == "read 1 documents: 1 with invalid UTF-8 replaced by U+FFFD, 1 binary files skipped, 3 empty files or folders skipped")
    }

    @Test func malformedJSONLinesStopOrAreSkipped() throws {
        let file = folder.appendingPathComponent("feed.jsonl").path
        do {
            _ = try ExtractCommand.parse([file]).render()
            Issue.record("a malformed line should stop the run")
        } catch {
            #expect("\(error)".hasSuffix("feed.jsonl:2: not a JSON object (--on-error skip skips such lines)"))
        }
        var warnings: [String] = []
        var output = ""
        try ExtractCommand.parse([file, "--on-error", "skip"]).write(to: &output, warn: { warnings.append($0) })
        #expect(Set(try rows(output).compactMap { $0["doc"] as? String }) == ["a", "d"])
        #expect(warnings.contains { $0.hasSuffix("feed.jsonl:2: skipped: not a JSON object") })
        #expect(warnings.contains { $0.hasSuffix("feed.jsonl:3: skipped: missing string field 'text'") })
    }

    @Test func unusualUnicodeNeverShiftsAnOffset() throws {
        let file = folder.appendingPathComponent("unicode.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        let found = try rows(try ExtractCommand.parse([file.path]).render())
        #expect(found.count >= 4)
        for row in found {
            #expect(Fixtures.slice(text, row["start"] as! Int, row["end"] as! Int) == row["surface"] as! String)
        }
        #expect(found.contains { $0["surface"] as? String == "Elon Musk" })
        #expect(found.contains { $0["surface"] as? String == "Путин" })
    }

    @Test func aBadGazetteerLineStopsTheRunWithItsLocation() throws {
        let list = folder.appendingPathComponent("bad-columns.tsv").path
        do {
            _ = try ExtractCommand.parse(["--gazetteer", list, "--no-cache", folder.appendingPathComponent("empty.txt").path]).render()
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "\(list):2: expected 3 or 4 tab-separated columns (alias, id, type[, label]), found 2")
        }
    }

    @Test func truncatedOrForeignGraphFilesGetAnErrorNotACrash() throws {
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let (built, graph) = (work.appendingPathComponent("g"), work.appendingPathComponent("g/graph.graphml"))
        _ = try BuildCommand.parse([Fixtures.exampleCorpus.path, "--out", built.path]).render()
        let data = try Data(contentsOf: graph)
        let truncated = work.appendingPathComponent("truncated.graphml")
        try data.prefix(data.count / 2).write(to: truncated)
        let foreign = work.appendingPathComponent("foreign.graphml")
        try "<svg xmlns='http://www.w3.org/2000/svg'/>".write(to: foreign, atomically: true, encoding: .utf8)
        for file in [truncated, foreign, work.appendingPathComponent("missing.graphml")] {
            do {
                _ = try StatsCommand.parse(["--graph", file.path]).render()
                Issue.record("expected an error for \(file.lastPathComponent)")
            } catch {
                #expect("\(error)".contains(file.lastPathComponent))
                #expect(!"\(error)".contains("\n"))
            }
        }
    }
}

struct HostileLabelTests {
    let folder = Fixtures.fixtures.appendingPathComponent("hostile")

    @Test func hostileLabelsAreWrittenAlikeInEveryFormatAndReadBack() throws {
        let out = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try BuildCommand.parse([
            folder.appendingPathComponent("labels.txt").path, "--gazetteer", folder.appendingPathComponent("labels.gaz").path,
            "--no-cache", "--format", "all", "--out", out.path,
        ]).render()
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("graph.json"))) as! [String: Any]
        var labels: [String: String] = [:]
        for node in json["nodes"] as! [[String: Any]] { labels[node["id"] as! String] = node["label"] as? String }
        #expect(
            labels == [
                "formula": "'=HYPERLINK(\"http://example.com/x\",\"click\")", "mention": "'@SUM(A1:A9) Holdings",
                "quotes": "\"Quoted\" \\ Backslash & <b>Bold</b> Co.", "minus": "'-Minus City", "plus": "'+1 Plus",
                "override": "Ivan \u{202E}gnp.exe",
                // Ids that are not XML name tokens, escaped alike in every format.
                "Elon_x0020_Musk": "Elon Musk (spaced id)", "_x0027__x003D_x": "Formula Id",
                "a_x005F_x0041_b": "Escape Lookalike Id", "Путин_x002F__x0023_1": "Slash Hash Cyrillic Id",
            ])
        let nodes = try String(contentsOf: out.appendingPathComponent("nodes.csv"), encoding: .utf8)
        #expect(nodes.contains("\r\nformula,\"'=HYPERLINK(\"\"http://example.com/x\"\",\"\"click\"\")\",PER,"))
        #expect(nodes.contains("\r\nmention,'@SUM(A1:A9) Holdings,ORG,"))
        // The query commands read the labels as the gazetteer has them.
        let graph = try GraphFile.read(out.appendingPathComponent("graph.graphml"))
        #expect(graph.node(withID: "formula")?.label == "=HYPERLINK(\"http://example.com/x\",\"click\")")
        #expect(graph.node(withID: "quotes")?.subtype == "=company")
        for id in ["Elon Musk", "=x", "a_x0041_b", "Путин/#1"] { #expect(graph.node(withID: id) != nil, "\(id)") }
        #expect(graph.edge(between: "Elon Musk", and: "Путин/#1")?.evidence.count == 1)
    }
}

/// Runs the built `entity-graph` and stops it with SIGINT or SIGTERM while it builds a graph.
///
/// When the signal lands cannot be controlled, so every outcome is accepted, each with what must
/// hold for it: interrupted (exit 128 + signal, one line on standard error, the previous exports
/// untouched or, if the signal waited for the renames, all new), or finished before the signal
/// (exit 0, all new). Never a mix of old and new files, never a temporary left.
struct InterruptionTests {
    static let exportNames = ["edges.csv", "graph.dot", "graph.evidence.jsonl", "graph.gexf", "graph.graphml", "graph.json", "nodes.csv"]

    /// The example corpus many times over as JSON lines, in `folder`: a build of a second or more
    /// in debug.
    func corpus(in folder: URL) throws -> URL {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.exampleCorpus.path).filter { $0.hasSuffix(".txt") }
            .sorted()
        let texts = try files.map { try String(contentsOf: Fixtures.exampleCorpus.appendingPathComponent($0), encoding: .utf8) }
        var lines = ""
        for round in 0..<200 {
            for (name, text) in zip(files, texts) {
                let object = try JSONSerialization.data(withJSONObject: ["id": "\(round)/\(name)", "text": text], options: [.sortedKeys])
                lines += String(decoding: object, as: UTF8.self) + "\n"
            }
        }
        let url = folder.appendingPathComponent("corpus.jsonl")
        try lines.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Whether the process has blocked SIGINT and SIGTERM, that is, installed its guard (Linux:
    /// `/proc`; elsewhere assumed after a second).
    func guardIsInstalled(_ process: Process, since start: Date) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) else {
            return Date().timeIntervalSince(start) > 1
        }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigBlk:") }),
            let mask = UInt64(line.dropFirst("SigBlk:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        let wanted: UInt64 = 1 << UInt64(SIGINT - 1) | 1 << UInt64(SIGTERM - 1)
        return mask & wanted == wanted
    }

    @Test(arguments: [SIGINT, SIGTERM], [0.0, 0.4, 1.2])
    func anInterruptedBuildLeavesThePreviousExportsOrAllTheNewOnes(signal: Int32, delay: Double) throws {
        guard let executable = Fixtures.builtExecutable(named: "entity-graph") else {
            Issue.record("no built entity-graph beside the tests: run 'swift build' first")
            return
        }
        let work = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let input = try corpus(in: work)
        let out = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let previous = Self.exportNames.map { "previous \($0)\n" }
        for (name, text) in zip(Self.exportNames, previous) {
            try text.write(to: out.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = ["build", input.path, "--no-cache", "--format", "all", "--out", out.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        try process.run()
        while process.isRunning && !guardIsInstalled(process, since: start) { usleep(2_000) }
        if delay > 0 { usleep(UInt32(delay * 1_000_000)) }
        if process.isRunning { kill(process.processIdentifier, signal) }
        // A watchdog, not a timing assumption: a run that hangs fails instead of blocking the suite.
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("entity-graph did not end within 300 seconds of the signal")
            return
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)

        #expect(process.terminationReason == .exit, "killed by the signal's default action: \(message)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == Self.exportNames, "temporaries or backups left behind")
        let contents = try Self.exportNames.map { try String(contentsOf: out.appendingPathComponent($0), encoding: .utf8) }
        let untouched = contents == previous
        let replaced = zip(contents, previous).allSatisfy { $0 != $1 }
        #expect(untouched || replaced, "a mix of previous and new exports")
        if replaced {
            // Complete: each new file ends as its format does.
            let endings = ["\r\n", "}\n", "\n", "</gexf>\n", "</graphml>\n", "]\n}\n", "\r\n"]
            for (name, (text, ending)) in zip(Self.exportNames, zip(contents, endings)) {
                #expect(text.hasSuffix(ending), "\(name) is not complete")
            }
        }

        let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
        switch process.terminationStatus {
        case 0:
            #expect(message.isEmpty)
            #expect(replaced)
        case 128 + signal:
            if untouched {
                #expect(message == "error: interrupted (\(name)); previous exports left as they were\n")
            } else {
                #expect(message == "error: interrupted (\(name)); the new exports had already been written in full\n")
            }
        default:
            Issue.record("exit status \(process.terminationStatus): \(message)")
        }
    }
}
