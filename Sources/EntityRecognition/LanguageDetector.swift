/// Guesses a document's language from its function words, with no network and no model.
///
/// Each language has a list of its most frequent short words (folded, as tokens are); the
/// language whose words cover the most tokens wins when it covers enough of them and clearly
/// more than the runner-up. Cyrillic text is told apart by letters only Ukrainian (і, ї, є, ґ),
/// only Russian (ы, э) or only Serbian (ј, љ, њ, ћ, ђ, џ) uses, or that Bulgarian uses as a
/// vowel (ъ); given the text as written, Latin letters that one of the languages alone uses
/// decide likewise (Czech ě, ř, ů; Slovak ľ, ĺ, ŕ, ô; Polish ł, ą, ę, ś, ź, ż, ń; Romanian ă, ș,
/// ț; German ß, ö, ü; Croatian đ; Portuguese ã, õ; Spanish ñ), for folding takes them off the
/// words. Anything else is `und`.
public enum LanguageDetector {
    /// The code returned when the text does not say.
    public static let undetermined = "und"

    static let functionWords: [(language: String, words: Set<String>)] = [
        (
            "pl",
            [
                "i", "w", "na", "z", "ze", "sie", "nie", "do", "to", "jest", "ze", "o", "jak", "po",
                "od", "za", "przez", "oraz", "ktory", "ktora", "ktore", "jego", "tym", "tak", "by",
                "tez", "lub", "juz", "bylo", "byl", "jednak", "przy", "dla", "czy", "tylko", "miedzy",
                "tego", "rowniez", "bardzo", "pod", "gdy", "ich", "ten", "ta", "aby", "wiec",
            ]
        ),
        (
            "ro",
            [
                "si", "de", "la", "in", "cu", "pe", "din", "a", "care", "nu", "este", "o", "un",
                "sa", "al", "ale", "lui", "mai", "pentru", "fost", "sunt", "dupa", "prin", "iar",
                "acest", "aceasta", "cel", "cea", "sau", "despre", "intre", "ca", "fi", "au", "isi",
                "doar", "si-a", "fiind", "catre", "asupra", "acum",
            ]
        ),
        (
            "it",
            [
                "il", "la", "di", "che", "e", "in", "un", "una", "per", "con", "non", "del", "della",
                "dei", "delle", "nel", "nella", "sono", "alla", "al", "gli", "lo", "le", "da", "ha",
                "anche", "come", "piu", "ma", "tra", "questo", "questa", "secondo", "stato", "dell",
                "sul", "sulla", "degli", "si", "era", "essere", "loro",
            ]
        ),
        (
            "en",
            [
                "the", "and", "of", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was",
                "by", "it", "from", "at", "his", "he", "has", "have", "be", "are", "an", "this",
                "which", "or", "had", "not", "but", "their", "they", "been", "were", "said", "who",
                "its", "after", "also", "would", "will",
            ]
        ),
        (
            "de",
            [
                "der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich", "des", "auf",
                "fur", "ist", "im", "dem", "nicht", "ein", "eine", "als", "auch", "es", "an", "werden",
                "aus", "er", "hat", "dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind",
                "noch", "wie", "einem", "uber", "einen", "zum", "zur", "war",
            ]
        ),
        (
            "fr",
            [
                "le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "que", "qui",
                "dans", "pour", "pas", "par", "sur", "au", "aux", "il", "elle", "ce", "cette", "son",
                "sa", "ses", "avec", "ont", "plus", "ne", "se", "mais", "comme", "ou", "apres", "entre",
                "leur", "selon", "sont", "ete",
            ]
        ),
        (
            "es",
            [
                "el", "la", "los", "las", "de", "del", "y", "en", "un", "una", "que", "es", "por",
                "con", "para", "se", "no", "al", "lo", "su", "sus", "como", "mas", "pero", "fue",
                "ha", "este", "esta", "entre", "sobre", "tambien", "desde", "son", "sin", "segun",
                "muy", "cuando", "hasta", "tras", "han",
            ]
        ),
        (
            "ru",
            [
                "и", "в", "на", "не", "что", "с", "по", "как", "он", "к", "это", "из", "за", "для",
                "от", "о", "то", "его", "но", "так", "же", "она", "бы", "у", "ли", "был", "была",
                "были", "также", "после", "при", "который", "которые", "который", "только", "еще",
                "уже", "или", "их", "этом", "чтобы",
            ]
        ),
        (
            "uk",
            [
                "i", "и", "в", "на", "не", "що", "з", "по", "як", "до", "це", "за", "для", "від",
                "о", "та", "його", "але", "так", "вже", "або", "їх", "після", "при", "який", "які",
                "також", "щоб", "ще", "було", "був", "була", "були", "із", "у", "є", "про", "між",
            ]
        ),
        (
            "bg",
            [
                "и", "на", "в", "за", "от", "е", "да", "се", "с", "по", "че", "са", "не", "това", "които",
                "който", "която", "което", "като", "след", "през", "към", "при", "или", "но", "ще", "бъде",
                "във", "със", "според", "тя", "той", "те", "му", "си", "има", "беше", "още", "обаче",
            ]
        ),
        (
            "sr",
            [
                "и", "је", "у", "на", "за", "се", "да", "су", "са", "од", "који", "која", "које", "као", "из",
                "али", "не", "би", "до", "по", "то", "што", "како", "већ", "још", "само", "био", "била", "или",
                "јер", "после", "према", "током", "такође",
            ]
        ),
        (
            "cs",
            [
                "a", "v", "se", "na", "je", "ze", "s", "z", "do", "o", "to", "k", "i", "ve", "pro", "jako",
                "by", "za", "od", "po", "jsou", "byl", "byla", "bylo", "ktere", "ktery", "ktera", "take", "jeho",
                "podle", "pri", "ale", "uz", "jen", "nez", "jsem", "mezi", "tak", "aby", "nebo", "kdyz", "jejich",
            ]
        ),
        (
            "sk",
            [
                "a", "v", "sa", "na", "je", "ze", "s", "z", "do", "o", "to", "k", "aj", "vo", "pre", "ako",
                "by", "za", "od", "po", "su", "bol", "bola", "bolo", "ktore", "ktory", "ktora", "tiez", "jeho",
                "podla", "pri", "ale", "uz", "len", "medzi", "tak", "aby", "alebo", "ked", "ich",
            ]
        ),
        (
            "sl",
            [
                "in", "je", "v", "na", "za", "se", "da", "so", "z", "s", "pa", "ki", "po", "ne", "bi", "kot",
                "tudi", "ali", "od", "do", "pri", "bo", "le", "ter", "ob", "iz", "med", "sta", "smo", "bil",
                "bila", "bilo", "ga", "jih", "kar", "lahko", "vec", "zelo", "ker", "sem",
            ]
        ),
        (
            "hr",
            [
                "i", "je", "u", "na", "za", "se", "da", "su", "s", "od", "o", "a", "koji", "koja", "koje",
                "kao", "iz", "ali", "ne", "bi", "do", "po", "to", "sto", "kako", "vec", "jos", "samo", "bio",
                "bila", "bilo", "te", "ili", "jer", "nakon", "prema", "izmedu", "tijekom", "tko",
            ]
        ),
        (
            "nl",
            [
                "de", "het", "een", "van", "en", "in", "is", "dat", "op", "te", "voor", "met", "zijn", "niet",
                "aan", "er", "om", "ook", "als", "bij", "door", "maar", "naar", "dan", "uit", "nog", "wordt",
                "werd", "heeft", "hebben", "deze", "dit", "tot", "ze", "hij", "zij", "worden", "kan", "meer",
                "geen", "wel", "zich", "haar", "hun", "onder", "tussen", "na",
            ]
        ),
        (
            "pt",
            [
                "de", "a", "o", "que", "e", "do", "da", "em", "um", "para", "com", "nao", "uma", "os", "no",
                "se", "na", "por", "mais", "as", "dos", "como", "mas", "ao", "ele", "das", "seu", "sua", "ou",
                "quando", "muito", "nos", "ja", "foi", "tambem", "pelo", "pela", "ate", "isso", "entre", "sao",
                "sobre", "apos",
            ]
        ),
    ]

    /// The languages whose function words a gazetteer refuses as unguarded aliases (see
    /// ``Gazetteer``): those of the languages added later are names too often elsewhere (*Ali*,
    /// *Si*, *Para*) to be left out of every document for them.
    static let aliasGuardLanguages: Set<String> = ["pl", "ro", "it", "en", "de", "fr", "es", "ru", "uk"]

    /// For each function word of ``aliasGuardLanguages``, the languages that use it.
    static let guardedWords = languagesOfWords { aliasGuardLanguages.contains($0) }

    /// For each function word of the languages `included`, the languages (indices into
    /// ``functionWords``) that use it.
    private static func languagesOfWords(_ included: (String) -> Bool) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for (index, entry) in functionWords.enumerated() where included(entry.language) {
            for word in entry.words { result[word, default: []].append(index) }
        }
        return result
    }

    /// Every function word by its key hash (``Token/keyHash``), with the languages that use it:
    /// a word of a text is looked up with a multiply and a probe or two, no string hashing.
    struct FunctionWordTable: Sendable {
        private var hashes: [UInt64]
        /// Bit *i*: language *i* of ``functionWords`` uses the word.
        private var languages: [UInt32]
        private var words: [String]
        private let shift: UInt64

        init() {
            let all = languagesOfWords { _ in true }
            var bits = 4
            while 1 << bits < all.count * 2 { bits += 1 }
            shift = UInt64(64 - bits)
            hashes = [UInt64](repeating: 0, count: 1 << bits)
            languages = [UInt32](repeating: 0, count: 1 << bits)
            words = [String](repeating: "", count: 1 << bits)
            precondition(functionWords.count <= 32, "a language bit set holds 32 languages")
            for (word, indices) in all.sorted(by: { $0.key < $1.key }) {
                let hash = Tokenizer.hash(word.utf8)
                var slot = Self.home(of: hash, shift: shift)
                while hashes[slot] != 0 { slot = (slot + 1) & (hashes.count - 1) }
                hashes[slot] = hash
                languages[slot] = indices.reduce(0) { $0 | 1 << UInt32($1) }
                words[slot] = word
            }
        }

        @inline(__always)
        private static func home(of hash: UInt64, shift: UInt64) -> Int {
            Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// The languages that use token `index` as a function word, as bits; 0 for none. The
        /// token's key is read only when its hash is a function word's.
        @inline(__always)
        func languages(of tokens: UnsafeBufferPointer<Token>, at index: Int) -> UInt32 {
            let hash = tokens[index].keyHash
            var slot = Self.home(of: hash, shift: shift)
            while hashes[slot] != 0 {
                if hashes[slot] == hash { return tokens[index].key == words[slot] ? languages[slot] : 0 }
                slot = (slot + 1) & (hashes.count - 1)
            }
            return 0
        }
    }

    static let functionWordTable = FunctionWordTable()

    /// For each scalar below U+0800 (those two UTF-8 bytes carry), the index in
    /// ``functionWords`` of the only language among them that writes it, or -1: Cyrillic letters
    /// that only Ukrainian (і, ї, є, ґ), only Russian (ы, э) or only Serbian (ј, љ, њ, ћ, ђ, џ)
    /// uses, or that Bulgarian uses as a vowel (ъ, a rare hard sign in Russian); Latin ones
    /// folding takes off the words. A flat table: every letter of the first words of a text is
    /// looked up.
    static let letterLanguages: [Int8] = {
        let letters = [
            ("uk", "іїєґІЇЄҐ"), ("ru", "ыэЫЭ"), ("bg", "ъЪ"), ("sr", "јљњћђџЈЉЊЋЂЏ"),
            ("cs", "ěřůĚŘŮ"), ("sk", "ľĺŕôĽĹŔÔ"), ("pl", "łąęśźżńŁĄĘŚŹŻŃ"), ("ro", "ășşțţĂȘŞȚŢ"),
            ("de", "ßöüÖÜ"), ("hr", "đĐ"), ("pt", "ãõÃÕ"), ("es", "ñÑ"),
        ]
        var result = [Int8](repeating: -1, count: 0x800)
        for (language, scalars) in letters {
            let index = functionWords.firstIndex { $0.language == language }!
            for scalar in scalars.unicodeScalars {
                precondition(scalar.value < 0x800 && result[Int(scalar.value)] < 0, "letter \(scalar) listed twice or too high")
                result[Int(scalar.value)] = Int8(index)
            }
        }
        return result
    }()

    /// Adds the letters of `bytes` (UTF-8) that ``letterLanguages`` knows to their languages'
    /// counts; ASCII runs are passed eight bytes at a time.
    @inline(__always)
    private static func countLetters(
        in bytes: UnsafeBufferPointer<UInt8>, languages: UnsafeBufferPointer<Int8>,
        into letters: inout [Int]
    ) {
        let raw = UnsafeRawBufferPointer(bytes)
        var position = 0
        while position + 1 < bytes.count {
            if position + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) & ByteWord.high == 0 {
                position += 8
                continue
            }
            let lead = bytes[position]
            // Each of the letters is two bytes.
            if lead & 0xE0 == 0xC0 {
                let language = languages[Int(lead & 0x1F) << 6 | Int(bytes[position + 1] & 0x3F)]
                if language >= 0 { letters[Int(language)] += 1 }
            }
            position += 1
        }
    }

    /// The order in which the languages' letter counts are compared: on a tie the first wins.
    private static let letterOrder: [Int] = {
        let cyrillic = ["uk", "ru", "bg", "sr"].map { language in functionWords.firstIndex { $0.language == language }! }
        return cyrillic + functionWords.indices.filter { !cyrillic.contains($0) }
    }()

    /// The language of `tokens`, as an ISO 639-1 code, or ``undetermined``; `text`, when given,
    /// is the UTF-8 text the tokens' ``Token/utf8Start`` and ``Token/utf8End`` point into.
    ///
    /// A function word shared by *k* languages adds 1/*k* to each of them, so that words such
    /// as *de* or *la* do not drown the ones that tell languages apart. The letters only one
    /// language writes add their count to it, those of the language with the most of them only,
    /// and only if some of its function words are there. Without `text` the letters are read
    /// from the folded keys, which keep Cyrillic letters but not Latin diacritics.
    ///
    /// - Complexity: O(*n*) in the number of tokens.
    public static func language(of tokens: [Token], in text: UnsafeBufferPointer<UInt8>? = nil) -> String {
        var scores = [Double](repeating: 0, count: functionWords.count)
        var letters = [Int](repeating: 0, count: functionWords.count)
        var words = 0
        let table = functionWordTable
        tokens.withUnsafeBufferPointer { tokens in
            letterLanguages.withUnsafeBufferPointer { letterLanguages in
                for index in tokens.indices where tokens[index].kind == .word {
                    // Four hundred words decide as well as the whole of a long text.
                    if words >= 400 { break }
                    words += 1
                    if let text {
                        Self.countLetters(
                            in: UnsafeBufferPointer(rebasing: text[tokens[index].utf8Start..<tokens[index].utf8End]),
                            languages: letterLanguages, into: &letters)
                    } else {
                        var key = tokens[index].key
                        key.withUTF8 { Self.countLetters(in: $0, languages: letterLanguages, into: &letters) }
                    }
                    var languages = table.languages(of: tokens, at: index)
                    guard languages != 0 else { continue }
                    let share = 1 / Double(languages.nonzeroBitCount)
                    while languages != 0 {
                        scores[languages.trailingZeroBitCount] += share
                        languages &= languages - 1
                    }
                }
            }
        }
        guard words > 0 else { return undetermined }
        // The letters one language alone writes decide between languages that share function
        // words: the most frequent kind adds its count to its language, if some of that
        // language's function words are there (Polish names do not make an English text Polish).
        let strongest = letterOrder.max { letters[$0] < letters[$1] }!
        if letters[strongest] > 0, scores[strongest] > 0 { scores[strongest] += Double(letters[strongest]) }
        let ranked = scores.indices.sorted { (scores[$0], -$0) > (scores[$1], -$1) }
        let best = scores[ranked[0]]
        let second = scores[ranked[1]]
        let enough = best >= 1.5 && best >= 0.04 * Double(min(words, 400))
        guard enough, best >= 1.25 * second + 0.25 else { return undetermined }
        return functionWords[ranked[0]].language
    }
}
