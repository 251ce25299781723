import EntityGraph
import Foundation

/// Writes `nodes.csv` and `edges.csv` in Gephi's spreadsheet convention: `Id`, `Label` for nodes;
/// `Source`, `Target`, `Type` (always `Undirected`), `Id`, `Weight` for edges; then every
/// attribute. RFC 4180 quoting; text cells that a spreadsheet would run as a formula (starting
/// with `=`, `+`, `-`, `@`, tab or carriage return) get a leading `'`, as OWASP recommends. Ids
/// and labels are defused by ``Swift/String/exportLabel``, the same as in every other format, so
/// `Id`, `Label`, `Source` and `Target` match the other files.
public enum CSV {
    public static func nodes(of graph: CooccurrenceGraph) -> String {
        var text =
            "Id,Label,type,subtype,mentions,documents,languages,degree,weighted_degree,pagerank,betweenness,community,first_date,last_date\r\n"
        for node in graph.nodes {
            let fields = [
                node.id.exportID, cell(node.label), cell(node.type.code), cell(node.subtype ?? ""), "\(node.mentions)",
                "\(node.documents)", cell(node.languages.joined(separator: ";")), "\(node.degree)",
                JSONText.number(node.weightedDegree), JSONText.number(node.pageRank), JSONText.number(node.betweenness),
                "\(node.community)", cell(node.firstDate ?? ""), cell(node.lastDate ?? ""),
            ]
            text += fields.joined(separator: ",") + "\r\n"
        }
        return text
    }

    public static func edges(of graph: CooccurrenceGraph) -> String {
        var text = "Source,Target,Type,Id,Weight,count,documents,decayed,pmi,npmi,dice,jaccard,llr,first_date,last_date\r\n"
        for (number, edge) in graph.edges.enumerated() {
            let fields = [
                edge.source.exportID, edge.target.exportID, "Undirected", "e\(number)", JSONText.number(edge.weight),
                "\(edge.count)", "\(edge.documents)", JSONText.number(edge.decayed), JSONText.number(edge.pmi),
                JSONText.number(edge.npmi), JSONText.number(edge.dice), JSONText.number(edge.jaccard),
                JSONText.number(edge.llr), cell(edge.firstDate ?? ""), cell(edge.lastDate ?? ""),
            ]
            text += fields.joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// A text cell: defused as ``Swift/String/exportLabel`` defuses a label if a spreadsheet would
    /// read it as a formula, quoted if it holds a comma, quote or line break.
    static func cell(_ raw: String) -> String {
        let value = raw.exportLabel
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Writes the graph as node-link JSON, as networkx's `node_link_graph` reads it (`edges`
/// key), which d3 and Cytoscape.js import as well. Ids, labels and subtypes are written as
/// ``Swift/String/exportLabel`` writes them.
public enum NodeLinkJSON {
    public static func text(for graph: CooccurrenceGraph) -> String {
        let settings = graph.settings
        var text = "{\n  \"directed\": false,\n  \"multigraph\": false,\n"
        text += "  \"graph\": {\"name\": \"entities\", \"window\": \"\(settings.window)\", \"weight\": \"\(settings.weight.rawValue)\", "
        text += "\"documents\": \(graph.documentCount), \"windows\": \(graph.windowCount)},\n"
        text += "  \"nodes\": [\n"
        text += graph.nodes.map { node in
            "    {\"id\": \(JSONText.quote(node.id.exportID)), \"label\": \(label(node.label)), \"type\": \(quote(node.type.code)), "
                + "\"subtype\": \(node.subtype.map(label) ?? "null"), \"mentions\": \(node.mentions), "
                + "\"documents\": \(node.documents), \"languages\": [\(node.languages.map(quote).joined(separator: ", "))], "
                + "\"degree\": \(node.degree), \"weighted_degree\": \(JSONText.number(node.weightedDegree)), "
                + "\"pagerank\": \(JSONText.number(node.pageRank)), \"betweenness\": \(JSONText.number(node.betweenness)), "
                + "\"community\": \(node.community), \"first_date\": \(node.firstDate.map(quote) ?? "null"), "
                + "\"last_date\": \(node.lastDate.map(quote) ?? "null")}"
        }.joined(separator: ",\n")
        text += "\n  ],\n  \"edges\": [\n"
        text += graph.edges.enumerated().map { number, edge in
            "    {\"id\": \"e\(number)\", \"source\": \(JSONText.quote(edge.source.exportID)), \"target\": \(JSONText.quote(edge.target.exportID)), "
                + "\"weight\": \(JSONText.number(edge.weight)), \"count\": \(edge.count), \"documents\": \(edge.documents), "
                + "\"decayed\": \(JSONText.number(edge.decayed)), \"pmi\": \(JSONText.number(edge.pmi)), "
                + "\"npmi\": \(JSONText.number(edge.npmi)), \"dice\": \(JSONText.number(edge.dice)), "
                + "\"jaccard\": \(JSONText.number(edge.jaccard)), \"llr\": \(JSONText.number(edge.llr))}"
        }.joined(separator: ",\n")
        text += "\n  ]\n}\n"
        return text
    }

    static func quote(_ value: String) -> String { JSONText.quote(value.sanitizedForExport) }

    /// A node id, label or subtype, as every format writes it (``Swift/String/exportLabel``).
    static func label(_ value: String) -> String { JSONText.quote(value.exportLabel) }
}
