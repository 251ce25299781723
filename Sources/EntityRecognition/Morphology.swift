/// A suffix rule: a word ending in ``ending`` may be an inflected form of a base form that ends
/// in ``base`` instead.
///
/// Rules are written on folded text (lower case, no diacritics), as `"ending>base"`: the Polish
/// `"em>"` reads *Putinem* as *Putin*, the Romanian `"ei>a"` reads *Rusiei* as *Rusia*. A rule
/// written `"ending>base+"` is ``attributive``.
public struct InflectionRule: Hashable, Sendable, CustomStringConvertible {
    public var ending: String
    public var base: String
    /// The rule reads a word as its base form only before another word of the same name: an
    /// adjective's ending, as German *Weißen* in *des Weißen Hauses* for *Weißes Haus*. A noun
    /// alone never matches through it, which matters where every noun has a capital.
    public var attributive: Bool

    /// Reads `"ending>base"`, or `"ending>base+"` for an attributive rule.
    public init(_ notation: String) {
        attributive = notation.hasSuffix("+")
        let parts = notation.dropLast(attributive ? 1 : 0).split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false)
        precondition(parts.count == 2, "inflection rule '\(notation)' is not 'ending>base'")
        ending = String(parts[0])
        base = String(parts[1])
    }

    public var description: String { "\(ending)>\(base)\(attributive ? "+" : "")" }

    /// The ending follows an apostrophe or a hyphen (*Mike'a*, *UOKiK-u*): the stem before it is
    /// a whole word, as short as an acronym may be (*EU-a*).
    var isMarked: Bool { ending.count > 1 && (ending.hasPrefix("'") || ending.hasPrefix("-")) }
}

/// The inflection of one language, declared as suffix rules, used to find the base forms that a
/// gazetteer lists behind the inflected forms a text uses.
///
/// A rule only proposes a base form; a match needs that base form to be a word of some alias,
/// capitalised aliases only match capitalised text, a one-word alias in lower case matches
/// only as written, and a function word has no base form. So a rule can never turn an
/// ordinary word into a name unless the word, once stripped of its ending, *is* one: that is
/// the precision guarantee, and why the tables can be generous.
public struct Morphology: Sendable {
    /// ISO 639-1 code of the language.
    public var language: String
    public var rules: [InflectionRule]
    /// Letters a stem keeps at the least once its ending is removed (one, for a rule that
    /// changes the stem's vowel: see ``changesVowel(_:)``).
    public var minimumStem: Int
    /// The rules' endings and bases as UTF-8 bytes, side by side in ``ruleBytes``, longest
    /// ending first (then in declaration order): plain integers, so that trying a rule on a
    /// word makes no reference counting.
    private var byteRules: [ByteRule] = []
    private var ruleBytes: [UInt8] = []
    /// Per last byte of a word, the rules (indices into ``byteRules``, in order) whose ending
    /// could match it: those that end in that byte, then those with an empty ending. Byte *b*'s
    /// are `ruleOrder[ruleOrderStart[b]..<ruleOrderStart[b + 1]]`.
    private var ruleOrder: [Int32] = []
    private var ruleOrderStart: [Int32] = []
    /// The longest base of a rule, in bytes.
    private var longestBase = 0
    /// The endings a name takes after an apostrophe or a hyphen (Polish *Mike'a*, *Jeremy'ego*,
    /// *UOKiK-u*; Slovene *SDS-a*): those of the rules whose ending starts with one, mark
    /// included. A name written together with one of these is read as one word (see
    /// ``Tokenizer/joinMarkedEndings(_:endings:)``).
    public private(set) var markedEndings: Set<String> = []
    /// The endings an acronym takes written straight onto it in lower case (Russian *МИДа*,
    /// *МИДом* for *МИД*): a word of two capitals or more and one of these is read as the
    /// acronym with a marked ending (see ``Tokenizer/markAcronymEndings(_:in:endings:)``). Each
    /// needs a rule that strips it.
    public private(set) var acronymEndings: Set<String> = []
    /// The key hashes of the language's function words (``LanguageDetector/functionWords``),
    /// which have no base forms: *para*, *come*, *dla* inflect no name, but a large gazetteer
    /// has a place whose name differs from one by the ending (Paro, Coma, Dl).
    private var functionWords: Set<UInt64> = []

    private struct ByteRule {
        var ending: Int32
        var endingCount: Int32
        var base: Int32
        var baseCount: Int32
        var baseScalars: Int32
        /// The fewest scalars the stem keeps.
        var stemNeeded: Int32
        var attributive: Bool
        /// See ``InflectionRule/isMarked``.
        var isMarked: Bool
    }

    /// Whether a rule changes the stem's last vowel (Czech *domě* → *dům*, Ukrainian *домі* →
    /// *дім*): its ending and its base start with different vowels, and its base ends in a
    /// consonant. Such a rule may leave a stem of one letter, for the vowel belongs to the stem.
    static func changesVowel(_ rule: InflectionRule) -> Bool {
        let vowels = Set("aeiouyаеиоуыэюяіїє".unicodeScalars)
        guard let ending = rule.ending.unicodeScalars.first, let base = rule.base.unicodeScalars.first,
            let baseEnd = rule.base.unicodeScalars.last
        else { return false }
        return ending != base && vowels.contains(ending) && vowels.contains(base) && !vowels.contains(baseEnd)
    }

    public init(language: String, minimumStem: Int = 2, acronymEndings: [String] = [], rules: [String]) {
        self.language = language
        self.minimumStem = minimumStem
        self.acronymEndings = Set(acronymEndings)
        functionWords = Tokenizer.keyHashes(of: LanguageDetector.functionWords.first { $0.language == language }?.words ?? [])
        self.rules = []
        for notation in rules {
            let rule = InflectionRule(notation)
            guard !self.rules.contains(rule) else { continue }
            self.rules.append(rule)
            if rule.isMarked { markedEndings.insert(rule.ending) }
        }
        let ordered = self.rules.enumerated()
            .sorted { ($1.element.ending.unicodeScalars.count, $0.offset) < ($0.element.ending.unicodeScalars.count, $1.offset) }
            .map(\.element)
        for rule in ordered {
            let ending = Int32(ruleBytes.count)
            ruleBytes.append(contentsOf: rule.ending.utf8)
            let base = Int32(ruleBytes.count)
            ruleBytes.append(contentsOf: rule.base.utf8)
            byteRules.append(
                ByteRule(
                    ending: ending, endingCount: base - ending, base: base,
                    baseCount: Int32(ruleBytes.count) - base,
                    baseScalars: Int32(rule.base.unicodeScalars.count),
                    stemNeeded: Int32(Self.changesVowel(rule) ? min(minimumStem, 1) : minimumStem),
                    attributive: rule.attributive,
                    isMarked: rule.isMarked))
            longestBase = max(longestBase, rule.base.utf8.count)
        }
        for byte in 0..<256 {
            ruleOrderStart.append(Int32(ruleOrder.count))
            for (index, rule) in ordered.enumerated() where rule.ending.utf8.last.map({ $0 == UInt8(byte) }) ?? true {
                ruleOrder.append(Int32(index))
            }
        }
        ruleOrderStart.append(Int32(ruleOrder.count))
    }

    /// The base forms `word` may be an inflection of, without `word` itself: longer endings
    /// first, then in rule order. A function word of the language has none.
    ///
    /// - Parameter word: a folded word, as ``Token/key`` holds it.
    /// - Complexity: O(*r*) in the number of rules.
    public func baseForms(of word: String) -> [String] {
        var forms: [String] = []
        var word = word
        word.withUTF8 { utf8 in
            forEachBaseForm(of: utf8) { bytes, _ in
                let form = String(decoding: bytes, as: UTF8.self)
                if !forms.contains(form) { forms.append(form) }
            }
        }
        return forms
    }

    /// Calls `body` with the UTF-8 bytes of each base form of a folded word (possibly more than
    /// once for the same form), and whether the rule that gave it is attributive, without
    /// building strings: the hot path of recognition.
    func forEachBaseForm(of word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var scalarCount = 0
        for byte in word where byte & 0xC0 != 0x80 { scalarCount += 1 }
        guard scalarCount >= 3, let lastByte = word.last, !functionWords.contains(Tokenizer.hash(word)) else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count + longestBase) { candidate in
            byteRules.withUnsafeBufferPointer { byteRules in
                ruleBytes.withUnsafeBufferPointer { ruleBytes in
                    ruleOrder.withUnsafeBufferPointer { ruleOrder in
                        let first = Int(ruleOrderStart[Int(lastByte)])
                        let end = Int(ruleOrderStart[Int(lastByte) + 1])
                        for orderIndex in first..<end {
                            let rule = byteRules[Int(ruleOrder[orderIndex])]
                            let endingCount = Int(rule.endingCount)
                            guard endingCount <= word.count else { continue }
                            let offset = word.count - endingCount
                            var matches = true
                            var index = 0
                            while index < endingCount {
                                if word[offset + index] != ruleBytes[Int(rule.ending) + index] {
                                    matches = false
                                    break
                                }
                                index += 1
                            }
                            guard matches else { continue }
                            // The stem keeps at least `minimumStem` scalars (one after a vowel change).
                            var stemScalars = 0
                            for index in 0..<offset where word[index] & 0xC0 != 0x80 { stemScalars += 1 }
                            guard stemScalars >= Int(rule.stemNeeded), stemScalars + Int(rule.baseScalars) >= (rule.isMarked ? 2 : 3)
                            else { continue }
                            let baseCount = Int(rule.baseCount)
                            // Stripping an ending and adding it back gives the word itself.
                            if baseCount == endingCount,
                                (0..<baseCount).allSatisfy({ ruleBytes[Int(rule.base) + $0] == word[offset + $0] })
                            {
                                continue
                            }
                            for index in 0..<offset { candidate[index] = word[index] }
                            for index in 0..<baseCount { candidate[offset + index] = ruleBytes[Int(rule.base) + index] }
                            body(UnsafeBufferPointer(rebasing: candidate[0..<offset + baseCount]), rule.attributive)
                        }
                    }
                }
            }
        }
    }

    /// The morphology for a language code, or `nil` where none is declared.
    public static func forLanguage(_ code: String) -> Morphology? {
        all.first { $0.language == code }
    }

    /// Every declared language.
    public static let all: [Morphology] = [
        .polish, .romanian, .italian, .english, .german, .french, .spanish, .portuguese,
        .russian, .ukrainian, .czech, .slovak, .slovene, .croatian, .serbian, .bulgarian,
    ]
}
