import ArgumentParser
import EntityGraph
import EntityRecognition
import Foundation

/// `entity-graph neighbors`: who is near an entity, and on what evidence.
public struct NeighborsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "neighbors",
        abstract: "List the entities tied to an entity, strongest first, with the evidence for each tie.",
        discussion: """
            ENTITY is an id, a label or any alias in any language, inflected too: \
            'neighbors Putinem' and 'neighbors Kirijenką' work.

            Examples:
              entity-graph neighbors Putin --graph exports/graph.graphml --top 10
              entity-graph neighbors "Elon Musk" examples/corpus --by npmi --format json
            """
    )

    @Argument(help: "The entity: id, label or alias.")
    var entity: String

    @OptionGroup var source: GraphSource

    @Option(help: "At most this many neighbours.")
    var top: Int = 20

    @Option(help: "Rank by this edge measure (default: the graph's weight).")
    var by: EdgeMeasure?

    @Option(help: "Only neighbours of this type: PER, ORG or LOC.")
    var type: String?

    @Option(help: "Hops to go out.")
    var depth: Int = 1

    @Option(help: "Evidence snippets shown per neighbour.")
    var evidence: Int = 1

    @Option(help: "Output format: table, json or tsv.")
    var format: QueryFormat = .table

    public init() {}

    public func validate() throws {
        guard top > 0, depth > 0, evidence >= 0 else { throw ValidationError("--top and --depth take 1 or more, --evidence 0 or more") }
        if let type, EntityType(spelling: type) == nil { throw ValidationError("--type takes PER, ORG or LOC") }
    }

    public func run() throws {
        try runReporting { try render(warn: StandardError.writeLine) }
    }

    public func render(warn: @escaping (String) -> Void = { _ in }) throws -> String {
        let (graph, lookup) = try source.load(warn: warn)
        let node = try lookup.node(entity, in: graph)
        let measure = by ?? graph.settings.weight
        let found = graph.neighbors(
            of: node.id, by: measure, limit: top,
            type: type.flatMap(EntityType.init(spelling:)), depth: depth)
        switch format {
        case .json:
            let items = found.map { neighbor in
                "{\"node\":\(QueryOutput.nodeJSON(neighbor.node)),\"hops\":\(neighbor.hops),\"via\":\(QueryOutput.quote(neighbor.via))"
                    + ",\"edge\":\(QueryOutput.edgeJSON(neighbor.edge, evidence: evidence))}"
            }
            return
                "{\"entity\":\(QueryOutput.nodeJSON(node)),\"measure\":\"\(measure.rawValue)\",\"neighbors\":[\(items.joined(separator: ","))]}\n"
        case .tsv:
            var text = "id\tlabel\ttype\thops\tvia\tweight\tcount\tdocuments\tnpmi\tevidence\n"
            for neighbor in found {
                let snippet = neighbor.edge.evidence.first?.snippet ?? ""
                text +=
                    [
                        neighbor.node.id, neighbor.node.label, neighbor.node.type.code, "\(neighbor.hops)", neighbor.via,
                        QueryOutput.cell(neighbor.edge.value(of: measure)), "\(neighbor.edge.count)",
                        "\(neighbor.edge.documents)", QueryOutput.cell(neighbor.edge.npmi), snippet,
                    ]
                    .map(MentionFormatter.tsvField).joined(separator: "\t") + "\n"
            }
            return text
        case .table:
            var text =
                "Neighbours of \(node.label) (\(node.id), \(node.type.code)): \(found.count) shown, by \(measure.rawValue), \(graph.settings.window) windows\n"
            for (position, neighbor) in found.enumerated() {
                let hop =
                    neighbor.hops > 1 ? "  [\(neighbor.hops) hops via \(graph.node(withID: neighbor.via)?.label ?? neighbor.via)]" : ""
                text +=
                    String(format: "%3d. ", position + 1)
                    + "\(neighbor.node.label) (\(neighbor.node.type.code))"
                    + (measure == .count ? "" : "  \(measure.rawValue) \(QueryOutput.cell(neighbor.edge.value(of: measure)))")
                    + "  count \(neighbor.edge.count)  docs \(neighbor.edge.documents)  npmi \(QueryOutput.cell(neighbor.edge.npmi))\(hop)\n"
                for item in neighbor.edge.evidence.prefix(evidence) {
                    text += QueryOutput.evidenceLine(item, indent: "       ")
                }
            }
            return text
        }
    }
}
