import CLibXML2
import EntityRecognition
import Foundation
import TestSupport
import Testing

@testable import EntityGraph
@testable import EntityGraphExport

/// A small graph whose labels try to break out of every format.
let hostileGraph: CooccurrenceGraph = {
    var settings = GraphSettings()
    settings.evidenceLimit = 2
    let nodes = [
        GraphNode(
            id: "p_kirijenko", label: "Siergiej Kirijenko", type: .person, mentions: 12, documents: 3, windows: 9,
            languages: ["pl", "ro"], surfaces: ["Kirijenką", "Kirienko"], firstDate: "2024-10-24", lastDate: "2024-10-25"),
        GraphNode(
            id: "o_att", label: "AT&T <Holdings> \"Global\"", type: .organization, subtype: "company", mentions: 7,
            documents: 2, windows: 5, languages: ["en"], surfaces: ["AT&T"], firstDate: "2024-10-25", lastDate: "2024-10-25"),
        GraphNode(
            id: "o_obrien", label: "O'Brien \\ Sons", type: .organization, mentions: 3, documents: 1, windows: 3,
            languages: ["en"], surfaces: ["O'Brien"], firstDate: "2024-10-25", lastDate: "2024-10-25"),
        GraphNode(
            id: "l_stefan", label: "S\u{0326}tefan\u{0007} cel Mare", type: .location, subtype: "city", mentions: 4,
            documents: 1, windows: 4, languages: ["ro"], surfaces: ["Ștefan"], firstDate: "2024-10-24", lastDate: "2024-10-24"),
        GraphNode(
            id: "subgraph", label: "=HYPERLINK(\"http://x\") \u{202E}gnp.exe", type: .person, mentions: 2, documents: 1,
            windows: 2, languages: ["uk"], surfaces: ["Кириенко"], firstDate: "2024-10-23", lastDate: "2024-10-23"),
    ]
    let evidence = Evidence(
        document: "doc <1>.txt", date: "2024-10-25", sentence: 3, source: TextSpan(start: 0, end: 9),
        target: TextSpan(start: 20, end: 24), snippet: "said \"hi\" & left <early>\u{0001}")
    let edges = [
        GraphEdge(
            source: "p_kirijenko", target: "o_att", count: 3, documents: 2, decayed: 2.5, pmi: 0.5, npmi: 0.25,
            dice: 0.4, jaccard: 0.25, llr: 1.5, weight: 3, evidence: [evidence], firstDate: "2024-10-24", lastDate: "2024-10-25"),
        GraphEdge(
            source: "o_att", target: "o_obrien", count: 1, documents: 1, decayed: 1, pmi: -0.5, npmi: -0.1,
            dice: 0.2, jaccard: 0.1, llr: 0.3, weight: 1, firstDate: "2024-10-25", lastDate: "2024-10-25"),
        GraphEdge(
            source: "l_stefan", target: "subgraph", count: 2, documents: 1, decayed: 1.5, pmi: 1, npmi: 0.5,
            dice: 0.5, jaccard: 0.33, llr: 2, weight: 2, firstDate: "2024-10-23", lastDate: "2024-10-24"),
        GraphEdge(
            source: "p_kirijenko", target: "subgraph", count: 10, documents: 1, decayed: 7, pmi: 2, npmi: 0.9,
            dice: 0.8, jaccard: 0.7, llr: 9, weight: 10, firstDate: "2024-10-23", lastDate: "2024-10-23"),
    ]
    return CooccurrenceGraph(nodes: nodes, edges: edges, windowCount: 20, documentCount: 3, settings: settings).withAnalytics()
}()

/// Compares `text` with the golden file `name` in `Snapshots/`. A missing golden file fails;
/// `RECORD_SNAPSHOTS=1 swift test` writes them anew, to be reviewed in the diff.
func assertSnapshot(_ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record(
            "missing golden file Snapshots/\(name); run RECORD_SNAPSHOTS=1 swift test and review it", sourceLocation: sourceLocation)
        return
    }
    #expect(text == golden, "\(name) differs from its golden file", sourceLocation: sourceLocation)
}

struct GoldenFileTests {
    @Test func graphML() throws {
        try assertSnapshot(String(decoding: try GraphML.data(for: hostileGraph), as: UTF8.self), named: "graph.graphml")
        try assertSnapshot(
            String(decoding: try GraphML.data(for: hostileGraph, includeEvidence: true), as: UTF8.self),
            named: "graph-with-evidence.graphml")
    }

    @Test func evidenceSidecar() throws {
        try assertSnapshot(String(decoding: EvidenceFile.data(for: hostileGraph), as: UTF8.self), named: "graph.evidence.jsonl")
    }

    @Test func dot() throws {
        try assertSnapshot(DOT.text(for: hostileGraph), named: "graph.dot")
        try assertSnapshot(DOT.text(for: hostileGraph, clusters: true, note: "cut <here> & there"), named: "graph-clusters.dot")
    }

    @Test func gexf() throws {
        try assertSnapshot(String(decoding: try GEXF.data(for: hostileGraph), as: UTF8.self), named: "graph.gexf")
    }

    @Test func csv() throws {
        try assertSnapshot(CSV.nodes(of: hostileGraph), named: "nodes.csv")
        try assertSnapshot(CSV.edges(of: hostileGraph), named: "edges.csv")
    }

    @Test func json() throws {
        try assertSnapshot(NodeLinkJSON.text(for: hostileGraph), named: "graph.json")
    }
}

struct ExportSafetyTests {
    @Test func labelsStayIntactAndInertInEveryFormat() throws {
        let graphML = String(decoding: try GraphML.data(for: hostileGraph), as: UTF8.self)
        #expect(graphML.contains("AT&amp;T &lt;Holdings&gt; &quot;Global&quot;"))
        #expect(!graphML.contains("\u{0007}"))
        #expect(graphML.contains("Ștefan cel Mare"))  // NFC, control character gone
        let dot = DOT.text(for: hostileGraph)
        #expect(dot.contains(#"label="AT&amp;T <Holdings> \"Global\"""#))
        #expect(dot.contains(#"label="O'Brien \\ Sons""#))
        #expect(dot.contains("\"subgraph\" ["))  // a DOT keyword, quoted
        let nodes = CSV.nodes(of: hostileGraph)
        #expect(nodes.contains("\"'=HYPERLINK(\"\"http://x\"\") \u{202E}gnp.exe\""))
        let json = NodeLinkJSON.text(for: hostileGraph)
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let labels = (object["nodes"] as! [[String: Any]]).map { $0["label"] as! String }
        #expect(labels.contains("AT&T <Holdings> \"Global\""))
        #expect(labels.contains("Ștefan cel Mare"))
    }

    @Test func graphMLReadsBackToTheSameGraph() throws {
        let data = try GraphML.data(for: hostileGraph, includeEvidence: true)
        let read = try GraphML.graph(from: data, name: "round-trip.graphml")
        #expect(read.nodes.map(\.id) == hostileGraph.nodes.map(\.id))
        #expect(read.nodes.map(\.label) == hostileGraph.nodes.map { $0.label.sanitizedForExport })
        #expect(read.nodes.map(\.type) == hostileGraph.nodes.map(\.type))
        #expect(read.nodes.map(\.pageRank) == hostileGraph.nodes.map(\.pageRank))
        #expect(read.nodes.map(\.community) == hostileGraph.nodes.map(\.community))
        #expect(read.edges.map { "\($0.source)-\($0.target)" } == hostileGraph.edges.map { "\($0.source)-\($0.target)" })
        #expect(read.edges.map(\.weight) == hostileGraph.edges.map(\.weight))
        #expect(read.edges.map(\.npmi) == hostileGraph.edges.map(\.npmi))
        #expect(read.edges.map(\.firstDate) == hostileGraph.edges.map(\.firstDate))
        #expect(read.windowCount == 20 && read.documentCount == 3)
        #expect(read.edge(between: "o_att", and: "p_kirijenko")?.evidence.first?.snippet == "said \"hi\" & left <early>")
    }

    @Test func readsGraphMLFromOtherTools() throws {
        // As networkx writes it: keys d0…, attr.name label and weight, no EntityGraph extras.
        let networkx = """
            <?xml version='1.0' encoding='utf-8'?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="node" attr.name="label" attr.type="string"/>
              <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
              <graph edgedefault="undirected">
                <node id="a"><data key="d0">Alpha</data></node>
                <node id="b"><data key="d0">Beta</data></node>
                <node id="c"/>
                <edge source="a" target="b"><data key="d1">2.5</data></edge>
                <edge source="b" target="c"/>
              </graph>
            </graphml>
            """
        let graph = try GraphML.graph(from: Data(networkx.utf8), name: "nx.graphml")
        #expect(graph.nodes.map(\.label) == ["Alpha", "Beta", "c"])
        #expect(graph.edge(between: "a", and: "b")?.weight == 2.5)
        #expect(graph.nodes.first?.degree == 1)
    }

    @Test func readsGraphMLAsIgraphAndGephiWriteIt() throws {
        let igraph = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="v_name" for="node" attr.name="name" attr.type="string"/>
              <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
              <graph id="G" edgedefault="undirected">
                <node id="n0"><data key="v_name">Putin</data></node>
                <node id="n1"><data key="v_name">Musk</data></node>
                <edge source="n0" target="n1"><data key="e_weight">37</data></edge>
              </graph>
            </graphml>
            """
        let fromIgraph = try GraphML.graph(from: Data(igraph.utf8), name: "igraph.graphml")
        #expect(fromIgraph.nodes.map(\.label) == ["Putin", "Musk"])
        #expect(fromIgraph.edge(between: "n0", and: "n1")?.count == 37)
        let gephi = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key attr.name="label" attr.type="string" for="node" id="label"/>
              <key attr.name="Edge Label" attr.type="string" for="edge" id="edgelabel"/>
              <key attr.name="weight" attr.type="double" for="edge" id="weight"/>
              <key attr.name="r" attr.type="int" for="node" id="r"/>
              <key attr.name="size" attr.type="float" for="node" id="size"/>
              <key attr.name="type" attr.type="string" for="node" id="type"/>
              <graph edgedefault="undirected">
                <node id="Q7747"><data key="label">Vladimir Putin</data><data key="r">78</data><data key="size">10.0</data><data key="type">PER</data></node>
                <node id="Q865"><data key="label">Taiwan</data><data key="type">LOC</data></node>
                <edge id="0" source="Q7747" target="Q865"><data key="weight">5.0</data><data key="edgelabel">favour</data></edge>
              </graph>
            </graphml>
            """
        let fromGephi = try GraphML.graph(from: Data(gephi.utf8), name: "gephi.graphml")
        #expect(fromGephi.node(withID: "Q865")?.type == .location)
        #expect(fromGephi.edge(between: "Q7747", and: "Q865")?.weight == 5)
    }

    @Test func renderedSVGKeepsHostileLabelsInert() throws {
        guard DiagramRenderer.graphvizExecutable() != nil else { return }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("hostile.svg")
        try DiagramRenderer(layout: .dot).render(hostileGraph, to: url)
        let svg = try String(contentsOf: url, encoding: .utf8)
        #expect(svg.contains("AT&amp;T &lt;Holdings&gt;"))
        #expect(!svg.contains("<Holdings>"))
        // The SVG is well-formed: libxml2 (through the GraphML reader) parses it as XML.
        do {
            _ = try GraphML.graph(from: Data(svg.utf8), name: "hostile.svg")
        } catch let error as ExportError {
            #expect(error.code == .notGraphML && error.message.contains("root element is not <graphml>"))
        }
    }

    @Test(arguments: [
        ("", "empty file, not GraphML"),
        ("<graphml><graph>", "not well-formed XML"),
        ("<html><body/></html>", "not GraphML (the root element is not <graphml>)"),
        ("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"/>", "GraphML without a <graph> element"),
    ])
    func brokenGraphFilesGiveOneLineErrors(text: String, message: String) {
        do {
            _ = try GraphML.graph(from: Data(text.utf8), name: "bad.graphml")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains(message), "got: \(error)")
            #expect("\(error)".hasPrefix("bad.graphml"))
            #expect(!"\(error)".contains("\n"))
        }
    }

    @Test func exportsAreByteIdenticalAcrossRuns() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("one")
        let second = folder.appendingPathComponent("two")
        try GraphExporter(formats: ExportFormat.allCases).write(hostileGraph, to: first)
        try GraphExporter(formats: ExportFormat.allCases).write(hostileGraph, to: second)
        let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        #expect(names == ["edges.csv", "graph.dot", "graph.evidence.jsonl", "graph.gexf", "graph.graphml", "graph.json", "nodes.csv"])
        for name in names {
            #expect(try Data(contentsOf: first.appendingPathComponent(name)) == Data(contentsOf: second.appendingPathComponent(name)))
        }
    }

    /// The hostile graph with 3000 more nodes and edges: its GraphML is several times a sink's
    /// buffer, so it reaches its file in parts.
    static let largeGraph: CooccurrenceGraph = {
        var edges = hostileGraph.edges
        for number in 0..<3000 {
            var edge = edges[0]
            edge.target = "n\(number)"
            edges.append(edge)
        }
        var nodes = hostileGraph.nodes
        nodes += (0..<3000).map { GraphNode(id: "n\($0)", label: "Node ż \($0)", type: .person) }
        return CooccurrenceGraph(nodes: nodes, edges: edges, windowCount: 9, documentCount: 3, settings: hostileGraph.settings)
    }()

    @Test func streamedFilesHoldWhatTheInMemoryWritersMake() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let large = Self.largeGraph
        try GraphExporter(formats: [.graphml, .gexf], evidenceInGraphML: true).write(large, to: folder)
        let graphML = try Data(contentsOf: folder.appendingPathComponent("graph.graphml"))
        #expect(graphML.count > 3 * ByteSink.bufferSize)
        #expect(graphML == (try GraphML.data(for: large, includeEvidence: true)))
        #expect(try Data(contentsOf: folder.appendingPathComponent("graph.evidence.jsonl")) == EvidenceFile.data(for: large))
        #expect(try Data(contentsOf: folder.appendingPathComponent("graph.gexf")) == (try GEXF.data(for: large)))
    }

    @Test func aWriteThatFailsStopsTheWriterWithTheSystemsReason() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let sink = ByteSink(descriptor: descriptor)
        // libxml2 gives up when its output callback fails; the sink keeps the reason.
        #expect(throws: (any Error).self) {
            try GraphML.write(Self.largeGraph, includeEvidence: true, to: sink)
        }
        #expect(sink.failure == ENOSPC)
        guard case .failure(let error) = sink.finish() else {
            Issue.record("a write to /dev/full succeeded")
            return
        }
        #expect(error.code == .ENOSPC)
    }

    @Test func failedWriteLeavesThePreviousExports() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let existing = folder.appendingPathComponent("graph.dot")
        try "previous".write(to: existing, atomically: true, encoding: .utf8)
        // A folder where a file should go makes the rename fail.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("graph.json"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("graph.json/x"), withIntermediateDirectories: true)
        #expect(throws: ExportError.self) {
            try GraphExporter(formats: [.json, .dot]).write(hostileGraph, to: folder)
        }
        #expect(try String(contentsOf: existing, encoding: .utf8) == "previous")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }
}

struct ExportLabelTests {
    @Test(arguments: ["=1+1", "+49 30", "-minus", "@SUM(A1:A9)", "\tindented", "\rreturn"])
    func aLeadingFormulaTriggerGetsAQuoteThatReadsBack(text: String) {
        #expect(text.exportLabel == "'" + text)
        #expect(text.exportLabel.importedLabel == text)
    }

    @Test(arguments: ["Putin", "'s-Hertogenbosch", "O'Brien", "1+1", "a=b", ""])
    func otherTextIsWrittenAndReadAsItIs(text: String) {
        #expect(text.exportLabel == text)
        #expect(text.importedLabel == text)
    }

    @Test func everyFormatWritesAFormulaLabelWithTheSameQuote() throws {
        // The node "subgraph" of the hostile graph is labelled =HYPERLINK("http://x") ….
        let graphML = String(decoding: try GraphML.data(for: hostileGraph), as: UTF8.self)
        #expect(graphML.contains("<data key=\"label\">'=HYPERLINK(&quot;http://x&quot;)"))
        let gexf = String(decoding: try GEXF.data(for: hostileGraph), as: UTF8.self)
        #expect(gexf.contains("label=\"'=HYPERLINK(&quot;http://x&quot;)"))
        let dot = DOT.text(for: hostileGraph)
        #expect(dot.contains(#"label="'=HYPERLINK(\"http://x\")"#))
        let nodes = CSV.nodes(of: hostileGraph)
        #expect(nodes.contains("subgraph,\"'=HYPERLINK(\"\"http://x\"\")"))
        let json = try JSONSerialization.jsonObject(with: Data(NodeLinkJSON.text(for: hostileGraph).utf8)) as! [String: Any]
        let labels = (json["nodes"] as! [[String: Any]]).map { $0["label"] as! String }
        #expect(labels.contains("'=HYPERLINK(\"http://x\") \u{202E}gnp.exe"))
        for text in [graphML, gexf, dot, nodes] {
            #expect(!text.contains(">=HYPERLINK") && !text.contains("\"=HYPERLINK"))
        }
    }

    /// Two nodes whose ids start with formula triggers, with evidence on their edge.
    let triggerGraph: CooccurrenceGraph = {
        let evidence = Evidence(
            document: "d", date: nil, sentence: 0, source: TextSpan(start: 0, end: 1),
            target: TextSpan(start: 2, end: 3), snippet: "a b")
        return CooccurrenceGraph(
            nodes: [
                GraphNode(id: "-minus", label: "-Minus", type: .location, subtype: "=city"),
                GraphNode(id: "=formula", label: "Formula", type: .person),
            ],
            edges: [GraphEdge(source: "-minus", target: "=formula", count: 1, documents: 1, weight: 1, evidence: [evidence])],
            windowCount: 1, documentCount: 1, settings: GraphSettings()
        ).withAnalytics()
    }()

    @Test func idsThatStartWithAFormulaTriggerAreWrittenAlikeEverywhereAndReadBack() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try GraphExporter(formats: ExportFormat.allCases).write(triggerGraph, to: folder)
        func text(_ name: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        // Ids are XML name tokens everywhere: the ' in front is written _x0027_, = as _x003D_.
        let (minus, formula) = ("_x0027_-minus", "_x0027__x003D_formula")
        #expect(try text("graph.graphml").contains("<node id=\"\(minus)\">"))
        #expect(try text("graph.graphml").contains("<edge id=\"e0\" source=\"\(minus)\" target=\"\(formula)\">"))
        #expect(try text("graph.gexf").contains("<node id=\"\(minus)\" label=\"'-Minus\">"))
        #expect(try text("graph.dot").contains("\"\(minus)\" -- \"\(formula)\""))
        #expect(
            try text("graph.json").contains("{\"id\": \"\(minus)\", \"label\": \"'-Minus\", \"type\": \"LOC\", \"subtype\": \"'=city\""))
        #expect(try text("nodes.csv").contains("\r\n\(minus),'-Minus,LOC,'=city,"))
        #expect(try text("edges.csv").contains("\r\n\(minus),\(formula),Undirected,"))
        #expect(try text("graph.evidence.jsonl").hasPrefix("{\"source\":\"\(minus)\",\"target\":\"\(formula)\""))
        // Read back, the ids, labels and subtypes are the graph's own again, evidence included.
        let read = try GraphFile.read(folder.appendingPathComponent("graph.graphml"))
        #expect(read.nodes.map(\.id) == ["-minus", "=formula"])
        #expect(read.nodes.map(\.label) == ["-Minus", "Formula"])
        #expect(read.node(withID: "-minus")?.subtype == "=city")
        #expect(read.edge(between: "-minus", and: "=formula")?.evidence.first?.snippet == "a b")
    }

    @Test func idsThatWouldBeWrittenAlikeAreRefused() throws {
        let graph = CooccurrenceGraph(
            nodes: [GraphNode(id: "=x", label: "X", type: .person), GraphNode(id: "'=x", label: "Quoted X", type: .person)],
            edges: [], windowCount: 1, documentCount: 1, settings: GraphSettings())
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try GraphExporter(formats: [.csv]).write(graph, to: folder)
            Issue.record("expected an error")
        } catch let error as ExportError {
            #expect(error.code == .conflictingIDs)
            #expect(
                error.message
                    == #"the entity ids "'=x" and "=x" would both be written as "_x0027__x003D_x"; give one of them another id in its gazetteer"#
            )
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(throws: ExportError.self) { try GraphML.data(for: graph) }
    }
}

struct AtomicFileSetTests {
    /// Names in `folder` that start with a dot: temporaries or backups left behind.
    func leftovers(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.sorted()
    }

    @Test func aRenameThatFailsMidwayPutsThePreviousFilesBack() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("graph.dot")
        try "previous dot".write(to: first, atomically: false, encoding: .utf8)
        // The second destination is a folder that is not empty: its rename fails after the first one's.
        let second = folder.appendingPathComponent("graph.json")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        try "kept".write(to: second.appendingPathComponent("inside.txt"), atomically: false, encoding: .utf8)
        let third = folder.appendingPathComponent("nodes.csv")
        var files = AtomicFileSet()
        files.add(Data("new dot".utf8), at: first)
        files.add(Data("new json".utf8), at: second)
        files.add(Data("new csv".utf8), at: third)
        do {
            try files.commit()
            Issue.record("expected the rename over a folder to fail")
        } catch let error as ExportError {
            #expect(error.code == .unwritable)
            #expect(error.message == "\(second.path): cannot be replaced (Is a directory); the previous files are left as they were")
        }
        #expect(try String(contentsOf: first, encoding: .utf8) == "previous dot")
        #expect(try String(contentsOf: second.appendingPathComponent("inside.txt"), encoding: .utf8) == "kept")
        #expect(!FileManager.default.fileExists(atPath: third.path))
        #expect(try leftovers(in: folder) == [])
    }

    @Test func aCommitReplacesEveryFileAndKeepsNoBackup() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("graph.dot")
        try "previous dot".write(to: first, atomically: false, encoding: .utf8)
        let second = folder.appendingPathComponent("nested/graph.json")
        var files = AtomicFileSet()
        files.add(Data("new dot".utf8), at: first)
        files.add(Data("new json".utf8), at: second)
        try files.commit()
        #expect(try String(contentsOf: first, encoding: .utf8) == "new dot")
        #expect(try String(contentsOf: second, encoding: .utf8) == "new json")
        #expect(try leftovers(in: folder) == [])
        #expect(try leftovers(in: second.deletingLastPathComponent()) == [])
    }

    /// Files written side by side: when one fails, the other's temporary goes too, the error
    /// is the failing file's, and the previous files stay.
    @Test func filesWrittenSideBySideFailTogether() throws {
        struct Refused: Error {}
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("graph.graphml")
        let second = folder.appendingPathComponent("graph.evidence.jsonl")
        try "previous graph".write(to: first, atomically: false, encoding: .utf8)
        var files = AtomicFileSet()
        #expect(throws: Refused.self) {
            try files.writeNow([
                (first, { @Sendable sink in sink.write(Data(repeating: 0x41, count: 1 << 20)) }),
                (second, { @Sendable _ in throw Refused() }),
            ])
        }
        #expect(try leftovers(in: folder) == [])
        #expect(try String(contentsOf: first, encoding: .utf8) == "previous graph")
        #expect(!FileManager.default.fileExists(atPath: second.path))

        var again = AtomicFileSet()
        try again.writeNow([
            (first, { @Sendable sink in sink.write(Data("new graph".utf8)) }),
            (second, { @Sendable sink in sink.write(Data("new evidence".utf8)) }),
        ])
        try again.commit()
        #expect(try String(contentsOf: first, encoding: .utf8) == "new graph")
        #expect(try String(contentsOf: second, encoding: .utf8) == "new evidence")
        #expect(try leftovers(in: folder) == [])
    }

    @Test func aFolderThatCannotBeCreatedIsNamedWithTheReason() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("a-file")
        try "not a folder".write(to: blocker, atomically: false, encoding: .utf8)
        var files = AtomicFileSet()
        files.add(Data("new".utf8), at: blocker.appendingPathComponent("out/graph.dot"))
        do {
            try files.commit()
            Issue.record("expected an error")
        } catch let error as ExportError {
            #expect(error.message == "\(blocker.path)/out: cannot create the output folder (Not a directory)")
        }
        #expect(try leftovers(in: folder) == [])
    }
}

/// The text every export writes: NFC, nothing XML cannot carry, JSON escaped where JSON and
/// JavaScript need it. The fast paths must agree with normalizing everything.
struct ExportTextTests {
    @Test(arguments: [
        "Zełenski, Rusiei, Kremlinului", "Путин и Зеленский", "Ελλάδα", "习近平", "👍🏽 🇷🇺",
        "e\u{301}", "A\u{30A}ngstro\u{308}m", "\u{212B}", "\u{1100}\u{1161}", "\u{0B47}\u{0B3E}", "\u{F900}",
        "a\u{0}b\u{1F}c\u{FFFE}d", "tab\tand\nline",
        // past the first eight bytes, where the checks go a word at a time
        "0123456789abcdef\u{FFFF}", "0123456789\u{1}xyz", "Путин Путин\u{301}", "ok \u{FEFF} \u{FFFD} \u{85} fine",
    ])
    func sanitizingEqualsNormalizingAndDroppingWhatXMLCannotCarry(text: String) {
        let expected = String(
            String.UnicodeScalarView(
                text.precomposedStringWithCanonicalMapping.unicodeScalars.filter {
                    [0x09, 0x0A, 0x0D].contains($0.value) || (0x20...0xD7FF).contains($0.value)
                        || (0xE000...0xFFFD).contains($0.value) || $0.value >= 0x10000
                }))
        #expect(Array(text.sanitizedForExport.unicodeScalars) == Array(expected.unicodeScalars))
        // The byte-level quoting of the evidence sidecar sanitizes the same way, and its
        // escapes read back as the text.
        var bytes: [UInt8] = []
        JSONText.appendQuoted(text, sanitizing: true, to: &bytes)
        let decoded = try? JSONSerialization.jsonObject(with: Data(("[" + String(decoding: bytes, as: UTF8.self) + "]").utf8)) as? [String]
        #expect(decoded.map { $0.map { Array($0.unicodeScalars) } } == [Array(expected.unicodeScalars)])
    }

    /// The byte-level quoting, which skips eight clean bytes at a time, against quoting
    /// written plainly a scalar at a time, on strings with something to escape at every place.
    @Test func byteLevelQuotingEqualsQuotingScalarByScalar() throws {
        func reference(_ value: String) -> String {
            var result = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case "\u{2028}": result += "\\u2028"
                case "\u{2029}": result += "\\u2029"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        let hex = String(scalar.value, radix: 16)
                        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            return result + "\""
        }
        let pieces = [
            "a", "Zł", "\"", "\\", "\n", "\t", "\u{1}", "\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}", "\u{2027}",
            "€", "Путин", "👍🏽", " ", "~", "\u{80}",
        ]
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<25 {
                let text = (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined()
                #expect(JSONText.quote(text) == reference(text), "\(Array(text.unicodeScalars))")
                let decoded = try JSONSerialization.jsonObject(with: Data("[\(JSONText.quote(text))]".utf8)) as? [String]
                #expect(decoded == [text])
            }
        }
    }

    @Test func decimalsAreWrittenAsSwiftWritesThem() {
        for value in [0, 7, -7, 10, 99, 100, 123_456_789, -1_000_000, Int.max, Int.min] {
            var bytes: [UInt8] = Array("x".utf8)
            JSONText.appendDecimal(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "x" + String(value))
        }
    }

    @Test func jsonQuotingEscapesOnlyWhatItMust() throws {
        #expect(JSONText.quote("Putin “quoted” — ok") == "\"Putin “quoted” — ok\"")
        #expect(JSONText.quote("a\"b\\c\nd\u{1}e\u{2028}f\u{7F}") == "\"a\\\"b\\\\c\\nd\\u0001e\\u2028f\\u007f\"")
        for text in ["x\u{2029}y", "“\u{2028}”", "\t"] {
            let decoded = try JSONSerialization.jsonObject(with: Data("[\(JSONText.quote(text))]".utf8)) as! [String]
            #expect(decoded == [text])
        }
    }
}

/// Node ids as XML name tokens, which GraphML's schema asks for, and back.
struct NameTokenTests {
    @Test(arguments: [
        "Q7747", "gn:756135", "paris-fr", "a.b_c", "Elon Musk", "=x", "'=x", "a_x0041_b", "_x", "a_xZZZZ_b",
        "Путин/#1", "習近平", "서울", "x\u{1F600}y", "tab\there", "", "_x0000_", "100%", "\u{0300}start", "a\u{0301}",
    ])
    func escapedIDsAreNameTokensAndReadBack(id: String) throws {
        let token = id.nameToken
        // As libxml2 checks an xs:NMTOKEN for `xmllint --schema`.
        #expect(xmlValidateNMToken(Array(token.utf8) + [0], 0) == 0, "\(token)")
        let nameCharacters = CharacterSet(charactersIn: "-._:").union(.alphanumerics)
        #expect(token.fromNameToken == id)
        if id.unicodeScalars.allSatisfy({ $0.isASCII && nameCharacters.contains($0) }) && !id.contains("_x") && !id.isEmpty {
            #expect(token == id)
        }
    }
}
