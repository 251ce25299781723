import CPrefetch

/// Settings for one recognition run.
public struct RecognitionOptions: Sendable {
    /// The language to assume for every document; `nil` uses the document's own, else detects.
    public var language: String?
    /// Report demonyms and place adjectives (`rosyjski`, `Russian`) as mentions of their place.
    public var includeDemonyms: Bool
    /// Also report mentions inside longer ones (SUA in "Departamentul de Justiție al SUA").
    public var includeNested: Bool
    /// The rules that mark lines of page chrome, or `nil` to mark none.
    public var boilerplate: BoilerplateRules?

    public init(
        language: String? = nil, includeDemonyms: Bool = true, includeNested: Bool = false,
        boilerplate: BoilerplateRules? = .standard
    ) {
        self.language = language
        self.includeDemonyms = includeDemonyms
        self.includeNested = includeNested
        self.boilerplate = boilerplate
    }
}

/// Finds and links the entity mentions of documents.
///
/// The pipeline for one document: tokenize (``Tokenizer``), detect the language
/// (``LanguageDetector``) unless given, split sentences (``SentenceSegmenter``), walk the
/// ``AliasIndex`` trie leftmost-longest over a lattice of readings per token (the token itself and
/// the base forms its language's ``Morphology`` proposes), then settle each span's entity with
/// what the whole document says: a surname links to a person named in full, an ambiguous name to
/// the entity the document otherwise names, a context-dependent alias only next to its cues.
///
/// A recognizer caches the readings of each word it has seen, so it is a class: make one per
/// thread and share the ``AliasIndex``.
public final class Recognizer {
    public let index: AliasIndex
    public let options: RecognitionOptions
    /// Readings of the words seen, for the language last used, by key hash.
    private let readingCache = ReadingCache()
    /// Buffers reused from one document to the next.
    private var scratch = Scratch()

    /// A reading of a token packed in 32 bits: the vocabulary token it stands for (bits 0–26),
    /// whether it came through an attributive rule, so that a name cannot end with it (bit 27;
    /// see ``InflectionRule/attributive``), whether some alias starting with it takes it in
    /// lower case (bit 28), whether some alias has it after its first token (bit 29), whether
    /// some alias starts with it (bit 30), whether it came through an inflection rule (bit 31).
    typealias Reading = UInt32
    static let attributiveBit: Reading = 1 << 27
    static let lowercaseStartBit: Reading = 1 << 28
    static let continuesAliasBit: Reading = 1 << 29
    static let startsAliasBit: Reading = 1 << 30
    static let inflectedBit: Reading = 1 << 31
    static let tokenMask: Reading = (1 << 27) - 1

    /// Whether a walk may start at a token written as it is with this reading: some alias
    /// starts with the reading, and the token has a capital or some such alias takes it without
    /// one. Most words of a text are in lower case, and most aliases that start with a common
    /// word ask for its capital (The Hague, La Paz, San José): no walk starts there.
    @inline(__always)
    static func mayStartWalk(_ reading: Reading, capitalized: Bool) -> Bool {
        reading & startsAliasBit != 0 && (capitalized || reading & lowercaseStartBit != 0)
    }

    /// A base form of a word, its bytes at `start..<end` of a shared buffer (`end` -1 once the
    /// vocabulary filter rules it out).
    private struct BaseForm {
        var hash: UInt64
        var start: Int32
        var end: Int32
        var attributive: Bool
    }

    /// The readings of every token of a document, flat: token *i*'s are
    /// `values[starts[i]..<starts[i + 1]]`.
    struct Readings {
        var starts: [Int32] = []
        var values: [Reading] = []
        /// Bit *i*: token *i* has a reading some alias starts with.
        var startsAlias: [Bool] = []
        /// The tokens that have such a reading, for ``Recognizer/read``'s second look.
        var walkStarts: [Int32] = []

        mutating func removeAll() {
            starts.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            startsAlias.removeAll(keepingCapacity: true)
            walkStarts.removeAll(keepingCapacity: true)
        }
    }

    /// Working storage of the trie walk, kept between calls so that no walk allocates.
    struct Scratch {
        var readings = Readings()
        /// Trie states as node << 32 | inflected-token bits.
        var states: [UInt64] = []
        var next: [UInt64] = []
        /// The entries that accepted each candidate of the part, found in
        /// ``Candidate/entries``: one array for all, not one each.
        var accepted: [(entry: Int32, inflected: UInt32)] = []
    }

    /// Readings of the words seen, by key hash and language, in an open-addressing table that
    /// is emptied when it fills: memory stays flat however large the corpus. A slot holds up to
    /// two readings, so that a word seen before costs one memory access.
    ///
    /// A word is known by its 64-bit key hash mixed with its language's, not by its text: slots
    /// of 16 bytes keep four times as many words in the processor's caches as slots holding the
    /// text would, and comparing them copies no string. Two words of one language that share a
    /// hash are about as likely as one in 10¹⁴ per look-up with the table at its fullest, so a
    /// corpus would need some hundred million times this benchmark's 5 million words to expect
    /// one.
    ///
    /// The tables are raw memory owned by the cache, which belongs to one ``Recognizer``: the
    /// look-up of every word makes no reference counting or uniqueness check.
    final class ReadingCache {
        struct Slot {
            /// The mixed hash, never 0 in a used slot.
            var hash: UInt64
            /// The readings: none is ``ReadingCache/none``; more than two are in the pool, with
            /// `first` ``ReadingCache/inPool`` and `second` their start in the pool (count first).
            var first: Reading
            var second: Reading
        }

        static let none: Reading = .max
        static let inPool: Reading = .max - 1
        /// 2^19 slots, 8 MB, emptied at half full: on the bench's 500,000 distinct words a
        /// table twice as large was 3-5% slower on one core and on two, where each thread has its
        /// own and two of 16 MB crowd the processor's shared 32 MB cache.
        private static let capacity = 1 << 19
        /// The words seen last, direct-mapped: small enough to stay in the processor's cache,
        /// where the frequent words of a language are found without touching ``slots``.
        private static let hotCapacity = 1 << 17
        // Allocated on the first store, so that an unused cache costs nothing.
        private var slots: UnsafeMutableBufferPointer<Slot>?
        private var hot: UnsafeMutableBufferPointer<Slot>?
        private var pool: [Reading] = []
        private var count = 0

        deinit {
            slots?.deallocate()
            hot?.deallocate()
        }

        func clear() {
            guard count > 0, let slots, let hot else { return }
            slots.update(repeating: Self.emptySlot)
            hot.update(repeating: Self.emptySlot)
            pool.removeAll(keepingCapacity: true)
            count = 0
        }

        private static let emptySlot = Slot(hash: 0, first: none, second: none)

        /// Where a word with this mixed hash goes in ``hot``, and where its probe starts in ``slots``.
        @inline(__always)
        private static func hotSlot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 40) & (hotCapacity - 1) }
        @inline(__always)
        private static func homeSlot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 7) & (capacity - 1) }

        /// A word's key hash and its language's, mixed (MurmurHash3's finalizer) so that every
        /// bit of the result depends on every bit of both.
        @inline(__always)
        static func hash(of keyHash: UInt64, salt: UInt64) -> UInt64 { (keyHash ^ salt).murmurMixed | 1 }

        /// Starts loading the hot slot where the word with this mixed hash would be, so that
        /// its look-up a few words later finds it in the processor's cache.
        @inline(__always)
        func prefetchHot(_ hash: UInt64) {
            guard let hot else { return }
            entity_graph_prefetch(hot.baseAddress! + Self.hotSlot(hash))
        }

        /// Starts loading the slot of ``slots`` where the word with this mixed hash would be.
        @inline(__always)
        func prefetchSlots(_ hash: UInt64) {
            guard let slots else { return }
            entity_graph_prefetch(slots.baseAddress! + Self.homeSlot(hash))
        }

        /// Whether the word with this mixed hash is in the hot table.
        @inline(__always)
        func isHot(_ hash: UInt64) -> Bool {
            guard let hot else { return false }
            return hot[Self.hotSlot(hash)].hash == hash
        }

        /// The slot of the word with this mixed hash, if it is cached; one found in ``slots`` is
        /// copied into ``hot`` for the next look-up.
        @inline(__always)
        private func find(_ hash: UInt64) -> Slot? {
            guard let slots, let hot else { return nil }
            let hotSlot = Self.hotSlot(hash)
            if hot[hotSlot].hash == hash { return hot[hotSlot] }
            let mask = Self.capacity - 1
            var slot = Self.homeSlot(hash)
            while slots[slot].hash != 0 {
                if slots[slot].hash == hash {
                    hot[hotSlot] = slots[slot]
                    return slots[slot]
                }
                slot = (slot + 1) & mask
            }
            return nil
        }

        /// Appends the cached readings of the word with this mixed hash to `values`; false if
        /// there are none cached.
        @inline(__always)
        func appendReadings(of hash: UInt64, to values: inout [Reading]) -> Bool {
            guard let found = find(hash) else { return false }
            append(found, to: &values)
            return true
        }

        @inline(__always)
        private func append(_ found: Slot, to values: inout [Reading]) {
            if found.first == Self.inPool {
                let start = Int(found.second)
                values.append(contentsOf: pool[start + 1...start + Int(pool[start])])
            } else if found.first != Self.none {
                values.append(found.first)
                if found.second != Self.none { values.append(found.second) }
            }
        }

        /// Keeps `values[first...]` as the readings of the word with this mixed hash.
        func store(_ values: [Reading], from first: Int, for hash: UInt64) {
            if slots == nil {
                slots = .allocate(capacity: Self.capacity)
                slots!.initialize(repeating: Self.emptySlot)
                hot = .allocate(capacity: Self.hotCapacity)
                hot!.initialize(repeating: Self.emptySlot)
            }
            if count * 2 >= Self.capacity { clear() }
            guard let slots, let hot else { return }
            let mask = Self.capacity - 1
            var slot = Self.homeSlot(hash)
            while slots[slot].hash != 0 { slot = (slot + 1) & mask }
            var entry = Slot(hash: hash, first: Self.none, second: Self.none)
            let readings = values.count - first
            if readings > 2 {
                entry.first = Self.inPool
                entry.second = Reading(pool.count)
                pool.append(Reading(readings))
                pool.append(contentsOf: values[first...])
            } else {
                if readings > 0 { entry.first = values[first] }
                if readings == 2 { entry.second = values[first + 1] }
            }
            slots[slot] = entry
            hot[Self.hotSlot(hash)] = entry
            count += 1
        }
    }

    /// A span the trie matched, with where the entries that accepted it are in
    /// ``Scratch/accepted``.
    struct Candidate {
        var start: Int
        var end: Int
        var entries: Range<Int>
    }

    public init(index: AliasIndex, options: RecognitionOptions = RecognitionOptions()) {
        self.index = index
        self.options = options
    }

    /// Text longer than this, in UTF-8 bytes, is recognized in parts of about this size, cut at
    /// line breaks where it can be: memory then stays bounded by the part, not the document (a
    /// 100 MB line from a scraper would otherwise hold some 20 million tokens at once). Names
    /// settle within each part.
    public static let partSize = 1 << 20

    /// Where a recognized part starts in its document.
    private struct PartBase {
        var utf8 = 0
        var scalars = 0
        var tokens = 0
        var sentences = 0
        var paragraphs = 0
    }

    /// Recognizes one document.
    ///
    /// - Complexity: O(*n*·*r*) in the number of tokens and the readings per token, with readings
    ///   cached per distinct word.
    public func recognize(_ document: Document) -> RecognizedDocument {
        var text = document.text
        return text.withUTF8 { bytes in
            var result = RecognizedDocument(
                document: document, language: "", sentences: [], mentions: [],
                boilerplateSentences: [])
            var language = options.language ?? document.language
            var base = PartBase()
            repeat {
                let end = Self.partEnd(in: bytes, from: base.utf8, size: Self.partSize)
                recognizePart(bytes, end: end, base: &base, language: &language, into: &result)
            } while base.utf8 < bytes.count
            return result
        }
    }

    /// Where the part of `text` that starts at `start` ends: the whole rest if it is short,
    /// else after the last line break in the second half of `size` bytes, else after the last
    /// sentence end, else after the last space, else before the last character that does not
    /// lean on the one before it.
    static func partEnd(in text: UnsafeBufferPointer<UInt8>, from start: Int, size: Int) -> Int {
        let limit = start + size
        guard limit < text.count else { return text.count }
        let floor = start + size / 2
        for position in stride(from: limit, to: floor, by: -1) where text[position - 1] == 0x0A {
            return position
        }
        for position in stride(from: limit, to: floor, by: -1) where text[position - 1] == 0x20 {
            // After ".", "!" or "?".
            if text[position - 2] == 0x2E || text[position - 2] == 0x21 || text[position - 2] == 0x3F { return position }
        }
        for position in stride(from: limit, to: floor, by: -1) where text[position - 1] == 0x20 || text[position - 1] == 0x09 {
            return position
        }
        var position = limit
        while position > floor {
            if text[position] & 0xC0 != 0x80 {
                var scalar = UTF8.ForwardParser()
                var bytes = text[position...].makeIterator()
                if case .valid(let encoded) = scalar.parseScalar(from: &bytes) {
                    let category = UTF8.decode(encoded).properties.generalCategory
                    if ![.nonspacingMark, .spacingMark, .enclosingMark, .format].contains(category) { return position }
                }
            }
            position -= 1
        }
        return limit
    }

    /// Recognizes `text[base.utf8..<end]` and appends what it finds to `result`, in document
    /// offsets and indices.
    private func recognizePart(
        _ text: UnsafeBufferPointer<UInt8>, end: Int, base: inout PartBase,
        language declared: inout String?, into result: inout RecognizedDocument
    ) {
        var tokens = Tokenizer.tokens(inUTF8: UnsafeBufferPointer(rebasing: text[base.utf8..<end]))
        if base.utf8 > 0 {
            for position in tokens.indices {
                tokens[position].start += base.scalars
                tokens[position].end += base.scalars
                tokens[position].utf8Start += base.utf8
                tokens[position].utf8End += base.utf8
            }
        }
        let language = declared ?? LanguageDetector.language(of: tokens, in: text)
        declared = language
        result.language = language
        let morphology = Morphology.forLanguage(language)
        if let endings = morphology?.markedEndings, !endings.isEmpty {
            Tokenizer.joinMarkedEndings(&tokens, endings: endings)
        }
        if let endings = morphology?.acronymEndings, !endings.isEmpty {
            Tokenizer.markAcronymEndings(&tokens, in: text, endings: endings)
        }
        let sentences = SentenceSegmenter.sentences(of: tokens)

        // The buffers are taken out of the instance for the part: no exclusivity checks per
        // word.
        var scratch = self.scratch
        self.scratch = Scratch()
        defer { self.scratch = scratch }
        let index = self.index
        scratch.readings.removeAll()
        scratch.accepted.removeAll(keepingCapacity: true)
        let tables = IndexTables(index)
        Self.read(tokens, morphology: morphology, tables: tables, cache: readingCache, into: &scratch.readings)

        var candidates: [Candidate] = []
        var nested: [Candidate] = []
        tokens.withUnsafeBufferPointer { tokens in
            candidates = Self.matches(in: tokens, tables: tables, scratch: &scratch)
            guard options.includeNested else { return }
            for outer in candidates where outer.end - outer.start > 1 {
                var inner = outer.start
                while inner < outer.end {
                    let limit = inner == outer.start ? outer.end - 1 : outer.end
                    if let found = Self.longestMatch(in: tokens, from: inner, limit: limit, tables: tables, scratch: &scratch) {
                        nested.append(found)
                        inner = found.end
                    } else {
                        inner += 1
                    }
                }
            }
        }

        var sentenceOfToken = [Int32](repeating: 0, count: tokens.count)
        for sentence in sentences {
            for token in sentence.tokens { sentenceOfToken[token] = Int32(sentence.index) }
        }
        var resolver = DocumentResolver(
            index: index, tables: tables, tokens: tokens, text: text, candidates: candidates, accepted: scratch.accepted,
            language: language)
        let boilerplateSentences = Self.boilerplateSentences(sentences, tokens: tokens, rules: options.boilerplate)
        let firstMention = result.mentions.count
        result.mentions.reserveCapacity(firstMention + candidates.count + nested.count)
        // Spans are settled first, and the entity and alias records of each asked for, so that
        // the mentions are made from records already on their way rather than one miss apiece.
        var settled: [(candidate: Candidate, isNested: Bool, entry: Int32, inflected: UInt32)] = []
        settled.reserveCapacity(candidates.count + nested.count)
        let aliases = index.gazetteer.aliases
        index.gazetteer.entities.withUnsafeBufferPointer { entities in
            for (candidate, isNested) in candidates.lazy.map({ ($0, false) }) + nested.lazy.map({ ($0, true) }) {
                guard let (entry, inflected) = resolver.resolve(candidate) else { continue }
                let record = index.entries[Int(entry)]
                if record.source == .demonym, !options.includeDemonyms { continue }
                entity_graph_prefetch(entities.baseAddress! + Int(record.entity))
                aliases.prefetch(Int(record.alias))
                settled.append((candidate, isNested, entry, inflected))
            }
        }
        for (position, (candidate, isNested, entry, inflected)) in settled.enumerated() {
            // The alias text of a mention a few ahead, whose record is in by now, loads next.
            if position + 4 < settled.count { aliases.prefetchText(Int(index.entries[Int(settled[position + 4].entry)].alias)) }
            let record = index.entries[Int(entry)]
            let entity = index.gazetteer.entities[Int(record.entity)]
            let start = tokens[candidate.start].start
            let end = tokens[candidate.end - 1].end
            if isNested, result.mentions[firstMention...].contains(where: { $0.start <= start && end <= $0.end && $0.entity == entity }) {
                continue
            }
            let surfaceBytes = UnsafeBufferPointer(rebasing: text[tokens[candidate.start].utf8Start..<tokens[candidate.end - 1].utf8End])
            let match = aliases.withTextBytes(at: Int(record.alias)) {
                Self.matchKind(record, inflected: inflected, surface: surfaceBytes, alias: $0, hasMorphology: morphology != nil)
            }
            let sentence = Int(sentenceOfToken[candidate.start])
            result.mentions.append(
                EntityMention(
                    start: start, end: end, surface: String(decoding: surfaceBytes, as: UTF8.self), entity: entity,
                    entityIndex: Int(record.entity), match: match,
                    sentence: base.sentences + sentence, isNested: isNested,
                    inBoilerplate: boilerplateSentences.contains(sentence),
                    tokens: base.tokens + candidate.start..<base.tokens + candidate.end))
        }
        if !nested.isEmpty {
            result.mentions[firstMention...].sort {
                ($0.start, $1.end, $0.isNested ? 1 : 0) < ($1.start, $0.end, $1.isNested ? 1 : 0)
            }
        }
        for var sentence in sentences {
            sentence.index += base.sentences
            sentence.paragraph += base.paragraphs
            sentence.tokens = base.tokens + sentence.tokens.lowerBound..<base.tokens + sentence.tokens.upperBound
            result.sentences.append(sentence)
        }
        for sentence in boilerplateSentences { result.boilerplateSentences.insert(base.sentences + sentence) }

        // Only a part after this one needs its offset in scalars.
        if end < text.count { base.scalars += text[base.utf8..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        base.utf8 = end
        base.tokens += tokens.count
        base.sentences += sentences.count
        base.paragraphs = (result.sentences.last?.paragraph ?? -1) + 1
    }

    /// Fills `readings` with the readings of every token: the token itself, and the base forms
    /// its language's morphology proposes, each as it stands in the alias vocabulary.
    private static func read(
        _ tokens: [Token], morphology: Morphology?, tables: IndexTables,
        cache: ReadingCache, into readings: inout Readings
    ) {
        // Where each token's readings start, and whether one starts an alias, are written into
        // buffers of the right size: no capacity or uniqueness check per token. The readings
        // themselves go on the end of a local array.
        readings.starts.removeAll(keepingCapacity: true)
        readings.starts.append(contentsOf: repeatElement(0, count: tokens.count + 1))
        readings.startsAlias.removeAll(keepingCapacity: true)
        readings.startsAlias.append(contentsOf: repeatElement(false, count: tokens.count))
        var values = readings.values
        readings.values = []
        defer { readings.values = values }
        var walkStarts = readings.walkStarts
        readings.walkStarts = []
        walkStarts.removeAll(keepingCapacity: true)
        defer { readings.walkStarts = walkStarts }
        // Readings depend on the language's rules: its hash keeps its words apart in the cache.
        let salt = Tokenizer.hash((morphology?.language ?? "").utf8) &* 0x9E37_79B9_7F4A_7C15
        // The cache hashes of the words from here to two distances ahead, each made once.
        let ringSize = 32
        precondition(2 * prefetchDistance < ringSize)
        let ring = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: ringSize)
        defer { ring.deallocate() }
        // The base forms of a word the cache does not know, and their bytes, side by side.
        var baseForms: [BaseForm] = []
        var baseBytes: [UInt8] = []
        readings.starts.withUnsafeMutableBufferPointer { starts in
            readings.startsAlias.withUnsafeMutableBufferPointer { startsAliasFlags in
                tokens.withUnsafeBufferPointer { tokens in
                    for position in 0..<min(2 * prefetchDistance, tokens.count) {
                        ring[position] = ReadingCache.hash(of: tokens[position].keyHash, salt: salt)
                    }
                    for position in tokens.indices {
                        // The hot cache slot and the vocabulary filter word of the word two
                        // distances ahead load first; once they are in, a word the hot table
                        // does not hold has its slot in the large table asked for, and its
                        // vocabulary slot too, if the filter lets it through, whether or not the
                        // large table knows it: asking the large table first cost more than the
                        // loads it saved. The memory system takes only so many loads at once:
                        // those the hot table makes needless are not asked for.
                        if position + 2 * prefetchDistance < tokens.count {
                            let ahead = tokens[position + 2 * prefetchDistance].keyHash
                            let aheadHash = ReadingCache.hash(of: ahead, salt: salt)
                            ring[(position + 2 * prefetchDistance) & (ringSize - 1)] = aheadHash
                            cache.prefetchHot(aheadHash)
                            tables.prefetchFilter(hash: ahead)
                        }
                        if position + prefetchDistance < tokens.count {
                            let ahead = ring[(position + prefetchDistance) & (ringSize - 1)]
                            if !cache.isHot(ahead) {
                                cache.prefetchSlots(ahead)
                                tables.prefetchToken(hash: tokens[position + prefetchDistance].keyHash)
                            }
                        }
                        let hash = ring[position & (ringSize - 1)]
                        let first = values.count
                        starts[position] = Int32(first)
                        if !cache.appendReadings(of: hash, to: &values) {
                            let token = tokens[position]
                            if let id = tables.tokenID(of: token) { values.append(reading(id, inflected: false, tables: tables)) }
                            if let morphology, token.kind == .word, token.utf8End - token.utf8Start >= 3 {
                                // Every base form is made and its vocabulary filter word asked
                                // for before any is looked up: a word's dozen candidates then
                                // wait on memory together, not one after another.
                                baseForms.removeAll(keepingCapacity: true)
                                baseBytes.removeAll(keepingCapacity: true)
                                var key = token.key
                                key.withUTF8 { word in
                                    morphology.forEachBaseForm(of: word) { base, attributive in
                                        let hash = Tokenizer.hash(base)
                                        tables.prefetchFilter(hash: hash)
                                        let start = baseBytes.count
                                        baseBytes.append(contentsOf: base)
                                        baseForms.append(
                                            BaseForm(hash: hash, start: Int32(start), end: Int32(baseBytes.count), attributive: attributive)
                                        )
                                    }
                                }
                                for index in baseForms.indices {
                                    if tables.mayContain(hash: baseForms[index].hash) {
                                        tables.prefetchSlot(hash: baseForms[index].hash)
                                    } else {
                                        baseForms[index].end = -1
                                    }
                                }
                                baseBytes.withUnsafeBufferPointer { baseBytes in
                                    for form in baseForms where form.end >= 0 {
                                        let base = UnsafeBufferPointer(rebasing: baseBytes[Int(form.start)..<Int(form.end)])
                                        guard let id = tables.tokenID(bytes: base, hash: form.hash) else { continue }
                                        let value =
                                            reading(id, inflected: true, tables: tables)
                                            | (form.attributive ? attributiveBit : 0)
                                        var known = first
                                        while known < values.count, values[known] & tokenMask != value & tokenMask { known += 1 }
                                        if known < values.count {
                                            // A form that some rule reads anywhere may end a name.
                                            if !form.attributive { values[known] &= ~attributiveBit }
                                        } else {
                                            values.append(value)
                                        }
                                    }
                                }
                            }
                            cache.store(values, from: first, for: hash)
                        }
                        var startsAlias = false
                        let capitalized = tokens[position].startsUppercase
                        for slot in first..<values.count where mayStartWalk(values[slot], capitalized: capitalized) {
                            startsAlias = true
                            break
                        }
                        startsAliasFlags[position] = startsAlias
                        if startsAlias { walkStarts.append(Int32(position)) }
                    }
                    starts[tokens.count] = Int32(values.count)
                    // A walk can only match an alias that starts with one of the word's readings
                    // and is that reading alone or goes on with one of the next word's. A
                    // filter of the aliases' first two words rules out nearly every walk that
                    // would fail before any probe of the trie: from a word without a capital (in,
                    // das, a quote mark) through the filter of the aliases that take their first
                    // word so, which a large gazetteer has for most function words; from a
                    // sentence's first word (Die, Denn) through that of all aliases.
                    values.withUnsafeBufferPointer { values in
                        let starts = UnsafeBufferPointer(starts)
                        for (index, position) in walkStarts.enumerated() {
                            // The filter words of the likeliest pairs of a few such words ahead
                            // load first: the first reading alone, and with the next word's first.
                            if index + 6 < walkStarts.count {
                                let ahead = Int(walkStarts[index + 6])
                                let lowercase = !tokens[ahead].startsUppercase
                                let first = Int32(bitPattern: values[Int(starts[ahead])] & tokenMask)
                                tables.prefetchStartPair(first, then: AliasIndex.noSecondToken, lowercase: lowercase)
                                if ahead + 1 < tokens.count, starts[ahead + 1] < starts[ahead + 2] {
                                    tables.prefetchStartPair(
                                        first, then: Int32(bitPattern: values[Int(starts[ahead + 1])] & tokenMask),
                                        lowercase: lowercase)
                                }
                            }
                            startsAliasFlags[Int(position)] = mayMatch(
                                at: Int(position), capitalized: tokens[Int(position)].startsUppercase,
                                starts: starts, values: values, tables: tables)
                        }
                    }
                }
            }
        }
    }

    /// Whether a walk from token `position`, written with a capital or without, may match:
    /// some alias (that takes its first token without a capital, if the token has none) is one
    /// of the token's readings, or starts with one of them and one of the next token's.
    @inline(__always)
    private static func mayMatch(
        at position: Int, capitalized: Bool, starts: UnsafeBufferPointer<Int32>,
        values: UnsafeBufferPointer<Reading>, tables: IndexTables
    ) -> Bool {
        let hasNext = position + 2 < starts.count
        for slot in Int(starts[position])..<Int(starts[position + 1]) where mayStartWalk(values[slot], capitalized: capitalized) {
            let first = Int32(bitPattern: values[slot] & tokenMask)
            if tables.mayStart(first, then: AliasIndex.noSecondToken, lowercase: !capitalized) { return true }
            guard hasNext else { continue }
            for next in Int(starts[position + 1])..<Int(starts[position + 2]) where values[next] & continuesAliasBit != 0 {
                if tables.mayStart(first, then: Int32(bitPattern: values[next] & tokenMask), lowercase: !capitalized) { return true }
            }
        }
        return false
    }

    /// The leftmost-longest matches of the tokens whose readings are in `scratch`.
    ///
    /// Memory latency, not arithmetic, bounds this walk on a large index: a word's first trie
    /// step and the entries it reaches are asked for some words ahead, so that their loads
    /// overlap with the work on the words before.
    private static func matches(
        in tokens: UnsafeBufferPointer<Token>, tables: IndexTables,
        scratch: inout Scratch
    ) -> [Candidate] {
        // The walk only reads the readings: the loop looks at them apart from `scratch`.
        let startsAlias = scratch.readings.startsAlias
        let readingStarts = scratch.readings.starts
        let readingValues = scratch.readings.values
        return readingStarts.withUnsafeBufferPointer { starts in
            readingValues.withUnsafeBufferPointer { values in
                var candidates: [Candidate] = []
                var position = 0
                // Words before `asked` have had their first steps asked for; those before
                // `settled`, the entries of those steps too.
                var asked = 0
                var settled = 0
                while position < tokens.count {
                    while asked < min(position + 2 * prefetchDistance, tokens.count) {
                        if startsAlias[asked] {
                            prefetchSteps(
                                from: 0, over: values[Int(starts[asked])..<Int(starts[asked + 1])], marked: startsAliasBit,
                                tables: tables)
                        }
                        asked += 1
                    }
                    while settled < min(position + prefetchDistance, tokens.count) {
                        if startsAlias[settled] { prefetchRootEntries(of: settled, starts: starts, values: values, tables: tables) }
                        settled += 1
                    }
                    // Most words start no alias.
                    guard startsAlias[position] else {
                        position += 1
                        continue
                    }
                    if let found = longestMatch(in: tokens, from: position, limit: tokens.count, tables: tables, scratch: &scratch) {
                        candidates.append(found)
                        position = found.end
                    } else {
                        position += 1
                    }
                }
                return candidates
            }
        }
    }

    /// How many words ahead the loops ask for the memory they will need.
    static let prefetchDistance = 8

    /// Starts loading the first entries the walk's first step reaches from token `position`,
    /// and the slots of its second step, once the first step's slots are (most likely) in the
    /// cache: a walk that goes on past its first word then waits for neither.
    @inline(__always)
    private static func prefetchRootEntries(
        of position: Int, starts: UnsafeBufferPointer<Int32>,
        values: UnsafeBufferPointer<Reading>, tables: IndexTables
    ) {
        for slot in Int(starts[position])..<Int(starts[position + 1]) {
            let reading = values[slot]
            guard reading & startsAliasBit != 0,
                let (child, head, branches) = tables.step(from: 0, over: Int32(bitPattern: reading & tokenMask))
            else { continue }
            if head >= 0 { entity_graph_prefetch(tables.entries.baseAddress! + Int(head)) }
            if branches, position + 2 < starts.count {
                prefetchSteps(
                    from: child, over: values[Int(starts[position + 1])..<Int(starts[position + 2])],
                    marked: continuesAliasBit, tables: tables)
            }
        }
    }

    @inline(__always)
    private static func reading(_ token: Int32, inflected: Bool, tables: IndexTables) -> Reading {
        Reading(token) | (tables.startsAlias(token) ? startsAliasBit : 0)
            | (tables.continuesAlias(token) ? continuesAliasBit : 0) | (inflected ? inflectedBit : 0)
            | (tables.startsInLowercase(token) ? lowercaseStartBit : 0)
    }

    /// The sentences that lie on boilerplate lines.
    static func boilerplateSentences(_ sentences: [Sentence], tokens: [Token], rules: BoilerplateRules?) -> Set<Int> {
        guard let rules, !sentences.isEmpty else { return [] }
        let lines = BoilerplateRules.lines(of: tokens)
        let flags = rules.boilerplateFlags(tokens: tokens, lines: lines)
        guard flags.contains(true) else { return [] }
        var result = Set<Int>()
        var line = 0
        for sentence in sentences {
            while line + 1 < lines.count, lines[line + 1].lowerBound <= sentence.tokens.lowerBound { line += 1 }
            if flags[line] { result.insert(sentence.index) }
        }
        return result
    }

    /// The longest alias match that starts at token `start` and ends at or before `limit`.
    static func longestMatch(
        in tokens: UnsafeBufferPointer<Token>, from start: Int, limit: Int, tables: IndexTables,
        scratch: inout Scratch
    ) -> Candidate? {
        scratch.states.removeAll(keepingCapacity: true)
        scratch.states.append(0)
        var best: Candidate?
        // Each step's accepted entries go after the ones before; the longest match's are moved
        // down to where the walk's began.
        let walkStart = scratch.accepted.count
        var position = start
        while position < limit, !scratch.states.isEmpty, position - start < AliasIndex.maximumAliasTokens {
            if position > start, tokens[position].lineBreaksBefore > 0 { break }
            let bit: UInt32 = 1 << UInt32(position - start)
            scratch.next.removeAll(keepingCapacity: true)
            let stepStart = scratch.accepted.count
            let first = Int(scratch.readings.starts[position])
            let last = Int(scratch.readings.starts[position + 1])
            for slot in first..<last {
                let reading = scratch.readings.values[slot]
                // No alias has the token where the walk stands, as it is written: no need to probe.
                if position == start {
                    if !mayStartWalk(reading, capitalized: tokens[start].startsUppercase) { continue }
                } else if reading & Self.continuesAliasBit == 0 {
                    continue
                }
                let token = Int32(bitPattern: reading & Self.tokenMask)
                let inflection = reading & Self.inflectedBit != 0 ? bit : 0
                for state in scratch.states {
                    guard let (child, head, branches) = tables.step(from: Int32(truncatingIfNeeded: state >> 32), over: token)
                    else { continue }
                    let inflected = UInt32(truncatingIfNeeded: state) | inflection
                    // A node no alias goes on from ends the walk there: no probe for the next word.
                    if branches {
                        scratch.next.append(UInt64(UInt32(bitPattern: child)) << 32 | UInt64(inflected))
                        // The next word's steps from here load while this node's entries are read.
                        if position + 1 < limit {
                            let next = Int(scratch.readings.starts[position + 1])..<Int(scratch.readings.starts[position + 2])
                            scratch.readings.values.withUnsafeBufferPointer {
                                prefetchSteps(
                                    from: child, over: UnsafeBufferPointer(rebasing: $0[next]), marked: continuesAliasBit,
                                    tables: tables)
                            }
                        }
                    }
                    // A name does not end with a word read through an attributive rule.
                    var entry = reading & Self.attributiveBit == 0 ? head : -1
                    while entry >= 0 {
                        let record = tables.entries[Int(entry)]
                        if AliasIndex.accepts(record, tokens: tokens, start: start, inflected: inflected) {
                            scratch.accepted.append((entry, inflected))
                        }
                        entry = record.endsNode ? -1 : entry + 1
                    }
                }
            }
            if scratch.accepted.count > stepStart, tokens[position].kind != .punctuation || tokens[start].kind != .punctuation {
                best = Candidate(start: start, end: position + 1, entries: stepStart..<scratch.accepted.count)
            } else {
                scratch.accepted.removeSubrange(stepStart...)
            }
            swap(&scratch.states, &scratch.next)
            position += 1
        }
        guard var best else {
            scratch.accepted.removeSubrange(walkStart...)
            return nil
        }
        if best.entries.lowerBound > walkStart {
            for offset in best.entries.indices { scratch.accepted[walkStart + offset - best.entries.lowerBound] = scratch.accepted[offset] }
            best.entries = walkStart..<walkStart + best.entries.count
        }
        scratch.accepted.removeSubrange(best.entries.upperBound...)
        return best
    }

    /// Starts loading the transition slots of the steps from `node` over those of a token's
    /// `readings` that have `mark` (``startsAliasBit`` from the root, ``continuesAliasBit`` after).
    @inline(__always)
    private static func prefetchSteps(
        from node: Int32, over readings: some Collection<Reading>, marked mark: Reading,
        tables: IndexTables
    ) {
        for reading in readings where reading & mark != 0 {
            let key = AliasIndex.transitionKey(node, Int32(bitPattern: reading & tokenMask))
            entity_graph_prefetch(tables.transitions.baseAddress! + TransitionTable.homeSlot(of: key, in: tables.transitions))
        }
    }

    /// How the text `surface` matched the alias `alias` (both UTF-8) through `entry`.
    static func matchKind(
        _ entry: AliasIndex.Entry, inflected: UInt32, surface: UnsafeBufferPointer<UInt8>,
        alias: UnsafeBufferPointer<UInt8>, hasMorphology: Bool
    ) -> MatchKind {
        switch entry.source {
        case .demonym: return .demonym
        case .shortForm: return .shortForm
        case .listed: break
        }
        if entry.isAbbreviation { return .abbreviation }
        if inflected != 0 { return .inflected }
        // The same bytes are the same text.
        if surface.elementsEqual(alias) { return .exact }
        // ASCII text (most of it), which differs in its bytes, differs as text: folded in lower
        // case, byte for byte, without making a string.
        if surface.allSatisfy({ $0 < 0x80 }), alias.allSatisfy({ $0 < 0x80 }) {
            let lower = { (byte: UInt8) in byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return foldedKind(surface.lazy.map(lower), alias.lazy.map(lower), hasMorphology: hasMorphology)
        }
        // Other text is compared as strings (canonically equivalent ones are the same), then
        // folded in lower case and NFC.
        let surfaceText = String(decoding: surface, as: UTF8.self)
        let aliasText = String(decoding: alias, as: UTF8.self)
        if surfaceText == aliasText { return .exact }
        return foldedKind(
            Array(surfaceText.lightlyFolded.unicodeScalars), Array(aliasText.lightlyFolded.unicodeScalars),
            hasMorphology: hasMorphology)
    }

    /// A match whose text and alias, folded as `text` and `name`, are equal or differ: equal
    /// once folded, or an inflection when the difference is the ending (Rosją for Rosja), or
    /// a spelling variant otherwise (Zelenski for Zełenski).
    private static func foldedKind<Folded: Collection>(_ text: Folded, _ name: Folded, hasMorphology: Bool) -> MatchKind
    where Folded.Element: Equatable {
        if text.elementsEqual(name) { return .folded }
        let shared = zip(text, name).prefix { $0 == $1 }.count
        let differsAtEnd = text.count - shared <= 2 && name.count - shared <= 2
        return hasMorphology && differsAtEnd ? .inflected : .folded
    }
}

extension String {
    /// Lower case, NFC, with Romanian cedilla letters read as comma-below ones.
    var lightlyFolded: String {
        var result = ""
        let lower = lowercased()
        for scalar in (lower.mayChangeUnderNFC ? lower.precomposedStringWithCanonicalMapping : lower).unicodeScalars {
            switch scalar {
            case "ş": result.unicodeScalars.append("ș")
            case "ţ": result.unicodeScalars.append("ț")
            case "\u{2019}": result.unicodeScalars.append("'")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
