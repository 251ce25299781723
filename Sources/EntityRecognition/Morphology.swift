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
    /// The bases each ending may stand for, in rule order, keyed by ending.
    private var basesByEnding: [String: [String]] = [:]
    private var longestEnding = 0

    public init(language: String, minimumStem: Int = 2, rules: [String]) {
        self.language = language
        self.minimumStem = minimumStem
        self.rules = []
        for notation in rules {
            let rule = InflectionRule(notation)
            guard !self.rules.contains(rule) else { continue }
            self.rules.append(rule)
            basesByEnding[rule.ending, default: []].append(rule.base)
            longestEnding = max(longestEnding, rule.ending.unicodeScalars.count)
        }
    }

    /// The base forms `word` may be an inflection of, without `word` itself: longer endings
    /// first, then in rule order.
    ///
    /// - Parameter word: a folded word, as ``Token/key`` holds it.
    /// - Complexity: O(*e*) dictionary look-ups, *e* the longest ending.
    public func baseForms(of word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        var forms: [String] = []
        guard scalars.count >= 3 else { return [] }
        let longest = min(longestEnding, scalars.count - minimumStem)
        guard longest >= 0 else { return [] }
        for length in stride(from: longest, through: 0, by: -1) {
            let stem = String(String.UnicodeScalarView(scalars.dropLast(length)))
            let ending = length == 0 ? "" : String(String.UnicodeScalarView(scalars.suffix(length)))
            guard let bases = basesByEnding[ending] else { continue }
            for base in bases {
                let candidate = stem + base
                if candidate != word, candidate.unicodeScalars.count >= 3, !forms.contains(candidate) {
                    forms.append(candidate)
                }
            }
        }
        return forms
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
