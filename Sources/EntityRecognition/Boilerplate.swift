/// Rules that recognize the lines of page chrome that come with scraped news: advertising
/// markers, "read also" teasers, follow-us prompts, donation appeals, bylines, tag lists and
/// repeated headlines. Kept as data per language; matched on folded text.
public struct BoilerplateRules: Sendable {
    /// How a rule's pattern applies to a line.
    public enum Scope: String, Sendable {
        /// The line, folded and trimmed, is the pattern.
        case line
        /// The line starts with the pattern.
        case prefix
        /// The line contains the pattern anywhere.
        case contains
        /// The line starts with the pattern, and so does everything after it up to a blank line.
        case section
        /// The line starts with the pattern, and so does everything after it to the end.
        case tail
    }

    public struct Rule: Sendable, Hashable {
        public var language: String
        public var scope: Scope
        /// Folded pattern (lower case, no diacritics).
        public var pattern: String
        /// The pattern's token keys.
        var keys: [String]
    }

    public var rules: [Rule]
    /// Rule indices by the key hash of their first token.
    private var rulesByFirstKey: [UInt64: [Int]] = [:]
    /// The `contains` rules, by index.
    private var containsRules: [Int] = []
    /// Per rule, the ``Token/keyHash`` of each of its keys: a token is compared by hash first,
    /// and by text only when the hashes agree.
    private var keyHashes: [[UInt64]] = []

    public init(rules: [Rule]) {
        self.rules = rules
        keyHashes = rules.map { $0.keys.map { Tokenizer.hash($0.utf8) } }
        for (index, rule) in rules.enumerated() {
            if let first = keyHashes[index].first { rulesByFirstKey[first, default: []].append(index) }
            if rule.scope == .contains { containsRules.append(index) }
        }
    }

    /// Rules written as `(language, scope, pattern)` rows.
    init(_ rows: [(String, Scope, String)]) {
        self.init(
            rules: rows.map { row in
                let keys = Tokenizer.tokens(in: row.2).map(\.key)
                return Rule(language: row.0, scope: row.1, pattern: keys.joined(separator: " "), keys: keys)
            })
    }

    /// The bundled rules for Polish, Romanian, Italian, English, German, French, Spanish,
    /// Russian and Ukrainian. Rules of every language apply to every document: page chrome is
    /// often in another language than the article.
    public static let standard = BoilerplateRules([
        ("pl", .line, "reklama"), ("pl", .prefix, "czytaj także"), ("pl", .prefix, "czytaj też"),
        ("pl", .prefix, "czytaj więcej"), ("pl", .prefix, "zobacz także"), ("pl", .prefix, "zobacz też"),
        ("pl", .prefix, "polecamy:"), ("pl", .prefix, "tagi:"), ("pl", .prefix, "obserwuj nas"),
        ("pl", .prefix, "artykuł sponsorowany"), ("pl", .prefix, "materiał partnera"),
        ("ro", .contains, "citește și"), ("ro", .prefix, "urmărește-ne"), ("ro", .prefix, "urmăriți-ne"),
        ("ro", .prefix, "taguri:"), ("ro", .prefix, "tag-uri:"), ("ro", .tail, "află mai multe despre"),
        ("ro", .line, "viewscnt"), ("ro", .section, "evenimente"), ("ro", .prefix, "scris astăzi"),
        ("ro", .prefix, "scris ieri"), ("ro", .prefix, "publicitate"),
        ("it", .prefix, "leggi anche"), ("it", .prefix, "leggi pure"), ("it", .prefix, "seguici su"),
        ("it", .line, "pubblicità"), ("it", .prefix, "tag:"), ("it", .prefix, "riproduzione riservata"),
        ("en", .prefix, "read also"), ("en", .prefix, "read more"), ("en", .prefix, "related:"),
        ("en", .prefix, "follow us on"), ("en", .line, "advertisement"), ("en", .prefix, "tags:"),
        ("en", .prefix, "sign up for"), ("en", .prefix, "subscribe to"), ("en", .tail, "a message from"),
        ("en", .prefix, "support independent journalism"), ("en", .prefix, "donate"),
        ("en", .prefix, "click here"), ("en", .prefix, "share this article"),
        ("de", .prefix, "lesen sie auch"), ("de", .prefix, "mehr zum thema"), ("de", .line, "anzeige"),
        ("de", .line, "werbung"), ("de", .prefix, "folgen sie uns"),
        ("fr", .prefix, "lire aussi"), ("fr", .prefix, "à lire aussi"), ("fr", .prefix, "suivez-nous"),
        ("fr", .line, "publicité"),
        ("es", .prefix, "lee también"), ("es", .prefix, "leer más"), ("es", .prefix, "síguenos en"),
        ("es", .line, "publicidad"),
        ("ru", .prefix, "читайте также"), ("ru", .line, "реклама"), ("ru", .prefix, "подписывайтесь"),
        ("uk", .prefix, "читайте також"), ("uk", .line, "реклама"), ("uk", .prefix, "підписуйтесь"),
    ])

    /// The 0-based numbers of the lines of `text` that are boilerplate.
    ///
    /// Besides the rules, a line that repeats an earlier line of four words or more is
    /// boilerplate (a headline printed twice), and so are a short line printed twice in a row (a
    /// byline) and a short line that only gives a time (`scris astăzi, 13:51`).
    public func boilerplateLines(of text: String) -> Set<Int> {
        let tokens = Tokenizer.tokens(in: text)
        let lines = Self.lines(of: tokens)
        let flags = boilerplateFlags(tokens: tokens, lines: lines)
        var result = Set<Int>()
        var newlines = 0
        var position = text.utf8.startIndex
        for (line, range) in lines.enumerated() where flags[line] {
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: tokens[range.lowerBound].utf8Start)
            newlines += text.utf8[position..<start].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            position = start
            result.insert(newlines)
        }
        return result
    }

    /// The token ranges of the lines that hold tokens.
    static func lines(of tokens: [Token]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for position in tokens.indices.dropFirst() where tokens[position].lineBreaksBefore > 0 {
            lines.append(start..<position)
            start = position
        }
        if !tokens.isEmpty { lines.append(start..<tokens.count) }
        return lines
    }

    /// For each line (token range), whether it is boilerplate.
    func boilerplateFlags(tokens: [Token], lines: [Range<Int>]) -> [Bool] {
        var flags = [Bool](repeating: false, count: lines.count)
        var seen = Set<UInt64>()
        var previous: (hash: UInt64, words: Int)?
        var inSection = false
        var inTail = false
        for (number, range) in lines.enumerated() {
            if tokens[range.lowerBound].lineBreaksBefore >= 2 { inSection = false }
            if inTail || inSection {
                flags[number] = true
                continue
            }
            var isBoilerplate = false
            for ruleIndex in rulesByFirstKey[tokens[range.lowerBound].keyHash] ?? [] {
                guard starts(with: ruleIndex, tokens: tokens, at: range.lowerBound, end: range.upperBound) else { continue }
                let rest = range.upperBound - range.lowerBound - rules[ruleIndex].keys.count
                let wholeLine = rest == 0 || rest == 1 && tokens[range.upperBound - 1].key == ":"
                switch rules[ruleIndex].scope {
                case .line: isBoilerplate = wholeLine
                case .prefix, .contains: isBoilerplate = true
                case .section:
                    isBoilerplate = wholeLine
                    inSection = wholeLine
                case .tail:
                    isBoilerplate = true
                    inTail = true
                }
                if isBoilerplate { break }
            }
            if !isBoilerplate {
                isBoilerplate = containsRule(tokens: tokens, range: range)
            }
            var hash = Tokenizer.fnvOffset
            var words = 0
            for position in range {
                hash = (hash ^ tokens[position].keyHash) &* Tokenizer.fnvPrime
                if tokens[position].kind != .punctuation { words += 1 }
            }
            if !isBoilerplate, words >= 4, seen.contains(hash) { isBoilerplate = true }
            if !isBoilerplate, words <= 5, Self.hasClockTime(tokens, in: range) { isBoilerplate = true }
            // A short line printed twice in a row: a byline or a site name. (A long one is a
            // repeated headline, handled above, which keeps the first.)
            if let previous, previous.hash == hash, words < 4 {
                isBoilerplate = true
                flags[number - 1] = true
            }
            flags[number] = isBoilerplate || flags[number]
            seen.insert(hash)
            previous = (hash, words)
        }
        return flags
    }

    /// Whether the keys of rule `ruleIndex` are those of the tokens from `start` on, before `end`.
    private func starts(with ruleIndex: Int, tokens: [Token], at start: Int, end: Int) -> Bool {
        let hashes = keyHashes[ruleIndex]
        guard end - start >= hashes.count else { return false }
        let keys = rules[ruleIndex].keys
        return hashes.indices.allSatisfy { tokens[start + $0].hasKey(keys[$0], hash: hashes[$0]) }
    }

    /// Whether a `contains` rule occurs anywhere in the line.
    private func containsRule(tokens: [Token], range: Range<Int>) -> Bool {
        for ruleIndex in containsRules {
            guard let first = keyHashes[ruleIndex].first else { continue }
            for position in range where tokens[position].keyHash == first {
                if starts(with: ruleIndex, tokens: tokens, at: position, end: range.upperBound) { return true }
            }
        }
        return false
    }

    /// Whether the line `tokens[line]` holds a clock time such as 13:51.
    static func hasClockTime(_ tokens: [Token], in line: Range<Int>) -> Bool {
        guard line.count >= 3 else { return false }
        for position in line.lowerBound + 1..<line.upperBound - 1 where tokens[position].key == ":" {
            let (hours, minutes) = (tokens[position - 1], tokens[position + 1])
            if hours.kind == .number, minutes.kind == .number, minutes.key.count == 2,
                !tokens[position].spaceBefore, !minutes.spaceBefore
            {
                return true
            }
        }
        return false
    }
}
