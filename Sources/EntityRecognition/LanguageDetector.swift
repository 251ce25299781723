/// Guesses a document's language from its function words, with no network and no model.
///
/// Each language has a list of its most frequent short words (folded, as tokens are); the
/// language whose words cover the most tokens wins when it covers enough of them and clearly
/// more than the runner-up. Cyrillic text is told apart by letters only Ukrainian (і, ї, є, ґ)
/// or only Russian (ы, э, ъ) uses. Anything else is `und`.
public enum LanguageDetector {
    /// The code returned when the text does not say.
    public static let undetermined = "und"

    static let functionWords: [(language: String, words: Set<String>)] = [
        ("pl", ["i", "w", "na", "z", "ze", "sie", "nie", "do", "to", "jest", "ze", "o", "jak", "po",
                "od", "za", "przez", "oraz", "ktory", "ktora", "ktore", "jego", "tym", "tak", "by",
                "tez", "lub", "juz", "bylo", "byl", "jednak", "przy", "dla", "czy", "tylko", "miedzy",
                "tego", "rowniez", "bardzo", "pod", "gdy", "ich", "ten", "ta", "aby", "wiec"]),
        ("ro", ["si", "de", "la", "in", "cu", "pe", "din", "a", "care", "nu", "este", "o", "un",
                "sa", "al", "ale", "lui", "mai", "pentru", "fost", "sunt", "dupa", "prin", "iar",
                "acest", "aceasta", "cel", "cea", "sau", "despre", "intre", "ca", "fi", "au", "isi",
                "doar", "si-a", "fiind", "catre", "asupra", "acum"]),
        ("it", ["il", "la", "di", "che", "e", "in", "un", "una", "per", "con", "non", "del", "della",
                "dei", "delle", "nel", "nella", "sono", "alla", "al", "gli", "lo", "le", "da", "ha",
                "anche", "come", "piu", "ma", "tra", "questo", "questa", "secondo", "stato", "dell",
                "sul", "sulla", "degli", "si", "era", "essere", "loro"]),
        ("en", ["the", "and", "of", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was",
                "by", "it", "from", "at", "his", "he", "has", "have", "be", "are", "an", "this",
                "which", "or", "had", "not", "but", "their", "they", "been", "were", "said", "who",
                "its", "after", "also", "would", "will"]),
        ("de", ["der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf",
                "fur", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden",
                "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind",
                "noch", "wie", "einem", "uber", "einen", "zum", "zur", "war"]),
        ("fr", ["le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "que", "qui",
                "dans", "pour", "pas", "par", "sur", "au", "aux", "il", "elle", "ce", "cette", "son",
                "sa", "ses", "avec", "ont", "plus", "ne", "se", "mais", "comme", "ou", "apres", "entre",
                "leur", "selon", "sont", "ete"]),
        ("es", ["el", "la", "los", "las", "de", "del", "y", "en", "un", "una", "que", "es", "por",
                "con", "para", "se", "no", "al", "lo", "su", "sus", "como", "mas", "pero", "fue",
                "ha", "este", "esta", "entre", "sobre", "tambien", "desde", "son", "sin", "segun",
                "muy", "cuando", "hasta", "tras", "han"]),
        ("ru", ["и", "в", "на", "не", "что", "с", "по", "как", "он", "к", "это", "из", "за", "для",
                "от", "о", "то", "его", "но", "так", "же", "она", "бы", "у", "ли", "был", "была",
                "были", "также", "после", "при", "который", "которые", "который", "только", "еще",
                "уже", "или", "их", "этом", "чтобы"]),
        ("uk", ["i", "и", "в", "на", "не", "що", "з", "по", "як", "до", "це", "за", "для", "від",
                "о", "та", "його", "але", "так", "вже", "або", "їх", "після", "при", "який", "які",
                "також", "щоб", "ще", "було", "був", "була", "були", "із", "у", "є", "про", "між"]),
    ]

    /// For each function word, the languages that use it.
    static let languagesOfWord: [String: [Int]] = {
        var result: [String: [Int]] = [:]
        for (index, entry) in functionWords.enumerated() {
            for word in entry.words { result[word, default: []].append(index) }
        }
        return result
    }()

    /// The language of `tokens`, as an ISO 639-1 code, or ``undetermined``.
    ///
    /// A function word shared by *k* languages adds 1/*k* to each of them, so that words such
    /// as *de* or *la* do not drown the ones that tell languages apart.
    ///
    /// - Complexity: O(*n*) in the number of tokens.
    public static func language(of tokens: [Token]) -> String {
        var scores = [Double](repeating: 0, count: functionWords.count)
        var words = 0
        var ukrainianLetters = 0
        var russianLetters = 0
        for token in tokens where token.kind == .word {
            // Four hundred words decide as well as the whole of a long text.
            if words >= 400 { break }
            words += 1
            if let languages = languagesOfWord[token.key] {
                for index in languages { scores[index] += 1 / Double(languages.count) }
            }
            for scalar in token.key.unicodeScalars {
                switch scalar {
                case "і", "ї", "є", "ґ": ukrainianLetters += 1
                case "ы", "э", "ъ": russianLetters += 1
                default: break
                }
            }
        }
        guard words > 0 else { return undetermined }
        if ukrainianLetters + russianLetters > 0 {
            let ru = functionWords.firstIndex { $0.language == "ru" }!
            let uk = functionWords.firstIndex { $0.language == "uk" }!
            if ukrainianLetters > russianLetters {
                scores[uk] += Double(ukrainianLetters)
            } else {
                scores[ru] += Double(russianLetters)
            }
        }
        let ranked = scores.indices.sorted { (scores[$0], -$0) > (scores[$1], -$1) }
        let best = scores[ranked[0]]
        let second = scores[ranked[1]]
        let enough = best >= 1.5 && best >= 0.04 * Double(min(words, 400))
        guard enough, best >= 1.25 * second + 0.25 else { return undetermined }
        return functionWords[ranked[0]].language
    }
}
