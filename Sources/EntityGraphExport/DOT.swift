import EntityGraph
import EntityRecognition
import Foundation

/// Writes a graph in Graphviz's DOT language.
///
/// Ids and labels are quoted escStrings (quotes, backslashes, line breaks and `&` escaped),
/// UTF-8, defused as ``Swift/String/exportLabel`` defuses them in every format. Nodes are shaped
/// and coloured by type and sized by degree; edges are as wide as their weight, strongest first.
/// Graphviz's own `weight` is an integer layout hint, so the real weight is also written as
/// `cooccurrence`. A legend is the graph's label (an HTML-like table, so that it adds no node). No
/// layout engine is named: `dot`, `neato` and `sfdp` all read it.
public enum DOT {
    /// Fill colours by coarse type.
    static func colour(of type: EntityType) -> (fill: String, line: String) {
        switch type {
        case .person: ("#A0CBE8", "#4E79A7")
        case .organization: ("#FFBE7D", "#F28E2B")
        case .location: ("#8CD17D", "#59A14F")
        default: ("#D7D2CF", "#79706E")
        }
    }

    static func shape(of type: EntityType) -> String {
        switch type {
        case .person: "ellipse"
        case .organization: "box"
        case .location: "hexagon"
        default: "octagon"
        }
    }

    /// The graph as DOT.
    ///
    /// - Parameters:
    ///   - clusters: group nodes into one cluster per community.
    ///   - note: a line added under the legend (for instance, that the graph was cut).
    public static func text(for graph: CooccurrenceGraph, clusters: Bool = false, note: String? = nil) -> String {
        let maximumDegree = max(graph.nodes.map(\.degree).max() ?? 1, 1)
        let maximumWeight = max(graph.edges.map(\.weight).max() ?? 1, 1e-9)
        var text = "strict graph \"entities\" {\n"
        text += "  graph [charset=\"UTF-8\", overlap=false, splines=true, outputorder=edgesfirst, "
        text += "fontname=\"DejaVu Sans\", fontsize=14, labelloc=b, labeljust=l, label=\(legend(graph, note: note))];\n"
        text += "  node [style=filled, fontname=\"DejaVu Sans\", margin=\"0.08,0.04\"];\n"
        text += "  edge [color=\"#7F7F7F99\"];\n"

        func nodeLine(_ node: GraphNode, indent: String) -> String {
            let colours = colour(of: node.type)
            let size = 10 + 14 * (Double(node.degree) / Double(maximumDegree)).squareRoot()
            var attributes = [
                "label=\(quote(node.label.exportLabel))", "type=\(quote(node.type.code))",
                "shape=\(shape(of: node.type))", "fillcolor=\"\(colours.fill)\"", "color=\"\(colours.line)\"",
                "fontsize=\(format(size))", "mentions=\(node.mentions)", "documents=\(node.documents)",
                "degree=\(node.degree)", "pagerank=\(JSONText.number(node.pageRank))", "community=\(node.community)",
            ]
            if let subtype = node.subtype { attributes.insert("subtype=\(quote(subtype.exportLabel))", at: 2) }
            return "\(indent)\(quote(node.id.exportID)) [\(attributes.joined(separator: ", "))];\n"
        }

        if clusters {
            let groups = Dictionary(grouping: graph.nodes, by: \.community)
            for community in groups.keys.sorted() {
                text += "  subgraph \"cluster_\(community)\" {\n"
                text += "    graph [label=\"community \(community)\", style=dashed, color=\"#BBBBBB\"];\n"
                for node in groups[community]! { text += nodeLine(node, indent: "    ") }
                text += "  }\n"
            }
        } else {
            for node in graph.nodes { text += nodeLine(node, indent: "  ") }
        }

        let ordered = graph.edges.sorted { ($1.weight, $0.source, $0.target) < ($0.weight, $1.source, $1.target) }
        for (number, edge) in ordered.enumerated() {
            let width = 0.6 + 5.4 * max(edge.weight, 0) / maximumWeight
            let hint = max(1, Int(edge.weight.rounded()))
            text += "  \(quote(edge.source.exportID)) -- \(quote(edge.target.exportID)) [id=\"e\(number)\", weight=\(hint), "
            text += "cooccurrence=\(JSONText.number(edge.weight)), count=\(edge.count), documents=\(edge.documents), "
            text += "npmi=\(JSONText.number(edge.npmi)), penwidth=\(format(width))];\n"
        }
        text += "}\n"
        return text
    }

    /// A quoted DOT string whose drawn text is `value`: backslashes and quotes escaped, line
    /// breaks as `\n`, `&` as an entity (Graphviz reads entities in labels), NFC, no control
    /// characters.
    static func quote(_ value: String) -> String {
        var result = "\""
        for scalar in value.sanitizedForExport.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r", "\t": result += " "
            case "&": result += "&amp;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    /// The legend: one coloured cell per type, then what sizes and widths mean.
    static func legend(_ graph: CooccurrenceGraph, note: String?) -> String {
        let types: [(EntityType, String)] = [(.person, "person"), (.organization, "organization"), (.location, "location")]
        var cells = ""
        for (type, name) in types {
            cells += "<TD BGCOLOR=\"\(colour(of: type).fill)\">\(name)</TD>"
        }
        let measure = graph.settings.weight.rawValue
        var rows =
            "<TR>\(cells)</TR><TR><TD COLSPAN=\"3\">node size: degree · edge width: \(measure) in \(graph.settings.window) windows</TD></TR>"
        if let note {
            rows += "<TR><TD COLSPAN=\"3\">\(htmlEscape(note))</TD></TR>"
        }
        return "<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\">\(rows)</TABLE>>"
    }

    static func htmlEscape(_ value: String) -> String {
        value.sanitizedForExport
            .replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
