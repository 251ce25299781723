import CPrefetch

/// Open-addressing hash tables in flat arrays, so the compiled alias index is a handful of
/// arrays that a cache file serves as they lie on disk, without rehashing or copying anything.
///
/// Each slot holds everything a probe needs (the hash or key, and the answer), so that a lookup
/// in a table far larger than the processor's caches costs one memory miss, not three. A table
/// is made by its builder, then frozen into ``FlatArray``s.

extension UInt64 {
    /// The value through MurmurHash3's 64-bit finalizer: a bijection in which every bit of the
    /// result depends on every bit of the value.
    @inline(__always)
    var murmurMixed: UInt64 {
        var mixed = (self ^ (self >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        mixed = (mixed ^ (mixed >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return mixed ^ (mixed >> 33)
    }
}

/// Folded token keys to dense ids, compared by their UTF-8 bytes.
struct TokenTable: Sendable {
    /// One slot: the key's hash, its id (-1 for an empty slot) and where its bytes are.
    struct Slot: Sendable {
        var hash: UInt64
        var id: Int32
        var start: Int32
        var end: Int32

        static let empty = Slot(hash: 0, id: -1, start: 0, end: 0)
    }

    /// The capacity is a power of two.
    let slots: FlatArray<Slot>
    /// Per token id: where its bytes are in ``bytes``.
    let starts: FlatArray<Int32>
    let bytes: FlatArray<UInt8>
    /// A Bloom filter over the keys' hashes (see ``mayContain(hash:filter:)``).
    let filter: FlatArray<UInt64>

    var count: Int { starts.count - 1 }

    /// Whether a key with this hash may be in the table; false for all but about 1% of the
    /// keys that are not. Two bits in one word of 16 bits a key: the filter of a million-word
    /// vocabulary is 2 MB and stays in the processor's cache, where the slots (24 bytes each,
    /// tens of megabytes) do not, and most words a text and its inflection rules ask for are
    /// in no alias.
    @inline(__always)
    static func mayContain(hash: UInt64, filter: UnsafeBufferPointer<UInt64>) -> Bool {
        let (word, bits) = filterBits(of: hash, words: filter.count)
        return filter[word] & bits == bits
    }

    /// Starts loading the filter word that ``mayContain(hash:filter:)`` reads for this hash.
    @inline(__always)
    static func prefetchFilter(hash: UInt64, filter: UnsafeBufferPointer<UInt64>) {
        entity_graph_prefetch(filter.baseAddress! + filterBits(of: hash, words: filter.count).word)
    }

    /// The word of a filter of `words` words (a power of two) and the two bits in it that stand
    /// for a key with this hash.
    @inline(__always)
    private static func filterBits(of hash: UInt64, words: Int) -> (word: Int, bits: UInt64) {
        let mixed = hash &* 0x9E37_79B9_7F4A_7C15
        return (Int(truncatingIfNeeded: mixed >> 12) & (words - 1), 1 << (mixed & 63) | 1 << ((mixed >> 6) & 63))
    }

    /// The filter ``mayContain(hash:filter:)`` reads, for the keys of `slots`.
    static func filter(for slots: [Slot], count: Int) -> [UInt64] {
        filter(count: count, hashes: slots.lazy.filter { $0.id >= 0 }.map(\.hash))
    }

    /// A filter that ``mayContain(hash:filter:)`` reads, of 16 bits a key for `count` keys, with
    /// `hashes` in it.
    static func filter(count: Int, hashes: some Sequence<UInt64>) -> [UInt64] {
        var words = 1
        while words * 4 < count { words <<= 1 }
        var filter = [UInt64](repeating: 0, count: words)
        for hash in hashes {
            let (word, bits) = filterBits(of: hash, words: words)
            filter[word] |= bits
        }
        return filter
    }

    @inline(__always)
    static func find(hash: UInt64, key: String, slots: UnsafeBufferPointer<Slot>, bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = slots[slot]
            if found.id < 0 { return nil }
            if found.hash == hash, matches(found, key, bytes: bytes) { return found.id }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the slot's bytes are the key's.
    @inline(__always)
    static func matches(_ slot: Slot, _ key: String, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var key = key
        return key.withUTF8 { utf8 in
            guard utf8.count == Int(slot.end - slot.start) else { return false }
            var index = Int(slot.start)
            for byte in utf8 {
                if bytes[index] != byte { return false }
                index += 1
            }
            return true
        }
    }
}

/// Makes a ``TokenTable``.
struct TokenTableBuilder {
    private var slots: [TokenTable.Slot]
    private var starts: [Int32] = [0]
    private var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        slots = [TokenTable.Slot](repeating: .empty, count: size)
    }

    var count: Int { starts.count - 1 }

    /// The id of `key`, added if new.
    mutating func insert(hash: UInt64, key: String) -> Int32 {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        // One probe finds the key or the empty slot it goes in.
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].id >= 0 {
            let found = slots[slot]
            if found.hash == hash, bytes.withUnsafeBufferPointer({ TokenTable.matches(found, key, bytes: $0) }) { return found.id }
            slot = (slot + 1) & mask
        }
        precondition(count < Int(Recognizer.tokenMask) - 1, "more alias words than the index can number")
        let id = Int32(count)
        let start = Int32(bytes.count)
        bytes.append(contentsOf: key.utf8)
        starts.append(Int32(bytes.count))
        slots[slot] = TokenTable.Slot(hash: hash, id: id, start: start, end: Int32(bytes.count))
        return id
    }

    private mutating func place(_ entry: TokenTable.Slot) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entry.hash) & mask
        while slots[slot].id >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        let old = slots
        slots = [TokenTable.Slot](repeating: .empty, count: old.count * 2)
        for entry in old where entry.id >= 0 { place(entry) }
    }

    /// The table. The builder is left empty: each array goes as soon as it is copied, so that
    /// a large vocabulary is never in memory three times over.
    mutating func build() -> TokenTable {
        let filter = FlatArray(TokenTable.filter(for: slots, count: count))
        let slots = FlatArray(take(&self.slots))
        let starts = FlatArray(take(&self.starts))
        return TokenTable(slots: slots, starts: starts, bytes: FlatArray(take(&bytes)), filter: filter)
    }
}

/// The array, leaving an empty one in its place: a builder gives its storage away instead of
/// having it copied.
private func take<Element>(_ array: inout [Element]) -> [Element] {
    var taken: [Element] = []
    swap(&taken, &array)
    return taken
}

/// (node, token) → child node, with the first index entry that ends at the child, so that one
/// probe answers both where the walk goes and whether an alias ends there.
struct TransitionTable: Sendable {
    struct Slot: Sendable {
        /// The key stored plus one, so that 0 marks an empty slot.
        var key: UInt64
        /// The node the transition leads to, with the sign bit set when some transition leaves
        /// that node: the walk reads whether to go on where it reads where it is.
        var child: Int32
        /// The first entry ending at `child`, or -1 (see ``AliasIndex/terminalHead``).
        var head: Int32

        static let empty = Slot(key: 0, child: 0, head: -1)
    }

    let slots: FlatArray<Slot>

    @inline(__always)
    static func mix(_ key: UInt64) -> Int {
        var z = key &* 0x9E37_79B9_7F4A_7C15
        z ^= z >> 29
        return Int(truncatingIfNeeded: z)
    }

    /// Where the probe for `key` starts.
    @inline(__always)
    static func homeSlot(of key: UInt64, in slots: UnsafeBufferPointer<Slot>) -> Int { mix(key) & (slots.count - 1) }

    @inline(__always)
    static func find(_ key: UInt64, in slots: UnsafeBufferPointer<Slot>) -> Slot? {
        let stored = key &+ 1
        let mask = slots.count - 1
        var slot = homeSlot(of: key, in: slots)
        while true {
            let found = slots[slot]
            if found.key == 0 { return nil }
            if found.key == stored { return found }
            slot = (slot + 1) & mask
        }
    }

}

/// Makes a ``TransitionTable``.
struct TransitionTableBuilder {
    private var slots: [TransitionTable.Slot]
    private var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        slots = [TransitionTable.Slot](repeating: .empty, count: size)
    }

    /// The child stored for `key`, or `newChild` stored for it, with whether it was: one probe
    /// either way.
    mutating func child(for key: UInt64, orInsert newChild: Int32) -> (child: Int32, inserted: Bool) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let stored = key &+ 1
        let mask = slots.count - 1
        var slot = TransitionTable.mix(key) & mask
        while slots[slot].key != 0 {
            if slots[slot].key == stored { return (slots[slot].child, false) }
            slot = (slot + 1) & mask
        }
        slots[slot] = TransitionTable.Slot(key: stored, child: newChild, head: -1)
        count += 1
        return (newChild, true)
    }

    mutating func set(_ value: Int32, for key: UInt64) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let stored = key &+ 1
        let mask = slots.count - 1
        var slot = TransitionTable.mix(key) & mask
        while slots[slot].key != 0 && slots[slot].key != stored { slot = (slot + 1) & mask }
        if slots[slot].key == 0 { count += 1 }
        slots[slot] = TransitionTable.Slot(key: stored, child: value, head: -1)
    }

    private mutating func grow() {
        let old = slots
        slots = [TransitionTable.Slot](repeating: .empty, count: old.count * 2)
        count = 0
        for entry in old where entry.key != 0 { _ = child(for: entry.key &- 1, orInsert: entry.child) }
    }

    /// Calls `body` with every key stored, in slot order.
    func forEachKey(_ body: (UInt64) -> Void) {
        for slot in slots where slot.key != 0 { body(slot.key &- 1) }
    }

    /// The table, with each child's first entry copied into the slots that lead to it, and its
    /// bit of `branching` (one per node) as the sign of the child. The builder is left empty,
    /// its slots changed in place instead of copied.
    mutating func build(terminalHead: [Int32], branching: [UInt64]) -> TransitionTable {
        var slots = take(&self.slots)
        count = 0
        for position in slots.indices where slots[position].key != 0 {
            let child = Int(slots[position].child)
            slots[position].head = terminalHead[child]
            if branching[child >> 6] & (1 << UInt64(child & 63)) != 0 { slots[position].child |= Int32.min }
        }
        return TransitionTable(slots: FlatArray(slots))
    }
}
