import CPrefetch

/// The aliases of a gazetteer, by index.
///
/// A gazetteer read from its lists holds its aliases as values. One restored from the index
/// cache holds fixed-size records and one block of text, served in place from the mapped file,
/// and makes an alias when it is asked for: a million aliases then cost no strings to load,
/// and no memory beyond the pages the system maps.
public struct AliasList: RandomAccessCollection, Sendable, Equatable {
    /// An alias as the cache file keeps it: its text as a range of ``Stored/texts``.
    /// Every byte is a field (24 bytes, no padding), so the file's bytes are always the same.
    struct Record: Sendable {
        var textStart: UInt32
        var textLength: UInt32
        var entity: Int32
        var line: Int32
        var packedLanguage: UInt16
        var fileIndex: UInt16
        var flags: UInt8
        var reserved: UInt8 = 0
        var reserved2: UInt16 = 0
    }

    /// Records and texts from a cache file, each record checked against the texts and the
    /// entity and file counts when the file was read.
    struct Stored: Sendable {
        var records: FlatArray<Record>
        var texts: FlatArray<UInt8>

        func bytes(of record: Record) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: texts.buffer[Int(record.textStart)..<Int(record.textStart + record.textLength)])
        }

        func text(of record: Record) -> String { String(decoding: bytes(of: record), as: UTF8.self) }
    }

    private var made: [Alias]
    private var stored: Stored?

    public init() {
        made = []
    }

    init(stored: Stored) {
        made = []
        self.stored = stored
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { stored?.records.count ?? made.count }

    public subscript(position: Int) -> Alias {
        guard let stored else { return made[position] }
        let record = stored.records[position]
        return Alias(
            text: stored.text(of: record), entity: record.entity, packedLanguage: record.packedLanguage,
            flags: record.flags, line: record.line, fileIndex: record.fileIndex)
    }

    /// Calls `body` with the UTF-8 bytes of the text of the alias at `position`, read in place
    /// from a restored list.
    @inline(__always)
    func withTextBytes<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let stored else {
            var text = made[position].text
            return text.withUTF8(body)
        }
        return body(stored.bytes(of: stored.records[position]))
    }

    /// How many aliases each of `entityCount` entities has.
    func countsByEntity(_ entityCount: Int) -> [Int32] {
        var counts = [Int32](repeating: 0, count: entityCount)
        if let stored {
            for record in stored.records.buffer { counts[Int(record.entity)] += 1 }
        } else {
            made.withUnsafeBufferPointer { made in
                for alias in made { counts[alias.entity] += 1 }
            }
        }
        return counts
    }

    /// Starts loading the text of the alias at `position` of a restored list, whose record
    /// should be in the processor's cache by now (see ``prefetch(_:)``).
    @inline(__always)
    func prefetchText(_ position: Int) {
        guard let stored else { return }
        entity_graph_prefetch(stored.texts.buffer.baseAddress! + Int(stored.records[position].textStart))
    }

    /// Starts loading the alias at `position` into the processor's cache.
    @inline(__always)
    func prefetch(_ position: Int) {
        if let stored {
            entity_graph_prefetch(stored.records.buffer.baseAddress! + position)
        } else {
            made.withUnsafeBufferPointer { entity_graph_prefetch($0.baseAddress! + position) }
        }
    }

    /// Adds an alias; a restored list is made into values first.
    mutating func append(_ alias: Alias) {
        if stored != nil {
            made = Array(self)
            stored = nil
        }
        made.append(alias)
    }

    public static func == (lhs: AliasList, rhs: AliasList) -> Bool {
        lhs.elementsEqual(rhs)
    }

    /// The records a cache file keeps for `aliases`, and their texts in one block, handed to
    /// `write` one record, then one text, at a time.
    static func forEachRecord(of aliases: AliasList, _ write: (Record) -> Void) {
        var textStart: UInt32 = 0
        for alias in aliases {
            let length = UInt32(alias.text.utf8.count)
            write(
                Record(
                    textStart: textStart, textLength: length, entity: Int32(alias.entity), line: alias.line,
                    packedLanguage: alias.packedLanguage, fileIndex: alias.fileIndex, flags: alias.flags))
            textStart += length
        }
    }
}
