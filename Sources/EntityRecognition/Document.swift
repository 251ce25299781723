/// A text to find entities in, with what the input said about it.
public struct Document: Sendable, Hashable {
    /// The document id: a path relative to the folder given, or the `id` of a JSON line.
    public var id: String
    public var text: String
    /// The language the input declared, if any (ISO 639-1).
    public var language: String?
    /// The publication date as given (ISO 8601 preferred), if any.
    public var date: String?
    public var title: String?
    public var url: String?

    public init(
        id: String, text: String, language: String? = nil, date: String? = nil,
        title: String? = nil, url: String? = nil
    ) {
        self.id = id
        self.text = text
        self.language = language
        self.date = date
        self.title = title
        self.url = url
    }
}

/// How a mention matched its alias.
public enum MatchKind: String, Sendable, CaseIterable {
    /// The text is the alias, character for character.
    case exact
    /// The text is the alias up to case, diacritics or Unicode normalization.
    case folded
    /// The text is an inflected form of the alias, read through a morphology rule.
    case inflected
    /// The alias is an abbreviation or acronym (USA, SUA, WSJ, NATO).
    case abbreviation
    /// A surname standing for a person the document names in full.
    case shortForm = "short-form"
    /// A demonym or place adjective linked to its place.
    case demonym
}

/// One mention of a known entity in a document.
public struct EntityMention: Sendable, Hashable {
    /// Offsets in Unicode scalars of the document text as given (Python string indices).
    public var start: Int
    public var end: Int
    /// The text of the mention, exactly as in the document.
    public var surface: String
    public var entity: Entity
    /// The entity's place in ``Gazetteer/entities`` of the gazetteer that found it, or -1: a
    /// number to keep tallies by without hashing the entity's id.
    public var entityIndex: Int
    public var match: MatchKind
    /// The 0-based sentence the mention is in.
    public var sentence: Int
    /// The mention lies inside a longer mention (only with nested matching on).
    public var isNested: Bool
    /// The mention is on a line of page chrome (see ``BoilerplateRules``).
    public var inBoilerplate: Bool
    /// The range of token indices the mention covers, for distances in tokens.
    public var tokens: Range<Int>

    public init(
        start: Int, end: Int, surface: String, entity: Entity, entityIndex: Int = -1, match: MatchKind,
        sentence: Int, isNested: Bool = false, inBoilerplate: Bool = false, tokens: Range<Int> = 0..<0
    ) {
        self.start = start
        self.end = end
        self.surface = surface
        self.entity = entity
        self.entityIndex = entityIndex
        self.match = match
        self.sentence = sentence
        self.isNested = isNested
        self.inBoilerplate = inBoilerplate
        self.tokens = tokens
    }
}

/// A document after recognition: its language, sentences and mentions.
public struct RecognizedDocument: Sendable {
    public var document: Document
    /// The language used: declared, forced or detected; `und` when unknown.
    public var language: String
    public var sentences: [Sentence]
    /// Mentions in text order.
    public var mentions: [EntityMention]
    /// Indices of the sentences on boilerplate lines.
    public var boilerplateSentences: Set<Int>

    /// The text of a sentence.
    public func text(of sentence: Sentence) -> String {
        text(fromUTF8: sentence.utf8Start, to: sentence.utf8End)
    }

    /// The text between two UTF-8 offsets that fall on scalar boundaries, such as those of
    /// sentences and tokens; in constant time to find, however long the document.
    public func text(fromUTF8 start: Int, to end: Int) -> String {
        let utf8 = document.text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(lower, offsetBy: end - start)
        return String(document.text[lower..<upper])
    }

    /// The text between two Unicode scalar offsets.
    ///
    /// - Precondition: `0 <= start <= end <=` the number of scalars of `text`.
    public static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[utf8Range(ofScalars: start, end, in: bytes)]), as: UTF8.self)
        }
    }

    /// The bytes of valid UTF-8 between two Unicode scalar offsets, counted on the bytes: every
    /// byte but a continuation byte starts a scalar.
    ///
    /// - Precondition: `0 <= start <= end <=` the number of scalars of `bytes`.
    public static func utf8Range(ofScalars start: Int, _ end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        precondition(0 <= start && start <= end, "a slice from \(start) to \(end)")
        var scalar = 0
        var lower = 0
        var position = 0
        while position < bytes.count {
            if bytes[position] & 0xC0 != 0x80 {
                if scalar == start { lower = position }
                if scalar == end { break }
                scalar += 1
            }
            position += 1
        }
        if scalar == start { lower = position }
        precondition(scalar == end, "a slice to \(end) of a text of \(scalar) scalars")
        return lower..<position
    }
}
