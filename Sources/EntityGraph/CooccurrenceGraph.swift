import EntityRecognition

/// The unit in which two entities count as co-occurring.
public enum CooccurrenceWindow: Hashable, Sendable, CustomStringConvertible {
    case sentence
    case paragraph
    case document
    /// Each mention opens a window over itself and the next *k* tokens.
    case tokens(Int)

    /// Reads `sentence`, `paragraph`, `document` or `tokens:K`.
    public init?(argument: String) {
        switch argument {
        case "sentence": self = .sentence
        case "paragraph": self = .paragraph
        case "document": self = .document
        default:
            guard argument.hasPrefix("tokens:"), let k = Int(argument.dropFirst(7)), k > 0 else { return nil }
            self = .tokens(k)
        }
    }

    public var description: String {
        switch self {
        case .sentence: "sentence"
        case .paragraph: "paragraph"
        case .document: "document"
        case .tokens(let k): "tokens:\(k)"
        }
    }
}

/// An edge attribute that can serve as the edge's weight.
public enum EdgeMeasure: String, CaseIterable, Sendable {
    /// Windows in which both entities occur.
    case count
    /// Documents in which both entities co-occur.
    case docs
    /// Normalized pointwise mutual information, in [-1, 1].
    case npmi
    /// Sørensen–Dice coefficient, 2·c(ab) / (c(a) + c(b)).
    case dice
    /// Jaccard index, c(ab) / (c(a) + c(b) − c(ab)).
    case jaccard
    /// Dunning's log-likelihood ratio G².
    case llr
    /// Pointwise mutual information, log₂ of observed over expected.
    case pmi
    /// Co-occurrences weighted by 1 / (1 + distance), distance in sentences (or in windows of k tokens).
    case decayed
}

/// Offsets of a mention, in Unicode scalars of its document.
public struct TextSpan: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
}

/// One co-occurrence behind an edge: where both entities were seen together.
public struct Evidence: Hashable, Sendable, Comparable {
    public var document: String
    public var date: String?
    /// 0-based index of the sentence where the window's first of the two mentions is.
    public var sentence: Int
    /// The mention of the edge's ``GraphEdge/source`` and of its ``GraphEdge/target``.
    public var source: TextSpan
    public var target: TextSpan
    /// The sentence or sentences that hold both mentions, white space folded, at most about
    /// 300 characters.
    public var snippet: String

    public init(document: String, date: String?, sentence: Int, source: TextSpan, target: TextSpan, snippet: String) {
        self.document = document
        self.date = date
        self.sentence = sentence
        self.source = source
        self.target = target
        self.snippet = snippet
    }

    /// Evidence sorts by document, sentence and offsets, so the kept sample does not depend on
    /// the order documents were read in.
    public static func < (lhs: Evidence, rhs: Evidence) -> Bool {
        (lhs.document, lhs.sentence, lhs.source, lhs.target) < (rhs.document, rhs.sentence, rhs.source, rhs.target)
    }
}

/// An entity in the graph, with what the corpus says about it and its place in the network.
public struct GraphNode: Hashable, Sendable {
    public var id: String
    public var label: String
    public var type: EntityType
    public var subtype: String?
    /// Mentions outside boilerplate.
    public var mentions: Int
    /// Documents that mention it.
    public var documents: Int
    /// Windows that contain it; the marginal count behind the association measures.
    public var windows: Int
    /// Document languages it occurs in, sorted.
    public var languages: [String]
    /// Surface forms seen, most frequent first.
    public var surfaces: [String]
    public var firstDate: String?
    public var lastDate: String?

    public var degree: Int = 0
    public var weightedDegree: Double = 0
    public var pageRank: Double = 0
    public var betweenness: Double = 0
    /// Community number from Louvain, 0 for the largest community.
    public var community: Int = 0

    public init(
        id: String, label: String, type: EntityType, subtype: String? = nil, mentions: Int = 0,
        documents: Int = 0, windows: Int = 0, languages: [String] = [], surfaces: [String] = [],
        firstDate: String? = nil, lastDate: String? = nil
    ) {
        self.id = id
        self.label = label
        self.type = type
        self.subtype = subtype
        self.mentions = mentions
        self.documents = documents
        self.windows = windows
        self.languages = languages
        self.surfaces = surfaces
        self.firstDate = firstDate
        self.lastDate = lastDate
    }
}

/// A tie between two entities, with its counts, association scores and evidence.
public struct GraphEdge: Hashable, Sendable {
    /// The endpoint ids, `source < target`: the graph is undirected.
    public var source: String
    public var target: String
    public var count: Int
    public var documents: Int
    public var decayed: Double
    public var pmi: Double
    public var npmi: Double
    public var dice: Double
    public var jaccard: Double
    public var llr: Double
    /// The value of the measure the graph was built to weigh by.
    public var weight: Double
    /// A sample of the evidence, the first ones in document order, at most the cap set at
    /// build time; ``count`` says how many there are in all.
    public var evidence: [Evidence]
    /// The dates of the earliest and latest dated documents the two co-occur in.
    public var firstDate: String?
    public var lastDate: String?

    public init(
        source: String, target: String, count: Int, documents: Int, decayed: Double = 0, pmi: Double = 0,
        npmi: Double = 0, dice: Double = 0, jaccard: Double = 0, llr: Double = 0, weight: Double = 0,
        evidence: [Evidence] = [], firstDate: String? = nil, lastDate: String? = nil
    ) {
        self.firstDate = firstDate
        self.lastDate = lastDate
        self.source = source
        self.target = target
        self.count = count
        self.documents = documents
        self.decayed = decayed
        self.pmi = pmi
        self.npmi = npmi
        self.dice = dice
        self.jaccard = jaccard
        self.llr = llr
        self.weight = weight
        self.evidence = evidence
    }

    /// The value of a measure on this edge.
    public func value(of measure: EdgeMeasure) -> Double {
        switch measure {
        case .count: Double(count)
        case .docs: Double(documents)
        case .npmi: npmi
        case .dice: dice
        case .jaccard: jaccard
        case .llr: llr
        case .pmi: pmi
        case .decayed: decayed
        }
    }

    /// The endpoint that is not `id`.
    public func other(than id: String) -> String { id == source ? target : source }
}

/// How a graph was built, kept with it so that exports and queries can say so.
public struct GraphSettings: Hashable, Sendable {
    public var window: CooccurrenceWindow = .sentence
    public var weight: EdgeMeasure = .count
    public var minimumCount = 1
    public var minimumDocuments = 1
    /// Keep only each node's strongest *k* edges (an edge stays when either end keeps it).
    public var backbone: Int?
    /// Keep only edges significant at this level under the disparity filter.
    public var disparityAlpha: Double?
    /// Evidence kept per edge.
    public var evidenceLimit = 5
    public var includeBoilerplate = false
    public var since: String?
    public var until: String?
    /// Seed for the order Louvain visits nodes in; `nil` visits them in id order.
    public var communitySeed: UInt64?

    public init() {}
}

/// A weighted, undirected co-occurrence graph of entities, with evidence on every edge.
///
/// Nodes are sorted by id and edges by their endpoints, so everything that reaches output has
/// a fixed order whatever the order of the input.
public struct CooccurrenceGraph: Sendable {
    public private(set) var nodes: [GraphNode]
    public private(set) var edges: [GraphEdge]
    /// Windows counted over the corpus: the *N* of the association measures.
    public private(set) var windowCount: Int
    public private(set) var documentCount: Int
    public private(set) var settings: GraphSettings
    private var nodeIndexByID: [String: Int]
    /// Per node, by its position in ``nodes``: the positions of its edges in ``edges``.
    private var edgesByNode: [[Int]]
    /// Per edge, by its position in ``edges``: the positions of its ends in ``nodes``.
    private(set) var edgeEnds: [(source: Int32, target: Int32)]

    /// Makes a graph from its parts, sorting them; edges whose endpoints are missing are dropped.
    public init(
        nodes: [GraphNode], edges: consuming [GraphEdge], windowCount: Int, documentCount: Int,
        settings: GraphSettings
    ) {
        // What comes sorted (a builder's graph, a graph read back) is taken as it is.
        self.nodes =
            nodes.indices.dropFirst().allSatisfy { nodes[$0 - 1].id <= nodes[$0].id }
            ? nodes : nodes.sorted { $0.id < $1.id }
        var index: [String: Int] = [:]
        for position in self.nodes.indices { index[self.nodes[position].id] = position }
        // Oriented, filtered and sorted in place: a large graph is not copied. Each edge's ends
        // are looked up once; positions compare as ids do, since nodes are in id order.
        var kept = edges
        var ends: [(source: Int32, target: Int32)] = []
        ends.reserveCapacity(kept.count)
        var dropped = false
        for position in kept.indices {
            if kept[position].source > kept[position].target { kept[position] = kept[position].reversed() }
            if kept[position].source != kept[position].target, let source = index[kept[position].source],
                let target = index[kept[position].target]
            {
                ends.append((Int32(source), Int32(target)))
            } else {
                ends.append((-1, -1))
                dropped = true
            }
        }
        if dropped {
            var write = 0
            for read in kept.indices where ends[read].source >= 0 {
                if write != read {
                    kept.swapAt(write, read)
                    ends[write] = ends[read]
                }
                write += 1
            }
            kept.removeLast(kept.count - write)
            ends.removeLast(ends.count - write)
        }
        if !ends.indices.dropFirst().allSatisfy({ ends[$0 - 1] <= ends[$0] }) {
            // Ties (the same two ends twice) keep their order.
            let order = ends.indices.sorted { (ends[$0].source, ends[$0].target, $0) < (ends[$1].source, ends[$1].target, $1) }
            kept = order.map { kept[$0] }
            ends = order.map { ends[$0] }
        }
        self.edges = kept
        self.windowCount = windowCount
        self.documentCount = documentCount
        self.settings = settings
        self.nodeIndexByID = index
        var byNode = [[Int]](repeating: [], count: self.nodes.count)
        for position in ends.indices {
            byNode[Int(ends[position].source)].append(position)
            byNode[Int(ends[position].target)].append(position)
        }
        self.edgesByNode = byNode
        self.edgeEnds = ends
    }

    /// The positions in ``nodes`` of the ends of the edge at `position` in ``edges``: writers
    /// that prepare something per node look it up for each edge without hashing ids.
    public func endPositions(ofEdgeAt position: Int) -> (source: Int, target: Int) {
        (Int(edgeEnds[position].source), Int(edgeEnds[position].target))
    }

    /// The node with an entity id.
    public func node(withID id: String) -> GraphNode? {
        nodeIndexByID[id].map { nodes[$0] }
    }

    /// The edges that touch a node, in endpoint order.
    public func edges(of id: String) -> [GraphEdge] {
        guard let index = nodeIndexByID[id] else { return [] }
        return edgesByNode[index].map { edges[$0] }
    }

    /// The edge between two nodes, if any.
    public func edge(between a: String, and b: String) -> GraphEdge? {
        let (source, target) = a <= b ? (a, b) : (b, a)
        return edges(of: source).first { $0.target == target && $0.source == source }
    }

    func index(of id: String) -> Int? { nodeIndexByID[id] }

    /// A copy with the node attributes replaced (same ids, same order).
    func replacingNodes(_ newNodes: [GraphNode]) -> CooccurrenceGraph {
        var copy = self
        copy.nodes = newNodes
        return copy
    }

    /// The subgraph on the given node ids and the edges among them.
    public func subgraph(nodeIDs: Set<String>) -> CooccurrenceGraph {
        CooccurrenceGraph(
            nodes: nodes.filter { nodeIDs.contains($0.id) },
            edges: edges.filter { nodeIDs.contains($0.source) && nodeIDs.contains($0.target) },
            windowCount: windowCount, documentCount: documentCount, settings: settings)
    }
}

extension GraphEdge {
    /// The same edge with its endpoints (and evidence spans) swapped.
    func reversed() -> GraphEdge {
        var copy = self
        copy.source = target
        copy.target = source
        copy.evidence = evidence.map {
            var flipped = $0
            flipped.source = $0.target
            flipped.target = $0.source
            return flipped
        }
        return copy
    }
}

extension CooccurrenceGraph {
    /// A copy whose edges carry the given evidence, keyed by `source` and `target` joined with
    /// U+001F; edges without an entry keep theirs.
    public func attachingEvidence(_ evidence: [String: [Evidence]]) -> CooccurrenceGraph {
        var copy = self
        for position in copy.edges.indices {
            let edge = copy.edges[position]
            if let items = evidence[edge.source + "\u{1F}" + edge.target] {
                copy.edges[position].evidence = items.sorted()
            }
        }
        return copy
    }
}
