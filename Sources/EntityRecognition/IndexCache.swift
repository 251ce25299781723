import Foundation

/// A compiled alias index saved on disk, so that a run over a large gazetteer starts in a
/// fraction of a second instead of parsing and compiling millions of aliases again.
///
/// A cache file is named by a hash of its sources' paths and records, for every source file,
/// its size, modification time and a hash of its content; it is used only when all of them
/// still match, so a stale cache is never used. The program that compiled the index is stamped
/// the same way (its path, size and time), so a cache outlives no change to the compiler's rules.
/// Files are written atomically.
public struct IndexCache: Sendable {
    /// The folder cache files live in.
    public var folder: URL

    static let magic = Array("EGIDX\u{1}\u{0}\u{0}".utf8)
    /// Bumped whenever the layout of the file or of the index changes.
    static let formatVersion: UInt32 = 5

    public init(folder: URL) {
        self.folder = folder
    }

    /// The default folder: `ENTITY_GRAPH_CACHE`, else `$XDG_CACHE_HOME/entity-graph`, else
    /// `~/.cache/entity-graph`.
    public static func defaultFolder() -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["ENTITY_GRAPH_CACHE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        if let path = environment["XDG_CACHE_HOME"], !path.isEmpty {
            return URL(fileURLWithPath: path).appendingPathComponent("entity-graph")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/entity-graph")
    }

    /// What a source file was when the cache was written.
    struct SourceStamp: Equatable {
        var path: String
        var size: UInt64
        var modified: Double
        var contentHash: UInt64
    }

    /// The stamps of the gazetteer files behind `sources` (files, or folders of them).
    static func stamps(of sources: [URL]) throws -> [SourceStamp] {
        var files: [URL] = []
        for source in sources {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder) else {
                throw GazetteerError(.unreadable, at: SourceLocation(file: source.relativePath, line: 0),
                                     "no such gazetteer file or folder")
            }
            files += isFolder.boolValue ? Gazetteer.files(below: source) : [source]
        }
        return try files.map { file in
            let path = file.standardizedFileURL.path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            guard let data = FileManager.default.contents(atPath: path) else {
                throw GazetteerError(.unreadable, at: SourceLocation(file: file.relativePath, line: 0), "cannot be read")
            }
            return SourceStamp(path: path, size: size, modified: modified, contentHash: Self.contentHash(data))
        } + [compilerStamp()]
    }

    /// The stamp of the running program, whose rules (tokenizer, refused words, short forms)
    /// shaped the index.
    static func compilerStamp() -> SourceStamp {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return SourceStamp(path: path, size: size, modified: modified, contentHash: UInt64(formatVersion))
    }

    /// A 64-bit hash of file content, eight bytes at a time.
    static func contentHash(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { raw -> UInt64 in
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
                hash ^= hash >> 31
                offset += 8
            }
            while offset < raw.count {
                hash = (hash ^ UInt64(raw[offset])) &* 0x94D0_49BB_1331_11EB
                offset += 1
            }
            return hash
        }
    }

    /// The cache file for a set of sources.
    func file(for stamps: [SourceStamp]) -> URL {
        let name = Tokenizer.hash(stamps.map(\.path).joined(separator: "\n").utf8)
        return folder.appendingPathComponent("index-\(String(name, radix: 16)).bin")
    }

    /// The index for `sources`: from the cache when it is fresh, otherwise compiled with `load`
    /// and saved for next time.
    ///
    /// - Parameters:
    ///   - sources: the gazetteer files and folders, in the order they are loaded.
    ///   - load: builds the gazetteer from the sources when the cache cannot serve.
    /// - Returns: the index, and whether it came from the cache.
    public func index(for sources: [URL], load: () throws -> Gazetteer) throws -> (index: AliasIndex, cached: Bool) {
        let stamps = try Self.stamps(of: sources)
        let url = file(for: stamps)
        if let reader = BinaryReader(path: url.path), let index = Self.decode(reader, expecting: stamps) {
            return (index, true)
        }
        let index = AliasIndex(gazetteer: try load())
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
        if FileManager.default.createFile(atPath: temporary.path, contents: Self.encode(index, stamps: stamps)) {
            if rename(temporary.path, url.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        }
        return (index, false)
    }

    // MARK: - Encoding

    static func encode(_ index: AliasIndex, stamps: [SourceStamp]) -> Data {
        var writer = BinaryWriter()
        writer.bytes(magic)
        writer.u32(formatVersion)
        writer.u32(UInt32(MemoryLayout<AliasIndex.Entry>.stride))
        writer.u32(UInt32(stamps.count))
        for stamp in stamps {
            writer.string(stamp.path)
            writer.u64(stamp.size)
            writer.u64(stamp.modified.bitPattern)
            writer.u64(stamp.contentHash)
        }
        let gazetteer = index.gazetteer
        writer.u32(UInt32(gazetteer.entities.count))
        for entity in gazetteer.entities {
            writer.string(entity.id)
            writer.string(entity.type.rawValue)
            writer.string(entity.subtype ?? "\u{0}")
            writer.string(entity.label)
        }
        writer.u32(UInt32(gazetteer.sourceFiles.count))
        for name in gazetteer.sourceFiles { writer.string(name) }
        writer.u32(UInt32(gazetteer.aliases.count))
        for alias in gazetteer.aliases {
            writer.string(alias.text)
            writer.u32(UInt32(alias.entity))
            writer.string(alias.language ?? "\u{0}")
            writer.u8((alias.kind == .demonym ? 1 : 0) | (alias.isCaseSensitive ? 2 : 0) | (alias.needsContext ? 4 : 0))
            writer.u32(UInt32(alias.fileIndex))
            writer.u32(UInt32(alias.line))
        }
        let cues = gazetteer.contextCues.sorted { $0.key < $1.key }
        writer.u32(UInt32(cues.count))
        for (entity, list) in cues {
            writer.u32(UInt32(entity))
            writer.u32(UInt32(list.count))
            for cue in list {
                switch cue {
                case .word(let word):
                    writer.u8(0)
                    writer.string(word)
                case .entity(let id):
                    writer.u8(1)
                    writer.string(id)
                }
            }
        }
        writer.array(index.tokens.slots)
        writer.array(index.tokens.starts)
        writer.array(index.tokens.bytes)
        writer.array(index.transitions.slots)
        writer.u64(UInt64(index.transitions.count))
        writer.array(index.terminalHead)
        writer.array(index.entryNext)
        writer.array(index.entries)
        return writer.data
    }

    /// The index a cache file holds, or `nil` if the file is short, damaged or stale.
    static func decode(_ reader: BinaryReader, expecting stamps: [SourceStamp]) -> AliasIndex? {
        guard reader.bytes(magic.count) == magic, reader.u32() == formatVersion,
              reader.u32() == UInt32(MemoryLayout<AliasIndex.Entry>.stride),
              let stampCount = reader.u32(), Int(stampCount) == stamps.count
        else { return nil }
        for expected in stamps {
            guard let path = reader.string(), let size = reader.u64(), let modified = reader.u64(),
                  let hash = reader.u64(),
                  SourceStamp(path: path, size: size, modified: Double(bitPattern: modified), contentHash: hash) == expected
            else { return nil }
        }
        guard let entityCount = reader.u32() else { return nil }
        var entities: [Entity] = []
        entities.reserveCapacity(Int(entityCount))
        for _ in 0..<entityCount {
            guard let id = reader.string(), let type = reader.string(), let subtype = reader.string(),
                  let label = reader.string() else { return nil }
            entities.append(Entity(id: id, type: EntityType(rawValue: type),
                                   subtype: subtype == "\u{0}" ? nil : subtype, label: label))
        }
        guard let fileCount = reader.u32() else { return nil }
        var files: [String] = []
        for _ in 0..<fileCount {
            guard let name = reader.string() else { return nil }
            files.append(name)
        }
        guard let aliasCount = reader.u32() else { return nil }
        var aliases: [Alias] = []
        aliases.reserveCapacity(Int(aliasCount))
        for _ in 0..<aliasCount {
            guard let text = reader.string(), let entity = reader.u32(), let language = reader.string(),
                  let flags = reader.u8(), let file = reader.u32(), let line = reader.u32(),
                  Int(entity) < entities.count, Int(file) < files.count
            else { return nil }
            aliases.append(Alias(text: text, entity: Int(entity), language: language == "\u{0}" ? nil : language,
                                 kind: flags & 1 != 0 ? .demonym : .name, isCaseSensitive: flags & 2 != 0,
                                 needsContext: flags & 4 != 0, line: Int(line), fileIndex: Int(file)))
        }
        guard let cueEntities = reader.u32() else { return nil }
        var cues: [Int: [ContextCue]] = [:]
        for _ in 0..<cueEntities {
            guard let entity = reader.u32(), let count = reader.u32() else { return nil }
            var list: [ContextCue] = []
            for _ in 0..<count {
                guard let kind = reader.u8(), let value = reader.string() else { return nil }
                list.append(kind == 0 ? .word(value) : .entity(value))
            }
            cues[Int(entity)] = list
        }
        guard let slots: [TokenTable.Slot] = reader.array(),
              let starts: [Int32] = reader.array(), let bytes: [UInt8] = reader.array(),
              let transitionSlots: [TransitionTable.Slot] = reader.array(),
              let transitionCount = reader.u64(), let terminalHead: [Int32] = reader.array(),
              let entryNext: [Int32] = reader.array(), let entries: [AliasIndex.Entry] = reader.array(),
              reader.isAtEnd, slots.count.nonzeroBitCount == 1, transitionSlots.count.nonzeroBitCount == 1,
              !starts.isEmpty, entryNext.count == entries.count
        else { return nil }
        let gazetteer = Gazetteer(entities: entities, aliases: aliases, contextCues: cues, sourceFiles: files)
        return AliasIndex(
            gazetteer: gazetteer,
            tokens: TokenTable(slots: slots, starts: starts, bytes: bytes),
            transitions: TransitionTable(slots: transitionSlots, count: Int(transitionCount)),
            terminalHead: terminalHead, entryNext: entryNext, entries: entries)
    }
}

/// Little-endian binary output.
struct BinaryWriter {
    var data = Data()

    mutating func bytes(_ value: [UInt8]) { data.append(contentsOf: value) }
    mutating func u8(_ value: UInt8) { data.append(value) }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }

    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        data.append(contentsOf: value.utf8)
    }

    /// An array of plain values: count, then the raw bytes.
    mutating func array<Element>(_ values: [Element]) {
        u64(UInt64(values.count))
        values.withUnsafeBytes { data.append(contentsOf: $0) }
    }
}

/// Reads what ``BinaryWriter`` wrote, from a file, through a small buffer: arrays go straight
/// from the file into their own storage, so loading never holds the file and its decoded copy
/// in memory at once. Every read fails soft with `nil` on a short file.
final class BinaryReader {
    private let descriptor: Int32
    private let buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0

    init?(path: String) {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        buffer = .allocate(byteCount: 1 << 20, alignment: 16)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// Whether every byte of the file has been read.
    var isAtEnd: Bool { !fill(1) }

    /// Makes at least `count` bytes (at most the buffer's size) available; false at the end.
    private func fill(_ count: Int) -> Bool {
        if end - start >= count { return true }
        if start > 0 {
            buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: end - start)
            end -= start
            start = 0
        }
        while end < count {
            let got = read(descriptor, buffer.baseAddress! + end, buffer.count - end)
            if got <= 0 { return false }
            end += got
        }
        return true
    }

    /// Copies the next `destination.count` bytes into `destination`.
    private func copy(into destination: UnsafeMutableRawBufferPointer) -> Bool {
        let buffered = min(end - start, destination.count)
        if buffered > 0 {
            destination.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: buffered)
            start += buffered
        }
        var filled = buffered
        while filled < destination.count {
            let got = read(descriptor, destination.baseAddress! + filled, destination.count - filled)
            if got <= 0 { return false }
            filled += got
        }
        return true
    }

    func bytes(_ count: Int) -> [UInt8]? {
        var result = [UInt8](repeating: 0, count: count)
        return result.withUnsafeMutableBytes { copy(into: $0) } ? result : nil
    }

    func u8() -> UInt8? {
        guard fill(1) else { return nil }
        defer { start += 1 }
        return buffer[start]
    }

    func u32() -> UInt32? {
        guard fill(4) else { return nil }
        defer { start += 4 }
        return UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: start, as: UInt32.self))
    }

    func u64() -> UInt64? {
        guard fill(8) else { return nil }
        defer { start += 8 }
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: start, as: UInt64.self))
    }

    func string() -> String? {
        guard let length = u32().map(Int.init) else { return nil }
        if length <= buffer.count {
            guard fill(length) else { return nil }
            defer { start += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[start..<start + length]), as: UTF8.self)
        }
        return bytes(length).map { String(decoding: $0, as: UTF8.self) }
    }

    func array<Element>() -> [Element]? {
        guard let count = u64(), count < UInt64(Int.max / 64) else { return nil }
        var complete = false
        let result = [Element](unsafeUninitializedCapacity: Int(count)) { storage, initialized in
            complete = copy(into: UnsafeMutableRawBufferPointer(storage))
            initialized = complete ? Int(count) : 0
        }
        return complete ? result : nil
    }
}
