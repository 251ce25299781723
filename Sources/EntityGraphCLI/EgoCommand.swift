import ArgumentParser
import EntityGraph
import EntityGraphExport
import Foundation

/// `entity-graph ego`: an entity's neighbourhood as a graph of its own.
public struct EgoCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ego",
        abstract: "Cut out the graph of an entity's neighbourhood, to read or to export.",
        discussion: """
            Lists the nodes within --depth hops and the edges among them, or with --out writes them \
            as GraphML (with its evidence sidecar) for Gephi, networkx or another 'entity-graph' command.

            Example:
              entity-graph ego Musk --depth 2 --graph exports/graph.graphml --out exports/musk.graphml
            """
    )

    @Argument(help: "The entity: id, label or alias.")
    var entity: String

    @OptionGroup var source: GraphSource

    @Option(help: "Hops to go out.")
    var depth: Int = 1

    @Option(help: ArgumentHelp("Write the neighbourhood as GraphML to this file.", valueName: "file"))
    var out: String?

    @Option(help: "Output format: table, json or tsv.")
    var format: QueryFormat = .table

    public init() {}

    public func validate() throws {
        guard depth >= 1 else { throw ValidationError("--depth takes 1 or more") }
    }

    public func run() throws {
        try runReporting { try render(warn: StandardError.writeLine) }
    }

    public func render(warn: @escaping (String) -> Void = { _ in }) throws -> String {
        let (graph, lookup) = try source.load(warn: warn)
        let center = try lookup.node(entity, in: graph)
        let ego = graph.ego(of: center.id, depth: depth)
        if let out {
            let url = URL(fileURLWithPath: out)
            var files = AtomicFileSet()
            files.add(try GraphML.data(for: ego), at: url)
            files.add(EvidenceFile.data(for: ego), at: EvidenceFile.url(besides: url))
            try files.commit()
        }
        switch format {
        case .json:
            return "{\"center\":\(QueryOutput.quote(center.id)),\"depth\":\(depth)"
                + ",\"nodes\":[\(ego.nodes.map(QueryOutput.nodeJSON).joined(separator: ","))]"
                + ",\"edges\":[\(ego.edges.map { QueryOutput.edgeJSON($0, evidence: 1) }.joined(separator: ","))]}\n"
        case .tsv:
            var text = "source\ttarget\tweight\tcount\tdocuments\n"
            for edge in ego.edges {
                text += "\(edge.source)\t\(edge.target)\t\(QueryOutput.cell(edge.weight))\t\(edge.count)\t\(edge.documents)\n"
            }
            return text
        case .table:
            var text = "Ego graph of \(center.label), depth \(depth): \(ego.nodes.count) entities, \(ego.edges.count) edges"
            text += out.map { " → \($0)" } ?? ""
            text += "\n"
            let rows = ego.topNodes(by: .weightedDegree, limit: ego.nodes.count).map { node in
                [
                    node.label, node.type.code, "\(node.degree)", QueryOutput.cell(node.weightedDegree),
                    String(format: "%.4f", node.pageRank),
                ]
            }
            text += TextTable.render(header: ["entity", "type", "degree", "weighted degree", "pagerank"], rows: rows, indent: 2)
            return text
        }
    }
}
