import EntityRecognition

/// A neighbour of a node, as `neighbors` reports it.
public struct Neighbor: Sendable, Hashable {
    public var node: GraphNode
    /// Hops from the queried node.
    public var hops: Int
    /// The node it is reached through (the queried node for direct neighbours).
    public var via: String
    /// The edge that reaches it.
    public var edge: GraphEdge
}

/// A path between two nodes, hop by hop.
public struct GraphPath: Sendable, Hashable {
    /// Node ids from the start to the end.
    public var nodes: [String]
    /// The edge of each hop.
    public var edges: [GraphEdge]
    /// Σ of the hops' weights.
    public var strength: Double { edges.reduce(0) { $0 + $1.weight } }
}

/// What `stats` reports.
public struct GraphStatistics: Sendable {
    public var nodes: Int
    public var edges: Int
    public var documents: Int
    public var windows: Int
    public var nodesByType: [(type: String, count: Int)]
    public var density: Double
    public var communities: [(number: Int, members: [GraphNode])]
    public var modularity: Double
}

/// The node attributes `neighbors` and `stats` can rank by.
public enum NodeMeasure: String, CaseIterable, Sendable {
    case mentions, documents, degree
    case weightedDegree = "weighted-degree"
    case pagerank, betweenness

    public func value(of node: GraphNode) -> Double {
        switch self {
        case .mentions: Double(node.mentions)
        case .documents: Double(node.documents)
        case .degree: Double(node.degree)
        case .weightedDegree: node.weightedDegree
        case .pagerank: node.pageRank
        case .betweenness: node.betweenness
        }
    }
}

extension CooccurrenceGraph {
    /// The neighbours of a node within `depth` hops, strongest first by `measure`.
    ///
    /// Direct neighbours rank by the measure on their edge; farther ones come after, by hops,
    /// then by the measure on the edge that reaches them.
    ///
    /// - Parameters:
    ///   - id: the node's entity id.
    ///   - measure: the edge measure to rank by.
    ///   - limit: at most this many neighbours, or all with `nil`.
    ///   - type: only neighbours of this type.
    ///   - depth: hops to go out, 1 for direct neighbours.
    public func neighbors(
        of id: String, by measure: EdgeMeasure? = nil, limit: Int? = nil,
        type: EntityType? = nil, depth: Int = 1
    ) -> [Neighbor] {
        let rankBy = measure ?? settings.weight
        var found: [String: Neighbor] = [:]
        var frontier = [id]
        var seen: Set<String> = [id]
        for hop in 1...max(depth, 1) {
            var next: [String] = []
            for from in frontier {
                for edge in edges(of: from) {
                    let other = edge.other(than: from)
                    guard
                        !seen.contains(other)
                            || (found[other]?.hops == hop
                                && found[other].map {
                                    edge.value(of: rankBy) > $0.edge.value(of: rankBy)
                                } == true)
                    else { continue }
                    if seen.insert(other).inserted { next.append(other) }
                    found[other] = Neighbor(node: node(withID: other)!, hops: hop, via: from, edge: edge)
                }
            }
            frontier = next.sorted()
        }
        let ranked = found.values
            .filter { type == nil || $0.node.type == type }
            .sorted { a, b in
                (a.hops, -a.edge.value(of: rankBy), -a.edge.count, -a.edge.documents, a.node.id)
                    < (b.hops, -b.edge.value(of: rankBy), -b.edge.count, -b.edge.documents, b.node.id)
            }
        return limit.map { Array(ranked.prefix($0)) } ?? ranked
    }

    /// The path with the fewest hops between two nodes; among those, the strongest.
    public func shortestPath(from start: String, to end: String) -> GraphPath? {
        guard index(of: start) != nil, index(of: end) != nil else { return nil }
        if start == end { return GraphPath(nodes: [start], edges: []) }
        // Breadth-first layers, keeping for each node the strongest way in.
        var best: [String: (strength: Double, previous: String, edge: GraphEdge)] = [:]
        var layer = [start]
        var seen: Set<String> = [start]
        while !layer.isEmpty, best[end] == nil {
            var next: [String: (strength: Double, previous: String, edge: GraphEdge)] = [:]
            for from in layer {
                let base = best[from]?.strength ?? 0
                for edge in edges(of: from) {
                    let other = edge.other(than: from)
                    guard !seen.contains(other) else { continue }
                    let strength = base + edge.weight
                    if let known = next[other], (known.strength, from) >= (strength, known.previous) { continue }
                    next[other] = (strength, from, edge)
                }
            }
            for (id, entry) in next {
                best[id] = entry
                seen.insert(id)
            }
            layer = next.keys.sorted()
        }
        return tracePath(to: end, from: start, best.mapValues { ($0.previous, $0.edge) })
    }

    /// The strongest path between two nodes: the least total cost, where a hop costs
    /// 1 / weight (edges with no positive weight are not used), by Dijkstra's algorithm.
    public func strongestPath(from start: String, to end: String) -> GraphPath? {
        guard index(of: start) != nil, index(of: end) != nil else { return nil }
        if start == end { return GraphPath(nodes: [start], edges: []) }
        var cost: [String: Double] = [start: 0]
        var previous: [String: (String, GraphEdge)] = [:]
        var done = Set<String>()
        while true {
            guard
                let (current, currentCost) = cost.filter({ !done.contains($0.key) })
                    .min(by: { ($0.value, $0.key) < ($1.value, $1.key) })
            else { break }
            if current == end { break }
            done.insert(current)
            for edge in edges(of: current) where edge.weight > 0 {
                let other = edge.other(than: current)
                guard !done.contains(other) else { continue }
                let candidate = currentCost + 1 / edge.weight
                if candidate < cost[other] ?? .infinity {
                    cost[other] = candidate
                    previous[other] = (current, edge)
                }
            }
        }
        return tracePath(to: end, from: start, previous)
    }

    private func tracePath(to end: String, from start: String, _ previous: [String: (String, GraphEdge)]) -> GraphPath? {
        guard previous[end] != nil else { return nil }
        var nodes = [end]
        var hops: [GraphEdge] = []
        var current = end
        while current != start, let (before, edge) = previous[current] {
            hops.append(edge)
            nodes.append(before)
            current = before
        }
        return GraphPath(nodes: nodes.reversed(), edges: hops.reversed())
    }

    /// The nodes within `depth` hops of a node and every edge among them.
    public func ego(of id: String, depth: Int) -> CooccurrenceGraph {
        var members: Set<String> = [id]
        var frontier = [id]
        for _ in 0..<max(depth, 0) {
            var next: [String] = []
            for from in frontier {
                for edge in edges(of: from) where members.insert(edge.other(than: from)).inserted {
                    next.append(edge.other(than: from))
                }
            }
            frontier = next
        }
        return subgraph(nodeIDs: members).withAnalytics()
    }

    /// Counts, density and communities.
    public func statistics() -> GraphStatistics {
        var byType: [String: Int] = [:]
        for node in nodes { byType[node.type.code, default: 0] += 1 }
        var groups: [Int: [GraphNode]] = [:]
        for node in nodes { groups[node.community, default: []].append(node) }
        let communities = groups.keys.sorted().map { number in
            (number, groups[number]!.sorted { ($1.pageRank, $0.id) < ($0.pageRank, $1.id) })
        }
        let n = Double(nodes.count)
        return GraphStatistics(
            nodes: nodes.count, edges: edges.count, documents: documentCount, windows: windowCount,
            nodesByType: byType.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            density: n > 1 ? 2 * Double(edges.count) / (n * (n - 1)) : 0,
            communities: communities,
            modularity: modularity(of: nodes.map(\.community)))
    }

    /// Nodes ranked by a node measure, ties by id.
    public func topNodes(by measure: NodeMeasure, limit: Int) -> [GraphNode] {
        Array(nodes.sorted { (-measure.value(of: $0), $0.id) < (-measure.value(of: $1), $1.id) }.prefix(limit))
    }

    /// Edges ranked by an edge measure, ties by count and endpoints.
    public func topEdges(by measure: EdgeMeasure, limit: Int) -> [GraphEdge] {
        Array(
            edges.sorted {
                (-$0.value(of: measure), -$0.count, $0.source, $0.target) < (-$1.value(of: measure), -$1.count, $1.source, $1.target)
            }.prefix(limit))
    }
}
