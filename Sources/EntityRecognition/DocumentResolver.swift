import CPrefetch

/// Settles, for one document, which entity each matched span links to.
struct DocumentResolver {
    let index: AliasIndex
    /// The index's tables as raw buffers: the loop over a span's entries retains nothing.
    let tables: IndexTables
    let tokens: [Token]
    /// The document's UTF-8, which the tokens' offsets point into.
    let text: UnsafeBufferPointer<UInt8>
    let language: String
    /// The entries that accepted each candidate (see ``Recognizer/Candidate/entries``).
    let accepted: [(entry: Int32, inflected: UInt32)]
    /// Entities the document names without doubt: spans whose only reading is one listed alias.
    let anchors: Set<Int32>
    /// The key hashes of the months of the document's language (see ``MonthNames``).
    let months: Set<UInt64>

    /// Keys of the words the document writes in lower case somewhere, made on first use.
    private var lowercaseWords: Set<String>?
    /// Per entity, whether the cues of its context-dependent aliases hold in the document.
    private var contextAnswers: [Int: Bool] = [:]
    private var wordBeginningsMade: Set<String>?

    init(
        index: AliasIndex, tables: IndexTables, tokens: [Token], text: UnsafeBufferPointer<UInt8>, candidates: [Recognizer.Candidate],
        accepted: [(entry: Int32, inflected: UInt32)], language: String
    ) {
        self.index = index
        self.tables = tables
        self.tokens = tokens
        self.text = text
        self.language = language
        self.accepted = accepted
        var anchors = Set<Int32>()
        for candidate in candidates {
            let entity = tables.entries[Int(accepted[candidate.entries.lowerBound].entry)].entity
            let plain = accepted[candidate.entries].allSatisfy {
                let entry = tables.entries[Int($0.entry)]
                return entry.source == .listed && !entry.needsContext && entry.entity == entity
            }
            if plain { anchors.insert(entity) }
        }
        self.anchors = anchors
        months = MonthNames.hashes(of: language)
    }

    /// The entry a span links through, with its inflection bits, or `nil` to drop the span.
    mutating func resolve(_ candidate: Recognizer.Candidate) -> (Int32, UInt32)? {
        // The short forms among the entries, and whether they name one entity.
        var shortFormCount = 0
        var shortFormEntity: Int32 = -1
        var shortFormsAgree = true
        // A listed name written as listed (Kosovo) outranks a surname read through an ending
        // (Kos + -ovo, a Slovene possessive), even one the document names in full (Marta Kos).
        var exactListed = false
        for position in candidate.entries {
            let entry = tables.entries[Int(accepted[position].entry)]
            if entry.source == .listed, accepted[position].inflected == 0, !entry.needsContext { exactListed = true }
            // Each entity's alias count, a tie-break below, loads now: a shared name (Paris) has
            // dozens of entities, whose counts lie anywhere in a large array.
            entity_graph_prefetch(tables.aliasCounts.baseAddress! + Int(entry.entity))
            guard entry.source == .shortForm else { continue }
            shortFormCount += 1
            if shortFormEntity < 0 { shortFormEntity = entry.entity } else if shortFormEntity != entry.entity { shortFormsAgree = false }
        }
        let hasListed = shortFormCount < candidate.entries.count
        // Highest score; then fewer inflected words; then the entity its lists name most
        // (Germany, with its name in 200 languages, before a village of that name in one); then
        // the entity listed first, through its alias listed first (short forms, derived, after
        // every listed alias).
        var best: (entry: Int32, inflected: UInt32, key: (Int, Int, Int32, Int32, Int, Int32))?
        let isMonth = candidate.end - candidate.start == 1 && months.contains(tokens[candidate.start].keyHash)
        let isFirstName = isGivenNameBeforeName(candidate)
        for position in candidate.entries {
            let (entryIndex, inflected) = accepted[position]
            let entry = tables.entries[Int(entryIndex)]
            if isMonth || isFirstName, !isNamedOnPurpose(entry, token: tokens[candidate.start]) { continue }
            let anchored = anchors.contains(entry.entity)
            if entry.needsContext, !contextHolds(for: Int(entry.entity)) { continue }
            if entry.uppercaseMask != 0, isWordInCapitalsLine(candidate) { continue }
            if inflected != 0, isAdjectiveOfName(candidate, alias: entry.alias) { continue }
            var score = 0
            switch entry.source {
            case .listed: score = 4
            case .demonym: score = 2
            case .shortForm:
                guard inflected == 0 || !exactListed else { continue }
                guard anchored || (!hasListed && shortFormsAgree && standsAlone(candidate)) else { continue }
                score = 1
            }
            if anchored { score += 8 }
            if inflected == 0 { score += 1 }
            let key = (
                -score, inflected.nonzeroBitCount, -tables.aliasCounts[Int(entry.entity)], entry.entity,
                entry.source == .shortForm ? 1 : 0, entry.alias
            )
            if best == nil || key < best!.key { best = (entryIndex, inflected, key) }
        }
        return best.map { ($0.entry, $0.inflected) }
    }

    /// Whether a one-word span is a common given name (see ``GivenNames``) that a capitalised
    /// word follows on its line: a person's first name (Michael Jackson, Jean Dupont).
    private func isGivenNameBeforeName(_ candidate: Recognizer.Candidate) -> Bool {
        guard candidate.end - candidate.start == 1, candidate.end < tokens.count else { return false }
        let next = tokens[candidate.end]
        return next.kind == .word && next.startsUppercase && next.spaceBefore && next.lineBreaksBefore == 0
            && !tokens[candidate.start].isAllUppercase && GivenNames.contains(tokens[candidate.start])
    }

    /// Whether a word that is a month of the document's language (see ``MonthNames``), or a
    /// given name before a name, still names the entity of `entry`: a person's (Theresa May),
    /// a case-sensitive alias, or an acronym written in capitals (MAI); never a place or an
    /// organization otherwise.
    private func isNamedOnPurpose(_ entry: AliasIndex.Entry, token: Token) -> Bool {
        entry.isCaseSensitive || (entry.uppercaseMask != 0 && token.isAllUppercase)
            || index.gazetteer.entities[Int(entry.entity)].type == .person
    }

    /// Whether a surname no full name supports may still stand for its only bearer: not when
    /// the document also writes the word in lower case (an ordinary word capitalised at the
    /// start of a sentence), not in a line of capitals, and not a function word.
    private mutating func standsAlone(_ candidate: Recognizer.Candidate) -> Bool {
        let token = tokens[candidate.start]
        if token.isAllUppercase { return false }
        if lowercaseWords == nil {
            lowercaseWords = Set(tokens.lazy.filter { $0.kind == .word && !$0.startsUppercase }.map(\.key))
        }
        // Also written in lower case in this document: an ordinary word.
        if lowercaseWords!.contains(token.key) { return false }
        let functionWords = LanguageDetector.functionWords.first { $0.language == language }?.words ?? []
        return !functionWords.contains(token.key)
    }

    /// Whether a word read as a one-word country name is the adjective made from it, which a
    /// sentence's first word writes with a capital too:
    /// - Czech and Slovak names in -o (Německo, Rusko, Nemecko): folded, Německá is Německa, a
    ///   case of the noun, but the noun's endings after its stem are short (Německa, Německu,
    ///   Německem) and the adjective's long or -ou (Německá kancléřka, Ruskou politikou);
    /// - Croatian and Serbian names in -ska, -čka, -ška (Hrvatska, Njemačka, Хрватска), which
    ///   no case ends in -i: Hrvatski ministar is the adjective.
    private func isAdjectiveOfName(_ candidate: Recognizer.Candidate, alias: Int32) -> Bool {
        guard candidate.end - candidate.start == 1, Self.adjectiveLanguages.contains(language) else { return false }
        let name = Array(index.gazetteer.aliases[Int(alias)].text.lowercased().unicodeScalars)
        guard name.count > 3, !name.contains(" ") else { return false }
        let token = tokens[candidate.start]
        let surface = Array(String(decoding: text[token.utf8Start..<token.utf8End], as: UTF8.self).lowercased().unicodeScalars)
        if language == "cs" || language == "sk" {
            guard name.last == "o" else { return false }
            let ending = surface.dropFirst(name.count - 1)
            return ending.contains { Self.longVowels.contains($0) } || ending.elementsEqual("ou".unicodeScalars)
        }
        guard Self.adjectivalNameEndings.contains(String(String.UnicodeScalarView(name.suffix(3)))) else { return false }
        return surface.last == "i" || surface.last == "и"
    }

    private static let adjectiveLanguages: Set<String> = ["cs", "sk", "hr", "sr"]
    private static let longVowels: Set<Unicode.Scalar> = ["á", "é", "í", "ý", "ó", "ú", "ů"]
    private static let adjectivalNameEndings: Set<String> = ["ska", "čka", "ška", "cka", "ска", "чка", "шка"]

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

    /// Whether the document holds one of the cues an entity's context-dependent aliases need;
    /// asked once per entity and document, as the answer is the same for every mention.
    private mutating func contextHolds(for entity: Int) -> Bool {
        if let known = contextAnswers[entity] { return known }
        var answer = false
        for cue in index.gazetteer.contextCues[entity] ?? [] {
            switch cue {
            case .entity(let id):
                if let other = index.gazetteer.index(ofEntity: id), anchors.contains(Int32(other)) { answer = true }
            case .word(let prefix):
                if wordBeginnings.contains(prefix) { answer = true }
            }
            if answer { break }
        }
        contextAnswers[entity] = answer
        return answer
    }

    /// The gazetteer's word cues that begin some word of the document, found once per document
    /// from its distinct words.
    private var wordBeginnings: Set<String> {
        mutating get {
            if let known = wordBeginningsMade { return known }
            let cues = index.gazetteer.cueWords
            let lengths = index.gazetteer.cueWordLengths
            var seen = Set<String>()
            var found = Set<String>()
            for token in tokens where token.kind == .word && seen.insert(token.key).inserted {
                let scalars = token.key.unicodeScalars
                var end = scalars.startIndex
                var length = 0
                for wanted in lengths {
                    while length < wanted, end < scalars.endIndex {
                        scalars.formIndex(after: &end)
                        length += 1
                    }
                    guard length == wanted else { break }
                    let beginning = String(scalars[..<end])
                    if cues.contains(beginning) { found.insert(beginning) }
                }
            }
            wordBeginningsMade = found
            return found
        }
    }
}
