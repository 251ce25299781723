import Foundation

/// A problem with an input document or file, located as precisely as the input allows.
public struct InputError: Error, CustomStringConvertible, Sendable {
    public struct Code: RawRepresentable, Hashable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let missing = Code(rawValue: "missing")
        public static let unreadable = Code(rawValue: "unreadable")
        public static let malformedJSON = Code(rawValue: "malformed-json")
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
/// Binary files are skipped and invalid UTF-8 is replaced with U+FFFD; both are reported through
/// the `warn` callback, which receives one line naming the file.
public struct CorpusReader {
    public var inputs: [String]
    public var warn: (String) -> Void
    var readStandardInput: () -> Data

    public init(inputs: [String], warn: @escaping (String) -> Void = { _ in },
                readStandardInput: @escaping () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) {
        self.inputs = inputs
        self.warn = warn
        self.readStandardInput = readStandardInput
    }

    /// Calls `body` with every document, in input order.
    ///
    /// - Throws: ``InputError`` for a missing input or a malformed JSON line, or what `body` throws.
    public func forEachDocument(_ body: (Document) throws -> Void) throws {
        for input in inputs {
            if input == "-" {
                try readStream(readStandardInput(), name: "-", body)
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                throw InputError(.missing, at: input, "no such file or folder")
            }
            if isFolder.boolValue {
                for (file, relative) in Self.documentFiles(below: input) {
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
        guard let enumerator = FileManager.default.enumerator(
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
            try readJSONLines(data, name: path, body)
            return
        }
        guard let text = decode(data, name: path) else { return }
        try body(Document(id: id, text: text))
    }

    private func readStream(_ data: Data, name: String, _ body: (Document) throws -> Void) throws {
        let firstByte = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        if firstByte == UInt8(ascii: "{") {
            try readJSONLines(data, name: name, body)
        } else if let text = decode(data, name: name) {
            try body(Document(id: name == "-" ? "stdin" : name, text: text))
        }
    }

    /// The text of a file, or `nil` (with a warning) when it is binary.
    private func decode(_ data: Data, name: String) -> String? {
        if data.prefix(8192).contains(0) {
            warn("\(name): skipped: binary file (contains NUL bytes)")
            return nil
        }
        if let text = String(data: data, encoding: .utf8) { return text }
        let offset = Self.firstInvalidUTF8Offset(data) ?? 0
        warn("\(name): invalid UTF-8 at byte \(offset); replaced with U+FFFD")
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

    private func readJSONLines(_ data: Data, name: String, _ body: (Document) throws -> Void) throws {
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let location = "\(name):\(lineNumber)"
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw InputError(.malformedJSON, at: location, "not a JSON object")
            }
            guard let text = object["text"] as? String else {
                throw InputError(.malformedJSON, at: location, "missing string field 'text'")
            }
            let id: String
            switch object["id"] {
            case let value as String: id = value
            case let value as NSNumber: id = value.stringValue
            default: id = location
            }
            try body(Document(id: id, text: text, language: object["lang"] as? String,
                              date: object["date"] as? String, title: object["title"] as? String,
                              url: object["url"] as? String))
        }
    }
}

