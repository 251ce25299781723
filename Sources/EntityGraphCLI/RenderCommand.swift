import ArgumentParser
import EntityGraph
import EntityGraphExport
import Foundation

extension DiagramRenderer.Layout: ExpressibleByArgument {}

/// `entity-graph render`: a network diagram people can read.
public struct RenderCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the graph (or one entity's neighbourhood) as an SVG or PNG diagram with Graphviz.",
        discussion: """
            Node colour and shape follow the type (people blue ellipses, organizations orange boxes, \
            places green hexagons), size the degree, edge width the weight; a legend says so. A large \
            graph is cut to its strongest --top entities, with a note in the legend.

            Examples:
              entity-graph render --graph exports/graph.graphml --out exports/diagram.svg
              entity-graph render examples/corpus --ego Putin --depth 2 --layout neato --out putin.png
            """
    )

    @OptionGroup var source: GraphSource

    @Option(help: ArgumentHelp("The diagram file: .svg or .png.", valueName: "file"))
    var out: String

    @Option(help: "Graphviz layout: sfdp, neato, dot, fdp or circo.")
    var layout: DiagramRenderer.Layout = .sfdp

    @Option(help: "Draw at most this many entities, the strongest by weighted degree.")
    var top: Int = 60

    @Option(help: ArgumentHelp("Draw only this entity's neighbourhood.", valueName: "entity"))
    var ego: String?

    @Option(help: "Hops around --ego.")
    var depth: Int = 1

    public init() {}

    public func validate() throws {
        guard top >= 2, depth >= 1 else { throw ValidationError("--top takes 2 or more, --depth 1 or more") }
    }

    public func run() throws {
        try runReporting { try render(warn: StandardError.writeLine) }
    }

    public func render(warn: @escaping (String) -> Void = { _ in }) throws -> String {
        var (graph, lookup) = try source.load(warn: warn)
        if let ego {
            let center = try lookup.node(ego, in: graph)
            graph = graph.ego(of: center.id, depth: depth)
        }
        let note = try DiagramRenderer(layout: layout, maximumNodes: top).render(graph, to: URL(fileURLWithPath: out))
        return "\(out): \(min(graph.nodes.count, top)) entities drawn with \(layout.rawValue)" + (note.map { " (\($0))" } ?? "") + "\n"
    }
}
