/// Open-addressing hash tables in flat arrays, so the compiled alias index is a handful of
/// arrays that a cache file restores without rehashing anything.

/// Folded token keys to dense ids, compared by their UTF-8 bytes.
struct TokenTable: Sendable {
    /// Slot → token id, or -1; the capacity is a power of two.
    private(set) var slots: [Int32]
    /// Per token id: its hash and where its bytes are in ``bytes``.
    private(set) var hashes: [UInt64] = []
    private(set) var starts: [Int32] = [0]
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
    }

    init(slots: [Int32], hashes: [UInt64], starts: [Int32], bytes: [UInt8]) {
        self.slots = slots
        self.hashes = hashes
        self.starts = starts
        self.bytes = bytes
    }

    var count: Int { hashes.count }

    /// The id of a key, if the table holds it.
    @inline(__always)
    func id(hash: UInt64, key: String) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash, matches(Int(id), key) { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The id of a key given as UTF-8 bytes, if the table holds it.
    @inline(__always)
    func id(bytes key: ArraySlice<UInt8>) -> Int32? {
        var hash = Tokenizer.fnvOffset
        for byte in key { hash = (hash ^ UInt64(byte)) &* Tokenizer.fnvPrime }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash {
                let start = Int(starts[Int(id)])
                let end = Int(starts[Int(id) + 1])
                if end - start == key.count, bytes[start..<end].elementsEqual(key) { return id }
            }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func matches(_ id: Int, _ key: String) -> Bool {
        let start = Int(starts[id])
        let end = Int(starts[id + 1])
        var utf8 = key.utf8.makeIterator()
        var index = start
        while let byte = utf8.next() {
            if index == end || bytes[index] != byte { return false }
            index += 1
        }
        return index == end
    }

    /// The id of `key`, added if new.
    mutating func insert(hash: UInt64, key: String) -> Int32 {
        if let known = id(hash: hash, key: key) { return known }
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let id = Int32(count)
        hashes.append(hash)
        bytes.append(contentsOf: key.utf8)
        starts.append(Int32(bytes.count))
        place(id, hash: hash)
        return id
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for id in 0..<count { place(Int32(id), hash: hashes[id]) }
    }
}

/// (node, token) → child node.
struct TransitionTable: Sendable {
    /// Keys stored plus one, so that 0 marks an empty slot.
    private(set) var keys: [UInt64]
    private(set) var values: [Int32]
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
    }

    init(keys: [UInt64], values: [Int32], count: Int) {
        self.keys = keys
        self.values = values
        self.count = count
    }

    @inline(__always)
    static func mix(_ key: UInt64) -> Int {
        var z = key &* 0x9E37_79B9_7F4A_7C15
        z ^= z >> 29
        return Int(truncatingIfNeeded: z)
    }

    @inline(__always)
    func value(for key: UInt64) -> Int32? {
        let stored = key &+ 1
        let mask = keys.count - 1
        var slot = Self.mix(key) & mask
        while true {
            let found = keys[slot]
            if found == 0 { return nil }
            if found == stored { return values[slot] }
            slot = (slot + 1) & mask
        }
    }

    mutating func set(_ value: Int32, for key: UInt64) {
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let stored = key &+ 1
        let mask = keys.count - 1
        var slot = Self.mix(key) & mask
        while keys[slot] != 0 && keys[slot] != stored { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = stored
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        count = 0
        for slot in 0..<oldKeys.count where oldKeys[slot] != 0 {
            set(oldValues[slot], for: oldKeys[slot] &- 1)
        }
    }
}
