import ArgumentParser
import EntityGraph
import EntityGraphExport
import EntityRecognition
import Foundation

/// `entity-graph build`: reads a corpus once and writes its graph.
public struct BuildCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the weighted co-occurrence graph of a corpus and write it to a folder.",
        discussion: """
            Writes OUT/graph.graphml (GraphML: nodes with mentions, documents, languages, degree, \
            PageRank, betweenness, community; edges with weight, count, documents, PMI, NPMI, Dice, \
            Jaccard, log-likelihood) and OUT/graph.evidence.jsonl (the evidence behind each edge); \
            with --format also graph.dot (Graphviz), graph.gexf (Gephi, GEXF 1.3), nodes.csv and \
            edges.csv (Gephi's spreadsheet import) and graph.json (node-link JSON for networkx, d3, \
            Cytoscape.js). Files are written whole or not at all. Query the result with neighbors, \
            path, ego and stats --graph OUT/graph.graphml.

            Examples:
              entity-graph build examples/corpus --out exports
              entity-graph build articles/ --format all --window paragraph --weight npmi
            """
    )

    @OptionGroup var recognition: RecognitionArguments
    @OptionGroup var graph: GraphArguments

    @Option(help: ArgumentHelp("The folder to write to.", valueName: "dir"))
    var out: String = "exports"

    @OptionGroup var export: ExportOptions

    @Argument(help: ArgumentHelp("Files, folders, JSON lines files, or - for standard input.", valueName: "input"))
    var inputs: [String]

    public init() {}

    public func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name at least one input (a file, a folder, or - for standard input)") }
    }

    public func run() throws {
        var kept: CooccurrenceGraph?
        try runReporting {
            let (summary, built) = try buildAndWrite(warn: StandardError.writeLine)
            kept = built
            return summary
        }
        // The files are written and the summary is out. Freeing a large graph object by object
        // takes longer than ending the process, which gives all its memory back at once.
        withExtendedLifetime(kept) { Foundation.exit(0) }
    }

    /// Builds and writes the graph; returns the summary `run()` prints.
    public func render(warn: @escaping (String) -> Void = { _ in }) throws -> String {
        try buildAndWrite(warn: warn).summary
    }

    private func buildAndWrite(warn: @escaping (String) -> Void) throws -> (summary: String, graph: CooccurrenceGraph) {
        let built = try GraphPipeline(recognition: recognition, graph: graph, inputs: inputs).graph(warn: warn)
        let folder = URL(fileURLWithPath: out)
        let written = try export.exporter(defaultFormats: "graphml").write(built, to: folder)
        // The counts only: the full statistics (communities ranked, modularity) cost a pass
        // over the graph that the summary line does not need.
        let summary =
            "\(built.nodes.count) entities, \(built.edges.count) edges from \(built.documentCount) documents "
            + "(\(built.windowCount) \(built.settings.window) windows) → "
            + written.map(\.relativePath).joined(separator: ", ") + "\n"
        return (summary, built)
    }
}
