import Foundation
import TestSupport
import Testing

@testable import EntityRecognition

struct FoldingTests {
    @Test(arguments: [
        ("Łódź", "lodz"), ("Ștefan", "stefan"), ("Ştefan", "stefan"), ("Țară", "tara"), ("Ţară", "tara"),
        ("Straße", "strasse"), ("Ёлка", "елка"), ("Kirijenką", "kirijenka"), ("ZEŁENSKI", "zelenski"),
        ("Øresund", "oresund"), ("Erdoğan", "erdogan"), ("Україна", "украіна"),
    ])
    func foldsCaseAndDiacritics(text: String, folded: String) {
        #expect(text.foldedForMatching == folded)
    }

    @Test func nfdAndNFCFoldAlike() {
        let nfc = "Kremlinul Rusiei și Ucrainei, Zełenski, Kirijenką"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        #expect(nfc.unicodeScalars.count != nfd.unicodeScalars.count)
        #expect(Tokenizer.tokens(in: nfc).map(\.key) == Tokenizer.tokens(in: nfd).map(\.key))
    }

    /// The quick test that lets exports skip normalizing never says no to a text NFC changes,
    /// and says no to plain text of every script, wherever in the text (and in its eight-byte
    /// words) the character that matters falls.
    @Test func mayChangeUnderNFCNeverMissesAChange() {
        let plain = [
            "Zełenski w Kijowie", "Путин и Кремль", "Ελλάδα", "北京市", "東京 🇺🇦 👍🏽", "Ștefan cel Mare",
            "ÅÉÎÕÜ ñ ç", "tab\tand\nline",
        ]
        let changing = [
            "Rosja\u{0328}", "Łodz\u{0301}", "\u{212B}ngstrom", "\u{1100}\u{1161}", "क़", "\u{0344}",
            "\u{1D15E}", "\u{2F800}", "e\u{0301}\u{0327}",
        ]
        for prefix in ["", "a", "abcdefg", "Путин ", "0123456789abcdef"] {
            for text in plain {
                #expect(!(prefix + text).mayChangeUnderNFC, "\(prefix + text)")
            }
            for text in changing {
                let whole = prefix + text + " tail"
                #expect(
                    whole.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(whole.unicodeScalars) == false
                        || whole.mayChangeUnderNFC, "\(whole)")
                #expect(whole.mayChangeUnderNFC, "\(whole)")
            }
        }
    }
}

struct TokenizerTests {
    @Test func splitsElisionPossessiveAndHyphen() {
        let keys = Tokenizer.tokens(in: "dell'Ucraina, Putin's Trump-backed NATO-ului").map(\.key)
        #expect(keys == ["dell", "'", "ucraina", ",", "putin", "'", "s", "trump", "-", "backed", "nato", "-", "ului"])
    }

    /// A name's ending after an apostrophe or a hyphen joins it into one word, as far as the
    /// ending goes; an apostrophe or hyphen inside a name, before an ending the language does
    /// not know, or after a word in lower case is left alone.
    @Test func markedEndingsJoinTheirWord() throws {
        let text = "Mike’a Pence'a, O'Leary'ego i O'Leary, Putin's ' a, UOKiK-u i BASF-Wintershall, e-mail-u, Pointe-à-Pitre"
        var tokens = Tokenizer.tokens(in: text)
        Tokenizer.joinMarkedEndings(&tokens, endings: try #require(Morphology.forLanguage("pl")).markedEndings)
        #expect(
            tokens.map(\.key) == [
                "mike'a", "pence'a", ",", "o", "'", "leary'ego", "i", "o", "'", "leary", ",", "putin", "'",
                "s", "'", "a", ",", "uokik-u", "i", "basf", "-", "wintershall", ",", "e", "-", "mail",
                "-", "u", ",", "pointe", "-", "a", "-", "pitre",
            ])
        #expect(tokens.map { Fixtures.slice(text, $0.start, $0.end) }.prefix(2) == ["Mike’a", "Pence'a"])
        #expect(tokens[0].keyHash == Tokenizer.hash("mike'a".utf8))
        #expect(tokens[5].utf8End - tokens[5].utf8Start == "Leary'ego".utf8.count)
    }

    /// A Russian acronym with its case ending written onto it in lower case is one word with a
    /// marked ending; a word with one capital, one that goes on past an ending, or one in
    /// capitals throughout is left as it was.
    @Test func acronymEndingsAreMarked() throws {
        let text = "МИДа, ОМОНом и ЦУМе; Путина, ВКонтакте, МИДовский, США, ООН, НАТОвцы, ТАССа"
        var tokens = Tokenizer.tokens(in: text)
        #expect(
            tokens.filter { $0.kind == .word }.map(\.isAllUppercase)
                == [false, false, false, false, false, false, false, true, true, false, false])
        try Array(text.utf8).withUnsafeBufferPointer { bytes in
            Tokenizer.markAcronymEndings(&tokens, in: bytes, endings: try #require(Morphology.forLanguage("ru")).acronymEndings)
        }
        let marked = tokens.filter(\.hasMarkedEnding).map { Fixtures.slice(text, $0.start, $0.end) }
        #expect(marked == ["МИДа", "ОМОНом", "ЦУМе", "ТАССа"])
        #expect(tokens.filter(\.hasMarkedEnding).allSatisfy { $0.isAllUppercase })
    }

    @Test func offsetsCountUnicodeScalars() {
        let text = "🇺🇦 Zełenski 👍🏽 i Kirijenką"
        let tokens = Tokenizer.tokens(in: text).filter { $0.kind == .word }
        #expect(tokens.map { Fixtures.slice(text, $0.start, $0.end) } == ["Zełenski", "i", "Kirijenką"])
    }

    @Test func nfdOffsetsCoverCombiningMarks() {
        let text = "Rosja\u{0328} i Łodz\u{0301}"  // "Rosją i Łódź" with the marks apart
        let tokens = Tokenizer.tokens(in: text).filter { $0.kind == .word }
        #expect(tokens.map { Fixtures.slice(text, $0.start, $0.end) } == ["Rosja\u{0328}", "i", "Łodz\u{0301}"])
        #expect(tokens[0].key == "rosja")
    }

    /// After its first letter, a word runs through the tokenizer's own loop for ASCII and
    /// two-byte letters, marks and format characters, the rest through its general step, and a
    /// word may switch between them at any letter: both must give the key that folding the
    /// word's surface gives, and the same capitals.
    /// Seeds 8 and up write mostly ASCII, so that runs of it are folded eight bytes at a time.
    @Test(arguments: 0..<12)
    func asciiRunsAndOtherLettersTokenizeAlike(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let alphabet: [String] =
            seed < 8
            ? [
                "a", "z", "Q", "M", "7", "0", "ł", "Ł", "ą", "É", "ß", "Ж", "ж", "\u{0301}", "\u{00AD}", " ", " ", "\n",
                ".", "'", "-", "😀",
            ]
            : ["a", "b", "z", "A", "Q", "Z", "0", "5", "9", "a", "e", "i", "o", "M", "ł", "Ж", "\u{0301}", " ", "."]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...(seed < 8 ? 40 : 80), using: &random)).map { _ in alphabet.randomElement(using: &random)! }
                .joined()
            let utf8 = Array(text.utf8)
            for token in Tokenizer.tokens(in: text) where token.kind != .punctuation {
                let surface = String(decoding: utf8[token.utf8Start..<token.utf8End], as: UTF8.self)
                #expect(token.key == surface.foldedForMatching, "\(text.debugDescription): \(surface.debugDescription)")
                #expect(token.keyHash == Tokenizer.hash(token.key.utf8))
                let letters = surface.unicodeScalars.filter { $0.properties.isAlphabetic }
                #expect(token.startsUppercase == (letters.first?.properties.isUppercase ?? false), "\(surface.debugDescription)")
                #expect(
                    token.isAllUppercase == (!letters.isEmpty && letters.allSatisfy(\.properties.isUppercase)),
                    "\(surface.debugDescription)")
                #expect(token.kind == (letters.isEmpty ? .number : .word))
                #expect(Fixtures.slice(text, token.start, token.end).unicodeScalars.elementsEqual(surface.unicodeScalars))
                // A word is a whole run: no letter or digit just before or after it.
                let scalars = Array(text.unicodeScalars)
                for outside in [token.start - 1, token.end] where scalars.indices.contains(outside) {
                    #expect(!scalars[outside].properties.isAlphabetic && scalars[outside].properties.numericType == nil)
                }
            }
        }
    }

    @Test func recordsCapitalsAndLineBreaks() {
        let tokens = Tokenizer.tokens(in: "NATO summit\n\nMusk")
        #expect(tokens[0].isAllUppercase && tokens[0].startsUppercase)
        #expect(!tokens[1].startsUppercase)
        #expect(tokens[2].lineBreaksBefore == 2 && tokens[2].startsUppercase && !tokens[2].isAllUppercase)
    }
}

struct SegmentationTests {
    func sentences(_ text: String) -> [String] {
        SentenceSegmenter.sentences(of: Tokenizer.tokens(in: text)).map { Fixtures.slice(text, $0.start, $0.end) }
    }

    @Test func splitsAtTerminalPunctuationBeforeACapital() {
        #expect(sentences("Musk met Putin. Then he left! Did he? Yes.") == ["Musk met Putin.", "Then he left!", "Did he?", "Yes."])
    }

    @Test(arguments: [
        "The U.S. government did not comment on it.",
        "Dr. Smith spoke to Mr. Jones on Monday.",
        "Pod koniec ub.r. Putin zwrócił się do Muska.",
        "Spotkanie odbyło się w 2022 r. Putin był obecny.",
        "Donald J. Trump spoke.",
        "He paused... Then nothing happened.",
        "Rozmawiali m.in. Tusk i Duda.",
    ])
    func keepsAbbreviationsInitialsAndEllipsesInside(text: String) {
        #expect(sentences(text) == [text])
    }

    @Test func everyLineBreakEndsASentence() {
        #expect(
            sentences("Headline without a stop\nBody sentence one. Body two.") == [
                "Headline without a stop", "Body sentence one.", "Body two.",
            ])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(sentences("He said: “They don’t love it.” Then Musk replied.") == ["He said: “They don’t love it.”", "Then Musk replied."])
    }

    @Test func blankLinesSeparateParagraphs() {
        let text = "First one. Second one.\nStill first paragraph.\n\nNew paragraph."
        let result = SentenceSegmenter.sentences(of: Tokenizer.tokens(in: text))
        #expect(result.map(\.paragraph) == [0, 0, 0, 1])
        #expect(result.map(\.index) == [0, 1, 2, 3])
    }
}

struct LanguageDetectorTests {
    @Test(arguments: [
        ("pl", "Premier spotkał się w poniedziałek z prezydentem i rozmawiali o tym, jak wesprzeć Ukrainę oraz co dalej."),
        ("ro", "Președintele a declarat că România nu mai cumpără gaz din Rusia și că este pregătită pentru iarnă."),
        ("it", "La presidente del Consiglio è arrivata a Kiev per incontrare il presidente e per parlare della ricostruzione."),
        ("en", "The president said that the summit was a success and that the allies would meet again in the spring."),
        ("de", "Der Kanzler hat in Berlin den Präsidenten empfangen und mit ihm über die Lage in der Ukraine gesprochen."),
        ("fr", "Le président a reçu jeudi son homologue et les deux dirigeants ont évoqué l'aide militaire pour le pays."),
        ("es", "El presidente dijo que la cumbre fue un éxito y que los aliados se reunirán de nuevo en primavera."),
        ("ru", "Пресс-секретарь заявил, что Россия внимательно следит за встречей и что президент не планирует разговор."),
        ("uk", "Президент України зустрівся з прем'єр-міністром, і сторони обговорили постачання зброї та енергетичну безпеку."),
        ("bg", "Премиерът заяви, че правителството ще подкрепи мерките, които бяха приети след срещата в Брюксел."),
        ("sr", "Председник је рекао да ће влада наставити разговоре са партнерима који су подржали споразум."),
        ("cs", "Premiér se ve čtvrtek sešel s prezidentem a oba politici jednali o tom, jak podpořit ukrajinské hospodářství."),
        ("sk", "Premiér sa vo štvrtok stretol s prezidentom a obaja politici rokovali o tom, ako podporiť hospodárstvo."),
        ("sl", "Predsednik vlade se je v četrtek sestal s predsednikom, pogovarjala pa sta se tudi o tem, kako pomagati."),
        ("hr", "Predsjednik Vlade sastao se u četvrtak s predsjednikom i razgovarali su o tome kako pomoći gospodarstvu."),
        ("pt", "O presidente disse que a cimeira foi um sucesso e que os aliados vão reunir-se de novo na primavera."),
        ("nl", "De premier heeft donderdag met de president gesproken over de steun aan het land en de gevolgen daarvan."),
    ])
    func detectsLanguage(code: String, text: String) {
        #expect(LanguageDetector.language(of: Tokenizer.tokens(in: text)) == code)
    }

    /// Short texts with few function words, or those Czech and Slovak share, are told apart
    /// by the letters only one of the languages writes, which folding takes off the tokens.
    @Test(arguments: [
        ("cs", "Prezident Ruska přiletěl do Prahy. V Praze jednal o Německu a o Polsku. Putinovi řekli, že Gazprom ztrácí."),
        ("sk", "Prezident Ruska priletel do Bratislavy. V Bratislave rokoval o Nemecku a o Poľsku. Putinovi povedali, že môže."),
        ("pl", "Prezydent Rosji przyleciał do Pragi. W Pradze rozmawiał o Niemczech i o Polsce. Putinowi powiedziano, że Gazprom traci."),
        ("ro", "Președintele Rusiei a sosit la Praga. În capitală a discutat despre Germania și Polonia cu oficiali ai țării."),
    ])
    func detectsLanguageByItsOwnLetters(code: String, text: String) {
        var text = text
        let tokens = Tokenizer.tokens(in: text)
        #expect(text.withUTF8 { LanguageDetector.language(of: tokens, in: $0) } == code)
    }

    /// Letters of one language's alphabet do not name a language none of whose words are there.
    @Test func lettersAloneDoNotDecide() {
        var text = "The mayors of Łódź, Gdańsk and Kraków met Lech Wałęsa in Poznań with Józef Świątek."
        let tokens = Tokenizer.tokens(in: text)
        #expect(text.withUTF8 { LanguageDetector.language(of: tokens, in: $0) } == "en")
    }

    @Test func saysUndeterminedWhenUnsure() {
        #expect(LanguageDetector.language(of: Tokenizer.tokens(in: "SpaceX Starlink 2024")) == "und")
        #expect(LanguageDetector.language(of: []) == "und")
    }
}

struct BoilerplateTests {
    func lines(_ text: String) -> [Int] {
        BoilerplateRules.standard.boilerplateLines(of: text).sorted()
    }

    @Test(arguments: [
        ("Reklama", "pl"), ("Czytaj także: Ceny gazu znów rosną", "pl"),
        ("Titlu lung al unui articol CITEȘTE ȘI Titlu lung al unui articol", "ro"),
        ("Urmărește-ne și pe Google News", "ro"), ("Leggi anche: il governo cade", "it"),
        ("Read also: How satellites changed the war", "en"), ("Follow us on Google News", "en"),
        ("Lesen Sie auch: Neue Sanktionen", "de"), ("Читайте также: новости", "ru"),
    ])
    func recognizesMarkerLines(line: String, language: String) {
        #expect(lines("Body text here.\n\(line)\nMore body text.") == [1], "\(language): \(line)")
    }

    @Test func keepsTheFirstOfARepeatedHeadlineAndMarksBylinesAndTimes() {
        let text = "A headline that is long enough\n\nA headline that is long enough\nSite.ro\nSite.ro\nscris astăzi, 13:51\nBody."
        #expect(lines(text) == [2, 3, 4, 5])
    }

    @Test func appealsRunToTheEndAndEventListsToABlankLine() {
        let text = "Body.\nEvenimente\n31 octombrie - Gala\n\nMore body.\nA Message from The Paper:\nDear readers,\nDonate."
        #expect(lines(text) == [1, 2, 5, 6, 7])
    }

    @Test func ordinaryLinesStay() {
        #expect(lines("Reklamacja złożona w sądzie.\nThe advertisement market grew.").isEmpty)
    }
}

/// The UTF-8 check that every file and JSON line goes through: its ASCII fast path must not
/// skip past a bad byte.
struct UTF8ValidationTests {
    @Test(arguments: 0..<20)
    func findsABadByteAfterAnyRunOfASCII(asciiPrefix: Int) {
        let good = Array(repeating: UInt8(ascii: "a"), count: asciiPrefix) + Array("ł ș 👍🏽".utf8)
        for bad: [UInt8] in [[0xFF], [0xC5], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            let bytes = good + bad + Array("tail".utf8)
            #expect(!bytes.withUnsafeBufferPointer { Gazetteer.isValidUTF8($0) })
        }
        #expect(good.withUnsafeBufferPointer { Gazetteer.isValidUTF8($0) })
    }
}

struct SliceTests {
    /// Slices counted on UTF-8 bytes against slices of the scalar view, for every range of a
    /// text with one-, two-, three- and four-byte scalars and a combining mark.
    @Test func slicesByScalarOffsetsMatchTheScalarView() {
        let text = "Zełenski: Путин, 习近平 👍🏽 e\u{301}!"
        let scalars = Array(text.unicodeScalars)
        for start in 0...scalars.count {
            for end in start...scalars.count {
                let expected = String(String.UnicodeScalarView(scalars[start..<end]))
                #expect(RecognizedDocument.slice(text, start, end) == expected)
            }
        }
    }
}

struct ByteWordTests {
    /// The eight-byte tests against a byte-by-byte look, on words made of the bytes they look
    /// for, their neighbours and bytes above ASCII.
    @Test func eightByteTestsAgreeWithAByteByByteLook() {
        var random = SeededGenerator(seed: 7)
        let alphabet: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xE2, 0xFF]
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in Int.random(in: 0..<5, using: &random) == 0 ? alphabet.randomElement(using: &random)! : 0x61 }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            #expect(ByteWord.containsControl(word) == bytes.contains { $0 < 0x20 })
            #expect(ByteWord.contains(0x5C, in: word) == bytes.contains(0x5C))
            #expect(ByteWord.contains(0xE2, in: word) == bytes.contains(0xE2))
            #expect(ByteWord.mayEndJSONStringRun(word) == bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C })
        }
    }
}
