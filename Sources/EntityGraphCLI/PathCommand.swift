import ArgumentParser
import EntityGraph
import Foundation

/// `entity-graph path`: how two entities are connected.
public struct PathCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Show the shortest and the strongest paths between two entities, each hop with its evidence.",
        discussion: """
            The shortest path has the fewest hops (the strongest among those); the strongest path \
            minimises the sum of 1/weight over its hops.

            Example:
              entity-graph path Kirijenko "Xi Jinping" --graph exports/graph.graphml
            """
    )

    @Argument(help: "The first entity: id, label or alias.")
    var from: String

    @Argument(help: "The second entity.")
    var to: String

    @OptionGroup var source: GraphSource

    @Option(help: "Evidence snippets shown per hop.")
    var evidence: Int = 1

    @Option(help: "Output format: table, json or tsv.")
    var format: QueryFormat = .table

    public init() {}

    public func run() throws {
        try runReporting { try render(warn: StandardError.writeLine) }
    }

    public func render(warn: @escaping (String) -> Void = { _ in }) throws -> String {
        let (graph, lookup) = try source.load(warn: warn)
        let start = try lookup.node(from, in: graph)
        let end = try lookup.node(to, in: graph)
        let paths = [
            ("shortest", graph.shortestPath(from: start.id, to: end.id)),
            ("strongest", graph.strongestPath(from: start.id, to: end.id)),
        ]
        guard paths.contains(where: { $0.1 != nil }) else {
            throw CommandError("\(start.label) and \(end.label) are not connected in this graph")
        }
        switch format {
        case .json:
            let items = paths.compactMap { name, path in
                path.map { path in
                    "{\"kind\":\"\(name)\",\"nodes\":[\(path.nodes.map { QueryOutput.quote($0) }.joined(separator: ","))]"
                        + ",\"strength\":\(QueryOutput.number(path.strength))"
                        + ",\"hops\":[\(path.edges.map { QueryOutput.edgeJSON($0, evidence: evidence) }.joined(separator: ","))]}"
                }
            }
            return
                "{\"from\":\(QueryOutput.nodeJSON(start)),\"to\":\(QueryOutput.nodeJSON(end)),\"paths\":[\(items.joined(separator: ","))]}\n"
        case .tsv:
            var text = "kind\thop\tsource\ttarget\tweight\tcount\tdocuments\tevidence\n"
            for (name, path) in paths {
                guard let path else { continue }
                for (number, edge) in path.edges.enumerated() {
                    let from = path.nodes[number]
                    text +=
                        [
                            name, "\(number + 1)", from, edge.other(than: from), QueryOutput.cell(edge.weight), "\(edge.count)",
                            "\(edge.documents)", edge.evidence.first?.snippet ?? "",
                        ]
                        .map(MentionFormatter.tsvField).joined(separator: "\t") + "\n"
                }
            }
            return text
        case .table:
            var text = ""
            for (name, path) in paths {
                guard let path else { continue }
                text +=
                    "\(name.capitalized) path, \(path.edges.count) hop\(path.edges.count == 1 ? "" : "s"), strength \(QueryOutput.cell(path.strength)):\n"
                for (number, edge) in path.edges.enumerated() {
                    let from = graph.node(withID: path.nodes[number])!
                    let next = graph.node(withID: path.nodes[number + 1])!
                    text +=
                        "  \(from.label) — \(next.label)  (\(graph.settings.weight == .count ? "" : "\(graph.settings.weight.rawValue) \(QueryOutput.cell(edge.weight)), ")count \(edge.count), docs \(edge.documents))\n"
                    for item in edge.evidence.prefix(evidence) { text += QueryOutput.evidenceLine(item, indent: "      ") }
                }
            }
            return text
        }
    }
}
