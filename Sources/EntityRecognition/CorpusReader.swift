import Foundation

/// A problem with an input document or file, located as precisely as the input allows.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let missing = Code(rawValue: "missing")
        public static let unreadable = Code(rawValue: "unreadable")
        public static let malformedJSON = Code(rawValue: "malformed-json")
        public static let invalidUTF8 = Code(rawValue: "invalid-utf8")
        public static let binary = Code(rawValue: "binary")
        public static let empty = Code(rawValue: "empty")
    }

    public var code: Code
    /// `file` or `file:line`.
    public var location: String
    public var message: String

    public init(_ code: Code, at location: String, _ message: String) {
        self.code = code
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// Reads documents from the inputs a user names: text files, folders of `.txt` and `.md` files
/// (recursively, in sorted order), JSON lines files (`.jsonl`, `.ndjson`) of
/// `{"id", "text", "lang"?, "date"?, "title"?, "url"?}`, and `-` for standard input (JSON lines
/// when it starts with `{`, otherwise one text document).
///
/// Invalid UTF-8 is replaced with U+FFFD and reported through the `warn` callback, which receives
/// one line naming the file. An empty or binary file, or a malformed JSON line, stops the run
/// with an ``InputError`` naming it, unless the ``Policy`` skips bad input: then it is reported
/// the same way and the rest is read.
public struct CorpusReader {
    /// What to do with a document that cannot be read as it is.
    public struct Policy: Sendable {
        /// Refuse invalid UTF-8 instead of replacing it.
        public var strictUTF8 = false
        /// Skip malformed JSON lines and empty or binary files (each reported) instead of
        /// stopping the run.
        public var skipBadInput = false

        public init(strictUTF8: Bool = false, skipBadInput: Bool = false) {
            self.strictUTF8 = strictUTF8
            self.skipBadInput = skipBadInput
        }
    }

    /// What happened to the input, for the summary line a run prints.
    public final class Tally: @unchecked Sendable {
        public internal(set) var documents = 0
        public internal(set) var replacedUTF8 = 0
        public internal(set) var skippedBinary = 0
        public internal(set) var skippedEmpty = 0
        public internal(set) var skippedLines = 0

        public init() {}

        /// One line, or `nil` when there is nothing to say beyond the count.
        public var summary: String? {
            var parts: [String] = []
            if replacedUTF8 > 0 { parts.append("\(replacedUTF8) with invalid UTF-8 replaced by U+FFFD") }
            if skippedBinary > 0 { parts.append("\(skippedBinary) binary files skipped") }
            if skippedEmpty > 0 { parts.append("\(skippedEmpty) empty files or folders skipped") }
            if skippedLines > 0 { parts.append("\(skippedLines) malformed JSON lines skipped") }
            return parts.isEmpty ? nil : "read \(documents) documents: " + parts.joined(separator: ", ")
        }
    }

    public var inputs: [String]
    public var warn: (String) -> Void
    public var policy: Policy
    public let tally = Tally()
    var readStandardInput: () -> Data

    public init(
        inputs: [String], policy: Policy = Policy(), warn: @escaping (String) -> Void = { _ in },
        readStandardInput: @escaping () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }
    ) {
        self.inputs = inputs
        self.policy = policy
        self.warn = warn
        self.readStandardInput = readStandardInput
    }

    /// Calls `body` with every document, in input order.
    ///
    /// - Throws: ``InputError`` for a missing input, an empty or binary file or a malformed JSON
    ///   line (unless the policy skips bad input), or what `body` throws.
    public func forEachDocument(_ body: (Document) throws -> Void) throws {
        let tally = self.tally
        let body: (Document) throws -> Void = { document in
            tally.documents += 1
            try body(document)
        }
        for input in inputs {
            if input == "-" {
                try readStream(readStandardInput(), name: "-", body)
                continue
            }
            let ext = URL(fileURLWithPath: input).pathExtension.lowercased()
            if ext == "jsonl" || ext == "ndjson", let handle = FileHandle(forReadingAtPath: input) {
                defer { try? handle.close() }
                if try !readJSONLines(from: handle, name: input, body) { try refuseEmpty(input) }
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                throw InputError(.missing, at: input, "no such file or folder")
            }
            if isFolder.boolValue {
                let files = Self.documentFiles(below: input)
                if files.isEmpty {
                    let what = "no .txt, .md, .jsonl or .ndjson files in this folder"
                    try refuse(
                        InputError(.empty, at: input, what + " (--on-error skip goes on without them)"), skipping: what,
                        counted: \.skippedEmpty)
                }
                for (file, relative) in files {
                    try readFile(file, id: relative, body)
                }
            } else {
                try readFile(input, id: input, body)
            }
        }
    }

    /// The `.txt`, `.md`, `.jsonl` and `.ndjson` files below a folder with their paths relative
    /// to it, sorted.
    static func documentFiles(below folder: String) -> [(path: String, relative: String)] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [(String, String)] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in enumerator {
            guard ["txt", "md", "jsonl", "ndjson"].contains(url.pathExtension.lowercased()) else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : url.lastPathComponent
            files.append((path, relative))
        }
        return files.sorted { $0.1 < $1.1 }
    }

    private func readFile(_ path: String, id: String, _ body: (Document) throws -> Void) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(.unreadable, at: path, "cannot be read")
        }
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        if ext == "jsonl" || ext == "ndjson" {
            if try !readJSONLines(data, name: id, body) { try refuseEmpty(path) }
            return
        }
        guard let text = try decode(data, name: path) else { return }
        try body(Document(id: id, text: text))
    }

    private func readStream(_ data: Data, name: String, _ body: (Document) throws -> Void) throws {
        let firstByte = data.first { !Self.isBlank($0) }
        if firstByte == UInt8(ascii: "{") {
            try readJSONLines(data, name: name, body)
        } else if let text = try decode(data, name: name) {
            try body(Document(id: name == "-" ? "stdin" : name, text: text))
        }
    }

    /// Whether a byte is white space that a file of nothing else is empty for.
    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    /// Stops the run over bad input with `error`, or, when the policy skips bad input, reports
    /// at the error's location that `what` was skipped and counts it in the tally.
    private func refuse(_ error: InputError, skipping what: String, counted count: ReferenceWritableKeyPath<Tally, Int>) throws {
        guard policy.skipBadInput else { throw error }
        warn("\(error.location): skipped: \(what)")
        tally[keyPath: count] += 1
    }

    /// ``refuse(_:skipping:counted:)`` for an input with no text in it.
    private func refuseEmpty(_ name: String) throws {
        let what = name == "-" ? "empty input" : "empty file"
        try refuse(
            InputError(.empty, at: name, "\(what): no text to read (--on-error skip skips such files)"), skipping: what,
            counted: \.skippedEmpty)
    }

    /// The text of a file, or `nil` (reported) when it is empty or binary and the policy skips
    /// bad input.
    private func decode(_ data: Data, name: String) throws -> String? {
        if let offset = data.prefix(8192).firstIndex(of: 0) {
            let error = InputError(
                .binary, at: name,
                "binary file, not text: a NUL byte at byte \(offset - data.startIndex) (--on-error skip skips such files)")
            try refuse(error, skipping: "binary file (contains NUL bytes)", counted: \.skippedBinary)
            return nil
        }
        if data.allSatisfy(Self.isBlank) {
            try refuseEmpty(name)
            return nil
        }
        if Gazetteer.isValidUTF8(data) { return String(decoding: data, as: UTF8.self) }
        let offset = Self.firstInvalidUTF8Offset(data) ?? 0
        if policy.strictUTF8 {
            throw InputError(.invalidUTF8, at: name, "invalid UTF-8 at byte \(offset) (without --strict it is replaced with U+FFFD)")
        }
        warn("\(name): invalid UTF-8 at byte \(offset); replaced with U+FFFD")
        tally.replacedUTF8 += 1
        return String(decoding: data, as: UTF8.self)
    }

    /// The byte offset of the first invalid UTF-8 sequence, or `nil` when there is none.
    static func firstInvalidUTF8Offset(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let lead = bytes[offset]
            let length: Int
            switch lead {
            case 0x00..<0x80: length = 1
            case 0xC2..<0xE0: length = 2
            case 0xE0..<0xF0: length = 3
            case 0xF0..<0xF5: length = 4
            default: return offset
            }
            guard offset + length <= bytes.count else { return offset }
            if length > 1, String(bytes: bytes[offset..<offset + length], encoding: .utf8) == nil { return offset }
            offset += length
        }
        return nil
    }

    /// Reads JSON lines from a file handle a megabyte at a time, so memory does not grow with
    /// the file; false when every line is blank.
    private func readJSONLines(from handle: FileHandle, name: String, _ body: (Document) throws -> Void) throws -> Bool {
        var pending: [UInt8] = []
        var lineNumber = 0
        var anyLine = false
        while true {
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            guard let lastNewline = pending.lastIndex(of: 0x0A) else { continue }
            try pending.withUnsafeBufferPointer { buffer in
                if try readJSONLines(
                    UnsafeBufferPointer(rebasing: buffer[0...lastNewline]), name: name,
                    firstLine: lineNumber + 1, body)
                {
                    anyLine = true
                }
            }
            lineNumber += pending[0...lastNewline].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            pending.removeFirst(lastNewline + 1)
        }
        if !pending.isEmpty,
            try pending.withUnsafeBufferPointer({ try readJSONLines($0, name: name, firstLine: lineNumber + 1, body) })
        {
            anyLine = true
        }
        return anyLine
    }

    /// Reads JSON lines from memory; false when every line is blank.
    @discardableResult
    private func readJSONLines(_ data: Data, name: String, firstLine: Int = 1, _ body: (Document) throws -> Void) throws -> Bool {
        try data.withUnsafeBytes { raw in
            try readJSONLines(raw.bindMemory(to: UInt8.self), name: name, firstLine: firstLine, body)
        }
    }

    /// Reads the JSON lines of `bytes`, the first of them line `firstLine` of the file; false
    /// when every line is blank.
    private func readJSONLines(
        _ bytes: UnsafeBufferPointer<UInt8>, name: String, firstLine: Int,
        _ body: (Document) throws -> Void
    ) throws -> Bool {
        var lineNumber = firstLine - 1
        var anyLine = false
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            let location = "\(name):\(lineNumber)"
            if line.allSatisfy(Self.isBlank) { continue }
            anyLine = true
            // The parser checks the strings it makes; the line's bytes are checked apart only
            // when it could not vouch for them all, and reported before what else is wrong.
            var unchecked = false
            let parsed = JSONLine.object(line, unchecked: &unchecked)
            if parsed == nil || unchecked, !Gazetteer.isValidUTF8(line) {
                if policy.strictUTF8 {
                    throw InputError(.invalidUTF8, at: location, "invalid UTF-8 (without --strict it is replaced with U+FFFD)")
                }
                warn("\(location): invalid UTF-8; replaced with U+FFFD")
                tally.replacedUTF8 += 1
            }
            let problem: String?
            if let object = parsed {
                if case .string? = object["text"] { problem = nil } else { problem = "missing string field 'text'" }
            } else {
                problem = "not a JSON object"
            }
            if let problem {
                try refuse(
                    InputError(.malformedJSON, at: location, problem + " (--on-error skip skips such lines)"), skipping: problem,
                    counted: \.skippedLines)
                continue
            }
            guard let object = parsed, case .string(let text)? = object["text"] else { continue }
            func string(_ key: String) -> String? {
                if case .string(let value)? = object[key] { return value }
                return nil
            }
            let id: String
            switch object["id"] {
            case .string(let value)?: id = value
            case .number(let value)?: id = value
            default: id = location
            }
            try body(
                Document(
                    id: id, text: text, language: string("lang"), date: string("date"),
                    title: string("title"), url: string("url")))
        }
        return anyLine
    }
}
