import ArgumentParser
import EntityGraphExport
import EntityRecognition
import Foundation

/// `entity-graph extract`: every mention of a known entity, one per line.
public struct ExtractCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print every entity mention in the input documents, linked to its entity.",
        discussion: """
            INPUT is a text file, a folder (read recursively: .txt, .md, .jsonl), a JSON lines file \
            with one {"id", "text", "lang"?, "date"?, "title"?, "url"?} object a line, or - for \
            standard input.

            JSON lines output has one object a mention: doc, start, end (Unicode code points of \
            the text as given, as Python string indices), surface, entity, label, type (PER, ORG, \
            LOC), lang, match (exact, folded, inflected, abbreviation, short-form, demonym), \
            sentence (0-based index in the document), and boilerplate: true for mentions on lines \
            of page chrome (Reklama, CITEȘTE ȘI, Read also, donation appeals, tag lists).

            Examples:
              entity-graph extract examples/corpus --format table
              entity-graph extract --gazetteer people.tsv --lang pl --format jsonl articles/
              cat feed.jsonl | entity-graph extract - > mentions.jsonl
            """
    )

    public enum Format: String, ExpressibleByArgument, CaseIterable, Sendable {
        case jsonl, tsv, table
    }

    @OptionGroup var gazetteer: GazetteerOptions
    @OptionGroup var input: InputOptions

    @Option(
        help: ArgumentHelp(
            "The documents' language (ISO 639-1 code such as pl, ro, it, en), or 'auto' to use the input's own or detect it.",
            valueName: "code"))
    var lang: String = "auto"

    @Option(help: "Output format: jsonl, tsv or table.")
    var format: Format = .jsonl

    @Flag(inversion: .prefixedNo, help: "Report demonyms and place adjectives (rosyjski, Russian, americani) as mentions of their place.")
    var demonyms = true

    @Flag(help: "Also report mentions nested inside longer ones (SUA in 'Departamentul de Justiție al SUA').")
    var nested = false

    @Option(help: ArgumentHelp("Threads to recognize with (default: one per core). The output is the same for any number.", valueName: "n"))
    var jobs: Int?

    @Argument(help: ArgumentHelp("Files, folders, JSON lines files, or - for standard input.", valueName: "input"))
    var inputs: [String]

    public init() {}

    public func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("name at least one input (a file, a folder, or - for standard input)") }
        guard lang == "auto" || Gazetteer.isLanguageCode(lang) && lang != "*" else {
            throw ValidationError("--lang takes an ISO 639-1 code such as pl, ro, it, en, or 'auto'")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes 1 or more") }
    }

    public func run() throws {
        var output = StandardOutput()
        do {
            try write(to: &output, warn: StandardError.writeLine)
            output.flush()
        } catch {
            output.flush()
            StandardError.writeLine("error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Runs the extraction and returns what `run()` prints, for tests.
    public func render() throws -> String {
        var text = ""
        try write(to: &text, warn: { _ in })
        return text
    }

    func write(to output: inout some UTF8OutputStream, warn: @escaping (String) -> Void) throws {
        // The index loads on another thread while the first documents are read.
        let loading = IndexLoading(gazetteer)
        // What the reader reports waits for what the gazetteers report, which comes first.
        let readerWarnings = HeldLines(warn)
        let options = RecognitionOptions(
            language: lang == "auto" ? nil : lang,
            includeDemonyms: demonyms, includeNested: nested)
        let formatter = MentionFormatter(format: format)
        var pool: RecognitionPool?
        func startedPool() throws -> RecognitionPool {
            if let pool { return pool }
            let index = try loading.index(warn: warn)
            // The process ends with the extraction: the index is left for the system to take
            // back, as freeing a million entities' strings one by one would only add time at exit.
            _ = Unmanaged.passRetained(index)
            readerWarnings.release()
            let started = RecognitionPool(index: index, options: options, threads: jobs)
            pool = started
            formatter.writeHeader(to: &output)
            return started
        }
        var batch = DocumentBatch()
        let render = { (result: RecognizedDocument) -> [UInt8] in formatter.utf8(result) }
        let reader = CorpusReader(inputs: inputs, policy: input.policy, warn: readerWarnings.add)
        defer { if let summary = reader.tally.summary { warn(summary) } }
        let progress = Progress()
        defer { progress.finish() }
        // One batch is recognized while the next is read.
        var running: RecognitionPool.Batch<[UInt8]>?
        // The batch in flight and the one being gathered, written out. A gazetteer that cannot
        // be loaded is reported here, before an input error.
        func writeRest() throws {
            let last = try startedPool()
            if let running { for text in running.results() { output.write(utf8: text) } }
            for text in last.recognize(batch.documents, render) { output.write(utf8: text) }
        }
        do {
            try reader.forEachDocument { document in
                progress.advance(bytes: document.text.utf8.count)
                guard batch.add(document) else { return }
                let pool = try startedPool()
                // The next batch starts before the last one is taken in, so a thread that runs
                // out of the last one's documents goes on with this one's instead of waiting.
                let started = pool.start(batch.documents, render)
                let finished = running?.results() ?? []
                running = started
                batch.clear()
                for text in finished { output.write(utf8: text) }
            }
        } catch {
            // The documents read before an input error are still written.
            try writeRest()
            throw error
        }
        try writeRest()
    }
}

/// An alias index loading on a thread of its own, so that reading the corpus need not wait for it.
final class IndexLoading: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<AliasIndex, any Error> = .failure(CancellationError())
    private var warnings: [String] = []
    private var waited = false

    init(_ options: GazetteerOptions) {
        let thread = Thread { [self] in
            result = Result { try options.loadIndex(warn: { self.warnings.append($0) }) }
            done.signal()
        }
        // The default 512 KB of a secondary thread is too little for the gazetteer parser.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the index; passes on what loading it reported, once, and returns it.
    ///
    /// - Throws: what loading the gazetteers threw.
    func index(warn: (String) -> Void) throws -> AliasIndex {
        if !waited {
            done.wait()
            waited = true
            for line in warnings { warn(line) }
        }
        return try result.get()
    }
}

/// Lines held back until ``release()``, then passed on as they come.
final class HeldLines: @unchecked Sendable {
    private let target: (String) -> Void
    private var held: [String]? = []

    init(_ target: @escaping (String) -> Void) {
        self.target = target
    }

    func add(_ line: String) {
        if held != nil { held!.append(line) } else { target(line) }
    }

    func release() {
        guard let lines = held else { return }
        held = nil
        for line in lines { target(line) }
    }
}

/// Writes mentions as JSON lines, TSV or an aligned table.
struct MentionFormatter {
    var format: ExtractCommand.Format

    static let columns = ["doc", "start", "end", "surface", "entity", "label", "type", "lang", "match", "sentence"]

    func writeHeader(to output: inout some TextOutputStream) {
        if format == .tsv { output.write(Self.columns.joined(separator: "\t") + "\n") }
    }

    /// A document's mentions as UTF-8, in the format.
    func utf8(_ result: RecognizedDocument) -> [UInt8] {
        switch format {
        case .jsonl:
            // Made as bytes and turned into text once: appending to a String field by field
            // costs more than finding the mentions.
            var prefix: [UInt8] = Array("{\"doc\":".utf8)
            JSONText.appendQuoted(result.document.id, to: &prefix)
            prefix += ",\"start\":".utf8
            var language: [UInt8] = Array(",\"lang\":".utf8)
            JSONText.appendQuoted(result.language, to: &language)
            language += ",\"match\":\"".utf8
            var bytes: [UInt8] = []
            bytes.reserveCapacity(result.mentions.count * (prefix.count + 160))
            // Fields are read in place: a mention copied out whole would retain and release
            // each of its entity's strings.
            let mentions = result.mentions
            for index in mentions.indices {
                bytes += prefix
                JSONText.appendDecimal(mentions[index].start, to: &bytes)
                bytes += ",\"end\":".utf8
                JSONText.appendDecimal(mentions[index].end, to: &bytes)
                bytes += ",\"surface\":".utf8
                JSONText.appendQuoted(mentions[index].surface, to: &bytes)
                bytes += ",\"entity\":".utf8
                JSONText.appendQuoted(mentions[index].entity.id, to: &bytes)
                bytes += ",\"label\":".utf8
                JSONText.appendQuoted(mentions[index].entity.label, to: &bytes)
                bytes += ",\"type\":\"".utf8
                bytes += mentions[index].entity.type.code.utf8
                bytes += "\"".utf8
                bytes += language
                bytes += mentions[index].match.rawValue.utf8
                bytes += "\",\"sentence\":".utf8
                JSONText.appendDecimal(mentions[index].sentence, to: &bytes)
                if mentions[index].isNested { bytes += ",\"nested\":true".utf8 }
                if mentions[index].inBoilerplate { bytes += ",\"boilerplate\":true".utf8 }
                bytes += "}\n".utf8
            }
            return bytes
        case .tsv:
            var output = ""
            for mention in result.mentions {
                let fields = [
                    result.document.id, "\(mention.start)", "\(mention.end)", mention.surface,
                    mention.entity.id, mention.entity.label, mention.entity.type.code, result.language,
                    mention.match.rawValue, "\(mention.sentence)",
                ]
                output.write(fields.map(Self.tsvField).joined(separator: "\t") + "\n")
            }
            return Array(output.utf8)
        case .table:
            var output = ""
            output.write(
                "\(result.document.id) [\(result.language)]: \(result.mentions.count) mentions, \(Set(result.mentions.map(\.entity.id)).count) entities\n"
            )
            let rows = result.mentions.map { mention in
                [
                    "\(mention.start)-\(mention.end)", Self.tsvField(mention.surface), mention.entity.label,
                    mention.entity.type.code, mention.match.rawValue + (mention.isNested ? " (nested)" : ""),
                ]
            }
            output.write(TextTable.render(header: ["span", "surface", "entity", "type", "match"], rows: rows, indent: 2))
            output.write("\n")
            return Array(output.utf8)
        }
    }

    /// A TSV field: tabs and line breaks become spaces.
    static func tsvField(_ value: String) -> String {
        String(value.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}

/// Documents gathered for one parallel step: a few hundred, or a few megabytes.
struct DocumentBatch {
    private(set) var documents: [Document] = []
    private var bytes = 0

    /// Adds a document; returns whether the batch is full.
    mutating func add(_ document: Document) -> Bool {
        documents.append(document)
        bytes += document.text.utf8.count
        return documents.count >= 256 || bytes >= 4 << 20
    }

    mutating func clear() {
        documents.removeAll(keepingCapacity: true)
        bytes = 0
    }
}
