import ArgumentParser
import EntityGraph
import EntityGraphExport
import EntityRecognition
import Foundation

extension CooccurrenceWindow: ExpressibleByArgument {
    public static var defaultCompletionKind: CompletionKind { .list(["sentence", "paragraph", "document", "tokens:10"]) }
}

extension EdgeMeasure: ExpressibleByArgument {}
extension NodeMeasure: ExpressibleByArgument {}

/// How documents become mentions: shared by every command that reads a corpus.
struct RecognitionArguments: ParsableArguments {
    @OptionGroup var gazetteer: GazetteerOptions
    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("The documents' language (ISO 639-1), or 'auto' to use the input's own or detect it.", valueName: "code"))
    var lang: String = "auto"

    @Option(help: ArgumentHelp("Threads to recognize with (default: one per core). The graph is the same for any number.", valueName: "n"))
    var jobs: Int?

    @Flag(
        inversion: .prefixedNo,
        help:
            "Let demonyms and place adjectives (rosyjski, Russian) tie their place to the names around them. Off by default: 'the Russian president' would make Russia a hub of every graph."
    )
    var demonyms = false

    func validate() throws {
        guard lang == "auto" || Gazetteer.isLanguageCode(lang) && lang != "*" else {
            throw ValidationError("--lang takes an ISO 639-1 code such as pl, ro, it, en, or 'auto'")
        }
    }

    var options: RecognitionOptions {
        RecognitionOptions(language: lang == "auto" ? nil : lang, includeDemonyms: demonyms)
    }
}

/// How mentions become a graph.
struct GraphArguments: ParsableArguments {
    @Option(help: "The co-occurrence window: sentence, paragraph, document or tokens:K.")
    var window: CooccurrenceWindow = .sentence

    @Option(
        help:
            "The measure that is each edge's weight: count, docs, npmi, dice, jaccard, llr, pmi or decayed (the others stay as attributes)."
    )
    var weight: EdgeMeasure = .count

    @Option(name: .customLong("min-count"), help: "Keep edges seen in at least this many windows.")
    var minimumCount = 1

    @Option(name: .customLong("min-docs"), help: "Keep edges seen in at least this many documents.")
    var minimumDocuments = 1

    @Option(help: ArgumentHelp("Keep only each entity's K strongest edges.", valueName: "K"))
    var backbone: Int?

    @Option(
        help: ArgumentHelp(
            "Keep only edges significant at this level under the disparity filter (Serrano et al. 2009), e.g. 0.05.", valueName: "alpha"))
    var disparity: Double?

    @Option(
        name: .customLong("keep-evidence"),
        help: ArgumentHelp("Evidence kept per edge (the counts always cover all of it).", valueName: "n"))
    var evidenceLimit = 5

    @Flag(
        name: .customLong("keep-boilerplate"),
        help: "Let mentions on boilerplate lines (Reklama, CITEȘTE ȘI, Read also, donation appeals) make edges.")
    var includeBoilerplate = false

    @Option(help: ArgumentHelp("Only documents dated on or after this day (YYYY-MM-DD).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only documents dated on or before this day (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Seed for the order community detection visits nodes in (default: id order).", valueName: "n"))
    var seed: UInt64?

    func validate() throws {
        guard minimumCount >= 1, minimumDocuments >= 1 else { throw ValidationError("--min-count and --min-docs take 1 or more") }
        if let backbone, backbone < 1 { throw ValidationError("--backbone takes 1 or more") }
        if let disparity, !(disparity > 0 && disparity <= 1) { throw ValidationError("--disparity takes a level between 0 and 1") }
        guard evidenceLimit >= 0 else { throw ValidationError("--keep-evidence takes 0 or more") }
        for date in [since, until].compactMap({ $0 }) where !Self.isDate(date) {
            throw ValidationError("'\(date)' is not a date: write YYYY-MM-DD")
        }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.prefix(10).split(separator: "-")
        return parts.count == 3 && parts[0].count == 4 && parts.allSatisfy { Int($0) != nil }
    }

    var settings: GraphSettings {
        var settings = GraphSettings()
        settings.window = window
        settings.weight = weight
        settings.minimumCount = minimumCount
        settings.minimumDocuments = minimumDocuments
        settings.backbone = backbone
        settings.disparityAlpha = disparity
        settings.evidenceLimit = evidenceLimit
        settings.includeBoilerplate = includeBoilerplate
        settings.since = since
        settings.until = until
        settings.communitySeed = seed
        return settings
    }
}

/// Reads a corpus into a graph, with a progress line on a terminal.
struct GraphPipeline {
    var recognition: RecognitionArguments
    var graph: GraphArguments
    var inputs: [String]

    /// The graph, and the index it was recognized with.
    func run(warn: @escaping (String) -> Void) throws -> (graph: CooccurrenceGraph, index: AliasIndex) {
        let index = try recognition.gazetteer.loadIndex()
        return (try recognize(with: index, warn: warn).build(), index)
    }

    /// The graph alone: the index is let go before the graph is made, so that the two are never
    /// in memory together.
    func graph(warn: @escaping (String) -> Void) throws -> CooccurrenceGraph {
        try recognize(with: try recognition.gazetteer.loadIndex(), warn: warn).build()
    }

    /// The tallies of every document of the inputs.
    private func recognize(with index: AliasIndex, warn: @escaping (String) -> Void) throws -> GraphBuilder {
        let pool = RecognitionPool(index: index, options: recognition.options, threads: recognition.jobs)
        var builder = GraphBuilder(settings: graph.settings)
        let progress = Progress()
        var batch = DocumentBatch()
        // The graph takes in one batch while the pool recognizes the two after it: with one
        // only, the pool ran dry whenever reading and taking in outlasted a batch's recognition.
        var running: [RecognitionPool.Batch<RecognizedDocument>] = []
        func flush(keeping inFlight: Int = 2) {
            // Started before the oldest batch is taken in: no thread waits at a batch's end.
            if !batch.documents.isEmpty { running.append(pool.start(batch.documents) { $0 }) }
            batch.clear()
            while running.count > inFlight {
                for result in running.removeFirst().results() {
                    builder.addDocument(result)
                    progress.advance(bytes: result.document.text.utf8.count)
                }
            }
        }
        let reader = CorpusReader(inputs: inputs, policy: recognition.input.policy, warn: warn)
        defer { if let summary = reader.tally.summary { warn(summary) } }
        try reader.forEachDocument { document in
            guard builder.accepts(date: document.date) else { return }
            if batch.add(document) { flush() }
        }
        flush(keeping: 0)  // starts the last batch and takes in all
        progress.finish()
        return builder
    }
}

/// A progress line on standard error, shown only when it is a terminal.
final class Progress {
    private let enabled = isatty(2) == 1
    private var documents = 0
    private var bytes = 0
    private let started = Date()
    private var lastShown = Date.distantPast

    func advance(bytes count: Int) {
        documents += 1
        bytes += count
        guard enabled, Date().timeIntervalSince(lastShown) > 0.2 else { return }
        lastShown = Date()
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        let megabytes = Double(bytes) / 1_000_000
        FileHandle.standardError.write(
            Data(String(format: "\r%d documents, %.1f MB, %.1f MB/s ", documents, megabytes, megabytes / seconds).utf8))
    }

    func finish() {
        if enabled, documents > 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Where a query command gets its graph: a saved GraphML file, or a corpus built on the spot.
struct GraphSource: ParsableArguments {
    @Option(
        name: .customLong("graph"),
        help: ArgumentHelp("A GraphML file saved by 'entity-graph build' (or by networkx, igraph, Gephi).", valueName: "file"))
    var graphFile: String?

    @OptionGroup var recognition: RecognitionArguments
    @OptionGroup var graph: GraphArguments

    @Argument(
        help: ArgumentHelp(
            "Files, folders, JSON lines files, or - for standard input, to build the graph from (instead of --graph).", valueName: "input"))
    var inputs: [String] = []

    func validate() throws {
        if graphFile == nil, inputs.isEmpty {
            throw ValidationError("give --graph FILE or at least one input to build the graph from")
        }
        if graphFile != nil, !inputs.isEmpty {
            throw ValidationError("give either --graph FILE or inputs, not both")
        }
        if graphFile != nil, graph.since != nil || graph.until != nil {
            throw ValidationError("--since and --until filter documents as a graph is built: pass the corpus instead of --graph")
        }
    }

    /// The graph, and a lookup for the names users type.
    func load(warn: @escaping (String) -> Void) throws -> (CooccurrenceGraph, EntityLookup) {
        if let graphFile {
            let graph = try GraphFile.read(URL(fileURLWithPath: graphFile))
            let index = (try? recognition.gazetteer.loadIndex()) ?? AliasIndex(gazetteer: Gazetteer())
            return (graph, EntityLookup(index: index))
        }
        let (graph, index) = try GraphPipeline(recognition: recognition, graph: self.graph, inputs: inputs).run(warn: warn)
        return (graph, EntityLookup(index: index))
    }
}

extension EntityLookup {
    /// The graph node a user's name stands for, or a one-line error with the closest names.
    func node(_ query: String, in graph: CooccurrenceGraph) throws -> GraphNode {
        let known = Dictionary(uniqueKeysWithValues: graph.nodes.map { ($0.id, $0.label) })
        if let id = ids(matching: query, among: known).first, let node = graph.node(withID: id) { return node }
        let close = suggestions(for: query, among: known)
        let hint = close.isEmpty ? ", nor any name close to it" : "; closest: " + close.joined(separator: ", ")
        if ids(matching: query).first != nil {
            throw CommandError("'\(query)' is known but does not occur in this graph\(hint)")
        }
        throw CommandError("no entity in the graph matches '\(query)'\(hint)")
    }
}

/// Output formats of the query commands.
enum QueryFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, tsv
}

/// Runs a command body, printing its output or a one-line error and exiting non-zero.
func runReporting(_ body: () throws -> String) throws {
    do {
        let output = try body()
        var stream = StandardOutput()
        stream.write(output)
        stream.flush()
    } catch let error as ExitCode {
        throw error
    } catch {
        StandardError.writeLine("error: \(error)")
        throw ExitCode.failure
    }
}
