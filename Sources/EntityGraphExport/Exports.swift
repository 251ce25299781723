import EntityGraph
import Foundation

/// The export formats EntityGraph writes: a closed list the CLI offers.
public enum ExportFormat: String, CaseIterable, Sendable {
    case graphml, dot, gexf, csv, json

    /// The files a format writes, relative to the output folder.
    public var fileNames: [String] {
        switch self {
        case .graphml: ["graph.graphml", "graph.evidence.jsonl"]
        case .dot: ["graph.dot"]
        case .gexf: ["graph.gexf"]
        case .csv: ["nodes.csv", "edges.csv"]
        case .json: ["graph.json"]
        }
    }

    /// Reads `graphml,dot,…` or `all`.
    public static func list(_ argument: String) -> [ExportFormat]? {
        if argument == "all" { return allCases }
        var result: [ExportFormat] = []
        for name in argument.split(separator: ",") {
            guard let format = ExportFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else { return nil }
            if !result.contains(format) { result.append(format) }
        }
        return result.isEmpty ? nil : result
    }
}

/// Writes a graph in several formats into one folder, all files or none.
public struct GraphExporter {
    public var formats: [ExportFormat]
    /// Also put the evidence into the GraphML.
    public var evidenceInGraphML = false
    /// Group DOT nodes into clusters by community.
    public var clusters = false

    public init(formats: [ExportFormat], evidenceInGraphML: Bool = false, clusters: Bool = false) {
        self.formats = formats
        self.evidenceInGraphML = evidenceInGraphML
        self.clusters = clusters
    }

    /// Writes the files and returns their URLs.
    ///
    /// - Throws: ``ExportError``; nothing is replaced unless every file could be written (see
    ///   ``AtomicFileSet``). Also when two node ids would be written alike.
    @discardableResult
    public func write(_ graph: CooccurrenceGraph, to folder: URL) throws -> [URL] {
        try graph.validateIDsForExport()
        var files = AtomicFileSet()
        var written: [URL] = []
        // Each file is written out as soon as it is made, so only one is in memory at a time.
        func write(_ data: Data, _ name: String) throws {
            try stream(name) { $0.write(data) }
        }
        // The large ones go straight from the graph into their files.
        func stream(_ name: String, _ produce: (ByteSink) throws -> Void) throws {
            let url = folder.appendingPathComponent(name)
            try files.writeNow(at: url, produce)
            written.append(url)
        }
        do {
            for format in formats {
                switch format {
                case .graphml:
                    // The two largest files, written side by side.
                    let urls = ["graph.graphml", "graph.evidence.jsonl"].map { folder.appendingPathComponent($0) }
                    let includeEvidence = evidenceInGraphML
                    try files.writeNow([
                        (urls[0], { @Sendable sink in try GraphML.write(graph, includeEvidence: includeEvidence, to: sink) }),
                        (urls[1], { @Sendable sink in EvidenceFile.write(graph, to: sink) }),
                    ])
                    written += urls
                case .dot:
                    try write(Data(DOT.text(for: graph, clusters: clusters).utf8), "graph.dot")
                case .gexf:
                    try stream("graph.gexf") { try GEXF.write(graph, to: $0) }
                case .csv:
                    try write(Data(CSV.nodes(of: graph).utf8), "nodes.csv")
                    try write(Data(CSV.edges(of: graph).utf8), "edges.csv")
                case .json:
                    try write(Data(NodeLinkJSON.text(for: graph).utf8), "graph.json")
                }
            }
            try files.commit()
        } catch {
            files.discard()
            throw error
        }
        return written
    }
}

extension CooccurrenceGraph {
    /// Checks that every node id is written as an id of its own: ids that differ only by what
    /// ``Swift/String/exportLabel`` changes (`=x` and `'=x`, or a control character)
    /// would become one node in the files.
    ///
    /// - Throws: ``ExportError`` with code `conflictingIDs`, naming both ids.
    /// - Complexity: O(*n*) in the number of nodes.
    func validateIDsForExport() throws {
        var seen: [String: String] = [:]
        seen.reserveCapacity(nodes.count)
        for node in nodes {
            let written = node.id.exportID
            if let other = seen.updateValue(node.id, forKey: written) {
                let (first, second) = other < node.id ? (other, node.id) : (node.id, other)
                throw ExportError(
                    .conflictingIDs,
                    "the entity ids \(JSONText.quote(first)) and \(JSONText.quote(second)) "
                        + "would both be written as \(JSONText.quote(written)); give one of them another id in its gazetteer")
            }
        }
    }
}
