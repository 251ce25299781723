/// A sentence of a document: the unit the relation graph counts co-occurrences in.
public struct Sentence: Sendable, Hashable {
    /// 0-based position of the sentence in its document.
    public var index: Int
    /// 0-based paragraph the sentence belongs to.
    public var paragraph: Int
    /// Offsets, in Unicode scalars, of the first and just past the last token.
    public var start: Int
    public var end: Int
    /// The range of token indices the sentence covers.
    public var tokens: Range<Int>
    /// Offsets of the sentence in the text's UTF-8 bytes.
    public var utf8Start: Int
    public var utf8End: Int
}

/// Splits tokens into sentences and paragraphs with rules that know abbreviations.
///
/// Every line break ends a sentence. Inside a line a sentence ends after `.`, `?` or `!` (and any
/// closing quotes or brackets) when white space and then a capital letter, a digit or an opening
/// quote follow, unless the full stop closes an abbreviation (`U.S.`, `Dr.`, `ub.r.`, `e.g.`), an
/// initial (`J.`) or an ellipsis. A blank line ends a paragraph; in a text without blank lines
/// every line is a paragraph.
public enum SentenceSegmenter {
    /// Abbreviations, folded, that a full stop does not end a sentence after. One list serves
    /// every language: a false non-boundary costs less than a name split in two.
    static let abbreviations: Set<String> = [
        // English
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "gov",
        "sen", "rep", "inc", "ltd", "corp", "vs", "etc", "approx", "nos",
        "jan", "feb", "apr", "jun", "jul", "aug", "sept", "oct", "nov", "dec", "fig",
        "mt", "ft", "rev", "adm", "cmdr", "maj", "pres", "dept", "univ",
        // Polish
        "np", "tzw", "tj", "itd", "itp", "ok", "ul", "al", "plk", "mgr", "inz", "ks",
        "sw", "r", "ub", "br", "mln", "mld", "tys", "godz", "proc", "pkt", "ds", "wg", "ws", "zob",
        "woj", "pow", "gm", "tel", "nr", "zl", "prok", "sedz", "pos", "red", "oprac",
        // Romanian
        "dl", "dna", "dnei", "dlui", "dvs", "str", "pag", "ex", "mil", "sf", "lect", "conf", "ing",
        "jud", "mun", "sect", "bd", "nr",
        // Italian
        "sig", "sigg", "dott", "avv", "ecc", "pp", "sgg", "ss",
        // German, French, Spanish
        "bzw", "usw", "ca", "hr", "fr", "vgl", "mme", "mlle", "sra", "srta", "ud", "uds", "av",
        // Russian, Ukrainian
        "г", "гг", "т", "д", "ул", "им", "см", "тыс", "млн", "млрд", "руб", "пр",
    ]

    // Token keys are folded: every quotation mark is `"` and every apostrophe `'`.
    static let sentenceEnders = KeySet([".", "?", "!", "…"])
    static let closers = KeySet(["\"", "'", ")", "]"])
    static let openers = KeySet(["\"", "'", "(", "[", "-", "–", "—"])
    static let period = KeySet(["."])
    static let ellipsis = KeySet(["…"])

    /// A few token keys, matched by ``Token/keyHash`` first and by text only when a hash agrees:
    /// a scan of a handful of integers instead of hashing the key for a `Set<String>`.
    struct KeySet: Sendable {
        let keys: [String]
        let hashes: [UInt64]

        init(_ keys: [String]) {
            self.keys = keys
            hashes = keys.map { Tokenizer.hash($0.utf8) }
        }

        /// Whether `tokens[position]`'s key is one of the set.
        @inline(__always)
        func contains(_ tokens: UnsafeBufferPointer<Token>, at position: Int) -> Bool {
            hashes.indices.contains { tokens[position].hasKey(keys[$0], hash: hashes[$0]) }
        }
    }

    /// The sentences of a tokenized text.
    ///
    /// - Parameter tokens: the text's tokens, from ``Tokenizer/tokens(in:)``.
    /// - Returns: sentences in order, covering every token exactly once.
    /// - Complexity: O(*n*) in the number of tokens.
    public static func sentences(of tokens: [Token]) -> [Sentence] {
        tokens.withUnsafeBufferPointer { sentences(of: $0) }
    }

    static func sentences(of tokens: UnsafeBufferPointer<Token>) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        let hasBlankLines = tokens.contains { $0.lineBreaksBefore >= 2 }
        var sentences: [Sentence] = []
        var first = 0
        var paragraph = 0
        var sentenceParagraph = 0

        func close(before end: Int) {
            guard end > first else { return }
            sentences.append(
                Sentence(
                    index: sentences.count, paragraph: sentenceParagraph,
                    start: tokens[first].start, end: tokens[end - 1].end, tokens: first..<end,
                    utf8Start: tokens[first].utf8Start, utf8End: tokens[end - 1].utf8End))
            first = end
        }

        for position in 1..<tokens.count {
            let lineBreaks = tokens[position].lineBreaksBefore
            if lineBreaks > 0 {
                close(before: position)
                if lineBreaks >= 2 || !hasBlankLines { paragraph += 1 }
                sentenceParagraph = paragraph
                continue
            }
            if tokens[position].spaceBefore, endsSentence(tokens, before: position) {
                close(before: position)
                sentenceParagraph = paragraph
            }
        }
        close(before: tokens.count)
        return sentences
    }

    /// Whether a sentence ends just before `position`, where white space precedes the token.
    static func endsSentence(_ tokens: UnsafeBufferPointer<Token>, before position: Int) -> Bool {
        // Most tokens follow a word: no sentence ends there.
        guard tokens[position - 1].kind == .punctuation else { return false }
        let startsNew =
            tokens[position].startsUppercase || tokens[position].kind == .number
            || openers.contains(tokens, at: position)
        guard startsNew else { return false }
        // Skip closing quotes and brackets back to the terminal mark.
        var mark = position - 1
        while mark > 0, closers.contains(tokens, at: mark), !tokens[mark].spaceBefore {
            mark -= 1
        }
        guard sentenceEnders.contains(tokens, at: mark) else { return false }
        if ellipsis.contains(tokens, at: mark) { return false }
        guard period.contains(tokens, at: mark) else { return true }
        guard mark > 0 else { return true }
        let before = mark - 1
        if period.contains(tokens, at: before) { return false }  // an ellipsis written as dots
        guard !tokens[mark].spaceBefore else { return true }
        if tokens[before].kind == .word {
            let key = tokens[before].key
            if abbreviations.contains(key) { return false }
            // An initial: one capital letter after a capitalised word, another initial, or at the
            // start of the line ("George W. Bush", "J. K. Rowling"), not "the platform X.".
            if key.unicodeScalars.count == 1, tokens[before].startsUppercase {
                if mark < 2 || tokens[before].lineBreaksBefore > 0 || tokens[mark - 2].startsUppercase
                    || period.contains(tokens, at: mark - 2)
                {
                    return false
                }
            }
            // The last letter of a dotted abbreviation such as U.S. or m.in.
            if mark >= 2, period.contains(tokens, at: mark - 2), !tokens[before].spaceBefore, key.count <= 3 {
                return false
            }
        }
        return true
    }
}
