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

    public init(language: String? = nil, includeDemonyms: Bool = true, includeNested: Bool = false,
                boilerplate: BoilerplateRules? = .standard) {
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
    private var readingCache = ReadingCache()

    struct Reading {
        var token: Int32
        var inflected: Bool
    }

    /// Readings of the words seen in one language, by key hash, in an open-addressing table
    /// that is emptied when it fills: memory stays flat however large the corpus.
    struct ReadingCache {
        var language = ""
        // Allocated on the first store, so that an empty cache costs nothing to make.
        private var hashes: [UInt64] = []
        private var keys: [String] = []
        private var values: [[Reading]] = []
        private var count = 0
        private static let capacity = 1 << 18

        mutating func clear() {
            if count > 0 {
                for slot in hashes.indices { hashes[slot] = 0 }
                count = 0
            }
        }

        func readings(for token: Token) -> [Reading]? {
            guard !hashes.isEmpty else { return nil }
            let mask = hashes.count - 1
            let hash = token.keyHash | 1
            var slot = Int(truncatingIfNeeded: hash >> 7) & mask
            while hashes[slot] != 0 {
                if hashes[slot] == hash, keys[slot] == token.key { return values[slot] }
                slot = (slot + 1) & mask
            }
            return nil
        }

        mutating func store(_ readings: [Reading], for token: Token) {
            if hashes.isEmpty {
                hashes = [UInt64](repeating: 0, count: Self.capacity)
                keys = [String](repeating: "", count: Self.capacity)
                values = [[Reading]](repeating: [], count: Self.capacity)
            }
            if count * 2 >= hashes.count { clear() }
            let mask = hashes.count - 1
            let hash = token.keyHash | 1
            var slot = Int(truncatingIfNeeded: hash >> 7) & mask
            while hashes[slot] != 0 { slot = (slot + 1) & mask }
            hashes[slot] = hash
            keys[slot] = token.key
            values[slot] = readings
            count += 1
        }
    }

    /// A span the trie matched, with every entry that accepted it.
    struct Candidate {
        var start: Int
        var end: Int
        var entries: [(entry: Int32, inflected: UInt32)]
    }

    public init(index: AliasIndex, options: RecognitionOptions = RecognitionOptions()) {
        self.index = index
        self.options = options
    }

    /// Recognizes one document.
    ///
    /// - Complexity: O(*n*·*r*) in the number of tokens and the readings per token, with readings
    ///   cached per distinct word.
    public func recognize(_ document: Document) -> RecognizedDocument {
        let tokens = Tokenizer.tokens(in: document.text)
        let language = options.language ?? document.language ?? LanguageDetector.language(of: tokens)
        let sentences = SentenceSegmenter.sentences(of: tokens)
        let morphology = Morphology.forLanguage(language)

        // The cache is taken out of the instance for the loop: no exclusivity checks per word.
        var cache = readingCache
        readingCache = ReadingCache()
        if cache.language != (morphology?.language ?? "") {
            cache.clear()
            cache.language = morphology?.language ?? ""
        }
        let index = self.index
        let tokenReadings = tokens.map { Self.readings(of: $0, morphology: morphology, index: index, cache: &cache) }
        readingCache = cache
        var candidates: [Candidate] = []
        var position = 0
        while position < tokens.count {
            // Most words start no alias: look at the root's children before anything else.
            guard tokenReadings[position].contains(where: { index.child(of: 0, over: $0.token) != nil }) else {
                position += 1
                continue
            }
            if let found = longestMatch(in: tokens, readings: tokenReadings, from: position, limit: tokens.count) {
                candidates.append(found)
                position = found.end
            } else {
                position += 1
            }
        }
        var nested: [Candidate] = []
        if options.includeNested {
            for outer in candidates where outer.end - outer.start > 1 {
                var inner = outer.start
                while inner < outer.end {
                    let limit = inner == outer.start ? outer.end - 1 : outer.end
                    if let found = longestMatch(in: tokens, readings: tokenReadings, from: inner, limit: limit) {
                        nested.append(found)
                        inner = found.end
                    } else {
                        inner += 1
                    }
                }
            }
        }

        var sentenceOfToken = [Int](repeating: 0, count: tokens.count)
        for sentence in sentences {
            for token in sentence.tokens { sentenceOfToken[token] = sentence.index }
        }
        let resolver = DocumentResolver(index: index, tokens: tokens, candidates: candidates, language: language)
        let boilerplateSentences = Self.boilerplateSentences(sentences, tokens: tokens, rules: options.boilerplate)
        var mentions: [EntityMention] = []
        for (candidate, isNested) in candidates.map({ ($0, false) }) + nested.map({ ($0, true) }) {
            guard let (entry, inflected) = resolver.resolve(candidate) else { continue }
            let record = index.entries[Int(entry)]
            if record.source == .demonym, !options.includeDemonyms { continue }
            let entity = index.gazetteer.entities[Int(record.entity)]
            let start = tokens[candidate.start].start
            let end = tokens[candidate.end - 1].end
            let surface = Self.slice(document.text, utf8: tokens[candidate.start].utf8Start..<tokens[candidate.end - 1].utf8End)
            if isNested, mentions.contains(where: { $0.start <= start && end <= $0.end && $0.entity == entity }) {
                continue
            }
            let alias = index.gazetteer.aliases[Int(record.alias)].text
            mentions.append(EntityMention(
                start: start, end: end, surface: surface, entity: entity,
                match: Self.matchKind(record, inflected: inflected, surface: surface, alias: alias,
                                      hasMorphology: morphology != nil),
                sentence: sentenceOfToken[candidate.start], isNested: isNested,
                inBoilerplate: boilerplateSentences.contains(sentenceOfToken[candidate.start]),
                tokens: candidate.start..<candidate.end))
        }
        mentions.sort { ($0.start, $1.end, $0.isNested ? 1 : 0) < ($1.start, $0.end, $1.isNested ? 1 : 0) }
        return RecognizedDocument(document: document, language: language, sentences: sentences, mentions: mentions,
                                  boilerplateSentences: boilerplateSentences)
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
    func longestMatch(in tokens: [Token], readings tokenReadings: [[Reading]], from start: Int, limit: Int) -> Candidate? {
        var states: [(node: Int32, inflected: UInt32)] = [(0, 0)]
        var best: Candidate?
        var position = start
        while position < limit, !states.isEmpty, position - start < AliasIndex.maximumAliasTokens {
            let token = tokens[position]
            if position > start, token.lineBreaksBefore > 0 { break }
            let bit: UInt32 = 1 << UInt32(position - start)
            var next: [(node: Int32, inflected: UInt32)] = []
            for reading in tokenReadings[position] {
                for state in states {
                    if let child = index.child(of: state.node, over: reading.token) {
                        next.append((child, state.inflected | (reading.inflected ? bit : 0)))
                    }
                }
            }
            var accepted: [(entry: Int32, inflected: UInt32)] = []
            for state in next {
                var entry = index.firstEntry(endingAt: state.node)
                while entry >= 0 {
                    if index.accepts(index.entries[Int(entry)], tokens: tokens, start: start, inflected: state.inflected) {
                        accepted.append((entry, state.inflected))
                    }
                    entry = index.nextEntry(after: entry)
                }
            }
            if !accepted.isEmpty, tokens[position].kind != .punctuation || tokens[start].kind != .punctuation {
                best = Candidate(start: start, end: position + 1, entries: accepted)
            }
            states = next
            position += 1
        }
        return best
    }

    /// The trie tokens a text token can stand for: itself, and the base forms of its language.
    private static func readings(of token: Token, morphology: Morphology?, index: AliasIndex,
                                 cache: inout ReadingCache) -> [Reading] {
        guard token.kind == .word, let morphology, token.utf8End - token.utf8Start >= 3 else {
            return index.tokenID(of: token).map { [Reading(token: $0, inflected: false)] } ?? []
        }
        if let cached = cache.readings(for: token) { return cached }
        var result: [Reading] = []
        if let id = index.tokenID(of: token) { result.append(Reading(token: id, inflected: false)) }
        morphology.forEachBaseForm(of: Array(token.key.utf8)) { base in
            if let id = index.tokens.id(bytes: base), !result.contains(where: { $0.token == id }) {
                result.append(Reading(token: id, inflected: true))
            }
        }
        cache.store(result, for: token)
        return result
    }

    static func slice(_ text: String, utf8 range: Range<Int>) -> String {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let upper = utf8.index(lower, offsetBy: range.count)
        return String(text[lower..<upper])
    }

    static func matchKind(_ entry: AliasIndex.Entry, inflected: UInt32, surface: String, alias: String,
                          hasMorphology: Bool) -> MatchKind {
        switch entry.source {
        case .demonym: return .demonym
        case .shortForm: return .shortForm
        case .listed: break
        }
        if entry.isAbbreviation { return .abbreviation }
        if inflected != 0 { return .inflected }
        if surface == alias { return .exact }
        let text = surface.lightlyFolded
        let name = alias.lightlyFolded
        if text == name { return .folded }
        // Equal once diacritics are folded: an inflection when the difference is the ending
        // (Rosją for Rosja), a spelling variant otherwise (Zelenski for Zełenski).
        let shared = zip(text.unicodeScalars, name.unicodeScalars).prefix { $0 == $1 }.count
        let differsAtEnd = text.unicodeScalars.count - shared <= 2 && name.unicodeScalars.count - shared <= 2
        return hasMorphology && differsAtEnd ? .inflected : .folded
    }
}

/// Settles, for one document, which entity each matched span links to.
struct DocumentResolver {
    let index: AliasIndex
    let tokens: [Token]
    let language: String
    /// Entities the document names without doubt: spans whose only reading is one listed alias.
    let anchors: Set<Int32>

    init(index: AliasIndex, tokens: [Token], candidates: [Recognizer.Candidate], language: String) {
        self.index = index
        self.tokens = tokens
        self.language = language
        var anchors = Set<Int32>()
        for candidate in candidates {
            let entities = Set(candidate.entries.map { index.entries[Int($0.entry)].entity })
            let plain = candidate.entries.allSatisfy {
                let entry = index.entries[Int($0.entry)]
                return entry.source == .listed && !entry.needsContext
            }
            if plain, entities.count == 1 { anchors.insert(entities.first!) }
        }
        self.anchors = anchors
    }

    /// The entry a span links through, with its inflection bits, or `nil` to drop the span.
    func resolve(_ candidate: Recognizer.Candidate) -> (Int32, UInt32)? {
        var viable: [(entry: Int32, inflected: UInt32, score: Int)] = []
        let shortForms = candidate.entries.filter { index.entries[Int($0.entry)].source == .shortForm }
        let shortFormEntities = Set(shortForms.map { index.entries[Int($0.entry)].entity })
        let hasListed = shortForms.count < candidate.entries.count
        for (entryIndex, inflected) in candidate.entries {
            let entry = index.entries[Int(entryIndex)]
            let anchored = anchors.contains(entry.entity)
            if entry.needsContext, !contextHolds(for: Int(entry.entity)) { continue }
            if entry.uppercaseMask != 0, isWordInCapitalsLine(candidate) { continue }
            var score = 0
            switch entry.source {
            case .listed: score = 4
            case .demonym: score = 2
            case .shortForm:
                guard anchored || (!hasListed && shortFormEntities.count == 1 && standsAlone(candidate))
                else { continue }
                score = 1
            }
            if anchored { score += 8 }
            if inflected == 0 { score += 1 }
            viable.append((entryIndex, inflected, score))
        }
        // Highest score; then fewer inflected words; then the entity listed first.
        let best = viable.min { a, b in
            let (ea, eb) = (index.entries[Int(a.entry)], index.entries[Int(b.entry)])
            return (-a.score, a.inflected.nonzeroBitCount, ea.entity, a.entry)
                < (-b.score, b.inflected.nonzeroBitCount, eb.entity, b.entry)
        }
        return best.map { ($0.entry, $0.inflected) }
    }

    /// Whether a surname no full name supports may still stand for its only bearer: not when
    /// the document also writes the word in lower case (an ordinary word capitalised at the
    /// start of a sentence), not in a line of capitals, and not a function word.
    private func standsAlone(_ candidate: Recognizer.Candidate) -> Bool {
        let token = tokens[candidate.start]
        if token.isAllUppercase { return false }
        // Also written in lower case in this document: an ordinary word.
        if tokens.contains(where: { $0.keyHash == token.keyHash && !$0.startsUppercase && $0.key == token.key }) { return false }
        let functionWords = LanguageDetector.functionWords.first { $0.language == language }?.words ?? []
        return !functionWords.contains(token.key)
    }

    /// Whether a one-word match is a function word of the document's language inside a line
    /// written in capitals (Romanian "UN" in a headline), where capitals say nothing.
    private func isWordInCapitalsLine(_ candidate: Recognizer.Candidate) -> Bool {
        guard candidate.end - candidate.start == 1 else { return false }
        let functionWords = LanguageDetector.functionWords.first { $0.language == language }?.words ?? []
        guard functionWords.contains(tokens[candidate.start].key) else { return false }
        var neighbours: [Int] = []
        if candidate.start > 0, tokens[candidate.start].lineBreaksBefore == 0 { neighbours.append(candidate.start - 1) }
        if candidate.end < tokens.count, tokens[candidate.end].lineBreaksBefore == 0 { neighbours.append(candidate.end) }
        neighbours = neighbours.filter { tokens[$0].kind == .word }
        return neighbours.contains { tokens[$0].isAllUppercase }
    }

    private func contextHolds(for entity: Int) -> Bool {
        guard let cues = index.gazetteer.contextCues[entity] else { return false }
        for cue in cues {
            switch cue {
            case .entity(let id):
                if let other = index.gazetteer.index(ofEntity: id), anchors.contains(Int32(other)) { return true }
            case .word(let prefix):
                if tokens.contains(where: { $0.kind == .word && $0.key.hasPrefix(prefix) }) { return true }
            }
        }
        return false
    }
}

extension String {
    /// Lower case, NFC, with Romanian cedilla letters read as comma-below ones.
    var lightlyFolded: String {
        var result = ""
        for scalar in lowercased().precomposedStringWithCanonicalMapping.unicodeScalars {
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
