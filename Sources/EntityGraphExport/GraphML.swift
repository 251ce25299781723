import CLibXML2
import EntityGraph
import EntityRecognition
import Foundation

// The one file that calls libxml2. Every return code is checked; a negative one becomes an
// ExportError naming the C function.

/// A GraphML attribute: its key id, what it belongs to, its name and its type.
struct GraphMLKey: Hashable {
    var id: String
    var domain: String
    var name: String
    var type: String
}

/// Writes and reads EntityGraph's GraphML.
///
/// The writer uses libxml2's `xmlTextWriter`, so escaping is libxml2's, never string
/// concatenation. Every key is declared with its `attr.type`; attribute names avoid the ones
/// Gephi takes for its own (`size`, `x`, `y`, `r`, `g`, `b`), and `label` and `weight` mean what
/// Gephi expects. Text is NFC, with characters XML cannot carry removed; ids are written as
/// ``Swift/String/exportID`` writes them in every format (XML name tokens, as the GraphML schema
/// asks), labels and subtypes as ``Swift/String/exportLabel`` writes them, and both are read
/// back through ``Swift/String/importedID`` and ``Swift/String/importedLabel``. The reader accepts EntityGraph's own GraphML and
/// GraphML from networkx, igraph and Gephi.
public enum GraphML {
    static let nodeKeys: [GraphMLKey] = [
        GraphMLKey(id: "label", domain: "node", name: "label", type: "string"),
        GraphMLKey(id: "type", domain: "node", name: "type", type: "string"),
        GraphMLKey(id: "subtype", domain: "node", name: "subtype", type: "string"),
        GraphMLKey(id: "mentions", domain: "node", name: "mentions", type: "int"),
        GraphMLKey(id: "documents", domain: "node", name: "documents", type: "int"),
        GraphMLKey(id: "windows", domain: "node", name: "windows", type: "int"),
        GraphMLKey(id: "languages", domain: "node", name: "languages", type: "string"),
        GraphMLKey(id: "surfaces", domain: "node", name: "surfaces", type: "string"),
        GraphMLKey(id: "first_date", domain: "node", name: "first_date", type: "string"),
        GraphMLKey(id: "last_date", domain: "node", name: "last_date", type: "string"),
        GraphMLKey(id: "degree", domain: "node", name: "degree", type: "int"),
        GraphMLKey(id: "weighted_degree", domain: "node", name: "weighted_degree", type: "double"),
        GraphMLKey(id: "pagerank", domain: "node", name: "pagerank", type: "double"),
        GraphMLKey(id: "betweenness", domain: "node", name: "betweenness", type: "double"),
        GraphMLKey(id: "community", domain: "node", name: "community", type: "int"),
    ]

    static let edgeKeys: [GraphMLKey] = [
        GraphMLKey(id: "weight", domain: "edge", name: "weight", type: "double"),
        GraphMLKey(id: "count", domain: "edge", name: "count", type: "int"),
        GraphMLKey(id: "edge_documents", domain: "edge", name: "documents", type: "int"),
        GraphMLKey(id: "decayed", domain: "edge", name: "decayed", type: "double"),
        GraphMLKey(id: "pmi", domain: "edge", name: "pmi", type: "double"),
        GraphMLKey(id: "npmi", domain: "edge", name: "npmi", type: "double"),
        GraphMLKey(id: "dice", domain: "edge", name: "dice", type: "double"),
        GraphMLKey(id: "jaccard", domain: "edge", name: "jaccard", type: "double"),
        GraphMLKey(id: "llr", domain: "edge", name: "llr", type: "double"),
        GraphMLKey(id: "edge_first_date", domain: "edge", name: "first_date", type: "string"),
        GraphMLKey(id: "edge_last_date", domain: "edge", name: "last_date", type: "string"),
    ]

    /// A bit for every scalar below U+10000 that libxml2's `xmlValidateNMToken` accepts alone,
    /// asked of libxml2 itself once.
    static let nameCharacters = BasicPlaneSet { scalar in
        // U+FFFE and U+FFFF, which XML cannot carry at all, make libxml2 print an error.
        guard scalar.value >= 0x80, scalar.value < 0xFFFE else { return false }
        return xmlValidateNMToken(Array(String(scalar).utf8) + [0], 0) == 0
    }

    static let evidenceKey = GraphMLKey(id: "evidence", domain: "edge", name: "evidence", type: "string")

    /// How the graph was built, as `name=value` pairs in the graph's `<desc>`: Gephi drops
    /// graph-level `<data>` keys with a severe import error (gephi/gephi#1497), a description
    /// it ignores quietly.
    static func description(of graph: CooccurrenceGraph) -> String {
        let settings = graph.settings
        return "EntityGraph co-occurrence graph; window=\(settings.window); weight_measure=\(settings.weight.rawValue); "
            + "windows_total=\(graph.windowCount); documents_total=\(graph.documentCount); evidence_limit=\(settings.evidenceLimit)"
    }

    // MARK: - Writing

    /// The graph as GraphML.
    ///
    /// - Parameter includeEvidence: also write each edge's evidence, as a JSON array, in an
    ///   `evidence` attribute.
    /// - Throws: ``ExportError`` when a libxml2 call fails, or when two node ids would be written
    ///   alike (``Swift/String/exportLabel``).
    public static func data(for graph: CooccurrenceGraph, includeEvidence: Bool = false) throws -> Data {
        try ByteSink.collect { try write(graph, includeEvidence: includeEvidence, to: $0) }
    }

    /// Writes the graph as GraphML into `sink` (see ``data(for:includeEvidence:)``).
    static func write(_ graph: CooccurrenceGraph, includeEvidence: Bool, to sink: ByteSink) throws {
        try graph.validateIDsForExport()
        var writer = try XMLWriter(into: sink)
        try writer.startDocument()
        try writer.start("graphml")
        try writer.attribute("xmlns", "http://graphml.graphdrawing.org/xmlns")
        try writer.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        try writer.attribute(
            "xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
        let keys = nodeKeys + edgeKeys + (includeEvidence ? [evidenceKey] : [])
        for key in keys {
            try writer.start("key")
            try writer.attribute("id", key.id)
            try writer.attribute("for", key.domain)
            try writer.attribute("attr.name", key.name)
            try writer.attribute("attr.type", key.type)
            try writer.end()
        }
        try writer.start("graph")
        try writer.attribute("id", "G")
        try writer.attribute("edgedefault", "undirected")
        try writer.start("desc")
        try writer.text(description(of: graph))
        try writer.end()
        for node in graph.nodes {
            try writer.start("node")
            try writer.plainAttribute("id", node.id.exportID)
            try writer.plainData("label", node.label.exportLabel)
            try writer.plainData("type", node.type.code)
            if let subtype = node.subtype { try writer.plainData("subtype", subtype.exportLabel) }
            writer.numberData("mentions", node.mentions)
            writer.numberData("documents", node.documents)
            writer.numberData("windows", node.windows)
            try writer.data("languages", node.languages.joined(separator: ","))
            try writer.data("surfaces", node.surfaces.joined(separator: " | "))
            if let date = node.firstDate { try writer.data("first_date", date) }
            if let date = node.lastDate { try writer.data("last_date", date) }
            writer.numberData("degree", node.degree)
            writer.numberData("weighted_degree", node.weightedDegree)
            writer.numberData("pagerank", node.pageRank)
            writer.numberData("betweenness", node.betweenness)
            writer.numberData("community", node.community)
            try writer.end()
        }
        // Fields read through the buffer, not an edge copied out whole: a copy retains and
        // releases its two ids, its dates and its evidence. Ids are made once a node.
        let ids = graph.nodes.map(\.id.exportID)
        try graph.edges.withUnsafeBufferPointer { edges in
            for number in edges.indices {
                let (source, target) = graph.endPositions(ofEdgeAt: number)
                try writer.start("edge")
                try writer.plainAttribute("id", "e\(number)")
                try writer.plainAttribute("source", ids[source])
                try writer.plainAttribute("target", ids[target])
                writer.numberData("weight", edges[number].weight)
                writer.numberData("count", edges[number].count)
                writer.numberData("edge_documents", edges[number].documents)
                writer.numberData("decayed", edges[number].decayed)
                writer.numberData("pmi", edges[number].pmi)
                writer.numberData("npmi", edges[number].npmi)
                writer.numberData("dice", edges[number].dice)
                writer.numberData("jaccard", edges[number].jaccard)
                writer.numberData("llr", edges[number].llr)
                if let date = edges[number].firstDate { try writer.data("edge_first_date", date) }
                if let date = edges[number].lastDate { try writer.data("edge_last_date", date) }
                if includeEvidence {
                    let edge = edges[number]
                    try writer.data("evidence", "[" + edge.evidence.map { EvidenceFile.json($0, edge: edge) }.joined(separator: ",") + "]")
                }
                try writer.end()
            }
        }
        try writer.end()  // graph
        try writer.end()  // graphml
        try writer.finish()
    }

    // MARK: - Reading

    /// Reads a graph from GraphML: EntityGraph's own, or networkx's, igraph's or Gephi's.
    ///
    /// - Parameter name: the file name errors give.
    /// - Throws: ``ExportError`` when the data is not well-formed XML or not GraphML.
    public static func graph(from data: Data, name: String) throws -> CooccurrenceGraph {
        eg_xml_silence_errors()
        guard !data.isEmpty else { throw ExportError(.notGraphML, "\(name): empty file, not GraphML") }
        let document = data.withUnsafeBytes { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return xmlReadMemory(
                base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), name, "UTF-8",
                eg_xml_read_options())
        }
        guard let document else {
            let detail = xmlGetLastError().map { String(cString: $0.pointee.message).trimmingCharacters(in: .whitespacesAndNewlines) }
            let line = xmlGetLastError().map { Int($0.pointee.line) } ?? 0
            throw ExportError(.notGraphML, "\(name):\(line): not well-formed XML (xmlReadMemory: \(detail ?? "unknown error"))")
        }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), elementName(root) == "graphml" else {
            throw ExportError(.notGraphML, "\(name): not GraphML (the root element is not <graphml>)")
        }
        var keys: [String: GraphMLKey] = [:]
        var graphElement: xmlNodePtr?
        for child in elements(of: root) {
            switch elementName(child) {
            case "key":
                guard let id = property(child, "id") else { continue }
                keys[id] = GraphMLKey(
                    id: id, domain: property(child, "for") ?? "all",
                    name: property(child, "attr.name") ?? id, type: property(child, "attr.type") ?? "string")
            case "graph":
                if graphElement == nil { graphElement = child }
            default: break
            }
        }
        guard let graphElement else { throw ExportError(.notGraphML, "\(name): GraphML without a <graph> element") }

        var settings = GraphSettings()
        var windowCount = 0
        var documentCount = 0
        var nodes: [GraphNode] = []
        var edges: [GraphEdge] = []
        var seen = Set<String>()
        for element in elements(of: graphElement) {
            switch elementName(element) {
            case "desc", "data":
                var pairs: [(String, String)] = []
                if elementName(element) == "data" {
                    pairs = [dataValue(element, keys: keys)]
                } else {
                    for item in content(element).split(separator: ";") {
                        let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                        if parts.count == 2 { pairs.append((parts[0], parts[1])) }
                    }
                }
                for (attribute, value) in pairs {
                    switch attribute {
                    case "window": settings.window = CooccurrenceWindow(argument: value) ?? .sentence
                    case "weight_measure": settings.weight = EdgeMeasure(rawValue: value) ?? .count
                    case "windows_total": windowCount = Int(value) ?? 0
                    case "documents_total": documentCount = Int(value) ?? 0
                    case "evidence_limit": settings.evidenceLimit = Int(value) ?? settings.evidenceLimit
                    default: break
                    }
                }
            case "node":
                guard let id = property(element, "id")?.importedID else {
                    throw ExportError(.malformed, "\(name):\(xmlGetLineNo(element)): <node> without an id")
                }
                guard seen.insert(id).inserted else {
                    throw ExportError(.malformed, "\(name):\(xmlGetLineNo(element)): node '\(id)' is declared twice")
                }
                var values: [String: String] = [:]
                for child in elements(of: element) where elementName(child) == "data" {
                    let (attribute, value) = dataValue(child, keys: keys)
                    values[attribute.lowercased()] = value
                }
                nodes.append(node(id: id, values))
            case "edge":
                guard let source = property(element, "source")?.importedID,
                    let target = property(element, "target")?.importedID
                else {
                    throw ExportError(.malformed, "\(name):\(xmlGetLineNo(element)): <edge> without source or target")
                }
                var values: [String: String] = [:]
                for child in elements(of: element) where elementName(child) == "data" {
                    let (attribute, value) = dataValue(child, keys: keys)
                    values[attribute.lowercased()] = value
                }
                edges.append(edge(source: source, target: target, values))
            default: break
            }
        }
        let ids = Set(nodes.map(\.id))
        for edge in edges where !ids.contains(edge.source) || !ids.contains(edge.target) {
            // GraphML lets edges name nodes declared nowhere; treat them as bare nodes.
            for id in [edge.source, edge.target] where !ids.contains(id) && !nodes.contains(where: { $0.id == id }) {
                nodes.append(GraphNode(id: id, label: id, type: .organization))
            }
        }
        if windowCount == 0 { windowCount = edges.reduce(0) { $0 + $1.count } }
        // Parallel edges (possible in other tools' GraphML) merge into one.
        var merged: [String: GraphEdge] = [:]
        for edge in edges where edge.source != edge.target {
            let key = min(edge.source, edge.target) + "\u{1F}" + max(edge.source, edge.target)
            if var known = merged[key] {
                known.count += edge.count
                known.weight += edge.weight
                merged[key] = known
            } else {
                merged[key] = edge
            }
        }
        let hasAnalytics = nodes.contains { $0.pageRank > 0 }
        let graph = CooccurrenceGraph(
            nodes: nodes, edges: Array(merged.values), windowCount: windowCount,
            documentCount: documentCount, settings: settings)
        return hasAnalytics ? graph : graph.withAnalytics()
    }

    private static func node(id: String, _ values: [String: String]) -> GraphNode {
        let typeName = values["type"] ?? ""
        var node = GraphNode(
            id: id, label: (values["label"] ?? values["name"])?.importedLabel ?? id,
            type: EntityType(spelling: typeName) ?? (typeName.isEmpty ? .organization : EntityType(rawValue: typeName.lowercased())),
            subtype: values["subtype"]?.importedLabel, mentions: Int(values["mentions"] ?? "") ?? 0,
            documents: Int(values["documents"] ?? "") ?? 0, windows: Int(values["windows"] ?? "") ?? 0,
            languages: (values["languages"] ?? "").split(separator: ",").map(String.init),
            surfaces: (values["surfaces"] ?? "").components(separatedBy: " | ").filter { !$0.isEmpty },
            firstDate: values["first_date"], lastDate: values["last_date"])
        node.degree = Int(values["degree"] ?? "") ?? 0
        node.weightedDegree = Double(values["weighted_degree"] ?? "") ?? 0
        node.pageRank = Double(values["pagerank"] ?? "") ?? 0
        node.betweenness = Double(values["betweenness"] ?? "") ?? 0
        node.community = Int(values["community"] ?? "") ?? 0
        return node
    }

    private static func edge(source: String, target: String, _ values: [String: String]) -> GraphEdge {
        let weight = Double(values["weight"] ?? "") ?? 1
        let count = Int(values["count"] ?? "") ?? max(Int(weight.rounded()), 1)
        var edge = GraphEdge(
            source: source, target: target, count: count, documents: Int(values["documents"] ?? "") ?? 0,
            decayed: Double(values["decayed"] ?? "") ?? 0, pmi: Double(values["pmi"] ?? "") ?? 0,
            npmi: Double(values["npmi"] ?? "") ?? 0, dice: Double(values["dice"] ?? "") ?? 0,
            jaccard: Double(values["jaccard"] ?? "") ?? 0, llr: Double(values["llr"] ?? "") ?? 0, weight: weight,
            firstDate: values["first_date"], lastDate: values["last_date"])
        if let evidence = values["evidence"] {
            edge.evidence = EvidenceFile.evidenceArray(evidence)
        }
        return edge
    }

    // MARK: - libxml2 tree helpers

    private static func elements(of parent: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = parent.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    private static func elementName(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    private static func property(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { eg_xml_free(value) }
        return String(cString: value)
    }

    private static func content(_ node: xmlNodePtr) -> String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { eg_xml_free(value) }
        return String(cString: value)
    }

    /// A `<data>` element's attribute name (through its key) and text.
    private static func dataValue(_ element: xmlNodePtr, keys: [String: GraphMLKey]) -> (String, String) {
        let key = property(element, "key") ?? ""
        return (keys[key]?.name ?? key, content(element))
    }
}

/// A thin, checked wrapper over libxml2's `xmlTextWriter` writing into a ``ByteSink``.
///
/// libxml2 hands its output over in small pieces through a write callback, straight into the
/// sink: a file sink sends them on to disk, so a large graph is never whole in memory.
///
/// A noncopyable struct rather than a class: its state changes on every call, and a class's
/// stored properties would be checked for exclusive access at run time on each change.
struct XMLWriter: ~Copyable {
    private let sink: ByteSink
    private let writer: xmlTextWriterPtr
    /// Elements open, as libxml2 counts them for its indentation.
    private var depth = 0
    /// Whether the innermost open element has content yet (libxml2 then has closed its start tag).
    private var hasContent = false
    /// `<data>` elements with number values not yet handed to libxml2 (see ``numberData(_:_:)``).
    private var queued: [UInt8] = []

    init(into sink: ByteSink) throws {
        self.sink = sink
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let output = xmlOutputBufferCreateIO(
            { context, bytes, count in
                guard let context, let bytes, count > 0 else { return 0 }
                let sink = Unmanaged<ByteSink>.fromOpaque(context).takeUnretainedValue()
                sink.write(UnsafeRawBufferPointer(start: bytes, count: Int(count)))
                // A failed write stops libxml2 at once; the sink's owner reports why.
                return sink.failure == 0 ? count : -1
            }, { _ in 0 }, context, nil)
        guard let output else { throw ExportError(.libxml2, "xmlOutputBufferCreateIO failed") }
        // The writer owns the output buffer from here on, and closes it when it is freed.
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            throw ExportError(.libxml2, "xmlNewTextWriter failed")
        }
        let indent = xmlTextWriterSetIndent(writer, 1)
        let indentString = indent < 0 ? indent : xmlTextWriterSetIndentString(writer, "  ")
        guard indentString >= 0 else {
            xmlFreeTextWriter(writer)
            throw ExportError(.libxml2, "xmlTextWriterSetIndent failed with code \(indentString)")
        }
        self.writer = writer
    }

    deinit {
        xmlFreeTextWriter(writer)
    }

    private func check(_ code: Int32, _ function: String) throws {
        if code < 0 { throw ExportError(.libxml2, "\(function) failed with code \(code)") }
    }

    func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "xmlTextWriterStartDocument")
    }

    mutating func start(_ name: String) throws {
        try writeQueued(closing: false)
        try check(Self.withXMLText(name) { xmlTextWriterStartElement(writer, $0) }, "xmlTextWriterStartElement")
        depth += 1
        hasContent = false
    }

    func attribute(_ name: String, _ value: String) throws {
        try plainAttribute(name, value.sanitizedForExport)
    }

    mutating func text(_ value: String) throws {
        try plainText(value.sanitizedForExport)
    }

    /// Text made here, which needs no sanitizing (see ``plainAttribute(_:_:)``).
    private mutating func plainText(_ value: String) throws {
        try writeQueued(closing: false)
        try check(Self.withXMLText(value) { xmlTextWriterWriteString(writer, $0) }, "xmlTextWriterWriteString")
        hasContent = true
    }

    /// Calls `body` with the string as libxml2's `const xmlChar *`. Passing a `String` where C
    /// takes a pointer copies it into a new array on every call; its own NUL-terminated UTF-8
    /// storage (or a copy on the stack, for a short string) costs nothing.
    @inline(__always)
    private static func withXMLText(_ value: String, _ body: (UnsafePointer<xmlChar>) -> Int32) -> Int32 {
        value.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    mutating func end() throws {
        try writeQueued(closing: true)
        try check(xmlTextWriterEndElement(writer), "xmlTextWriterEndElement")
        depth -= 1
        hasContent = true
    }

    /// `<data key="key">value</data>` for a number, `key` one of the writer's own key ids.
    ///
    /// Nothing in a number needs escaping, so the elements are queued as the bytes libxml2
    /// would write for them, indentation included, and handed to it in one
    /// `xmlTextWriterWriteRawLen` before its next call: a graph's edges are mostly numbers, and
    /// four libxml2 calls apiece were most of the time of writing them.
    mutating func numberData(_ key: StaticString, _ value: Double) {
        openQueuedData(key)
        JSONText.appendNumber(value, to: &queued)
        closeQueuedData()
    }

    mutating func numberData(_ key: StaticString, _ value: Int) {
        openQueuedData(key)
        JSONText.appendDecimal(value, to: &queued)
        closeQueuedData()
    }

    @inline(__always)
    private mutating func openQueuedData(_ key: StaticString) {
        // libxml2 ends an element's start tag, before its first child, with ">" and a line break.
        if !hasContent, queued.isEmpty { queued.append(0x0A) }
        appendIndent(levels: depth)
        // Constant texts go in as their bytes: appending a String's UTF-8 view goes through
        // the generic path, some ten times an edge.
        Self.append(#"<data key=""#, to: &queued)
        Self.append(key, to: &queued)
        Self.append(#"">"#, to: &queued)
    }

    @inline(__always)
    private mutating func closeQueuedData() {
        Self.append("</data>\n", to: &queued)
    }

    @inline(__always)
    private static func append(_ text: StaticString, to bytes: inout [UInt8]) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendIndent(levels: Int) {
        for _ in 0..<2 * levels { queued.append(0x20) }
    }

    /// Hands the queued `<data>` elements to libxml2. After raw text libxml2 does not indent an
    /// end tag, so one that follows (`closing`) gets its indentation here; a start tag libxml2
    /// indents itself.
    private mutating func writeQueued(closing: Bool) throws {
        guard !queued.isEmpty else { return }
        if closing { appendIndent(levels: depth - 1) }
        let code = queued.withUnsafeBufferPointer { bytes in
            xmlTextWriterWriteRawLen(writer, bytes.baseAddress, Int32(bytes.count))
        }
        queued.removeAll(keepingCapacity: true)
        hasContent = true
        try check(code, "xmlTextWriterWriteRawLen")
    }

    /// An attribute whose value is already fit for XML: made here (a number, an id such as
    /// `e12`) or by ``Swift/String/exportID`` or ``Swift/String/exportLabel``, so it skips
    /// ``Swift/String/sanitizedForExport``.
    func plainAttribute(_ name: String, _ value: String) throws {
        precondition(queued.isEmpty && !hasContent, "an attribute after the element's content")
        let code = Self.withXMLText(name) { name in Self.withXMLText(value) { xmlTextWriterWriteAttribute(writer, name, $0) } }
        try check(code, "xmlTextWriterWriteAttribute")
    }

    /// `<data key="key">value</data>`, `key` one of the writer's own key ids.
    mutating func data(_ key: String, _ value: String) throws {
        try plainData(key, value.sanitizedForExport)
    }

    /// `<data key="key">value</data>` for a value already fit for XML (see
    /// ``plainAttribute(_:_:)``): a number, a type code, an exported label.
    mutating func plainData(_ key: String, _ value: String) throws {
        try start("data")
        try plainAttribute("key", key)
        try plainText(value)
        try end()
    }

    /// Ends the document and hands what libxml2 still holds to the sink.
    mutating func finish() throws {
        try writeQueued(closing: true)
        try check(xmlTextWriterEndDocument(writer), "xmlTextWriterEndDocument")
        try check(xmlTextWriterFlush(writer), "xmlTextWriterFlush")
    }
}

extension ByteSink {
    /// What a producer wrote into a memory sink.
    ///
    /// - Throws: ``ExportError`` if the sink is a file's (it has nothing to give) or a write failed.
    static func collect(_ produce: (ByteSink) throws -> Void) throws -> Data {
        let sink = ByteSink()
        try produce(sink)
        switch sink.finish() {
        case .success(let data): return data
        case .failure(let error): throw ExportError(.unwritable, "cannot be written (\(error.localizedDescription))")
        }
    }
}
