import CPrefetch

/// A compiled index over every alias of a gazetteer: a token trie whose edges are folded word
/// keys, walked leftmost-longest over a text's tokens.
///
/// Aliases are tokenized with the same ``Tokenizer`` as documents, so an alias and the text it
/// occurs in meet token by token; matching happens on token boundaries by construction. Each trie
/// node that ends an alias holds ``Entry`` records with what a match must satisfy (capitals,
/// case, context) and how it links.
///
/// The trie follows the token-level phrase matching of spaCy's `PhraseMatcher`, extended with a
/// lattice of inflected readings per token (see ``Recognizer``).
///
/// The index is a class so that the threads that share it pass one reference around instead of
/// retaining each of its arrays; nothing changes it once it is made.
public final class AliasIndex: @unchecked Sendable {
    /// How an index entry came to be.
    public enum Source: UInt8, Sendable {
        /// An alias the gazetteer lists.
        case listed
        /// A demonym the gazetteer lists.
        case demonym
        /// The surname of a person's multi-word name, derived here: links only when the
        /// document settles which person it is.
        case shortForm
    }

    /// One way an alias path in the trie links to an entity.
    public struct Entry: Sendable {
        public var entity: Int32
        /// Index in ``Gazetteer/aliases`` of the alias this entry comes from.
        public var alias: Int32
        /// Bit *k* set: the alias's token *k* starts with a capital, so the text's must too (see
        /// ``laterCapitalsOptional`` for an exception).
        var capitalMask: UInt32
        /// Bit *k* set: the alias's token *k* is in capitals (an acronym), so the text's must be.
        var uppercaseMask: UInt32
        public var source: Source
        var tokenCountByte: UInt8
        var flags: UInt8

        public var tokenCount: Int { Int(tokenCountByte) }
        var isCaseSensitive: Bool { flags & 1 != 0 }
        var needsContext: Bool { flags & 2 != 0 }
        /// The alias reads as an abbreviation: a short run of capitals such as USA, U.S., WSJ.
        public var isAbbreviation: Bool { flags & 4 != 0 }
        /// The last of the entries that end at its trie node (see ``AliasIndex/terminalHead``).
        var endsNode: Bool { flags & 8 != 0 }
        /// The name of a place or an organization that asks for its later capitals only at the
        /// start of a sentence (see ``AliasIndex/accepts(_:tokens:start:inflected:)``).
        var laterCapitalsOptional: Bool { flags & 16 != 0 }
        /// A listed name of one word in lower case and under seven letters (dpa, or a place
        /// list's *lata*, *wyspa*, *nome*, *hora*) matches only as written: read through an
        /// ending, it would make common words (*latach*, *wyspie*) names. A longer one is a name
        /// written so on purpose (Czech *labouristé*, Russian *правительство*, *кабинет*) and
        /// inflects like any other (*labouristů*, *правительства*); so does a demonym
        /// (*rosyjski*, *russo*), an adjective.
        var matchesOnlyAsWritten: Bool { flags & 32 != 0 }
    }

    public let gazetteer: Gazetteer
    let tokens: TokenTable
    let transitions: TransitionTable
    /// Per trie node, the first entry ending there, or -1. A node's entries lie one after the
    /// other from there, the last marked ``Entry/endsNode``: reading them all costs one or two
    /// cache lines, where a chain through a second array cost a miss each.
    let terminalHead: FlatArray<Int32>
    let entries: FlatArray<Entry>
    /// Bit *t* set: some alias starts with vocabulary token *t*. Most words of a text start
    /// none, and this answers for them with one load instead of a probe of the transitions.
    let startingTokens: FlatArray<UInt64>
    /// Bit *t* set: some alias has vocabulary token *t* after its first token.
    let continuingTokens: FlatArray<UInt64>
    /// Bit *t* set: some alias starting with vocabulary token *t* takes it without a capital.
    let lowercaseStartingTokens: FlatArray<UInt64>
    /// A Bloom filter (see ``TokenTable/mayContain(hash:filter:)``) of the first two vocabulary
    /// tokens of each alias that takes its first token without a capital, by ``pairHash(_:_:)``;
    /// a one-token alias has ``noSecondToken`` as its second. A large gazetteer has such aliases
    /// starting with most function words (*in der Au*, *da xin*, *de Haan*): a walk from a word
    /// in lower case is tried only when the filter lets the word and the next one through.
    let lowercaseStartPairs: FlatArray<UInt64>
    /// The same filter for every alias, for walks from a word with a capital: a sentence's
    /// first word (*Die*, *Denn*) starts many aliases, and the next word seldom goes on with one.
    let startPairs: FlatArray<UInt64>

    /// Per entity, how many aliases its lists give it: how widely it is named, the tie-break
    /// between entities that share an alias (see ``DocumentResolver/resolve(_:)``).
    let aliasCounts: FlatArray<Int32>

    /// Maximum number of tokens in an alias; longer aliases are not indexed.
    public static let maximumAliasTokens = 32

    /// Compiles the index for a gazetteer.
    ///
    /// - Complexity: O(*n*) in the total length of the aliases.
    public convenience init(gazetteer: Gazetteer) {
        var compiler = Compiler(aliasCount: gazetteer.aliases.count)
        var explicitSingleKeys: [Int32: Set<String>] = [:]
        var personNames: [(alias: Int, tokens: [Token])] = []

        // One-word names in lower case wait until every alias is seen: one whose entity also
        // lists it with a capital (a place list's *mayo* beside *Mayo*, *nome* beside *Nome*) is
        // left out. The capitalised one is the name; the other would only match the common word
        // (Spanish *mayo*, Italian *nome*) everywhere. A lower-case alias without such a twin
        // (*dpa*) stays, and matches only as written (see ``accepts(_:tokens:start:inflected:)``).
        var lowercaseWords: [(alias: Int32, word: UInt64)] = []
        var capitalizedWords: [UInt64] = []
        for (aliasIndex, alias) in gazetteer.aliases.enumerated() {
            let aliasTokens = Tokenizer.tokens(in: alias.text)
            guard !aliasTokens.isEmpty, aliasTokens.count <= Self.maximumAliasTokens else { continue }
            let source: Source = alias.kind == .demonym ? .demonym : .listed
            if aliasTokens.count == 1, aliasTokens[0].kind == .word, source == .listed, !alias.isCaseSensitive {
                let word = Self.entityWord(alias.entity, aliasTokens[0])
                if aliasTokens[0].startsUppercase {
                    capitalizedWords.append(word)
                } else if alias.text.startsWithLowercaseLetter {
                    lowercaseWords.append((Int32(aliasIndex), word))
                    continue
                }
            }
            compiler.insert(
                tokens: aliasTokens, alias: aliasIndex, entity: Int32(alias.entity), source: source,
                caseSensitive: alias.isCaseSensitive, needsContext: alias.needsContext,
                laterCapitalsOptional: gazetteer.entities[alias.entity].type != .person)
            guard gazetteer.entities[alias.entity].type == .person, alias.kind == .name else { continue }
            if aliasTokens.count == 1 { explicitSingleKeys[Int32(alias.entity), default: []].insert(aliasTokens[0].key) }
            if aliasTokens.filter({ $0.kind == .word }).count >= 2 { personNames.append((aliasIndex, aliasTokens)) }
        }

        capitalizedWords.sort()
        for (aliasIndex, word) in lowercaseWords {
            var (low, high) = (0, capitalizedWords.count)
            while low < high {
                let middle = (low + high) / 2
                if capitalizedWords[middle] < word { low = middle + 1 } else { high = middle }
            }
            guard low == capitalizedWords.count || capitalizedWords[low] != word else { continue }
            let alias = gazetteer.aliases[Int(aliasIndex)]
            let aliasTokens = Tokenizer.tokens(in: alias.text)
            compiler.insert(
                tokens: aliasTokens, alias: Int(aliasIndex), entity: Int32(alias.entity), source: .listed,
                caseSensitive: false, needsContext: alias.needsContext, laterCapitalsOptional: false)
            guard gazetteer.entities[alias.entity].type == .person, alias.kind == .name else { continue }
            explicitSingleKeys[Int32(alias.entity), default: []].insert(aliasTokens[0].key)
        }

        // Short forms: the last word of a person's multi-word name (Musk for Elon Musk).
        var seen = Set<String>()
        for (aliasIndex, nameTokens) in personNames {
            let alias = gazetteer.aliases[aliasIndex]
            guard let surname = nameTokens.last, surname.kind == .word, surname.startsUppercase,
                !surname.isAllUppercase, surname.key.unicodeScalars.count >= 3,
                explicitSingleKeys[Int32(alias.entity)]?.contains(surname.key) != true,
                seen.insert("\(alias.entity)\u{1F}\(surname.key)").inserted
            else { continue }
            compiler.insert(
                tokens: [surname], alias: aliasIndex, entity: Int32(alias.entity), source: .shortForm,
                caseSensitive: false, needsContext: false, laterCapitalsOptional: false)
        }
        let tokens = compiler.tokens.build()
        let (starting, continuing, branching) = Self.bits(
            tokens: tokens.count, nodes: compiler.terminalHead.count,
            transitions: compiler.transitions)
        compiler.layEntriesOutByNode()
        let transitions = compiler.transitions.build(terminalHead: compiler.terminalHead, branching: branching)
        // Each of the compiler's arrays goes as soon as it is copied.
        let terminalHead = FlatArray(compiler.terminalHead)
        compiler.terminalHead = []
        let entries = FlatArray(compiler.entries)
        compiler.entries = []
        var lowercaseStarting = [UInt64](repeating: 0, count: tokens.count / 64 + 1)
        for (word, bits) in compiler.lowercaseStarts.enumerated() where word < lowercaseStarting.count { lowercaseStarting[word] = bits }
        let lowercasePairs = TokenTable.filter(count: compiler.lowercasePairs.count, hashes: compiler.lowercasePairs)
        let startPairs = TokenTable.filter(count: compiler.startPairs.count, hashes: compiler.startPairs)
        self.init(
            gazetteer: gazetteer, tokens: tokens, transitions: transitions, terminalHead: terminalHead,
            entries: entries, startingTokens: FlatArray(starting), continuingTokens: FlatArray(continuing),
            lowercaseStartingTokens: FlatArray(lowercaseStarting), lowercaseStartPairs: FlatArray(lowercasePairs),
            startPairs: FlatArray(startPairs))
    }

    /// An entity and the folded word one of its aliases is, as one hash.
    private static func entityWord(_ entity: Int, _ token: Token) -> UInt64 {
        (token.keyHash ^ UInt64(entity) &* 0x9E37_79B9_7F4A_7C15).murmurMixed
    }

    /// An index from its parts (see ``IndexCache``).
    init(
        gazetteer: Gazetteer, tokens: TokenTable, transitions: TransitionTable, terminalHead: FlatArray<Int32>,
        entries: FlatArray<Entry>, startingTokens: FlatArray<UInt64>, continuingTokens: FlatArray<UInt64>,
        lowercaseStartingTokens: FlatArray<UInt64>, lowercaseStartPairs: FlatArray<UInt64>, startPairs: FlatArray<UInt64>
    ) {
        self.gazetteer = gazetteer
        self.tokens = tokens
        self.transitions = transitions
        self.terminalHead = terminalHead
        self.entries = entries
        self.startingTokens = startingTokens
        self.continuingTokens = continuingTokens
        self.lowercaseStartingTokens = lowercaseStartingTokens
        self.lowercaseStartPairs = lowercaseStartPairs
        self.startPairs = startPairs
        aliasCounts = FlatArray(gazetteer.aliases.countsByEntity(gazetteer.entities.count))
    }

    /// The second token of a one-token alias in ``lowercaseStartPairs`` and ``startPairs``.
    static let noSecondToken: Int32 = -1

    /// The hash of two vocabulary tokens in ``lowercaseStartPairs`` and ``startPairs``: every
    /// bit of it depends on both.
    @inline(__always)
    static func pairHash(_ first: Int32, _ second: Int32) -> UInt64 { transitionKey(first, second).murmurMixed }

    /// The bit sets of ``startingTokens`` and ``continuingTokens`` (the tokens the root, and the
    /// other nodes, have transitions over) and of the nodes that have transitions at all, which
    /// the transitions carry (see ``TransitionTable/Slot``).
    private static func bits(
        tokens: Int, nodes: Int,
        transitions: TransitionTableBuilder
    ) -> ([UInt64], [UInt64], [UInt64]) {
        var starting = [UInt64](repeating: 0, count: tokens / 64 + 1)
        var continuing = starting
        var branching = [UInt64](repeating: 0, count: nodes / 64 + 1)
        transitions.forEachKey { key in
            let token = Int(key & 0xFFFF_FFFF)
            let node = Int(key >> 32)
            branching[node >> 6] |= 1 << UInt64(node & 63)
            if node == 0 {
                starting[token >> 6] |= 1 << UInt64(token & 63)
            } else {
                continuing[token >> 6] |= 1 << UInt64(token & 63)
            }
        }
        return (starting, continuing, branching)
    }

    /// The tables of an index while its aliases go in.
    private struct Compiler {
        var tokens: TokenTableBuilder
        var transitions: TransitionTableBuilder
        var terminalHead: [Int32] = [-1]
        /// While aliases go in, each node's entries are chained through this, newest first.
        var entryNext: [Int32] = []
        /// Bit *t*: some alias whose first token, vocabulary token *t*, asks for no capital.
        var lowercaseStarts: [UInt64] = []
        /// The ``pairHash(_:_:)`` of each alias that takes its first token without a capital.
        var lowercasePairs: [UInt64] = []
        /// The ``pairHash(_:_:)`` of every alias.
        var startPairs: [UInt64] = []
        var entries: [Entry] = []

        /// Lays each node's entries out one after the other, in their chain's order, and marks
        /// the last of each; ``terminalHead`` then points at the first and the chain goes.
        mutating func layEntriesOutByNode() {
            var laid: [Entry] = []
            laid.reserveCapacity(entries.count)
            for node in terminalHead.indices where terminalHead[node] >= 0 {
                var entry = terminalHead[node]
                terminalHead[node] = Int32(laid.count)
                while entry >= 0 {
                    laid.append(entries[Int(entry)])
                    entry = entryNext[Int(entry)]
                }
                laid[laid.count - 1].flags |= 8
            }
            entries = laid
            entryNext = []
        }

        init(aliasCount: Int) {
            tokens = TokenTableBuilder(capacity: max(aliasCount / 2, 64))
            transitions = TransitionTableBuilder(capacity: max(aliasCount, 64))
            terminalHead.reserveCapacity(aliasCount * 2)
            entryNext.reserveCapacity(aliasCount)
            entries.reserveCapacity(aliasCount)
        }

        mutating func insert(
            tokens aliasTokens: [Token], alias: Int, entity: Int32, source: Source,
            caseSensitive: Bool, needsContext: Bool, laterCapitalsOptional: Bool
        ) {
            var node: Int32 = 0
            var first: Int32 = 0
            var second = AliasIndex.noSecondToken
            var capitals: UInt32 = 0
            var uppercase: UInt32 = 0
            var letters = 0
            var allLettersUpper = true
            var wordCount = 0
            var allSingleLetters = true
            for (position, token) in aliasTokens.enumerated() {
                let id = tokens.insert(hash: token.keyHash, key: token.key)
                if position == 0 { first = id }
                if position == 1 { second = id }
                let key = AliasIndex.transitionKey(node, id)
                let (child, inserted) = transitions.child(for: key, orInsert: Int32(terminalHead.count))
                if inserted { terminalHead.append(-1) }
                node = child
                if token.startsUppercase { capitals |= 1 << UInt32(position) }
                let wordLetters = token.kind == .word ? token.key.unicodeScalars.count : 0
                if token.isAllUppercase, wordLetters >= 2 || caseSensitive {
                    uppercase |= 1 << UInt32(position)
                }
                if token.kind == .word {
                    wordCount += 1
                    letters += wordLetters
                    if !token.isAllUppercase { allLettersUpper = false }
                    if wordLetters != 1 { allSingleLetters = false }
                }
            }
            // The name of a place, an organization or an event asks for its later capitals only
            // where its first may be a sentence's (see ``AliasIndex/followsInSentence(_:_:)``), when
            // that first word is no function word: Ukrainian, Czech, Italian and Polish write the
            // later words of an institution in lower case (Європейського союзу, Evropská unie,
            // Unione europea) where a list has them capitalised. At a sentence's start, *Polski
            // rząd* is only the Polish government, not the list's *Polski Rząd*. A person's name
            // keeps every capital, and so does a name that starts with an article or a
            // preposition (Le Monde, La Paz).
            let laterCapitalsOptional =
                laterCapitalsOptional && !caseSensitive && source == .listed && aliasTokens.count >= 2 && capitals & 1 != 0
                && aliasTokens[0].kind == .word && !AliasIndex.functionWords.contains(aliasTokens[0].keyHash)
            let isAbbreviation =
                source != .demonym && allLettersUpper && (2...6).contains(letters)
                && (wordCount == 1 || allSingleLetters)
            let matchesOnlyAsWritten =
                source == .listed && aliasTokens.count == 1 && capitals == 0 && uppercase == 0 && letters < 7
            let flags: UInt8 =
                (caseSensitive ? 1 : 0) | (needsContext ? 2 : 0) | (isAbbreviation ? 4 : 0) | (laterCapitalsOptional ? 16 : 0)
                | (matchesOnlyAsWritten ? 32 : 0)
            startPairs.append(AliasIndex.pairHash(first, second))
            // `accepts` asks a capital of the text's first token for either bit.
            if (capitals | uppercase) & 1 == 0 {
                while lowercaseStarts.count <= Int(first) >> 6 { lowercaseStarts.append(0) }
                lowercaseStarts[Int(first) >> 6] |= 1 << UInt64(first & 63)
                lowercasePairs.append(AliasIndex.pairHash(first, second))
            }
            entryNext.append(terminalHead[Int(node)])
            terminalHead[Int(node)] = Int32(entries.count)
            entries.append(
                Entry(
                    entity: entity, alias: Int32(alias), capitalMask: capitals, uppercaseMask: uppercase,
                    source: source, tokenCountByte: UInt8(aliasTokens.count), flags: flags))
        }
    }

    /// Whether the token at `position` goes on a sentence after a word, a number, a comma or
    /// an elided article (*l'Unione*, *dell’Unione*: the typographic apostrophe folds to `'`) on
    /// its line: its capital is then the name's, not the sentence's.
    static func followsInSentence(_ position: Int, _ tokens: UnsafeBufferPointer<Token>) -> Bool {
        guard position > 0, tokens[position].lineBreaksBefore == 0 else { return false }
        let before = tokens[position - 1]
        return before.kind != .punctuation || before.hasKey(",", hash: commaHash)
            || !tokens[position].spaceBefore && position > 1 && tokens[position - 2].kind == .word
                && before.hasKey("'", hash: apostropheHash)
    }

    private static let commaHash = Tokenizer.hash(",".utf8)
    private static let apostropheHash = Tokenizer.hash("'".utf8)

    /// The key hashes of every language's function words (``LanguageDetector/functionWords``).
    static let functionWords = Tokenizer.keyHashes(of: LanguageDetector.functionWords.flatMap(\.words))

    @inline(__always)
    static func transitionKey(_ node: Int32, _ token: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: token))
    }

    /// Aliases that name more than one entity, each with the aliases (indices into
    /// ``Gazetteer/aliases``) behind it, sorted by the first alias's text. The matcher settles
    /// them per document (an entity the document names otherwise wins, then the one listed
    /// first); this is for reporting them.
    public func ambiguities() -> [[Int]] {
        var groups: [[Int]] = []
        for node in terminalHead.indices {
            var entry = terminalHead[node]
            var aliases: [Int] = []
            var entities = Set<Int32>()
            while entry >= 0 {
                let record = entries[Int(entry)]
                if record.source == .listed {
                    aliases.append(Int(record.alias))
                    entities.insert(record.entity)
                }
                entry = record.endsNode ? -1 : entry + 1
            }
            if entities.count > 1 { groups.append(aliases.sorted()) }
        }
        return groups.sorted { gazetteer.aliases[$0[0]].text < gazetteer.aliases[$1[0]].text }
    }

    /// The number of trie nodes, for statistics.
    public var nodeTotal: Int { terminalHead.count }

    /// Whether an entry accepts the tokens starting at `start`, given which of them were read
    /// through an inflection rule.
    @inline(__always)
    static func accepts(_ entry: Entry, tokens: UnsafeBufferPointer<Token>, start: Int, inflected: UInt32) -> Bool {
        // Case-sensitive aliases and acronyms are written one way only: no inflection, but for
        // an ending after a hyphen or apostrophe (ZUS-owi, PiS-em), which shows itself.
        if inflected != 0, entry.isCaseSensitive || entry.uppercaseMask != 0 {
            for position in 0..<entry.tokenCount where inflected & (1 << UInt32(position)) != 0 {
                if tokens[start + position].hasMarkedEnding { continue }
                if entry.isCaseSensitive || entry.uppercaseMask & (1 << UInt32(position)) != 0 { return false }
            }
        }
        // A short name of one word in lower case is taken only as written (see
        // ``Entry/matchesOnlyAsWritten``).
        if inflected != 0, entry.matchesOnlyAsWritten { return false }
        // Most aliases ask for nothing but capitals where they have them.
        if entry.uppercaseMask == 0, entry.capitalMask == 0, !entry.isCaseSensitive { return true }
        for position in 0..<entry.tokenCount {
            let token = start + position
            guard tokens[token].kind != .punctuation else { continue }
            let bit: UInt32 = 1 << UInt32(position)
            if entry.uppercaseMask & bit != 0 {
                guard tokens[token].isAllUppercase else { return false }
            } else if entry.capitalMask & bit != 0 {
                guard tokens[token].startsUppercase || position > 0 && entry.laterCapitalsOptional && followsInSentence(start, tokens)
                else { return false }
            } else if entry.isCaseSensitive {
                guard !tokens[token].startsUppercase else { return false }
            }
        }
        return true
    }
}

/// The index's tables as raw buffers, for the hot loops of one document: a lookup through
/// them retains and releases nothing, which also keeps threads that share the index from
/// contending for its reference counts. Valid while the index lives.
struct IndexTables {
    let tokenSlots: UnsafeBufferPointer<TokenTable.Slot>
    let tokenBytes: UnsafeBufferPointer<UInt8>
    let tokenFilter: UnsafeBufferPointer<UInt64>
    let transitions: UnsafeBufferPointer<TransitionTable.Slot>
    let entries: UnsafeBufferPointer<AliasIndex.Entry>
    let starting: UnsafeBufferPointer<UInt64>
    let continuing: UnsafeBufferPointer<UInt64>
    let lowercaseStarting: UnsafeBufferPointer<UInt64>
    let lowercaseStartPairs: UnsafeBufferPointer<UInt64>
    let startPairs: UnsafeBufferPointer<UInt64>
    let aliasCounts: UnsafeBufferPointer<Int32>

    init(_ index: AliasIndex) {
        tokenSlots = index.tokens.slots.buffer
        tokenBytes = index.tokens.bytes.buffer
        tokenFilter = index.tokens.filter.buffer
        transitions = index.transitions.slots.buffer
        entries = index.entries.buffer
        starting = index.startingTokens.buffer
        continuing = index.continuingTokens.buffer
        lowercaseStarting = index.lowercaseStartingTokens.buffer
        lowercaseStartPairs = index.lowercaseStartPairs.buffer
        startPairs = index.startPairs.buffer
        aliasCounts = index.aliasCounts.buffer
    }

    /// The id of a text token in the alias vocabulary, if some alias contains it.
    @inline(__always)
    func tokenID(of token: Token) -> Int32? {
        guard TokenTable.mayContain(hash: token.keyHash, filter: tokenFilter) else { return nil }
        return TokenTable.find(hash: token.keyHash, key: token.key, slots: tokenSlots, bytes: tokenBytes)
    }

    /// Starts loading the vocabulary filter's word for a word with this key hash.
    @inline(__always)
    func prefetchFilter(hash: UInt64) { TokenTable.prefetchFilter(hash: hash, filter: tokenFilter) }

    /// Starts loading the vocabulary slot of a word with this key hash, unless the filter
    /// already says it is in no alias.
    @inline(__always)
    func prefetchToken(hash: UInt64) {
        guard mayContain(hash: hash) else { return }
        prefetchSlot(hash: hash)
    }

    /// Whether the vocabulary filter lets a word with this key hash through.
    @inline(__always)
    func mayContain(hash: UInt64) -> Bool { TokenTable.mayContain(hash: hash, filter: tokenFilter) }

    /// Starts loading the vocabulary slot of a word with this key hash.
    @inline(__always)
    func prefetchSlot(hash: UInt64) {
        entity_graph_prefetch(tokenSlots.baseAddress! + (Int(truncatingIfNeeded: hash) & (tokenSlots.count - 1)))
    }

    /// The id of a folded word given as UTF-8 bytes.
    func tokenID(bytes key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Tokenizer.hash(key)
        guard mayContain(hash: hash) else { return nil }
        return tokenID(bytes: key, hash: hash)
    }

    /// The id of a folded word given as UTF-8 bytes whose key hash is `hash`, without asking
    /// the filter (see ``mayContain(hash:)``).
    @inline(__always)
    func tokenID(bytes key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
        let mask = tokenSlots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let found = tokenSlots[slot]
            if found.id < 0 { return nil }
            if found.hash == hash, Int(found.end - found.start) == key.count,
                UnsafeBufferPointer(rebasing: tokenBytes[Int(found.start)..<Int(found.end)]).elementsEqual(key)
            {
                return found.id
            }
            slot = (slot + 1) & mask
        }
    }

    /// The node reached from `node` over `token`, with the first entry that ends there and
    /// whether some alias goes on past it.
    @inline(__always)
    func step(from node: Int32, over token: Int32) -> (child: Int32, head: Int32, branches: Bool)? {
        TransitionTable.find(AliasIndex.transitionKey(node, token), in: transitions)
            .map { ($0.child & Int32.max, $0.head, $0.child < 0) }
    }

    @inline(__always)
    func startsAlias(_ token: Int32) -> Bool { starting[Int(token) >> 6] & (1 << UInt64(token & 63)) != 0 }

    @inline(__always)
    func startsInLowercase(_ token: Int32) -> Bool { lowercaseStarting[Int(token) >> 6] & (1 << UInt64(token & 63)) != 0 }

    @inline(__always)
    func continuesAlias(_ token: Int32) -> Bool { continuing[Int(token) >> 6] & (1 << UInt64(token & 63)) != 0 }

    /// Whether some alias (that takes its first token without a capital, if `lowercase`) may
    /// start with vocabulary tokens `first` and `second` (``AliasIndex/noSecondToken`` for a
    /// one-token alias): false for all but about 1% of the pairs that none does.
    @inline(__always)
    func mayStart(_ first: Int32, then second: Int32, lowercase: Bool) -> Bool {
        TokenTable.mayContain(hash: AliasIndex.pairHash(first, second), filter: lowercase ? lowercaseStartPairs : startPairs)
    }

    /// Starts loading the filter word ``mayStart(_:then:lowercase:)`` reads for these tokens.
    @inline(__always)
    func prefetchStartPair(_ first: Int32, then second: Int32, lowercase: Bool) {
        TokenTable.prefetchFilter(hash: AliasIndex.pairHash(first, second), filter: lowercase ? lowercaseStartPairs : startPairs)
    }

}
