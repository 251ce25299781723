import EntityGraph
import EntityGraphExport
import Foundation

/// JSON and text pieces the query commands share.
enum QueryOutput {
    static func number(_ value: Double) -> String { JSONText.number(value) }

    static func quote(_ value: String) -> String { JSONText.quote(value) }

    /// A value for a table cell: integers plain, others with up to three decimals.
    static func cell(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e12 { return String(Int64(value)) }
        return String(format: "%.3f", value)
    }

    static func nodeJSON(_ node: GraphNode) -> String {
        "{\"id\":\(JSONText.quote(node.id)),\"label\":\(JSONText.quote(node.label)),\"type\":\"\(node.type.code)\""
            + ",\"subtype\":\(JSONText.optional(node.subtype)),\"mentions\":\(node.mentions),\"documents\":\(node.documents)"
            + ",\"languages\":[\(node.languages.map(JSONText.quote).joined(separator: ","))]"
            + ",\"surfaces\":[\(node.surfaces.map(JSONText.quote).joined(separator: ","))]"
            + ",\"first_date\":\(JSONText.optional(node.firstDate)),\"last_date\":\(JSONText.optional(node.lastDate))"
            + ",\"degree\":\(node.degree),\"weighted_degree\":\(number(node.weightedDegree))"
            + ",\"pagerank\":\(number(node.pageRank)),\"betweenness\":\(number(node.betweenness)),\"community\":\(node.community)}"
    }

    static func evidenceJSON(_ item: Evidence) -> String {
        "{\"document\":\(JSONText.quote(item.document)),\"date\":\(JSONText.optional(item.date)),\"sentence\":\(item.sentence)"
            + ",\"source\":[\(item.source.start),\(item.source.end)],\"target\":[\(item.target.start),\(item.target.end)]"
            + ",\"snippet\":\(JSONText.quote(item.snippet))}"
    }

    static func edgeJSON(_ edge: GraphEdge, evidence: Int) -> String {
        "{\"source\":\(JSONText.quote(edge.source)),\"target\":\(JSONText.quote(edge.target)),\"weight\":\(number(edge.weight))"
            + ",\"count\":\(edge.count),\"documents\":\(edge.documents),\"decayed\":\(number(edge.decayed))"
            + ",\"pmi\":\(number(edge.pmi)),\"npmi\":\(number(edge.npmi)),\"dice\":\(number(edge.dice))"
            + ",\"jaccard\":\(number(edge.jaccard)),\"llr\":\(number(edge.llr))"
            + ",\"evidence\":[\(edge.evidence.prefix(evidence).map(evidenceJSON).joined(separator: ","))]}"
    }

    /// An evidence line for a table: `document#sentence: snippet`.
    static func evidenceLine(_ item: Evidence, indent: String) -> String {
        "\(indent)\(item.document)#\(item.sentence)\(item.date.map { " (\($0))" } ?? ""): \(item.snippet)\n"
    }
}
