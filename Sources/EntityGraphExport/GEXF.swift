import EntityGraph
import EntityRecognition
import Foundation

/// Writes GEXF 1.3 for Gephi, through the same checked libxml2 writer as GraphML.
///
/// Nodes carry `viz:color` by type and `viz:size` by degree; edges carry `weight` and
/// `viz:thickness`. When documents carry dates the graph is dynamic (`timeformat="date"`) and
/// every node and edge has the `start` and `end` of the documents it occurs in, so Gephi's
/// timeline can play the corpus. Ids, labels and subtypes are written as
/// ``Swift/String/exportLabel`` writes them.
public enum GEXF {
    static let nodeAttributes: [(id: String, type: String)] = [
        ("type", "string"), ("subtype", "string"), ("mentions", "integer"), ("documents", "integer"),
        ("languages", "string"), ("degree", "integer"), ("weighted_degree", "double"), ("pagerank", "double"),
        ("betweenness", "double"), ("community", "integer"),
    ]

    static let edgeAttributes: [(id: String, type: String)] = [
        ("count", "integer"), ("documents", "integer"), ("decayed", "double"), ("pmi", "double"),
        ("npmi", "double"), ("dice", "double"), ("jaccard", "double"), ("llr", "double"),
    ]

    /// The graph as GEXF 1.3.
    ///
    /// - Throws: ``ExportError`` when a libxml2 call fails, or when two node ids would be written
    ///   alike (``Swift/String/exportLabel``).
    public static func data(for graph: CooccurrenceGraph) throws -> Data {
        try ByteSink.collect { try write(graph, to: $0) }
    }

    /// Writes the graph as GEXF into `sink`.
    static func write(_ graph: CooccurrenceGraph, to sink: ByteSink) throws {
        try graph.validateIDsForExport()
        let dynamic = graph.nodes.contains { $0.firstDate != nil }
        let maximumDegree = Double(max(graph.nodes.map(\.degree).max() ?? 1, 1))
        let maximumWeight = max(graph.edges.map(\.weight).max() ?? 1, 1e-9)
        var writer = try XMLWriter(into: sink)
        try writer.startDocument()
        try writer.start("gexf")
        try writer.attribute("xmlns", "http://gexf.net/1.3")
        try writer.attribute("xmlns:viz", "http://gexf.net/1.3/viz")
        try writer.attribute("version", "1.3")
        try writer.start("meta")
        try writer.start("creator")
        try writer.text("EntityGraph")
        try writer.end()
        try writer.start("description")
        try writer.text(
            "Entity co-occurrence graph: \(graph.settings.window) windows, weight = \(graph.settings.weight.rawValue), \(graph.documentCount) documents"
        )
        try writer.end()
        try writer.end()

        try writer.start("graph")
        try writer.attribute("defaultedgetype", "undirected")
        try writer.attribute("mode", dynamic ? "dynamic" : "static")
        if dynamic { try writer.attribute("timeformat", "date") }
        for (domain, attributes) in [("node", nodeAttributes), ("edge", edgeAttributes)] {
            try writer.start("attributes")
            try writer.attribute("class", domain)
            try writer.attribute("mode", "static")
            for attribute in attributes {
                try writer.start("attribute")
                try writer.attribute("id", attribute.id)
                try writer.attribute("title", attribute.id)
                try writer.attribute("type", attribute.type)
                try writer.end()
            }
            try writer.end()
        }

        try writer.start("nodes")
        try writer.attribute("count", String(graph.nodes.count))
        for node in graph.nodes {
            try writer.start("node")
            try writer.plainAttribute("id", node.id.exportID)
            try writer.plainAttribute("label", node.label.exportLabel)
            if dynamic, let start = node.firstDate, let end = node.lastDate {
                try writer.attribute("start", String(start.prefix(10)))
                try writer.attribute("end", String(end.prefix(10)))
            }
            try writer.start("attvalues")
            let values: [(String, String?)] = [
                ("type", node.type.code), ("subtype", node.subtype?.exportLabel), ("mentions", String(node.mentions)),
                ("documents", String(node.documents)), ("languages", node.languages.joined(separator: ",")),
                ("degree", String(node.degree)), ("weighted_degree", JSONText.number(node.weightedDegree)),
                ("pagerank", JSONText.number(node.pageRank)), ("betweenness", JSONText.number(node.betweenness)),
                ("community", String(node.community)),
            ]
            for case (let key, let value?) in values { try attvalue(&writer, key, value) }
            try writer.end()
            let colour = DOT.colour(of: node.type).line
            try writer.start("viz:color")
            for (name, offset) in [("r", 1), ("g", 3), ("b", 5)] {
                let start = colour.index(colour.startIndex, offsetBy: offset)
                let hex = colour[start..<colour.index(start, offsetBy: 2)]
                try writer.attribute(name, String(Int(hex, radix: 16) ?? 0))
            }
            try writer.end()
            try writer.start("viz:size")
            try writer.attribute("value", String(format: "%.2f", 5 + 25 * (Double(node.degree) / maximumDegree).squareRoot()))
            try writer.end()
            try writer.end()
        }
        try writer.end()

        try writer.start("edges")
        try writer.attribute("count", String(graph.edges.count))
        for (number, edge) in graph.edges.enumerated() {
            try writer.start("edge")
            try writer.attribute("id", "e\(number)")
            try writer.plainAttribute("source", edge.source.exportID)
            try writer.plainAttribute("target", edge.target.exportID)
            try writer.attribute("weight", JSONText.number(edge.weight))
            if dynamic, let start = edge.firstDate, let end = edge.lastDate {
                try writer.attribute("start", String(start.prefix(10)))
                try writer.attribute("end", String(end.prefix(10)))
            }
            try writer.start("attvalues")
            let values = [
                ("count", String(edge.count)), ("documents", String(edge.documents)),
                ("decayed", JSONText.number(edge.decayed)), ("pmi", JSONText.number(edge.pmi)),
                ("npmi", JSONText.number(edge.npmi)), ("dice", JSONText.number(edge.dice)),
                ("jaccard", JSONText.number(edge.jaccard)), ("llr", JSONText.number(edge.llr)),
            ]
            for (key, value) in values { try attvalue(&writer, key, value) }
            try writer.end()
            try writer.start("viz:thickness")
            try writer.attribute("value", String(format: "%.2f", 1 + 9 * max(edge.weight, 0) / maximumWeight))
            try writer.end()
            try writer.end()
        }
        try writer.end()
        try writer.end()  // graph
        try writer.end()  // gexf
        try writer.finish()
    }

    private static func attvalue(_ writer: inout XMLWriter, _ key: String, _ value: String) throws {
        try writer.start("attvalue")
        try writer.attribute("for", key)
        try writer.attribute("value", value)
        try writer.end()
    }
}
