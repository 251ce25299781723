/// A word, number or punctuation mark of a text, with its place in the original.
///
/// Offsets count Unicode scalars (code points) of the text as given, as Python string indices
/// do, so `text[start:end]` in Python is the token's surface.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case word, number, punctuation
    }

    /// Offset of the first scalar, in Unicode scalars from the start of the text.
    public var start: Int
    /// Offset just past the last scalar.
    public var end: Int
    public var kind: Kind
    /// The token folded for matching: lower case, no diacritics (see ``String/foldedForMatching``).
    public var key: String
    /// The first letter is upper case (or title case).
    public var startsUppercase: Bool
    /// Every letter is upper case and there is at least one.
    public var isAllUppercase: Bool
    /// White space separates this token from the one before.
    public var spaceBefore: Bool
    /// Line breaks between this token and the one before: 0, 1, or 2 for a blank line or more.
    public var lineBreaksBefore: Int
}

/// Splits text into word, number and punctuation tokens.
///
/// A word is a run of letters and digits with the combining marks and format characters inside
/// it, so NFD text gives the same keys as NFC text while offsets still point into the original.
/// Every punctuation mark or symbol is a token of its own, which makes `dell'Ucraina`,
/// `Putin's`, `Trump-backed` and `NATO-ului` expose the name as a whole token.
public enum Tokenizer {
    /// The tokens of `text`.
    ///
    /// - Complexity: O(*n*) in the number of Unicode scalars.
    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 5)

        var offset = 0
        var inWord = false
        var wordStart = 0
        var key = ""
        var letters = 0
        var uppercase = 0
        var firstLetterUpper = false
        var hasLetter = false
        var spaceBefore = false
        var lineBreaks = 0
        var pendingSpace = false
        var pendingBreaks = 0

        func closeWord(at end: Int) {
            tokens.append(Token(
                start: wordStart, end: end, kind: hasLetter ? .word : .number, key: key,
                startsUppercase: firstLetterUpper, isAllUppercase: letters > 0 && uppercase == letters,
                spaceBefore: spaceBefore, lineBreaksBefore: lineBreaks))
            inWord = false
        }

        for scalar in text.unicodeScalars {
            let info = ScalarTable.info(scalar)
            switch info.category {
            case .letter, .digit:
                if !inWord {
                    inWord = true
                    wordStart = offset
                    key = ""
                    letters = 0
                    uppercase = 0
                    hasLetter = false
                    firstLetterUpper = false
                    spaceBefore = pendingSpace
                    lineBreaks = pendingBreaks
                    pendingSpace = false
                    pendingBreaks = 0
                }
                key += info.folded
                if info.category == .letter {
                    if !hasLetter { firstLetterUpper = info.isUppercase }
                    hasLetter = true
                    letters += 1
                    if info.isUppercase { uppercase += 1 }
                }
            case .mark, .format:
                if !inWord, info.category == .mark, let last = tokens.last, last.end == offset {
                    // A mark after a symbol (an emoji's variation selector) belongs to it.
                    tokens[tokens.count - 1].end = offset + 1
                }
            case .space, .newline:
                if inWord { closeWord(at: offset) }
                pendingSpace = true
                if info.category == .newline { pendingBreaks = min(pendingBreaks + 1, 2) }
            case .punctuation:
                if inWord { closeWord(at: offset) }
                tokens.append(Token(
                    start: offset, end: offset + 1, kind: .punctuation, key: info.folded,
                    startsUppercase: false, isAllUppercase: false,
                    spaceBefore: pendingSpace, lineBreaksBefore: pendingBreaks))
                pendingSpace = false
                pendingBreaks = 0
            }
            offset += 1
        }
        if inWord { closeWord(at: offset) }
        return tokens
    }
}
