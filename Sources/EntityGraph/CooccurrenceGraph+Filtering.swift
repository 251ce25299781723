import Foundation

extension CooccurrenceGraph {
    /// The graph with the settings' backbone and disparity filters applied (minimum counts are
    /// applied while building). Nodes stay, even when they lose every edge.
    func filtered() -> CooccurrenceGraph {
        guard settings.backbone != nil || settings.disparityAlpha != nil else { return self }
        var kept = edges
        if let k = settings.backbone {
            kept = backboneEdges(k, among: kept)
        }
        if let alpha = settings.disparityAlpha {
            kept = disparityEdges(alpha, among: kept)
        }
        return CooccurrenceGraph(
            nodes: nodes, edges: kept, windowCount: windowCount,
            documentCount: documentCount, settings: settings)
    }

    /// Edges among each node's `k` strongest (by weight, ties by the other end's id); an edge
    /// stays when either end keeps it.
    func backboneEdges(_ k: Int, among candidates: [GraphEdge]) -> [GraphEdge] {
        var incident: [String: [Int]] = [:]
        for (position, edge) in candidates.enumerated() {
            incident[edge.source, default: []].append(position)
            incident[edge.target, default: []].append(position)
        }
        var keep = Set<Int>()
        for (id, positions) in incident {
            let ranked = positions.sorted { a, b in
                let (ea, eb) = (candidates[a], candidates[b])
                return (eb.weight, ea.other(than: id)) < (ea.weight, eb.other(than: id))
            }
            keep.formUnion(ranked.prefix(k))
        }
        return candidates.enumerated().filter { keep.contains($0.offset) }.map(\.element)
    }

    /// Edges significant under the disparity filter of Serrano, Boguñá and Vespignani (2009),
    /// "Extracting the multiscale backbone of complex weighted networks", PNAS 106(16): for a
    /// node of degree *k* > 1 and strength *s*, an edge of weight *w* has
    /// α = (1 − w/s)^(k−1); it stays when α < `alpha` at either end. Edges at a node of degree
    /// one are judged at the other end only.
    func disparityEdges(_ alpha: Double, among candidates: [GraphEdge]) -> [GraphEdge] {
        var strength: [String: Double] = [:]
        var degree: [String: Int] = [:]
        for edge in candidates where edge.weight > 0 {
            for id in [edge.source, edge.target] {
                strength[id, default: 0] += edge.weight
                degree[id, default: 0] += 1
            }
        }
        func significant(_ edge: GraphEdge, at id: String) -> Bool {
            guard let k = degree[id], k > 1, let s = strength[id], s > 0 else { return false }
            return pow(1 - edge.weight / s, Double(k - 1)) < alpha
        }
        return candidates.filter { edge in
            guard edge.weight > 0 else { return false }
            if degree[edge.source] == 1, degree[edge.target] == 1 { return true }
            return significant(edge, at: edge.source) || significant(edge, at: edge.target)
        }
    }
}
