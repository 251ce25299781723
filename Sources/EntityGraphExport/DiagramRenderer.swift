import EntityGraph
import Foundation

/// Draws a graph as SVG or PNG with Graphviz, cutting a large graph to its strongest part.
public struct DiagramRenderer {
    public enum Layout: String, CaseIterable, Sendable {
        case sfdp, neato, dot, fdp, circo
    }

    public var layout: Layout
    /// Draw at most this many entities: those with the largest weighted degree.
    public var maximumNodes: Int

    public init(layout: Layout = .sfdp, maximumNodes: Int = 60) {
        self.layout = layout
        self.maximumNodes = maximumNodes
    }

    /// The Graphviz `dot` executable on the `PATH`, if any.
    public static func graphvizExecutable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The part of `graph` that is drawn, and a note when it was cut.
    ///
    /// The strongest entities by weighted degree (ties by id) stay, with the edges among them;
    /// if those are still more than four per entity, the weakest edges go.
    public func drawnPart(of graph: CooccurrenceGraph) -> (graph: CooccurrenceGraph, note: String?) {
        var part = graph
        var notes: [String] = []
        if graph.nodes.count > maximumNodes {
            let kept = graph.topNodes(by: .weightedDegree, limit: maximumNodes).map(\.id)
            part = graph.subgraph(nodeIDs: Set(kept))
            notes.append("showing the \(maximumNodes) strongest of \(graph.nodes.count) entities")
        }
        let edgeLimit = max(4 * part.nodes.count, 1)
        if part.edges.count > edgeLimit {
            let strongest = Set(part.topEdges(by: part.settings.weight, limit: edgeLimit).map { $0.source + "\u{1F}" + $0.target })
            let edges = part.edges.filter { strongest.contains($0.source + "\u{1F}" + $0.target) }
            notes.append("the \(edgeLimit) strongest of \(part.edges.count) ties")
            part = CooccurrenceGraph(
                nodes: part.nodes, edges: edges, windowCount: part.windowCount,
                documentCount: part.documentCount, settings: part.settings)
        }
        return (part.withAnalytics(), notes.isEmpty ? nil : notes.joined(separator: ", ") + "; the full graph is in the exports")
    }

    /// Draws `graph` into `url` (`.svg` or `.png`), written atomically.
    ///
    /// - Returns: the note on what was cut, if anything was.
    /// - Throws: ``ExportError`` when Graphviz is missing, fails, or warns.
    @discardableResult
    public func render(_ graph: CooccurrenceGraph, to url: URL) throws -> String? {
        guard let executable = Self.graphvizExecutable() else {
            throw ExportError(
                .unwritable,
                "Graphviz is not installed: install it with 'sudo apt-get install graphviz' (Debian, Ubuntu) or 'brew install graphviz' (macOS)"
            )
        }
        let format = url.pathExtension.lowercased()
        guard format == "svg" || format == "png" else {
            throw ExportError(.unwritable, "\(url.relativePath): the diagram must be a .svg or .png file")
        }
        let (part, note) = drawnPart(of: graph)
        // Graphviz reads the DOT from a temporary beside the diagram and draws to a pipe; the
        // diagram is then written like any export, so an interrupted run leaves neither behind.
        let input = AtomicFileSet.sibling(of: url, suffix: "dot")
        try AtomicFileSet.writeTemporary(Data(DOT.text(for: part, note: note).utf8), at: input, for: url)
        defer { AtomicFileSet.removeTemporaries([input]) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        var arguments = ["-K\(layout.rawValue)", "-T\(format)", input.path]
        if format == "png" { arguments.insert("-Gdpi=150", at: 0) }
        process.arguments = arguments
        let drawing = Pipe()
        let errors = Pipe()
        process.standardOutput = drawing
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ExportError(.unwritable, "\(executable): cannot be run")
        }
        // Standard error is read on another thread, so that neither pipe fills while the other is read.
        let errorText = PipeText(errors)
        let image = drawing.fileHandleForReading.readDataToEndOfFile()
        let message = errorText.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ExportError(
                .unwritable,
                "Graphviz (\(layout.rawValue)) failed: \(message.split(separator: "\n").first ?? "exit \(process.terminationStatus)")")
        }
        var files = AtomicFileSet()
        files.add(image, at: url)
        try files.commit()
        if !message.isEmpty {
            FileHandle.standardError.write(Data("Graphviz: \(message)".utf8))
        }
        return note
    }
}

/// The text of a pipe, read to its end on a thread of its own.
private final class PipeText: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ pipe: Pipe) {
        let handle = pipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Waits for the end of the pipe and returns what was read, as UTF-8.
    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
