import ArgumentParser
import EntityGraph
import Foundation

/// `entity-graph stats`: the shape of the graph.
public struct StatsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Summarise a graph: counts, the top entities and ties by every measure, communities.",
        discussion: """
            Example:
              entity-graph stats --graph exports/graph.graphml --top 5
            """
    )

    @OptionGroup var source: GraphSource

    @Option(help: "Entries per ranking.")
    var top: Int = 10

    @Option(help: "Output format: table, json or tsv.")
    var format: QueryFormat = .table

    public init() {}

    public func run() throws {
        try runReporting { try render(warn: StandardError.writeLine) }
    }

    public func render(warn: @escaping (String) -> Void = { _ in }) throws -> String {
        let (graph, _) = try source.load(warn: warn)
        let statistics = graph.statistics()
        func label(_ id: String) -> String { graph.node(withID: id)?.label ?? id }
        switch format {
        case .json:
            var text = "{\"nodes\":\(statistics.nodes),\"edges\":\(statistics.edges),\"documents\":\(statistics.documents)"
            text +=
                ",\"windows\":\(statistics.windows),\"window\":\"\(graph.settings.window)\",\"weight\":\"\(graph.settings.weight.rawValue)\""
            text += ",\"density\":\(QueryOutput.number(statistics.density)),\"modularity\":\(QueryOutput.number(statistics.modularity))"
            text += ",\"types\":{\(statistics.nodesByType.map { "\(QueryOutput.quote($0.type)):\($0.count)" }.joined(separator: ","))}"
            text +=
                ",\"top_nodes\":{"
                + NodeMeasure.allCases.map { measure in
                    "\"\(measure.rawValue)\":[\(graph.topNodes(by: measure, limit: top).map { QueryOutput.quote($0.id) }.joined(separator: ","))]"
                }.joined(separator: ",") + "}"
            text +=
                ",\"top_edges\":{"
                + EdgeMeasure.allCases.map { measure in
                    "\"\(measure.rawValue)\":[\(graph.topEdges(by: measure, limit: top).map { "[\(QueryOutput.quote($0.source)),\(QueryOutput.quote($0.target)),\(QueryOutput.number($0.value(of: measure)))]" }.joined(separator: ","))]"
                }.joined(separator: ",") + "}"
            text +=
                ",\"communities\":["
                + statistics.communities.map { community in
                    "[\(community.members.map { QueryOutput.quote($0.id) }.joined(separator: ","))]"
                }.joined(separator: ",") + "]}\n"
            return text
        case .tsv:
            var text = "ranking\trank\titem\tvalue\n"
            for measure in NodeMeasure.allCases {
                for (rank, node) in graph.topNodes(by: measure, limit: top).enumerated() {
                    text += "node:\(measure.rawValue)\t\(rank + 1)\t\(node.label)\t\(QueryOutput.cell(measure.value(of: node)))\n"
                }
            }
            for measure in EdgeMeasure.allCases {
                for (rank, edge) in graph.topEdges(by: measure, limit: top).enumerated() {
                    text +=
                        "edge:\(measure.rawValue)\t\(rank + 1)\t\(label(edge.source)) — \(label(edge.target))\t\(QueryOutput.cell(edge.value(of: measure)))\n"
                }
            }
            return text
        case .table:
            var text = "\(statistics.nodes) entities (" + statistics.nodesByType.map { "\($0.count) \($0.type)" }.joined(separator: ", ")
            text +=
                "), \(statistics.edges) edges, \(statistics.documents) documents, \(statistics.windows) \(graph.settings.window) windows\n"
            text +=
                "density \(String(format: "%.4f", statistics.density)), \(statistics.communities.count) communities, modularity \(String(format: "%.3f", statistics.modularity)), weight = \(graph.settings.weight.rawValue)\n"
            for measure in NodeMeasure.allCases {
                text += "\nTop entities by \(measure.rawValue):\n"
                for (rank, node) in graph.topNodes(by: measure, limit: top).enumerated() {
                    text +=
                        String(format: "%3d. ", rank + 1)
                        + "\(node.label) (\(node.type.code))  \(QueryOutput.cell(measure.value(of: node)))\n"
                }
            }
            for measure in EdgeMeasure.allCases {
                text += "\nTop edges by \(measure.rawValue):\n"
                for (rank, edge) in graph.topEdges(by: measure, limit: top).enumerated() {
                    text +=
                        String(format: "%3d. ", rank + 1)
                        + "\(label(edge.source)) — \(label(edge.target))  \(QueryOutput.cell(edge.value(of: measure)))\n"
                }
            }
            text += "\nCommunities:\n"
            for community in statistics.communities.prefix(top) {
                let names = community.members.prefix(8).map(\.label).joined(separator: ", ")
                text +=
                    String(format: "%3d. ", community.number)
                    + "\(community.members.count) entities: \(names)\(community.members.count > 8 ? ", …" : "")\n"
            }
            return text
        }
    }
}
