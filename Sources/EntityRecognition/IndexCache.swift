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
    static let formatVersion: UInt32 = 17

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
                throw GazetteerError(
                    .unreadable, at: SourceLocation(file: source.relativePath, line: 0),
                    "no such gazetteer file or folder")
            }
            files += isFolder.boolValue ? Gazetteer.files(below: source) : [source]
        }
        return try files.map { file in
            let path = file.standardizedFileURL.path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            // Hashed where it lies, mapped, rather than read into a copy first.
            let contentHash: UInt64
            if size == 0 {
                contentHash = Self.contentHash(UnsafeRawBufferPointer(start: nil, count: 0))
            } else if let mapped = MappedFile(path: path) {
                contentHash = Self.contentHash(mapped.bytes)
            } else {
                throw GazetteerError(.unreadable, at: SourceLocation(file: file.relativePath, line: 0), "cannot be read")
            }
            return SourceStamp(path: path, size: size, modified: modified, contentHash: contentHash)
        } + [compilerStamp()]
    }

    /// The stamp of the running program, whose rules (tokenizer, refused words, short forms)
    /// shaped the index.
    static func compilerStamp() -> SourceStamp {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.uint64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return SourceStamp(path: path, size: size, modified: modified, contentHash: 0)
    }

    /// A 64-bit hash of file content: four independent lanes of eight bytes each, so that the
    /// multiplications overlap instead of waiting on one another, then folded together.
    static func contentHash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        @inline(__always) func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            return mixed ^ (mixed >> 31)
        }
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (
            0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count), 0x6A09_E667_F3BC_C908,
            0xBB67_AE85_84CA_A73B, 0x3C6E_F372_FE94_F82B
        )
        var offset = 0
        while offset + 32 <= raw.count {
            lanes.0 = mix(lanes.0, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = mix(lanes.1, raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, raw.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, raw.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var hash = mix(mix(mix(lanes.0, lanes.1), lanes.2), lanes.3)
        while offset + 8 <= raw.count {
            hash = mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        while offset < raw.count {
            hash = (hash ^ UInt64(raw[offset])) &* 0x94D0_49BB_1331_11EB
            offset += 1
        }
        return hash
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
        if let file = MappedFile(path: url.path), let index = Self.decode(BinaryReader(file), expecting: stamps) {
            return (index, true)
        }
        let index = AliasIndex(gazetteer: try load())
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
        // The cache only saves time: a cache that cannot be written is left out.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor >= 0 {
            var writer = BinaryWriter(descriptor: descriptor)
            Self.encode(index, stamps: stamps, into: &writer)
            writer.flush()
            let closed = close(descriptor) == 0
            if !writer.succeeded || !closed || rename(temporary.path, url.path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
            }
        }
        return (index, false)
    }

    // MARK: - Encoding

    static func encode(_ index: AliasIndex, stamps: [SourceStamp], into writer: inout BinaryWriter) {
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
        // Types and subtypes are few: written once, then by number.
        let types = Array(Set(gazetteer.entities.map(\.type.rawValue))).sorted()
        let subtypes = Array(Set(gazetteer.entities.compactMap(\.subtype))).sorted()
        writer.strings(types)
        writer.strings(subtypes)
        let typeNumber = Dictionary(uniqueKeysWithValues: types.enumerated().map { ($1, UInt32($0)) })
        let subtypeNumber = Dictionary(uniqueKeysWithValues: subtypes.enumerated().map { ($1, UInt32($0 + 1)) })
        writer.u32(UInt32(gazetteer.entities.count))
        for entity in gazetteer.entities {
            writer.string(entity.id)
            writer.u32(typeNumber[entity.type.rawValue]!)
            writer.u32(entity.subtype.map { subtypeNumber[$0]! } ?? 0)
            writer.string(entity.label)
        }
        writer.strings(gazetteer.sourceFiles)
        // The aliases as fixed records and one block of their texts, which a load serves in
        // place (see ``AliasList``). Texts past 4 GB cannot be addressed: no cache then.
        let textBytes = gazetteer.aliases.reduce(0) { $0 + $1.text.utf8.count }
        guard textBytes <= Int(UInt32.max) else {
            writer.fail()
            return
        }
        writer.arrayHeader(count: gazetteer.aliases.count)
        AliasList.forEachRecord(of: gazetteer.aliases) { record in writer.value(record) }
        writer.arrayHeader(count: textBytes)
        for alias in gazetteer.aliases {
            var text = alias.text
            text.withUTF8 { writer.value(bytes: UnsafeRawBufferPointer($0)) }
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
        writer.array(index.tokens.filter)
        writer.array(index.transitions.slots)
        writer.array(index.terminalHead)
        writer.array(index.entries)
        writer.array(index.startingTokens)
        writer.array(index.continuingTokens)
        writer.array(index.lowercaseStartingTokens)
        writer.array(index.lowercaseStartPairs)
        writer.array(index.startPairs)
    }

    /// What the two threads of a load make.
    private final class DecodedParts: @unchecked Sendable {
        var entities: [Entity]?
        var aliases: AliasList?
        var tables: Tables?
    }

    private static func decodeEntities(
        _ reader: BinaryReader, count: Int, types: [EntityType],
        subtypes: [String?]
    ) -> [Entity]? {
        var entities: [Entity] = []
        entities.reserveCapacity(count)
        for _ in 0..<count {
            guard let id = reader.string(), let type = reader.u32(), Int(type) < types.count,
                let subtype = reader.u32(), Int(subtype) < subtypes.count, let label = reader.string()
            else { return nil }
            entities.append(Entity(id: id, type: types[Int(type)], subtype: subtypes[Int(subtype)], label: label))
        }
        return entities
    }

    /// Whether every alias record names an entity and a file there are, and text inside the
    /// block of texts.
    private static func aliasRecordsAreSound(
        _ records: FlatArray<AliasList.Record>, textCount: Int, entityCount: Int,
        fileCount: Int
    ) -> Bool {
        records.allSatisfy { record in
            record.entity >= 0 && Int(record.entity) < entityCount && Int(record.fileIndex) < max(fileCount, 1)
                && Int(record.textStart) + Int(record.textLength) <= textCount
        }
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
        guard let types = reader.strings()?.map(EntityType.init(rawValue:)),
            let subtypes = reader.strings().map({ [nil] + $0.map(Optional.some) })
        else { return nil }
        guard let entityCount = reader.u32() else { return nil }
        // Two threads: one makes the entities, the other checks the alias records and the
        // tables. The entities are found by stepping over their records; the aliases are
        // served in place, made one by one when asked for.
        let entityStart = reader.offset
        for _ in 0..<entityCount {
            guard reader.skipString(), reader.skip(8), reader.skipString() else { return nil }
        }
        guard let files = reader.strings(), let records: FlatArray<AliasList.Record> = reader.array(),
            let texts: FlatArray<UInt8> = reader.array()
        else { return nil }
        let parts = DecodedParts()
        let file = reader.file
        let tableStart = reader.offset
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                parts.entities = decodeEntities(
                    BinaryReader(file, at: entityStart), count: Int(entityCount),
                    types: types, subtypes: subtypes)
            } else {
                guard
                    aliasRecordsAreSound(
                        records, textCount: texts.count, entityCount: Int(entityCount),
                        fileCount: files.count)
                else { return }
                parts.aliases = AliasList(stored: AliasList.Stored(records: records, texts: texts))
                parts.tables = decodeTables(
                    BinaryReader(file, at: tableStart), entityCount: Int(entityCount),
                    aliasCount: records.count)
            }
        }
        guard let entities = parts.entities, let aliases = parts.aliases, let tables = parts.tables else { return nil }
        let gazetteer = Gazetteer(entities: entities, aliases: aliases, contextCues: tables.cues, sourceFiles: files)
        return AliasIndex(
            gazetteer: gazetteer,
            tokens: TokenTable(slots: tables.slots, starts: tables.starts, bytes: tables.bytes, filter: tables.filter),
            transitions: TransitionTable(slots: tables.transitionSlots),
            terminalHead: tables.terminalHead, entries: tables.entries, startingTokens: tables.startingTokens,
            continuingTokens: tables.continuingTokens, lowercaseStartingTokens: tables.lowercaseStartingTokens,
            lowercaseStartPairs: tables.lowercaseStartPairs, startPairs: tables.startPairs)
    }

    /// The context cues and the index's tables, as the file after the aliases holds them.
    private struct Tables {
        var cues: [Int: [ContextCue]]
        var slots: FlatArray<TokenTable.Slot>
        var starts: FlatArray<Int32>
        var bytes: FlatArray<UInt8>
        var filter: FlatArray<UInt64>
        var transitionSlots: FlatArray<TransitionTable.Slot>
        var terminalHead: FlatArray<Int32>
        var entries: FlatArray<AliasIndex.Entry>
        var startingTokens: FlatArray<UInt64>
        var continuingTokens: FlatArray<UInt64>
        var lowercaseStartingTokens: FlatArray<UInt64>
        var lowercaseStartPairs: FlatArray<UInt64>
        var startPairs: FlatArray<UInt64>
    }

    /// The cues and tables from `reader`'s place to the end of the file, every table index
    /// checked, or `nil` if anything is amiss.
    private static func decodeTables(_ reader: BinaryReader, entityCount: Int, aliasCount: Int) -> Tables? {
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
        guard let slots: FlatArray<TokenTable.Slot> = reader.array(),
            let starts: FlatArray<Int32> = reader.array(), let bytes: FlatArray<UInt8> = reader.array(),
            let filter: FlatArray<UInt64> = reader.array(), filter.count.nonzeroBitCount == 1,
            let transitionSlots: FlatArray<TransitionTable.Slot> = reader.array(),
            let terminalHead: FlatArray<Int32> = reader.array(), let entries: FlatArray<AliasIndex.Entry> = reader.array(),
            let startingTokens: FlatArray<UInt64> = reader.array(), let continuingTokens: FlatArray<UInt64> = reader.array(),
            let lowercaseStartingTokens: FlatArray<UInt64> = reader.array(), lowercaseStartingTokens.count == startingTokens.count,
            let lowercaseStartPairs: FlatArray<UInt64> = reader.array(), lowercaseStartPairs.count.nonzeroBitCount == 1,
            let startPairs: FlatArray<UInt64> = reader.array(), startPairs.count.nonzeroBitCount == 1,
            reader.isAtEnd, slots.count.nonzeroBitCount == 1, transitionSlots.count.nonzeroBitCount == 1,
            !starts.isEmpty, startingTokens.count == (starts.count - 1) / 64 + 1,
            continuingTokens.count == startingTokens.count
        else { return nil }
        // The tables are read in place, without bounds checks: a damaged file must not send a
        // lookup out of them. (This reads every page once, a fraction of the time a copy takes.)
        let tokenCount = Int32(starts.count - 1)
        let byteCount = Int32(clamping: bytes.count)
        let nodeCount = Int32(clamping: terminalHead.count)
        let entryCount = Int32(clamping: entries.count)
        guard starts.allSatisfy({ (0...byteCount).contains($0) }),
            slots.allSatisfy({ $0.id < tokenCount && 0 <= $0.start && $0.start <= $0.end && $0.end <= byteCount }),
            transitionSlots.allSatisfy({
                $0.key == 0
                    || (0..<nodeCount).contains($0.child & Int32.max) && $0.head < entryCount
                        && $0.key & 0xFFFF_FFFF < UInt64(tokenCount) + 1
            }),
            terminalHead.allSatisfy({ $0 < entryCount }),
            // A node's entries run on until one ends it: the last entry must, or a walk would
            // read past the table.
            entries.last.map(\.endsNode) ?? true,
            entries.allSatisfy({
                (0..<Int32(entityCount)).contains($0.entity) && (0..<Int32(aliasCount)).contains($0.alias)
                    && $0.tokenCount <= AliasIndex.maximumAliasTokens
            })
        else { return nil }
        return Tables(
            cues: cues, slots: slots, starts: starts, bytes: bytes, filter: filter, transitionSlots: transitionSlots,
            terminalHead: terminalHead, entries: entries, startingTokens: startingTokens,
            continuingTokens: continuingTokens, lowercaseStartingTokens: lowercaseStartingTokens,
            lowercaseStartPairs: lowercaseStartPairs, startPairs: startPairs)
    }
}

/// Little-endian binary output, streamed into a file through a buffer: the cache of a large
/// gazetteer (some 180 MB for 1.3 million aliases) is never whole in memory beside its index.
struct BinaryWriter: ~Copyable {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Bytes written so far, flushed or not.
    private(set) var offset = 0
    /// Whether every write so far succeeded.
    private(set) var succeeded = true
    private static let bufferSize = 1 << 20

    /// A writer into the open file `descriptor`, which it does not close.
    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.bufferSize)
    }

    mutating func bytes(_ value: [UInt8]) { raw(value) }
    mutating func u8(_ value: UInt8) {
        buffer.append(value)
        offset += 1
        if buffer.count >= Self.bufferSize { flush() }
    }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { raw($0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { raw($0) } }

    mutating func string(_ value: String) {
        u32(UInt32(value.utf8.count))
        var value = value
        value.withUTF8 { raw(UnsafeRawBufferPointer($0)) }
    }

    /// A count, then each string.
    mutating func strings(_ values: [String]) {
        u32(UInt32(values.count))
        for value in values { string(value) }
    }

    /// An array of plain values: count, then the raw bytes from the next multiple of 16, so
    /// that a mapped file can serve them in place.
    mutating func array<Element>(_ values: FlatArray<Element>) {
        arrayHeader(count: values.count)
        raw(UnsafeRawBufferPointer(values.buffer))
    }

    /// What ``array(_:)`` writes before the elements, for elements then written one by one
    /// with ``value(_:)``: `count` of them make an array that ``BinaryReader/array()`` reads.
    mutating func arrayHeader(count: Int) {
        u64(UInt64(count))
        raw([UInt8](repeating: 0, count: (16 - offset % 16) % 16))
    }

    /// The bytes of one plain value, as an array's element.
    mutating func value<Element>(_ value: Element) {
        withUnsafeBytes(of: value) { raw($0) }
    }

    /// Raw bytes, as part of an array of bytes.
    mutating func value(bytes: UnsafeRawBufferPointer) {
        raw(bytes)
    }

    /// Marks the file as not to be used, when what it should hold cannot be written.
    mutating func fail() {
        succeeded = false
    }

    private mutating func raw(_ bytes: some Collection<UInt8>) {
        offset += bytes.count
        if buffer.count + bytes.count > Self.bufferSize {
            flush()
            if bytes.count >= Self.bufferSize {
                _ = bytes.withContiguousStorageIfAvailable { write(UnsafeRawBufferPointer($0)) }
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    /// Hands the buffer to the file.
    mutating func flush() {
        buffer.withUnsafeBytes { write($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func write(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes
        while succeeded, !rest.isEmpty {
            let written = Foundation.write(descriptor, rest.baseAddress!, rest.count)
            if written < 0 {
                if errno == EINTR { continue }
                succeeded = false
            } else {
                rest = UnsafeRawBufferPointer(rebasing: rest[written...])
            }
        }
    }
}

/// Reads what ``BinaryWriter`` wrote, from a mapped file: arrays are served in place, without a
/// copy. Every read fails soft with `nil` on a short file.
final class BinaryReader {
    let file: MappedFile
    /// Where the next read starts.
    var offset = 0

    init(_ file: MappedFile, at offset: Int = 0) {
        self.file = file
        self.offset = offset
    }

    private var raw: UnsafeRawBufferPointer { file.bytes }

    /// Whether every byte of the file has been read.
    var isAtEnd: Bool { offset == raw.count }

    func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, offset + count <= raw.count else { return nil }
        defer { offset += count }
        return Array(raw[offset..<offset + count])
    }

    func u8() -> UInt8? {
        guard offset < raw.count else { return nil }
        defer { offset += 1 }
        return raw[offset]
    }

    func u32() -> UInt32? {
        guard offset + 4 <= raw.count else { return nil }
        defer { offset += 4 }
        return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    func u64() -> UInt64? {
        guard offset + 8 <= raw.count else { return nil }
        defer { offset += 8 }
        return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Steps over `count` bytes; false if the file is shorter.
    func skip(_ count: Int) -> Bool {
        guard offset + count <= raw.count else { return false }
        offset += count
        return true
    }

    /// Steps over what ``BinaryWriter/string(_:)`` wrote.
    func skipString() -> Bool {
        guard let length = u32() else { return false }
        return skip(Int(length))
    }

    func string() -> String? {
        guard let length = u32().map(Int.init), offset + length <= raw.count else { return nil }
        defer { offset += length }
        return String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + length]), as: UTF8.self)
    }

    /// What ``BinaryWriter/strings(_:)`` wrote.
    func strings() -> [String]? {
        guard let count = u32(), Int(count) <= raw.count - offset else { return nil }
        var values: [String] = []
        values.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }

    /// An array as it lies in the file, kept alive by the mapping.
    func array<Element>() -> FlatArray<Element>? {
        guard let count = u64(), count < UInt64(Int.max / 64) else { return nil }
        let start = offset + (16 - offset % 16) % 16
        let size = Int(count) * MemoryLayout<Element>.stride
        guard start + size <= raw.count else { return nil }
        offset = start + size
        let base = (raw.baseAddress! + start).assumingMemoryBound(to: Element.self)
        return FlatArray(buffer: UnsafeBufferPointer(start: base, count: Int(count)), owner: file)
    }
}
