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
    }

    public var rules: [Rule]

    public init(rules: [Rule]) { self.rules = rules }

    /// Rules written as `(language, scope, pattern)` rows; patterns are folded here.
    init(_ rows: [(String, Scope, String)]) {
        rules = rows.map { Rule(language: $0.0, scope: $0.1, pattern: Self.fold($0.2)) }
    }

    /// Folds a line for matching: lower case, no diacritics, single spaces.
    static func fold(_ text: String) -> String {
        var result = ""
        var space = false
        for scalar in text.unicodeScalars {
            let info = ScalarTable.info(scalar)
            switch info.category {
            case .space, .newline:
                space = !result.isEmpty
            case .mark, .format:
                continue
            default:
                if space { result += " " }
                space = false
                result += info.folded
            }
        }
        return result
    }

    /// The bundled rules for Polish, Romanian, Italian, English, German, French, Spanish,
    /// Russian and Ukrainian. Rules of every language apply to every document: page chrome is
    /// often in another language than the article.
    public static let standard = BoilerplateRules([
        ("pl", .line, "reklama"), ("pl", .prefix, "czytaj takze"), ("pl", .prefix, "czytaj tez"),
        ("pl", .prefix, "czytaj wiecej"), ("pl", .prefix, "zobacz takze"), ("pl", .prefix, "zobacz tez"),
        ("pl", .prefix, "polecamy:"), ("pl", .prefix, "tagi:"), ("pl", .prefix, "obserwuj nas"),
        ("pl", .prefix, "artykul sponsorowany"), ("pl", .prefix, "material partnera"),
        ("ro", .contains, "citeste si"), ("ro", .prefix, "urmareste-ne"), ("ro", .prefix, "urmariti-ne"),
        ("ro", .prefix, "taguri:"), ("ro", .prefix, "tag-uri:"), ("ro", .tail, "afla mai multe despre"),
        ("ro", .line, "viewscnt"), ("ro", .section, "evenimente"), ("ro", .prefix, "scris astazi"),
        ("ro", .prefix, "scris ieri"), ("ro", .prefix, "publicitate"),
        ("it", .prefix, "leggi anche"), ("it", .prefix, "leggi pure"), ("it", .prefix, "seguici su"),
        ("it", .line, "pubblicita"), ("it", .prefix, "tag:"), ("it", .prefix, "riproduzione riservata"),
        ("en", .prefix, "read also"), ("en", .prefix, "read more"), ("en", .prefix, "related:"),
        ("en", .prefix, "follow us on"), ("en", .line, "advertisement"), ("en", .prefix, "tags:"),
        ("en", .prefix, "sign up for"), ("en", .prefix, "subscribe to"), ("en", .tail, "a message from"),
        ("en", .prefix, "support independent journalism"), ("en", .prefix, "donate"),
        ("en", .prefix, "click here"), ("en", .prefix, "share this article"),
        ("de", .prefix, "lesen sie auch"), ("de", .prefix, "mehr zum thema"), ("de", .line, "anzeige"),
        ("de", .line, "werbung"), ("de", .prefix, "folgen sie uns"),
        ("fr", .prefix, "lire aussi"), ("fr", .prefix, "a lire aussi"), ("fr", .prefix, "suivez-nous"),
        ("fr", .line, "publicite"),
        ("es", .prefix, "lee tambien"), ("es", .prefix, "leer mas"), ("es", .prefix, "siguenos en"),
        ("es", .line, "publicidad"),
        ("ru", .prefix, "читайте также"), ("ru", .line, "реклама"), ("ru", .prefix, "подписывайтесь"),
        ("uk", .prefix, "читайте також"), ("uk", .line, "реклама"), ("uk", .prefix, "підписуйтесь"),
    ])

    /// The 0-based numbers of the lines of `text` that are boilerplate.
    ///
    /// Besides the rules, a line that repeats an earlier line of 20 characters or more is
    /// boilerplate (a headline printed twice), and so are a line printed twice in a row (a
    /// byline) and a short line that only gives a time (`scris astăzi, 13:51`).
    public func boilerplateLines(of text: String) -> Set<Int> {
        var result = Set<Int>()
        var seen = Set<String>()
        var inSection = false
        var inTail = false
        var previous: (number: Int, line: String)?
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Self.fold(String(raw))
            if line.isEmpty {
                inSection = false
                continue
            }
            if inTail || inSection {
                result.insert(number)
                continue
            }
            var isBoilerplate = false
            for rule in rules {
                switch rule.scope {
                case .line: isBoilerplate = line == rule.pattern || line == rule.pattern + ":"
                case .prefix: isBoilerplate = line.hasPrefix(rule.pattern)
                case .contains: isBoilerplate = line.contains(rule.pattern)
                case .section:
                    isBoilerplate = line == rule.pattern || line == rule.pattern + ":"
                    inSection = isBoilerplate
                case .tail:
                    isBoilerplate = line.hasPrefix(rule.pattern)
                    inTail = isBoilerplate
                }
                if isBoilerplate { break }
            }
            if !isBoilerplate, line.count >= 20, seen.contains(line) { isBoilerplate = true }
            if !isBoilerplate, Self.isTimestampLine(line) { isBoilerplate = true }
            // A short line printed twice in a row: a byline or a site name. (A long one is a
            // repeated headline, handled above, which keeps the first.)
            if let previous, previous.line == line, line.count < 20 {
                isBoilerplate = true
                result.insert(previous.number)
            }
            if isBoilerplate { result.insert(number) }
            seen.insert(line)
            previous = (number, line)
        }
        return result
    }

    /// A line of at most five words holding a clock time such as 13:51.
    static func isTimestampLine(_ line: String) -> Bool {
        guard line.split(separator: " ").count <= 5 else { return false }
        let scalars = Array(line.unicodeScalars)
        guard scalars.count >= 5 else { return false }
        for start in 0...(scalars.count - 5) {
            let window = scalars[start..<start + 5]
            let digits = window.enumerated().allSatisfy { offset, scalar in
                offset == 2 ? scalar == ":" : ("0"..."9").contains(scalar)
            }
            if digits { return true }
        }
        return false
    }
}
