/// Finds the entity a user means by a name typed on the command line: an id, a label, or any
/// alias in any language, inflected too (`Putinem`, `Kirijenką`, `Kremlinului`).
public struct EntityLookup: Sendable {
    public let index: AliasIndex

    public init(index: AliasIndex) {
        self.index = index
    }

    /// The ids of the entities `query` names, best first.
    ///
    /// Tried in order: an id; a label, case and diacritics folded; the query read as text in
    /// each language the morphology knows, where one mention must cover the whole query.
    ///
    /// - Parameters:
    ///   - query: what the user typed.
    ///   - known: ids and labels of the entities that may answer (a graph's nodes); entities
    ///     outside it are ignored. `nil` allows every entity of the gazetteer.
    public func ids(matching query: String, among known: [String: String]? = nil) -> [String] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        func allowed(_ id: String) -> Bool { known?[id] != nil || known == nil }
        if let known, known[trimmed] != nil { return [trimmed] }
        if known == nil, index.gazetteer.index(ofEntity: trimmed) != nil { return [trimmed] }

        let folded = Self.fold(trimmed)
        var byLabel = Set<String>()
        for (id, label) in known ?? [:] where Self.fold(label) == folded { byLabel.insert(id) }
        for entity in index.gazetteer.entities where Self.fold(entity.label) == folded && allowed(entity.id) {
            byLabel.insert(entity.id)
        }
        if !byLabel.isEmpty { return byLabel.sorted() }

        var votes: [String: Int] = [:]
        let length = trimmed.unicodeScalars.count
        for language in ["und"] + Morphology.all.map(\.language) {
            let recognizer = Recognizer(
                index: index,
                options: RecognitionOptions(
                    language: language, includeDemonyms: true, includeNested: false, boilerplate: nil))
            let mentions = recognizer.recognize(Document(id: "query", text: trimmed)).mentions
            if mentions.count == 1, let mention = mentions.first, mention.start == 0, mention.end == length,
                allowed(mention.entity.id)
            {
                votes[mention.entity.id, default: 0] += mention.match == .demonym ? 0 : 1
            }
        }
        return votes.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    }

    /// Labels close to `query`, for an error message: by edit distance over folded labels and
    /// aliases, closest first, none further than a third of the query's letters (two for a
    /// short one).
    public func suggestions(for query: String, among known: [String: String]? = nil, limit: Int = 3) -> [String] {
        let folded = Self.fold(query)
        var best: [String: Int] = [:]
        var labels: [String: String] = known ?? [:]
        if known == nil {
            for entity in index.gazetteer.entities { labels[entity.id] = entity.label }
        }
        for (id, label) in labels {
            best[id] = min(best[id] ?? .max, Self.distance(folded, Self.fold(label)))
        }
        for alias in index.gazetteer.aliases where alias.kind == .name {
            let id = index.gazetteer.entities[alias.entity].id
            guard labels[id] != nil else { continue }
            best[id] = min(best[id] ?? .max, Self.distance(folded, Self.fold(alias.text)))
        }
        // A third of the name's letters may differ, or two in a short one: past that a
        // "closest" name is just another name.
        let reach = max(2, folded.unicodeScalars.count / 3)
        return best.filter { $0.value <= reach }
            .sorted { ($0.value, labels[$0.key]!) < ($1.value, labels[$1.key]!) }
            .prefix(limit).map { labels[$0.key]! }
    }

    static func fold(_ text: String) -> String {
        Tokenizer.tokens(in: text).map(\.key).joined(separator: " ")
    }

    /// Levenshtein distance over Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        guard !x.isEmpty else { return y.count }
        guard !y.isEmpty else { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
