import ArgumentParser
import EntityGraph
import EntityGraphExport
import Foundation

/// `entity-graph export`: a saved graph in other formats.
public struct ExportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a graph in the formats Gephi, Graphviz, networkx and Cytoscape load.",
        discussion: """
            Reads a GraphML file (or builds the graph from a corpus) and writes graph.graphml, \
            graph.dot, graph.gexf, nodes.csv + edges.csv and graph.json into --out.

            Example:
              entity-graph export --graph exports/graph.graphml --format dot,gexf,csv,json --out exports
            """
    )

    @OptionGroup var source: GraphSource

    @OptionGroup var export: ExportOptions

    @Option(help: ArgumentHelp("The folder to write to.", valueName: "dir"))
    var out: String = "exports"

    public init() {}

    public func run() throws {
        try runReporting { try render(warn: StandardError.writeLine) }
    }

    public func render(warn: @escaping (String) -> Void = { _ in }) throws -> String {
        let (graph, _) = try source.load(warn: warn)
        let written = try export.exporter(defaultFormats: "all").write(graph, to: URL(fileURLWithPath: out))
        return "\(graph.nodes.count) entities, \(graph.edges.count) edges → " + written.map(\.relativePath).joined(separator: ", ") + "\n"
    }
}

/// The export choices `build` and `export` share.
struct ExportOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Formats to write, comma-separated: graphml, dot, gexf, csv, json, or all (build: graphml, export: all). GraphML with its evidence sidecar is what the query commands read back.",
            valueName: "list"))
    var format: String?

    @Flag(help: "Also write each edge's evidence into the GraphML, as a JSON array in an 'evidence' attribute.")
    var evidence = false

    @Flag(help: "Group the DOT file's nodes into one cluster per community.")
    var clusters = false

    func validate() throws {
        if let format, ExportFormat.list(format) == nil {
            throw ValidationError("--format takes graphml, dot, gexf, csv, json (comma-separated) or all")
        }
    }

    func exporter(defaultFormats: String) -> GraphExporter {
        GraphExporter(
            formats: ExportFormat.list(format ?? defaultFormats) ?? [.graphml],
            evidenceInGraphML: evidence, clusters: clusters)
    }
}
