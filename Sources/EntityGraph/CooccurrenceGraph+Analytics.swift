import Foundation

/// What the two threads of ``CooccurrenceGraph/withAnalytics()`` find, each its own part.
private final class AnalyticsResults: @unchecked Sendable {
    var rank: [Double] = []
    var betweenness: [Double] = []
    var communities: [Int] = []
}

extension CooccurrenceGraph {
    /// The graph with degree, weighted degree, PageRank, betweenness and communities set on
    /// every node.
    ///
    /// Betweenness runs on a thread of its own while PageRank and communities are found, when
    /// there is a second core: each gives the same numbers either way.
    public func withAnalytics() -> CooccurrenceGraph {
        let adjacency = weightedAdjacency()
        let results = AnalyticsResults()
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                results.betweenness = betweenness()
            } else {
                results.rank = pageRank(adjacency)
                results.communities = louvainCommunities(adjacency, seed: settings.communitySeed)
            }
        }
        let (rank, between, communities) = (results.rank, results.betweenness, results.communities)
        var updated = nodes
        for position in updated.indices {
            updated[position].degree = adjacency[position].count
            updated[position].weightedDegree = adjacency[position].reduce(0) { $0 + $1.weight }
            updated[position].pageRank = rank[position]
            updated[position].betweenness = between[position]
            updated[position].community = communities[position]
        }
        return replacingNodes(updated)
    }

    /// Neighbours of each node by index, with positive edge weights (non-positive weights,
    /// possible with PMI or NPMI, count as zero), in index order.
    func weightedAdjacency() -> [[(node: Int, weight: Double)]] {
        var adjacency = [[(node: Int, weight: Double)]](repeating: [], count: nodes.count)
        // By position, not by element: copying an edge retains its strings and evidence.
        for position in edges.indices {
            let (a, b) = (Int(edgeEnds[position].source), Int(edgeEnds[position].target))
            let weight = max(edges[position].weight, 0)
            adjacency[a].append((b, weight))
            adjacency[b].append((a, weight))
        }
        return adjacency.map { $0.sorted { $0.node < $1.node } }
    }

    /// Weighted PageRank, Page et al. (1999), with damping 0.85 and the rank of nodes without
    /// edges spread evenly, as networkx's `pagerank` computes it.
    ///
    /// - Complexity: O(*i*·(*n* + *m*)) for *i* iterations, at most 1000, to a change below 1e-12.
    func pageRank(_ adjacency: [[(node: Int, weight: Double)]], damping: Double = 0.85) -> [Double] {
        let n = nodes.count
        guard n > 0 else { return [] }
        let strength = adjacency.map { $0.reduce(0) { $0 + $1.weight } }
        // Each of up to 1,000 rounds reads all the rows.
        let rows = FlatRows(adjacency)
        var rank = [Double](repeating: 1 / Double(n), count: n)
        for _ in 0..<1000 {
            var next = [Double](repeating: 0, count: n)
            var dangling = 0.0
            var slot = 0
            for node in 0..<n {
                if strength[node] == 0 {
                    dangling += rank[node]
                    slot = rows.starts[node + 1]
                    continue
                }
                while slot < rows.starts[node + 1] {
                    next[rows.neighbors[slot]] += damping * rank[node] * rows.weights[slot] / strength[node]
                    slot += 1
                }
            }
            let spread = (1 - damping) / Double(n) + damping * dangling / Double(n)
            var change = 0.0
            for node in 0..<n {
                next[node] += spread
                change += abs(next[node] - rank[node])
            }
            rank = next
            if change < 1e-12 * Double(n) { break }
        }
        return rank
    }

    /// Betweenness centrality over shortest paths by hop count, Brandes (2001), "A faster
    /// algorithm for betweenness centrality", normalized by (n−1)(n−2) as networkx normalizes
    /// an undirected graph.
    ///
    /// Exact up to `exactLimit` nodes. Beyond, it is estimated from `samples` source nodes
    /// spread evenly over the id order and scaled by n / samples (Brandes and Pich 2007,
    /// "Centrality estimation in large networks"), as networkx's `k` parameter does; the same
    /// graph always gives the same estimate. By default the sample is 256 sources, fewer (down
    /// to 64) when the graph is so large that 256 searches would visit more than 50 million
    /// nodes and edges.
    ///
    /// - Complexity: O(*n*·*m*) exact; O(*samples*·*m*) estimated.
    func betweenness(exactLimit: Int = 4000, samples: Int? = nil) -> [Double] {
        let samples = samples ?? max(64, min(256, 50_000_000 / max(1, nodes.count + 2 * edges.count)))
        let n = nodes.count
        guard n > 2 else { return [Double](repeating: 0, count: n) }
        // Adjacency in compressed rows: the neighbours of v are targets[offsets[v]..<offsets[v + 1]].
        // 32-bit numbers: every search reads all of it twice, and half the bytes stay nearer.
        var offsets = [Int32](repeating: 0, count: n + 1)
        let ends = edgeEnds
        for (a, b) in ends {
            offsets[Int(a) + 1] += 1
            offsets[Int(b) + 1] += 1
        }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        var targets = [Int32](repeating: 0, count: Int(offsets[n]))
        var fill = offsets
        for (a, b) in ends {
            targets[Int(fill[Int(a)])] = b
            fill[Int(a)] += 1
            targets[Int(fill[Int(b)])] = a
            fill[Int(b)] += 1
        }

        var centrality = [Double](repeating: 0, count: n)
        let sources: [Int] = n <= exactLimit ? Array(0..<n) : (0..<samples).map { $0 * n / samples }
        // Per-source state, reset only where the search went.
        var order = [Int32](repeating: 0, count: n)
        var paths = [Double](repeating: 0, count: n)
        var distance = [Int32](repeating: -1, count: n)
        var dependency = [Double](repeating: 0, count: n)
        offsets.withUnsafeBufferPointer { offsets in
            targets.withUnsafeBufferPointer { targets in
                order.withUnsafeMutableBufferPointer { order in
                    paths.withUnsafeMutableBufferPointer { paths in
                        distance.withUnsafeMutableBufferPointer { distance in
                            dependency.withUnsafeMutableBufferPointer { dependency in
                                for source in sources {
                                    paths[source] = 1
                                    distance[source] = 0
                                    order[0] = Int32(source)
                                    var count = 1
                                    var head = 0
                                    while head < count {
                                        let v = Int(order[head])
                                        head += 1
                                        let next = distance[v] + 1
                                        for slot in Int(offsets[v])..<Int(offsets[v + 1]) {
                                            let w = Int(targets[slot])
                                            if distance[w] < 0 {
                                                distance[w] = next
                                                order[count] = Int32(w)
                                                count += 1
                                            }
                                            if distance[w] == next { paths[w] += paths[v] }
                                        }
                                    }
                                    // Back from the farthest: a node's predecessors are its
                                    // neighbours one step nearer.
                                    for position in stride(from: count - 1, through: 0, by: -1) {
                                        let w = Int(order[position])
                                        let previous = distance[w] - 1
                                        for slot in Int(offsets[w])..<Int(offsets[w + 1]) {
                                            let v = Int(targets[slot])
                                            if distance[v] == previous { dependency[v] += paths[v] / paths[w] * (1 + dependency[w]) }
                                        }
                                        if w != source { centrality[w] += dependency[w] }
                                    }
                                    for position in 0..<count {
                                        let v = Int(order[position])
                                        paths[v] = 0
                                        distance[v] = -1
                                        dependency[v] = 0
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let scale = 1 / (Double(n - 1) * Double(n - 2)) * Double(n) / Double(sources.count)
        return centrality.map { $0 * scale }
    }

    /// Communities by the Louvain method, Blondel et al. (2008), "Fast unfolding of communities
    /// in large networks", J. Stat. Mech. P10008: nodes move greedily to the neighbouring
    /// community that most increases modularity, then communities become nodes, until nothing
    /// moves. Nodes are visited in id order, or in an order shuffled by `seed`, so the result is
    /// the same for the same graph and seed. Communities are numbered by size, largest first,
    /// ties by their smallest member.
    ///
    /// - Returns: the community number of each node, by index.
    func louvainCommunities(_ adjacency: [[(node: Int, weight: Double)]], seed: UInt64?) -> [Int] {
        let n = nodes.count
        guard n > 0 else { return [] }
        // Symmetric weights, rows sorted by neighbour, so that every sum is made in one order
        // whatever the process's hashing; a node's own entry holds twice its internal weight.
        var level: [[(node: Int, weight: Double)]] = adjacency.map { row in
            Self.merged(row.filter { $0.weight > 0 })
        }
        var membership = Array(0..<n)
        var generator = seed.map { LouvainRandom(seed: $0) }
        // Scratch for one node's links by community: dense weights, and which are set.
        var linkWeight = [Double](repeating: 0, count: n)
        var linked = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        while true {
            let size = level.count
            let strength = level.map { $0.reduce(0) { $0 + $1.weight } }
            // The passes read the level's rows again and again.
            let rows = FlatRows(level)
            let total = strength.reduce(0, +)
            guard total > 0 else { break }
            var community = Array(0..<size)
            var communityStrength = strength
            var order = Array(0..<size)
            if var random = generator {
                for position in stride(from: size - 1, to: 0, by: -1) {
                    order.swapAt(position, Int(random.next() % UInt64(position + 1)))
                }
                generator = random
            }
            var movedAny = false
            var moved = true
            var passes = 0
            while moved, passes < 100 {
                moved = false
                passes += 1
                for node in order {
                    let current = community[node]
                    communityStrength[current] -= strength[node]
                    for slot in rows.starts[node]..<rows.starts[node + 1] where rows.neighbors[slot] != node {
                        let target = community[rows.neighbors[slot]]
                        if !linked[target] {
                            linked[target] = true
                            touched.append(target)
                        }
                        linkWeight[target] += rows.weights[slot]
                    }
                    touched.sort()
                    var best = current
                    var bestGain = linkWeight[current] - communityStrength[current] * strength[node] / total
                    for candidate in touched {
                        let gain = linkWeight[candidate] - communityStrength[candidate] * strength[node] / total
                        if gain > bestGain + 1e-12 {
                            best = candidate
                            bestGain = gain
                        }
                    }
                    for candidate in touched {
                        linkWeight[candidate] = 0
                        linked[candidate] = false
                    }
                    touched.removeAll(keepingCapacity: true)
                    communityStrength[best] += strength[node]
                    if best != current {
                        community[node] = best
                        moved = true
                        movedAny = true
                    }
                }
            }
            guard movedAny else { break }
            // Renumber in order of first member, and aggregate each community's rows.
            var renumber = [Int](repeating: -1, count: size)
            var count = 0
            for node in 0..<size where renumber[community[node]] < 0 {
                renumber[community[node]] = count
                count += 1
            }
            var membersOf = [[Int]](repeating: [], count: count)
            for node in 0..<size { membersOf[renumber[community[node]]].append(node) }
            level = membersOf.map { members in
                Self.merged(members.flatMap { level[$0].map { (renumber[community[$0.node]], $0.weight) } })
            }
            membership = membership.map { renumber[community[$0]] }
        }
        // Number communities by size, then by smallest member.
        var members: [Int: [Int]] = [:]
        for (node, group) in membership.enumerated() { members[group, default: []].append(node) }
        let ranked = members.sorted { ($1.value.count, $0.value.min()!) < ($0.value.count, $1.value.min()!) }
        var number: [Int: Int] = [:]
        for (position, entry) in ranked.enumerated() { number[entry.key] = position }
        return membership.map { number[$0]! }
    }

    /// `row` sorted by node, with the weights of a node that occurs more than once added up in
    /// that order.
    static func merged(_ row: [(node: Int, weight: Double)]) -> [(node: Int, weight: Double)] {
        let sorted = row.enumerated().sorted { ($0.element.node, $0.offset) < ($1.element.node, $1.offset) }.map(\.element)
        var result: [(node: Int, weight: Double)] = []
        result.reserveCapacity(sorted.count)
        for (node, weight) in sorted {
            if result.last?.node == node { result[result.count - 1].weight += weight } else { result.append((node, weight)) }
        }
        return result
    }

    /// Modularity of a partition, Newman (2006): Σ over communities of (internal weight / m −
    /// (strength / 2m)²).
    func modularity(of communities: [Int]) -> Double {
        let adjacency = weightedAdjacency()
        let total = adjacency.reduce(0) { $0 + $1.reduce(0) { $0 + $1.weight } }
        guard total > 0 else { return 0 }
        var inside: [Int: Double] = [:]
        var strength: [Int: Double] = [:]
        for (node, row) in adjacency.enumerated() {
            for (neighbor, weight) in row {
                strength[communities[node], default: 0] += weight
                if communities[neighbor] == communities[node] { inside[communities[node], default: 0] += weight }
            }
        }
        var sum = 0.0
        for group in strength.keys.sorted() {
            let share = (strength[group] ?? 0) / total
            sum += (inside[group] ?? 0) / total - share * share
        }
        return sum
    }
}

/// Rows of neighbours and weights in flat arrays, in the same order: the neighbours of `v` are
/// `neighbors[starts[v]..<starts[v + 1]]`. An algorithm that reads every row many times reads
/// them without an array and its reference count per row.
struct FlatRows {
    var starts: [Int] = [0]
    var neighbors: [Int] = []
    var weights: [Double] = []

    init(_ rows: [[(node: Int, weight: Double)]]) {
        starts.reserveCapacity(rows.count + 1)
        for row in rows {
            for (neighbor, weight) in row {
                neighbors.append(neighbor)
                weights.append(weight)
            }
            starts.append(neighbors.count)
        }
    }
}

/// SplitMix64, for a reproducible visiting order.
struct LouvainRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
