/// A suffix rule: a word ending in ``ending`` may be an inflected form of a base form that ends
/// in ``base`` instead.
///
/// Rules are written on folded text (lower case, no diacritics), as `"ending>base"`: the Polish
/// `"em>"` reads *Putinem* as *Putin*, the Romanian `"ei>a"` reads *Rusiei* as *Rusia*.
public struct InflectionRule: Hashable, Sendable, CustomStringConvertible {
    public var ending: String
    public var base: String

    /// Reads `"ending>base"`.
    public init(_ notation: String) {
        let parts = notation.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false)
        precondition(parts.count == 2, "inflection rule '\(notation)' is not 'ending>base'")
        ending = String(parts[0])
        base = String(parts[1])
    }

    public var description: String { "\(ending)>\(base)" }
}

/// The inflection of one language, declared as suffix rules, used to find the base forms that a
/// gazetteer lists behind the inflected forms a text uses.
///
/// A rule only proposes a base form; a match needs that base form to be a word of some alias,
/// and capitalised aliases only match capitalised text. So a rule can never turn an ordinary
/// word into a name unless the word, once stripped of its ending, *is* one: that is the
/// precision guarantee, and why the tables can be generous.
public struct Morphology: Sendable {
    /// ISO 639-1 code of the language.
    public var language: String
    public var rules: [InflectionRule]
    /// Letters a stem keeps at the least once its ending is removed.
    public var minimumStem: Int
    /// The rules as UTF-8 bytes, longest ending first (then in declaration order).
    private var byteRules: [(ending: [UInt8], base: [UInt8])] = []
    /// Per last byte of a word, the rules (indices into ``byteRules``, in order) whose ending
    /// could match it: those that end in that byte, then those with an empty ending.
    private var rulesByLastByte: [[Int]] = []

    public init(language: String, minimumStem: Int = 2, rules: [String]) {
        self.language = language
        self.minimumStem = minimumStem
        self.rules = []
        for notation in rules {
            let rule = InflectionRule(notation)
            guard !self.rules.contains(rule) else { continue }
            self.rules.append(rule)
        }
        byteRules = self.rules.enumerated()
            .sorted { ($1.element.ending.unicodeScalars.count, $0.offset) < ($0.element.ending.unicodeScalars.count, $1.offset) }
            .map { (Array($0.element.ending.utf8), Array($0.element.base.utf8)) }
        rulesByLastByte = (0..<256).map { byte in
            byteRules.indices.filter { byteRules[$0].ending.last.map { $0 == UInt8(byte) } ?? true }
        }
    }

    /// The base forms `word` may be an inflection of, without `word` itself: longer endings
    /// first, then in rule order.
    ///
    /// - Parameter word: a folded word, as ``Token/key`` holds it.
    /// - Complexity: O(*r*) in the number of rules.
    public func baseForms(of word: String) -> [String] {
        var forms: [String] = []
        forEachBaseForm(of: Array(word.utf8)) { bytes in
            let form = String(decoding: bytes, as: UTF8.self)
            if !forms.contains(form) { forms.append(form) }
        }
        return forms
    }

    /// Calls `body` with the UTF-8 bytes of each base form of a folded word (possibly more than
    /// once for the same form), without building strings: the hot path of recognition.
    func forEachBaseForm(of word: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
        let scalarCount = word.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        guard scalarCount >= 3 else { return }
        var candidate: [UInt8] = []
        candidate.reserveCapacity(word.count + 8)
        guard let lastByte = word.last else { return }
        for ruleIndex in rulesByLastByte[Int(lastByte)] {
            let rule = byteRules[ruleIndex]
            let ending = rule.ending
            guard ending.count <= word.count else { continue }
            var matches = true
            var index = 0
            let offset = word.count - ending.count
            while index < ending.count {
                if word[offset + index] != ending[index] {
                    matches = false
                    break
                }
                index += 1
            }
            guard matches else { continue }
            // The stem keeps at least `minimumStem` scalars.
            var stemScalars = 0
            for byte in word[..<offset] where byte & 0xC0 != 0x80 { stemScalars += 1 }
            guard stemScalars >= minimumStem else { continue }
            candidate.removeAll(keepingCapacity: true)
            candidate.append(contentsOf: word[..<offset])
            candidate.append(contentsOf: rule.base)
            let candidateScalars = stemScalars + rule.base.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            guard candidateScalars >= 3, candidate != word else { continue }
            body(candidate[...])
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
