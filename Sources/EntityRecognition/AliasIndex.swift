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
public struct AliasIndex: Sendable {
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
        public var source: Source
        public var tokenCount: Int
        /// Bit *k* set: the alias's token *k* starts with a capital, so the text's must too.
        var capitalMask: UInt64
        /// Bit *k* set: the alias's token *k* is in capitals (an acronym), so the text's must be.
        var uppercaseMask: UInt64
        var isCaseSensitive: Bool
        var needsContext: Bool
        /// The alias reads as an abbreviation: a short run of capitals such as USA, U.S., WSJ.
        public var isAbbreviation: Bool
    }

    public let gazetteer: Gazetteer
    private(set) var vocabulary: [String: Int32] = [:]
    private var transitions: [UInt64: Int32] = [:]
    private var nodeEntries: [Int32: [Int32]] = [:]
    private(set) var entries: [Entry] = []
    private var nodeCount: Int32 = 1

    /// Maximum number of tokens in an alias; longer aliases are not indexed.
    public static let maximumAliasTokens = 32

    /// Compiles the index for a gazetteer.
    ///
    /// - Complexity: O(*n*) in the total length of the aliases.
    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        var explicitSingleKeys: [Int32: Set<String>] = [:]
        var personNames: [(alias: Int, tokens: [Token])] = []

        for (aliasIndex, alias) in gazetteer.aliases.enumerated() {
            let tokens = Tokenizer.tokens(in: alias.text)
            guard !tokens.isEmpty, tokens.count <= Self.maximumAliasTokens else { continue }
            let source: Source = alias.kind == .demonym ? .demonym : .listed
            insert(tokens: tokens, alias: aliasIndex, entity: Int32(alias.entity), source: source,
                   caseSensitive: alias.isCaseSensitive, needsContext: alias.needsContext)
            if tokens.count == 1 { explicitSingleKeys[Int32(alias.entity), default: []].insert(tokens[0].key) }
            if alias.kind == .name, gazetteer.entities[alias.entity].type == .person,
               tokens.filter({ $0.kind == .word }).count >= 2 {
                personNames.append((aliasIndex, tokens))
            }
        }

        // Short forms: the last word of a person's multi-word name (Musk for Elon Musk).
        var seen = Set<String>()
        for (aliasIndex, tokens) in personNames {
            let alias = gazetteer.aliases[aliasIndex]
            guard let surname = tokens.last, surname.kind == .word, surname.startsUppercase,
                  !surname.isAllUppercase, surname.key.unicodeScalars.count >= 3,
                  explicitSingleKeys[Int32(alias.entity)]?.contains(surname.key) != true,
                  seen.insert("\(alias.entity)\u{1F}\(surname.key)").inserted
            else { continue }
            insert(tokens: [surname], alias: aliasIndex, entity: Int32(alias.entity), source: .shortForm,
                   caseSensitive: false, needsContext: false)
        }
    }

    private mutating func insert(tokens: [Token], alias: Int, entity: Int32, source: Source,
                                 caseSensitive: Bool, needsContext: Bool) {
        var node: Int32 = 0
        var capitals: UInt64 = 0
        var uppercase: UInt64 = 0
        var letters = 0
        var allLettersUpper = true
        for (position, token) in tokens.enumerated() {
            let id: Int32
            if let known = vocabulary[token.key] {
                id = known
            } else {
                id = Int32(vocabulary.count)
                vocabulary[token.key] = id
            }
            let key = Self.transitionKey(node, id)
            if let child = transitions[key] {
                node = child
            } else {
                transitions[key] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
            if token.startsUppercase { capitals |= 1 << UInt64(position) }
            let wordLetters = token.kind == .word ? token.key.unicodeScalars.count : 0
            if token.isAllUppercase, wordLetters >= 2 || caseSensitive {
                uppercase |= 1 << UInt64(position)
            }
            if token.kind == .word {
                letters += wordLetters
                if !token.isAllUppercase { allLettersUpper = false }
            }
        }
        let wordCount = tokens.filter { $0.kind == .word }.count
        let isAbbreviation = source != .demonym && allLettersUpper && (2...6).contains(letters)
            && (wordCount == 1 || tokens.allSatisfy { $0.kind == .punctuation || $0.key.unicodeScalars.count == 1 })
        nodeEntries[node, default: []].append(Int32(entries.count))
        entries.append(Entry(
            entity: entity, alias: Int32(alias), source: source, tokenCount: tokens.count,
            capitalMask: capitals, uppercaseMask: uppercase, isCaseSensitive: caseSensitive,
            needsContext: needsContext, isAbbreviation: isAbbreviation))
    }

    @inline(__always)
    static func transitionKey(_ node: Int32, _ token: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: token))
    }

    /// The id of a folded word in the alias vocabulary, if some alias contains it.
    @inline(__always)
    func tokenID(_ key: String) -> Int32? { vocabulary[key] }

    /// The node reached from `node` over the token `token`, if any.
    @inline(__always)
    func child(of node: Int32, over token: Int32) -> Int32? {
        transitions[Self.transitionKey(node, token)]
    }

    /// The entries that end at `node`.
    @inline(__always)
    func entries(endingAt node: Int32) -> [Int32]? { nodeEntries[node] }

    /// The number of trie nodes, for statistics.
    public var nodeTotal: Int { Int(nodeCount) }

    /// Whether an entry accepts the tokens starting at `start`, given which of them were read
    /// through an inflection rule.
    func accepts(_ entry: Entry, tokens: [Token], start: Int, inflected: UInt64) -> Bool {
        // Case-sensitive aliases and acronyms are written one way only: no inflection.
        if entry.isCaseSensitive, inflected != 0 { return false }
        if entry.uppercaseMask & inflected != 0 { return false }
        for position in 0..<entry.tokenCount {
            let token = tokens[start + position]
            guard token.kind != .punctuation else { continue }
            let bit: UInt64 = 1 << UInt64(position)
            if entry.uppercaseMask & bit != 0 {
                guard token.isAllUppercase else { return false }
            } else if entry.capitalMask & bit != 0 {
                guard token.startsUppercase else { return false }
            } else if entry.isCaseSensitive {
                guard !token.startsUppercase else { return false }
            }
        }
        return true
    }
}
