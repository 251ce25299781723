import Foundation
import TestSupport
import Testing

@testable import EntityGraph
@testable import EntityRecognition

let graphGazetteer: Gazetteer = {
    var gazetteer = Gazetteer()
    try! gazetteer.parseEntityFile(
        """
        a\tperson\tAlpha Person
        \t*\tAlpha
        b\tperson\tBeta Person
        \t*\tBeta
        c\tlocation\tGamma Place
        \t*\tGamma
        d\torganization\tDelta Org
        \t*\tDelta
        """, file: "graph.gaz")
    return gazetteer
}()

let graphIndex = AliasIndex(gazetteer: graphGazetteer)

func buildGraph(
    _ documents: [(String, String)], settings: GraphSettings = GraphSettings(),
    dates: [String: String] = [:]
) -> CooccurrenceGraph {
    var builder = GraphBuilder(settings: settings)
    let graphRecognizer = Recognizer(index: graphIndex, options: RecognitionOptions(language: "en"))
    for (id, text) in documents {
        builder.addDocument(graphRecognizer.recognize(Document(id: id, text: text, date: dates[id])))
    }
    return builder.build()
}

/// Two documents whose sentence windows give, over N = 5 windows: c(A) = 3, c(B) = 3,
/// c(C) = 2, c(AB) = 2 (in 2 documents), c(AC) = 1.
let handCorpus = [
    ("d1", "Alpha met Beta. Gamma stayed."),
    ("d2", "Alpha and Gamma. Beta alone. Alpha and Beta again."),
]

struct AssociationMeasureTests {
    @Test func matchesValuesWorkedByHand() throws {
        let graph = buildGraph(handCorpus)
        #expect(graph.windowCount == 5)
        let ab = try #require(graph.edge(between: "a", and: "b"))
        #expect(ab.count == 2 && ab.documents == 2)
        // PMI = log2(2·5 / (3·3)); NPMI = PMI / −log2(2/5); Dice = 2·2/(3+3); Jaccard = 2/(3+3−2)
        #expect(abs(ab.pmi - log2(10.0 / 9.0)) < 1e-12)
        #expect(abs(ab.npmi - 0.1149859013004802) < 1e-12)
        #expect(abs(ab.dice - 2.0 / 3.0) < 1e-12)
        #expect(abs(ab.jaccard - 0.5) < 1e-12)
        #expect(abs(ab.llr - 0.13844293808390656) < 1e-12)
        let ac = try #require(graph.edge(between: "c", and: "a"))
        #expect(ac.count == 1 && ac.documents == 1)
        #expect(abs(ac.pmi - -0.2630344058337938) < 1e-12)
        #expect(abs(ac.npmi - -0.11328275255937834) < 1e-12)
        #expect(abs(ac.dice - 0.4) < 1e-12 && abs(ac.jaccard - 0.25) < 1e-12)
        #expect(graph.edge(between: "b", and: "c") == nil)
    }

    @Test func perfectAssociationHasNPMIOne() {
        let measures = AssociationMeasures(joint: 4, first: 4, second: 4, total: 4)
        #expect(measures.npmi == 1 && measures.dice == 1 && measures.jaccard == 1)
        #expect(measures.logLikelihood == 0)
    }

    @Test(arguments: EdgeMeasure.allCases)
    func weightIsTheChosenMeasure(measure: EdgeMeasure) throws {
        var settings = GraphSettings()
        settings.weight = measure
        let edge = try #require(buildGraph(handCorpus, settings: settings).edge(between: "a", and: "b"))
        #expect(edge.weight == edge.value(of: measure))
    }
}

struct GraphBuilderTests {
    @Test func windowsChangeWhatCoOccurs() throws {
        var settings = GraphSettings()
        settings.window = .document
        let byDocument = buildGraph(handCorpus, settings: settings)
        #expect(byDocument.windowCount == 2)
        #expect(byDocument.edge(between: "b", and: "c")?.count == 2)

        settings.window = .paragraph
        let byParagraph = buildGraph([("p", "Alpha here.\n\nBeta there. Gamma too.")], settings: settings)
        #expect(byParagraph.edge(between: "a", and: "b") == nil)
        #expect(byParagraph.edge(between: "b", and: "c")?.count == 1)

        settings.window = .tokens(3)
        let byTokens = buildGraph([("t", "Alpha x Beta y z w v Gamma")], settings: settings)
        #expect(byTokens.edge(between: "a", and: "b")?.count == 1)
        #expect(byTokens.edge(between: "b", and: "c") == nil)
    }

    @Test func evidenceCountsEveryCoOccurrenceAndKeepsTheFirstInDocumentOrder() throws {
        var settings = GraphSettings()
        settings.evidenceLimit = 2
        let text = (0..<6).map { "Alpha and Beta met \($0)." }.joined(separator: " ")
        let graph = buildGraph([("z", text), ("y", "Beta with Alpha.")], settings: settings)
        let edge = try #require(graph.edge(between: "a", and: "b"))
        #expect(edge.count == 7)
        #expect(edge.evidence.count == 2)
        #expect(edge.evidence.map(\.document) == ["y", "z"])
        #expect(edge.evidence[1].snippet == "Alpha and Beta met 0.")
        #expect(edge.evidence[0].source == TextSpan(start: 10, end: 15))  // Alpha in "Beta with Alpha."
    }

    /// Every pair keeps the first `limit` of its evidence in evidence order, whatever order the
    /// documents come in: records that fall out of a full list are reused by other pairs.
    @Test(arguments: [1, 2, 5])
    func keptEvidenceIsTheFirstOfAllOfItInAnyDocumentOrder(limit: Int) throws {
        var random = SeededGenerator(seed: UInt64(limit))
        let names = ["Alpha", "Beta", "Gamma", "Delta"]
        let documents = (0..<24).map { number in
            let sentences = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                names.shuffled(using: &random).prefix(Int.random(in: 2...4, using: &random)).joined(separator: " and ") + " met."
            }
            return (String(format: "doc%02d", number), sentences.joined(separator: " "))
        }
        var everything = GraphSettings()
        everything.evidenceLimit = 1000
        var limited = GraphSettings()
        limited.evidenceLimit = limit
        let all = buildGraph(documents, settings: everything)
        for _ in 0..<3 {
            let graph = buildGraph(documents.shuffled(using: &random), settings: limited)
            #expect(graph.edges.count == all.edges.count)
            for (edge, full) in zip(graph.edges, all.edges) {
                #expect((edge.source, edge.target, edge.count) == (full.source, full.target, full.count))
                #expect(edge.evidence == Array(full.evidence.prefix(limit)))
            }
        }
        #expect(all.edges.contains { $0.evidence.count > 5 })
    }

    @Test(arguments: [nil, "/nonexistent/folder"])
    func snippetsComeBackWholeFromTheirStore(folder: String?) {
        let store = folder.map { SnippetStore(folder: URL(fileURLWithPath: $0)) } ?? SnippetStore()
        #expect(store.isOnDisk == (folder == nil))
        // Several times the store's buffer, so that most of it is read back from its file.
        let texts = (0..<40_000).map { "Snippet \($0): Żółć, Ştefan, 🇷🇴 and \"quotes\"" + String(repeating: "ł", count: $0 % 31) }
        let references = texts.map { store.append($0) }
        #expect(references.last!.offset > 3 << 20)
        for position in stride(from: 0, to: texts.count, by: 97) + [texts.count - 1] {
            #expect(store.text(at: references[position]) == texts[position])
        }
        #expect(store.text(at: store.append("")) == "")
        // Read together, in any order and repeated, from the file and from the buffer alike.
        var random = SeededGenerator(seed: 7)
        let picked = (0..<5_000).map { _ in Int.random(in: 0..<texts.count, using: &random) } + [texts.count - 1, 0, 0]
        let read = store.texts(at: picked.map { references[$0] })
        #expect(read.count == picked.count)
        #expect(zip(read, picked).filter { $0 != texts[$1] }.count == 0)
        #expect(store.texts(at: []).isEmpty)
    }

    @Test func entityIndexesOfAnotherGazetteerNeverMergeEntities() throws {
        // Both gazetteers number their first entity 0: the builder must not take one for the other.
        var first = Gazetteer()
        try first.parseEntityFile("x\tperson\tXavier Person\n\t*\tXavier\ny\tperson\tYvonne Person\n\t*\tYvonne\n", file: "first.gaz")
        var second = Gazetteer()
        try second.parseEntityFile("z\tperson\tZora Person\n\t*\tZora\nx\tperson\tXavier Person\n\t*\tXavier\n", file: "second.gaz")
        var builder = GraphBuilder()
        for (gazetteer, text) in [(first, "Xavier met Yvonne."), (second, "Zora met Xavier."), (first, "Xavier and Yvonne.")] {
            let recognizer = Recognizer(index: AliasIndex(gazetteer: gazetteer), options: RecognitionOptions(language: "en"))
            builder.addDocument(recognizer.recognize(Document(id: text, text: text)))
        }
        let graph = builder.build()
        #expect(graph.nodes.map(\.id) == ["x", "y", "z"])
        #expect(graph.nodes.map(\.mentions) == [3, 2, 1])
        #expect(graph.edges.map { "\($0.source)-\($0.target):\($0.count)" } == ["x-y:2", "x-z:1"])
    }

    @Test func pairsInOneSentenceShareTheirSnippet() throws {
        let graph = buildGraph([("s", "Alpha, Beta, Gamma and Delta met.   Then they left.")])
        #expect(graph.edges.count == 6)
        for edge in graph.edges {
            #expect(edge.evidence.map(\.snippet) == ["Alpha, Beta, Gamma and Delta met."])
        }
        // Cut around each pair when the sentence is long, with an ellipsis where it is cut.
        let filler = String(repeating: "word ", count: 100)
        let long = buildGraph([("l", "Alpha met Beta " + filler + "and then Gamma.")])
        let cut = try #require(long.edge(between: "a", and: "c")?.evidence.first?.snippet)
        #expect(cut.hasPrefix("Alpha met") && cut.hasSuffix("…"))
        let other = try #require(long.edge(between: "b", and: "c")?.evidence.first?.snippet)
        #expect(other.hasPrefix("…") || other.hasSuffix("…"))
        #expect(cut != other || cut.count <= 302)
    }

    @Test func selfLoopsAndBoilerplateNeverMakeEdges() {
        let graph = buildGraph([("s", "Alpha met Alpha.\nRead also: Beta and Gamma meet Alpha\nReklama")])
        #expect(graph.edges.isEmpty)
        var settings = GraphSettings()
        settings.includeBoilerplate = true
        #expect(!buildGraph([("s", "Read also: Beta and Gamma meet Alpha")], settings: settings).edges.isEmpty)
    }

    @Test func inputOrderDoesNotChangeTheGraph() {
        var documents = (0..<12).map {
            ("doc\($0)", ["Alpha met Beta.", "Gamma and Delta.", "Beta, Gamma and Alpha.", "Delta saw Alpha."][$0 % 4])
        }
        let first = buildGraph(documents)
        documents.reverse()
        let second = buildGraph(documents)
        #expect(first.nodes == second.nodes)
        #expect(first.edges == second.edges)
    }

    @Test func datesBoundTheCorpus() {
        var settings = GraphSettings()
        settings.since = "2024-02-01"
        let graph = buildGraph(
            [("old", "Alpha met Beta."), ("new", "Gamma met Delta.")], settings: settings,
            dates: ["old": "2024-01-15", "new": "2024-03-01"])
        #expect(graph.documentCount == 1)
        #expect(graph.nodes.map(\.id) == ["c", "d"])
        #expect(graph.node(withID: "c")?.firstDate == "2024-03-01")
    }

    @Test func filtersKeepTheStrongTies() {
        var settings = GraphSettings()
        settings.minimumCount = 2
        let graph = buildGraph(handCorpus, settings: settings)
        #expect(graph.edges.map { "\($0.source)-\($0.target)" } == ["a-b"])

        settings = GraphSettings()
        settings.backbone = 1
        let hub = "Alpha Beta. Alpha Beta. Alpha Beta. Alpha Gamma. Alpha Gamma. Alpha Delta. Beta Gamma."
        let backbone = buildGraph([("h", hub)], settings: settings)
        #expect(backbone.edges.map { "\($0.source)-\($0.target)" } == ["a-b", "a-c", "a-d"])
    }

    @Test func disparityFilterFollowsSerrano() {
        // A hub with one heavy and three light ties: at the hub (k = 4, s = 13) the heavy tie
        // has α = (1 − 10/13)³ ≈ 0.012, the light ones α = (1 − 1/13)³ ≈ 0.79.
        let graph = CooccurrenceGraph(
            nodes: ["h", "x", "y", "z", "w"].map { GraphNode(id: $0, label: $0, type: .person) },
            edges: [GraphEdge(source: "h", target: "x", count: 10, documents: 1, weight: 10)]
                + ["y", "z", "w"].map { GraphEdge(source: "h", target: $0, count: 1, documents: 1, weight: 1) },
            windowCount: 13, documentCount: 1, settings: GraphSettings())
        let kept = graph.disparityEdges(0.05, among: graph.edges)
        #expect(kept.map(\.target) == ["x"])
    }
}

/// Reference values from networkx 3 (`pagerank` with tol 1e-12, `betweenness_centrality`).
struct AnalyticsTests {
    func graph(_ pairs: [(Int, Int, Double)], nodes: Int) -> CooccurrenceGraph {
        CooccurrenceGraph(
            nodes: (0..<nodes).map { GraphNode(id: "n\($0)", label: "n\($0)", type: .person) },
            edges: pairs.map { GraphEdge(source: "n\($0.0)", target: "n\($0.1)", count: 1, documents: 1, weight: $0.2) },
            windowCount: 1, documentCount: 1, settings: GraphSettings()
        ).withAnalytics()
    }

    static let star = [(0, 1, 1.0), (0, 2, 1), (0, 3, 1), (0, 4, 1)]
    static let path = [(0, 1, 1.0), (1, 2, 1), (2, 3, 1), (3, 4, 1)]
    static let barbell = [
        (0, 1, 1.0), (0, 2, 1), (0, 3, 1), (1, 2, 1), (1, 3, 1), (2, 3, 1), (3, 4, 1),
        (4, 5, 1), (5, 6, 1), (5, 7, 1), (5, 8, 1), (6, 7, 1), (6, 8, 1), (7, 8, 1),
    ]

    @Test(arguments: [
        ("star", star, 5, [0.4756756757, 0.1310810811, 0.1310810811, 0.1310810811, 0.1310810811], [1.0, 0, 0, 0, 0]),
        ("path", path, 5, [0.134527027, 0.2459459459, 0.2390540541, 0.2459459459, 0.134527027], [0, 0.5, 0.6666666667, 0.5, 0]),
        (
            "barbell", barbell, 9,
            [0.1072196345, 0.1072196345, 0.1072196345, 0.1402125881, 0.0762570166, 0.1402125881, 0.1072196345, 0.1072196345, 0.1072196345],
            [0, 0, 0, 0.5357142857, 0.5714285714, 0.5357142857, 0, 0, 0]
        ),
    ])
    func pageRankAndBetweennessMatchNetworkx(
        name: String, edges: [(Int, Int, Double)], count: Int,
        pageRank: [Double], betweenness: [Double]
    ) {
        let result = graph(edges, nodes: count)
        for (node, expected) in zip(result.nodes, pageRank) {
            #expect(abs(node.pageRank - expected) < 1e-8, "\(name) \(node.id) pagerank \(node.pageRank)")
        }
        for (node, expected) in zip(result.nodes, betweenness) {
            #expect(abs(node.betweenness - expected) < 1e-8, "\(name) \(node.id) betweenness \(node.betweenness)")
        }
    }

    @Test func weightedPageRankMatchesNetworkx() {
        let result = graph([(0, 1, 3), (1, 2, 1), (2, 0, 2), (2, 3, 5)], nodes: 4)
        for (node, expected) in zip(result.nodes, [0.2354109423, 0.1945137833, 0.3478042609, 0.2222710136]) {
            #expect(abs(node.pageRank - expected) < 1e-8)
        }
    }

    @Test func louvainSplitsTheBarbellAndIsDeterministic() {
        let first = graph(Self.barbell, nodes: 9)
        let communities = first.nodes.map(\.community)
        #expect(Set(communities[0...3]).count == 1)
        #expect(Set(communities[5...8]).count == 1)
        #expect(communities[0] != communities[8])
        #expect(graph(Self.barbell, nodes: 9).nodes.map(\.community) == communities)
        #expect(first.statistics().modularity > 0.3)
    }

    @Test func degreesCountEdgesAndWeights() {
        let result = graph([(0, 1, 3), (1, 2, 1), (2, 0, 2), (2, 3, 5)], nodes: 4)
        #expect(result.nodes.map(\.degree) == [2, 2, 3, 1])
        #expect(result.nodes.map(\.weightedDegree) == [5, 4, 8, 5])
    }
}

struct QueryTests {
    let graph = buildGraph([
        ("q1", "Alpha met Beta. Alpha met Beta. Beta met Gamma."),
        ("q2", "Gamma met Delta. Alpha met Gamma."),
    ])

    @Test func neighborsRankByTheMeasure() {
        let found = graph.neighbors(of: "a")
        #expect(found.map(\.node.id) == ["b", "c"])
        #expect(found.first?.edge.count == 2)
        #expect(graph.neighbors(of: "a", type: .location).map(\.node.id) == ["c"])
        let twoHops = graph.neighbors(of: "a", depth: 2)
        #expect(twoHops.map { "\($0.node.id)@\($0.hops)" } == ["b@1", "c@1", "d@2"])
        #expect(twoHops.last?.via == "c")
    }

    @Test func pathsGoThroughTheGraph() throws {
        let shortest = try #require(graph.shortestPath(from: "b", to: "d"))
        #expect(shortest.nodes == ["b", "c", "d"])
        let strongest = try #require(graph.strongestPath(from: "b", to: "d"))
        #expect(strongest.nodes.first == "b" && strongest.nodes.last == "d")
        #expect(graph.shortestPath(from: "a", to: "zzz") == nil)
    }

    @Test func egoKeepsTheNeighbourhood() {
        let ego = graph.ego(of: "d", depth: 1)
        #expect(ego.nodes.map(\.id) == ["c", "d"])
        #expect(ego.edges.count == 1)
    }
}

struct ChunkedArrayTests {
    /// Across several chunks: every element where it was put, changed in place where asked.
    @Test func holdsAndChangesElementsAcrossChunks() {
        var array = ChunkedArray<Int>()
        for value in 0..<40_000 { array.append(value * 3) }
        for position in stride(from: 0, to: 40_000, by: 7) { array[position] += 1 }
        #expect(array.count == 40_000)
        #expect(array.indices.allSatisfy { array[$0] == $0 * 3 + ($0 % 7 == 0 ? 1 : 0) })
        #expect(Array(array.suffix(2)) == [39_998 * 3 + 1, 39_999 * 3])  // 39,998 is a multiple of 7
    }
}

struct ParallelEdgeTests {
    /// Edges made in slices on several threads join into the graph made on one, byte for byte
    /// once exported: the slices are cut from one order and joined in it.
    @Test func edgesMadeInSlicesMakeTheSameGraph() throws {
        let names = (0..<160).map { "Name\($0)" }
        var gazetteer = Gazetteer()
        try gazetteer.parsePlainList(names.enumerated().map { "\($1)\tn\($0)\tPER\n" }.joined(), file: "names.tsv")
        let recognizer = Recognizer(index: AliasIndex(gazetteer: gazetteer), options: RecognitionOptions(language: "en"))
        var generator = SeededGenerator(seed: 7)
        let documents = (0..<60).map { number in
            let sentences = (0..<12).map { _ in
                (0..<8).map { _ in names[Int(generator.next() % UInt64(names.count))] }.joined(separator: " and ") + " met."
            }
            return recognizer.recognize(Document(id: "d\(number)", text: sentences.joined(separator: " ")))
        }
        func graph(parts: Int) -> CooccurrenceGraph {
            var builder = GraphBuilder(settings: GraphSettings())
            for document in documents { builder.addDocument(document) }
            return builder.build(parts: parts)
        }
        let one = graph(parts: 1)
        let two = graph(parts: 2)
        #expect(one.edges.count > 4096)
        #expect(one.nodes == two.nodes)
        #expect(one.edges == two.edges)
    }
}
