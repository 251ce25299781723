import EntityGraph
import Foundation

/// The evidence sidecar written beside a GraphML file: one JSON object a line for each piece of
/// evidence kept, `{"source", "target", "document", "date", "sentence", "source_start",
/// "source_end", "target_start", "target_end", "snippet"}`, edges in endpoint order; `source` and
/// `target` are node ids as ``Swift/String/exportID`` writes them in every format.
public enum EvidenceFile {
    /// The sidecar's name for a GraphML file: `graph.graphml` → `graph.evidence.jsonl`.
    public static func url(besides graphML: URL) -> URL {
        graphML.deletingPathExtension().appendingPathExtension("evidence.jsonl")
    }

    /// One evidence object as JSON.
    static func json(_ item: Evidence, edge: GraphEdge) -> String {
        var bytes: [UInt8] = []
        var ends: [UInt8] = []
        appendEnds(quotedID(edge.source), quotedID(edge.target), to: &ends)
        append(item, ends: ends, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A node id as the sidecar writes it: ``Swift/String/exportID``, quoted.
    private static func quotedID(_ id: String) -> [UInt8] {
        var quoted: [UInt8] = []
        JSONText.appendQuoted(id.exportID, to: &quoted)
        return quoted
    }

    /// Appends the start of every evidence object of an edge: its two ends (as ``quotedID(_:)``
    /// makes them), up to the document's key.
    private static func appendEnds(_ source: [UInt8], _ target: [UInt8], to bytes: inout [UInt8]) {
        bytes += "{\"source\":".utf8
        bytes += source
        bytes += ",\"target\":".utf8
        bytes += target
        bytes += ",\"document\":".utf8
    }

    /// Appends one evidence object, made straight into bytes, after its edge's `ends`.
    private static func append(_ item: borrowing Evidence, ends: [UInt8], to bytes: inout [UInt8]) {
        bytes += ends
        JSONText.appendQuoted(item.document, sanitizing: true, to: &bytes)
        bytes += ",\"date\":".utf8
        if let date = item.date { JSONText.appendQuoted(date, to: &bytes) } else { bytes += "null".utf8 }
        bytes += ",\"sentence\":".utf8
        JSONText.appendDecimal(item.sentence, to: &bytes)
        bytes += ",\"source_start\":".utf8
        JSONText.appendDecimal(item.source.start, to: &bytes)
        bytes += ",\"source_end\":".utf8
        JSONText.appendDecimal(item.source.end, to: &bytes)
        bytes += ",\"target_start\":".utf8
        JSONText.appendDecimal(item.target.start, to: &bytes)
        bytes += ",\"target_end\":".utf8
        JSONText.appendDecimal(item.target.end, to: &bytes)
        bytes += ",\"snippet\":".utf8
        JSONText.appendQuoted(item.snippet, sanitizing: true, to: &bytes)
        bytes += "}".utf8
    }

    /// The sidecar's contents for a graph.
    public static func data(for graph: CooccurrenceGraph) -> Data {
        // A memory sink cannot fail.
        (try? ByteSink.collect { write(graph, to: $0) }) ?? Data()
    }

    /// Writes the sidecar into `sink`, one edge's evidence at a time, the edge's ends quoted
    /// once for all its evidence, each node's id once for all its edges.
    static func write(_ graph: CooccurrenceGraph, to sink: ByteSink) {
        var lines: [UInt8] = []
        let ids = graph.nodes.map { quotedID($0.id) }
        var ends: [UInt8] = []
        // Through the buffers, not edges and evidence copied out whole: each copy would retain
        // and release every string it holds.
        graph.edges.withUnsafeBufferPointer { edges in
            for number in edges.indices where !edges[number].evidence.isEmpty {
                lines.removeAll(keepingCapacity: true)
                let (source, target) = graph.endPositions(ofEdgeAt: number)
                ends.removeAll(keepingCapacity: true)
                appendEnds(ids[source], ids[target], to: &ends)
                edges[number].evidence.withUnsafeBufferPointer { evidence in
                    for item in evidence.indices {
                        append(evidence[item], ends: ends, to: &lines)
                        lines.append(0x0A)
                    }
                }
                lines.withUnsafeBytes { sink.write($0) }
            }
        }
    }

    /// Reads a sidecar into evidence per edge, keyed by `source` and `target` joined with U+001F.
    ///
    /// - Throws: ``ExportError`` naming the line of a malformed object.
    public static func evidence(from data: Data, name: String) throws -> [String: [Evidence]] {
        var result: [String: [Evidence]] = [:]
        for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: true).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let item = evidence(object), let source = object["source"] as? String,
                let target = object["target"] as? String
            else {
                throw ExportError(.malformed, "\(name):\(number + 1): not an evidence object")
            }
            result[source.importedID + "\u{1F}" + target.importedID, default: []].append(item)
        }
        return result
    }

    /// Evidence from an `evidence` GraphML attribute (a JSON array).
    static func evidenceArray(_ text: String) -> [Evidence] {
        guard let array = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] else { return [] }
        return array.compactMap(evidence)
    }

    private static func evidence(_ object: [String: Any]) -> Evidence? {
        func int(_ key: String) -> Int? { (object[key] as? NSNumber)?.intValue }
        guard let document = object["document"] as? String, let sentence = int("sentence"),
            let sourceStart = int("source_start"), let sourceEnd = int("source_end"),
            let targetStart = int("target_start"), let targetEnd = int("target_end"),
            let snippet = object["snippet"] as? String
        else { return nil }
        return Evidence(
            document: document, date: object["date"] as? String, sentence: sentence,
            source: TextSpan(start: sourceStart, end: sourceEnd),
            target: TextSpan(start: targetStart, end: targetEnd), snippet: snippet)
    }
}

/// Reading and writing a graph as GraphML with its evidence sidecar.
public enum GraphFile {
    /// Reads a GraphML file and, when it is there, its evidence sidecar.
    ///
    /// - Throws: ``ExportError`` for a missing, unreadable or malformed file.
    public static func read(_ url: URL) throws -> CooccurrenceGraph {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ExportError(.unreadable, "\(url.relativePath): no such graph file (build one with 'entity-graph build')")
        }
        var graph = try GraphML.graph(from: data, name: url.relativePath)
        let sidecar = EvidenceFile.url(besides: url)
        if let evidenceData = FileManager.default.contents(atPath: sidecar.path) {
            graph = graph.attachingEvidence(try EvidenceFile.evidence(from: evidenceData, name: sidecar.relativePath))
        }
        return graph
    }
}
