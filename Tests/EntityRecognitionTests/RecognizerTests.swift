import TestSupport
import Testing

@testable import EntityRecognition

/// A small gazetteer of base forms only, as a user would write it.
let testGazetteer: Gazetteer = {
    var gazetteer = Gazetteer()
    try! gazetteer.parseEntityFile(
        """
        Q7747\tperson\tVladimir Putin
        \t*\tVladimir Putin | Putin
        \tpl\tWładimir Putin
        Q317521\tperson\tElon Musk
        \t*\tElon Musk
        kiriyenko\tperson\tSergei Kiriyenko
        \ten\tSergei Kiriyenko
        \tpl\tSiergiej Kirijenko
        \tro\tSerghei Kirienko
        Q22686\tperson\tDonald Trump
        \t*\tDonald Trump
        melania\tperson\tMelania Trump
        \t*\tMelania Trump
        Q159\tlocation/country\tRussia
        \ten\tRussia
        \tpl\tRosja
        \tro\tRusia
        \tit\tRussia
        \ten demonym\tRussian
        \tpl demonym\trosyjski
        \tit demonym\trusso
        Q212\tlocation/country\tUkraine
        \ten\tUkraine
        \tpl\tUkraina
        \tro\tUcraina
        \tit\tUcraina
        Q865\tlocation/country\tTaiwan
        \t*\tTaiwan
        \tpl\tTajwan
        Q30\tlocation/country\tUnited States
        \ten\tUnited States | =US
        \tro\tSUA
        kremlin\torganization/government\tKremlin
        \ten\tKremlin
        \tpl\tKreml
        \tro\tKremlin
        doj\torganization/government\tUnited States Department of Justice
        \tro\tDepartamentul de Justiție al SUA
        \ten\tUS Department of Justice
        Q61\tlocation/city\tWashington, D.C.
        \t*\tWashington
        Q918\torganization/product\tX
        \t*\t?=X | Twitter
        \tcontext\tplatform | platforma | rețea | @Q317521
        Q64\tlocation/city\tBerlin
        \t*\tBerlin
        """, file: "test.gaz")
    return gazetteer
}()

let testIndex = AliasIndex(gazetteer: testGazetteer)

func mentions(_ text: String, language: String? = nil, demonyms: Bool = true, nested: Bool = false) -> [EntityMention] {
    let recognizer = Recognizer(
        index: testIndex,
        options: RecognitionOptions(
            language: language, includeDemonyms: demonyms, includeNested: nested))
    return recognizer.recognize(Document(id: "t", text: text)).mentions
}

func spans(_ text: String, language: String? = nil, demonyms: Bool = true, nested: Bool = false) -> [String] {
    mentions(text, language: language, demonyms: demonyms, nested: nested).map { "\($0.surface)=\($0.entity.id)" }
}

struct RecognizerTests {
    @Test(arguments: [
        (
            "pl", "Rozmowy z Putinem i Siergiejem Kirijenką dotyczyły Rosji i Tajwanu.",
            ["Putinem=Q7747", "Siergiejem Kirijenką=kiriyenko", "Rosji=Q159", "Tajwanu=Q865"]
        ),
        ("pl", "Kirijenko kierował operacjami Kremla na platformie X.", ["Kirijenko=kiriyenko", "Kremla=kremlin", "X=Q918"]),
        (
            "ro", "Liderul de la Kremlin și Kremlinului, Rusiei și Ucrainei, apoi Taiwanului.",
            ["Kremlin=kremlin", "Kremlinului=kremlin", "Rusiei=Q159", "Ucrainei=Q212", "Taiwanului=Q865"]
        ),
        ("it", "La neutralità dell'Ucraina preoccupa la Russia.", ["Ucraina=Q212", "Russia=Q159"]),
        ("en", "Putin's talks with Elon Musk's team.", ["Putin=Q7747", "Elon Musk=Q317521"]),
    ])
    func findsInflectedAndAttachedForms(language: String, text: String, expected: [String]) {
        #expect(spans(text, language: language, demonyms: false) == expected)
    }

    /// The match kind, from bytes for ASCII text and from strings for the rest.
    @Test(arguments: [
        ("Paris", "Paris", true, MatchKind.exact), ("PARIS", "Paris", true, .folded), ("Parisa", "Paris", true, .inflected),
        ("Parisa", "Paris", false, .folded), ("Parisiens", "Paris", true, .folded), ("Rosją", "Rosja", true, .inflected),
        ("Zelenski", "Zełenski", true, .folded), ("Zu\u{0308}rich", "Zürich", true, .exact), ("ZÜRICH", "Zürich", true, .folded),
        ("Ştefan", "Ștefan", true, .folded), ("Ukrainy", "Ukraina", true, .inflected), ("NATO-ului", "NATO", true, .folded),
    ])
    func matchKindComparesTheTextWithTheAlias(surface: String, alias: String, hasMorphology: Bool, expected: MatchKind) {
        let entry = AliasIndex.Entry(
            entity: 0, alias: 0, capitalMask: 1, uppercaseMask: 0, source: .listed, tokenCountByte: 1,
            flags: 0)
        var surface = surface
        var alias = alias
        let kind = surface.withUTF8 { surface in
            alias.withUTF8 { Recognizer.matchKind(entry, inflected: 0, surface: surface, alias: $0, hasMorphology: hasMorphology) }
        }
        #expect(kind == expected)
    }

    @Test func offsetsSliceBackToTheSurfaceInNFDTextWithEmoji() {
        let text = "🇷🇺🚀 Rozmowy z Putinem 👍🏽 dotyczyły Rosji i Siergiejem Kirijenką.".decomposedStringWithCanonicalMapping
        let found = mentions(text, language: "pl")
        #expect(found.count == 3)
        for mention in found {
            #expect(Fixtures.slice(text, mention.start, mention.end) == mention.surface)
        }
    }

    @Test func foldsCaseInCapitalsButNotIntoOrdinaryWords() {
        #expect(spans("RUSIA și UCRAINA", language: "ro") == ["RUSIA=Q159", "UCRAINA=Q212"])
        // Lower-case ordinary words are not names, inflected or not.
        #expect(spans("berlin putin rosji", language: "pl").isEmpty)
    }

    @Test func shortFormLinksToTheFullNameSeen() {
        let found = mentions("Elon Musk spoke. Later, Musk and Trump met. Donald Trump agreed.", language: "en")
        #expect(
            found.map { "\($0.surface)=\($0.entity.id)/\($0.match.rawValue)" } == [
                "Elon Musk=Q317521/exact", "Musk=Q317521/short-form", "Trump=Q22686/short-form", "Donald Trump=Q22686/exact",
            ])
    }

    @Test func ambiguousShortFormNeedsTheDocumentToSettleIt() {
        #expect(spans("Yesterday Trump spoke.", language: "en").isEmpty)
        #expect(spans("Yesterday Trump spoke. Melania Trump listened.", language: "en") == ["Trump=melania", "Melania Trump=melania"])
    }

    @Test func polishShortFormsInflect() {
        #expect(
            spans("Elon Musk to biznesmen. Putin zwrócił się do Muska.", language: "pl") == [
                "Elon Musk=Q317521", "Putin=Q7747", "Muska=Q317521",
            ])
    }

    @Test func contextDependentAliasNeedsItsCue() {
        #expect(spans("Plan X is ready.", language: "en").isEmpty)
        #expect(spans("Elon Musk posted on X.", language: "en") == ["Elon Musk=Q317521", "X=Q918"])
        #expect(spans("Musk a scris pe rețeaua X.", language: "ro").last == "X=Q918")
    }

    @Test func caseSensitiveAliasesMatchOnlyTheirCase() {
        #expect(spans("US officials said.", language: "en") == ["US=Q30"])
        #expect(spans("Let us go.", language: "en").isEmpty)
        #expect(spans("Sua madre", language: "it").isEmpty)  // SUA in capitals only
    }

    @Test func longestMatchWinsAndNestedIsOptional() {
        let text = "Departamentul de Justiție al SUA a anunțat."
        #expect(spans(text, language: "ro") == ["Departamentul de Justiție al SUA=doj"])
        #expect(spans(text, language: "ro", nested: true) == ["Departamentul de Justiție al SUA=doj", "SUA=Q30"])
        #expect(mentions(text, language: "ro", nested: true).last?.isNested == true)
    }

    @Test func demonymsLinkToTheirPlaceAndCanBeTurnedOff() {
        let found = mentions("Il presidente russo e i soldati russi.", language: "it")
        #expect(found.map { "\($0.surface)=\($0.entity.id)/\($0.match.rawValue)" } == ["russo=Q159/demonym", "russi=Q159/demonym"])
        #expect(spans("Il presidente russo.", language: "it", demonyms: false).isEmpty)
        #expect(spans("rosyjskiej propagandy", language: "pl") == ["rosyjskiej=Q159"])
    }

    @Test func reportsHowEachMentionMatched() {
        let found = mentions("Rosja, Rosją, ROSJA, Putinem, SUA.", language: "pl")
        #expect(found.map(\.match) == [.exact, .inflected, .folded, .inflected, .abbreviation])
    }

    @Test func sentencesAreRecorded() {
        let found = mentions("Putin spoke.\nBerlin listened. Then Putin left.", language: "en")
        #expect(found.map(\.sentence) == [0, 1, 2])
    }

    @Test func matchesNeverCrossLineBreaks() {
        let found = mentions("Elon\nMusk and Donald\nTrump", language: "en")
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { !$0.surface.contains("\n") })
    }
}

/// Documents longer than ``Recognizer/partSize`` are recognized in parts; nothing about the
/// result may show where the parts were cut.
struct LongDocumentTests {
    /// One line per name, the same line over and over, so every part finds the same names.
    @Test func aLongDocumentGivesTheMentionsOfItsLinesInDocumentOffsets() {
        let line = "Putin met Elon Musk in Russia; Ukraine and Taiwan were the subject. 👍🏽 ąę\n"
        let count = 2 * Recognizer.partSize / line.utf8.count + 50
        let text = String(repeating: line, count: count)
        let recognizer = Recognizer(index: testIndex, options: RecognitionOptions(language: "en", includeDemonyms: false))
        let result = recognizer.recognize(Document(id: "long", text: text))
        let perLine = recognizer.recognize(Document(id: "line", text: line)).mentions
        #expect(perLine.count == 5)
        #expect(result.mentions.count == perLine.count * count)
        #expect(result.sentences.count == count)
        let lineScalars = line.unicodeScalars.count
        for (position, mention) in result.mentions.enumerated() {
            let expected = perLine[position % perLine.count]
            let lineNumber = position / perLine.count
            #expect(mention.entity == expected.entity)
            #expect(mention.start == expected.start + lineNumber * lineScalars)
            #expect(mention.sentence == lineNumber)
            #expect(result.sentences[mention.sentence].tokens.contains(mention.tokens.lowerBound))
            if position % 997 == 0 {
                #expect(Fixtures.slice(text, mention.start, mention.end) == mention.surface)
                #expect(result.text(of: result.sentences[mention.sentence]) == String(line.dropLast()))
            }
        }
        #expect(zip(result.sentences, result.sentences.dropFirst()).allSatisfy { $0.end <= $1.start && $0.index + 1 == $1.index })
    }

    /// A single line with no break at all (a scraper's dump) is cut at spaces, and a text
    /// without spaces between marks and joiners is never cut inside a character.
    @Test(arguments: ["Putin and Elon Musk spoke of Russia ", "e\u{301}\u{200D}🇷🇺ж"])
    func aSingleLineIsCutWhereNoCharacterIsSplit(unit: String) throws {
        let text = String(repeating: unit, count: 3 * Recognizer.partSize / unit.utf8.count)
        var copy = text
        let cuts: [Int] = copy.withUTF8 { bytes in
            var cuts: [Int] = []
            var start = 0
            while start < bytes.count {
                start = Recognizer.partEnd(in: bytes, from: start, size: Recognizer.partSize)
                cuts.append(start)
            }
            return cuts
        }
        #expect(cuts.count >= 3)
        let utf8 = Array(text.utf8)
        for cut in cuts.dropLast() {
            #expect(utf8[cut] & 0xC0 != 0x80)
            let next = String(decoding: utf8[cut...].prefix(4), as: UTF8.self).unicodeScalars.first!
            #expect(![.nonspacingMark, .format].contains(next.properties.generalCategory))
        }
        if unit.hasSuffix(" ") {
            #expect(cuts.dropLast().allSatisfy { utf8[$0 - 1] == 0x20 })
            let found = mentions(text, language: "en", demonyms: false)
            #expect(found.count == 3 * (utf8.count / unit.utf8.count))
        }
    }
}

/// Walks start only where the token, as written, can start an alias.
struct WalkStartTests {
    @Test func aLowercaseWordStartsOnlyTheAliasesThatTakeItInLowercase() throws {
        var gazetteer = Gazetteer()
        try gazetteer.parseEntityFile(
            """
            hague\tlocation/city\tThe Hague
            \ten\tThe Hague
            ebola\torganization\tebola
            \ten\tebola virus | ebola
            """, file: "walks.gaz")
        let recognizer = Recognizer(index: AliasIndex(gazetteer: gazetteer), options: RecognitionOptions(language: "en"))
        let text = "the hague and The Hague; ebola virus, Ebola, ebola."
        let found = recognizer.recognize(Document(id: "d", text: text)).mentions.map(\.surface)
        // The capital of "The Hague" is asked for; "ebola", listed in lower case, is taken
        // either way.
        #expect(found == ["The Hague", "ebola virus", "Ebola", "ebola"])
    }
}

/// Multi-word names in languages whose gazetteers list base forms only, found inflected as
/// news writes them: adjective and noun both inflected, stem vowel changes, neuters, feminine
/// surnames.
struct InflectedNameTests {
    static let cases: [(language: String, base: String, text: String, surfaces: [String])] = [
        ("cs", "Bílý dům", "Mluvčí v Bílém domě řekl, že z Bílého domu nic neuniklo.", ["Bílém domě", "Bílého domu"]),
        ("cs", "Theresa Mayová", "S Theresou Mayovou jednali i o Therese Mayové.", ["Theresou Mayovou", "Therese Mayové"]),
        ("cs", "Evropská unie", "Británie odchází z Evropské unie a o Evropskou unii nestojí.", ["Evropské unie", "Evropskou unii"]),
        ("cs", "Michael O'Leary", "Podle Michaela O'Learyho firma neztrácí.", ["Michaela O'Learyho"]),
        (
            "ru", "Министерство здравоохранения", "В Министерстве здравоохранения и Министерством здравоохранения.",
            ["Министерстве здравоохранения", "Министерством здравоохранения"]
        ),
        ("ru", "Мария Захарова", "С Марией Захаровой согласились.", ["Марией Захаровой"]),
        ("uk", "Білий дім", "У Білому домі заявили, що з Білого дому нічого не чути.", ["Білому домі", "Білого дому"]),
        (
            "uk", "Всесвітня організація охорони здоров'я", "Експерти Всесвітньої організації охорони здоров'я прибули.",
            ["Всесвітньої організації охорони здоров'я"]
        ),
        ("uk", "Володимир Зеленський", "З Володимиром Зеленським зустрілися у Києві.", ["Володимиром Зеленським"]),
        ("sl", "Joe Biden", "Ob zmagi Joeja Bidna so v Ljubljani čestitali.", ["Joeja Bidna"]),
        ("sl", "Kitajska", "Virus se je na Kitajskem razširil hitro.", ["Kitajskem"]),
        ("bg", "Европейски съюз", "Решението на Европейския съюз беше прието.", ["Европейския съюз"]),
        (
            "ru", "Соединённое Королевство", "Премьер Соединенного Королевства говорил с Соединённым Королевством.",
            ["Соединенного Королевства", "Соединённым Королевством"]
        ),
        (
            "uk", "Сполучене Королівство", "У Сполученому Королівстві виступив прем'єр Сполученого Королівства.",
            ["Сполученому Королівстві", "Сполученого Королівства"]
        ),
        (
            "sl", "Združeno kraljestvo", "V Združenem kraljestvu so volitve Združenega kraljestva odložili.",
            ["Združenem kraljestvu", "Združenega kraljestva"]
        ),
        (
            "de", "Weißes Haus", "Ein Sprecher des Weißen Hauses sagte, im Weißen Haus sei man ruhig.",
            ["Weißen Hauses", "Weißen Haus"]
        ),
        ("de", "Vereinigtes Königreich", "Das Vereinigte Königreich verlässt die EU.", ["Vereinigte Königreich"]),
        ("ro", "Parlamentul European", "Deputații Parlamentului European au votat.", ["Parlamentului European"]),
        // An acronym takes its ending written onto it, and only an ending: not ВКонтакте for ВК.
        ("ru", "ВК", "Представитель ВКонтакте и ВКонтактом молчал, а ВК ответил.", ["ВК"]),
        ("ru", "МИД", "Глава МИДа заявил, что с МИДом МИДовские дипломаты согласны.", ["МИДа", "МИДом"]),
        ("hr", "EU", "Dužnosnici EU-a i EU-u bliski krugovi.", ["EU-a", "EU-u"]),
        // A man's possessive adjective is not his name: Johnsonova vláda, v Johnsonově vládě.
        (
            "cs", "Boris Johnson",
            "Johnsonova vláda padla a v Johnsonově vládě i s Johnsonovou stranou mlčeli; "
                + "Borisi Johnsonovi to nevadí.", ["Borisi Johnsonovi"]
        ),
        ("sk", "Boris Johnson", "Johnsonova vláda padla a Johnsonovej strane to nevadí.", []),
        // Nor is a country's adjective at a sentence's start the country: Německá kancléřka.
        (
            "cs", "Německo",
            "Německá kancléřka přijela. Do Německa jedeme, v Německu jsme. Německou politiku "
                + "a Německého kancléře s Německem nesrovnávejte.", ["Německa", "Německu", "Německem"]
        ),
        ("sk", "Nemecko", "Nemecká kancelárka prišla do Nemecka. Nemeckej vláde v Nemecku nevadí.", ["Nemecka", "Nemecku"]),
        ("hr", "Hrvatska", "Hrvatski ministar otputovao je iz Hrvatske. U Hrvatskoj je mirno.", ["Hrvatske", "Hrvatskoj"]),
        ("sr", "Хрватска", "Хрватски министар је отпутовао из Хрватске.", ["Хрватске"]),
    ]

    /// An adjective's ending read back to the one a name is listed with only counts before the
    /// name's next word: German nouns have capitals, and Weise is not the place Weiser.
    @Test func anAttributiveReadingNeverEndsAName() throws {
        var gazetteer = Gazetteer()
        try gazetteer.parsePlainList("Weiser\tweiser\tLOC\nRotes Kreuz\tredcross\tORG\n", file: "names.tsv")
        let recognizer = Recognizer(index: AliasIndex(gazetteer: gazetteer), options: RecognitionOptions(language: "de"))
        let text = "Der Weise half dem Roten Kreuz, und das Rote Kreuz dankte."
        let found = recognizer.recognize(Document(id: "t", text: text)).mentions
        #expect(found.map(\.surface) == ["Roten Kreuz", "Rote Kreuz"])
        #expect(InflectionRule("en>es+").attributive && InflectionRule("en>es+").description == "en>es+")
        #expect(!InflectionRule("en>es").attributive)
    }

    @Test(arguments: cases.indices)
    func findsInflectedMultiWordNames(number: Int) throws {
        let (language, base, text, surfaces) = Self.cases[number]
        var gazetteer = Gazetteer()
        try gazetteer.parsePlainList("\(base)\tname\tLOC\n", file: "names.tsv")
        let recognizer = Recognizer(index: AliasIndex(gazetteer: gazetteer), options: RecognitionOptions(language: language))
        let found = recognizer.recognize(Document(id: "t", text: text)).mentions
        #expect(found.map(\.surface) == surfaces)
        #expect(found.allSatisfy { $0.entity.id == "name" })
    }
}

/// Every line of `Tests/Fixtures/inflected-names.tsv` (some 890 names in fourteen languages, as
/// news writes them) is found whole, given only its base form.
struct InflectedNameListTests {
    @Test func everyInflectedNameOfTheListIsFound() throws {
        let list = try String(contentsOf: Fixtures.fixtures.appendingPathComponent("inflected-names.tsv"), encoding: .utf8)
        var missed: [String] = []
        var checked = 0
        for line in list.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            try #require(fields.count == 3, "\(line)")
            let (language, written, base) = (fields[0], fields[1], fields[2])
            var gazetteer = Gazetteer()
            try gazetteer.parsePlainList("\(base)\tname\tLOC\n", file: "names.tsv")
            let recognizer = Recognizer(index: AliasIndex(gazetteer: gazetteer), options: RecognitionOptions(language: language))
            let found = recognizer.recognize(Document(id: "t", text: "— \(written) —")).mentions.map(\.surface)
            if found != [written] { missed.append("\(language) \(written) <- \(base): \(found)") }
            checked += 1
        }
        #expect(checked > 880)
        #expect(missed.isEmpty, "\(missed.joined(separator: "\n"))")
    }
}

/// What a place list of a million aliases (GeoNames, with its names in many languages) must not
/// do to running text: make common words places, or send a country's name to a village.
struct LargeListPrecisionTests {
    static func found(_ list: String, _ text: String, language: String) throws -> [String] {
        var gazetteer = Gazetteer()
        try gazetteer.parsePlainList(list, file: "places.tsv")
        let recognizer = Recognizer(index: AliasIndex(gazetteer: gazetteer), options: RecognitionOptions(language: language))
        return recognizer.recognize(Document(id: "d", text: text)).mentions.map { "\($0.surface)=\($0.entity.id)" }
    }

    @Test func functionWordsAreNoInflectedForms() throws {
        // Spanish para and Italian come end like an inflected Paro or Coma; Elle at a French
        // sentence's start like a case of Ell.
        #expect(Morphology.forLanguage("es")!.baseForms(of: "para").isEmpty)
        #expect(Morphology.forLanguage("it")!.baseForms(of: "come").isEmpty)
        #expect(!Morphology.forLanguage("it")!.baseForms(of: "Rome".lowercased()).isEmpty)
        let list = "Paro\tparo\tLOC\nEll\tell\tLOC\nRoma\troma\tLOC\n"
        #expect(try Self.found(list, "Para Paro, para Roma.", language: "es") == ["Paro=paro", "Roma=roma"])
        #expect(try Self.found(list, "Elle vit à Ell.", language: "fr") == ["Ell=ell"])
        // A name that is not a function word still inflects.
        #expect(try Self.found(list, "Da Rome a Roma.", language: "it") == ["Rome=roma", "Roma=roma"])
    }

    @Test func aShortOneWordAliasInLowerCaseMatchesOnlyAsWritten() throws {
        // A list's lower-case coma and wyspa (no capitalised twin) are not read behind the
        // Italian come or the Polish wyspie; written as listed, they are found; a lower-case
        // name of two words still inflects.
        let list = "coma\tchoma\tLOC\ndpa\tdpa\tORG\npakistański rząd\tgov\tORG\nwyspa\twyspa\tLOC\n"
        #expect(try Self.found(list, "come la coma", language: "it") == ["coma=choma"])
        #expect(
            try Self.found(list, "Według dpa, Dpa i dpy pakistańskiego rządu na wyspie", language: "pl")
                == ["dpa=dpa", "Dpa=dpa", "pakistańskiego rządu=gov"])
        // One of seven letters or more is a name written so on purpose, and inflects.
        let parties = "labouristé\tlab\tORG\nправительство\tgov\tORG\n"
        #expect(try Self.found(parties, "Podpora labouristů roste.", language: "cs") == ["labouristů=lab"])
        #expect(try Self.found(parties, "Решение правительства опубликовано.", language: "ru") == ["правительства=gov"])
    }

    @Test func laterWordsOfAnInstitutionMayBeInLowerCaseWithinASentence() throws {
        // Italian, Ukrainian and Polish write an institution's later words in lower case where a
        // list capitalises them; within a sentence the first capital is the name's.
        let list = "Unione Europea\teu\tORG\nЄвропейський Союз\teu\tORG\nPolski Rząd\tgov\tORG\nPolska\tpl\tLOC\n"
        #expect(try Self.found(list, "Ne parla l'Unione europea.", language: "it") == ["Unione europea=eu"])
        #expect(try Self.found(list, "Il bilancio dell\u{2019}Unione europea.", language: "it") == ["Unione europea=eu"])
        #expect(try Self.found(list, "Члени Європейського союзу зібралися.", language: "uk") == ["Європейського союзу=eu"])
        // At a sentence's start the capital may be only the sentence's: the Polish government,
        // not the list's name. After a comma the sentence goes on.
        #expect(try Self.found(list, "Polski rząd milczy.", language: "pl") == ["Polski=pl"])
        #expect(try Self.found(list, "Jak mówi, Polski rząd milczy.", language: "pl") == ["Polski rząd=gov"])
        // A person's name keeps every capital, and so does a name that starts with an article.
        let names = "Jan Nowak\tnowak\tPER\nLe Monde\tlemonde\tORG\n"
        #expect(try Self.found(names, "Widział go Jan nowak.", language: "pl").isEmpty)
        #expect(try Self.found(names, "Il dit que Le monde change.", language: "fr").isEmpty)
    }

    @Test func aNameWrittenAsListedOutranksASurnameReadThroughAnEnding() throws {
        // Slovene Kosovo is also Kos + -ovo, the possessive of a surname the document names in
        // full; written as listed, it is the place. Johnsonova, no listed name, is still Johnson.
        let list = "Marta Kos\tkos\tPER\nKosovo\tkosovo\tLOC\nBoris Johnson\tjohnson\tPER\n"
        #expect(
            try Self.found(list, "Marta Kos je obiskala Kosovo, Johnsonova vlada pa Kos.", language: "sl")
                == ["Marta Kos=kos", "Kosovo=kosovo", "Johnsonova=johnson", "Kos=kos"])
    }

    @Test func aLowerCaseTwinOfACapitalisedNameIsLeftOut() throws {
        // Komen and komen, Nome and nome: the capitalised one is the name.
        let list = "Komen\tkomen-si\tLOC\nkomen\tkomen-si\tLOC\nnome\tnome-ak\tLOC\nNome\tnome-ak\tLOC\nebola\tebola\tORG\n"
        #expect(
            try Self.found(list, "Ze komen naar Komen; il nome di Nome; ebola.", language: "nl")
                == ["Komen=komen-si", "Nome=nome-ak", "ebola=ebola"])
    }

    @Test func aMonthIsNoPlace() throws {
        let list = "March\tmarch-town\tLOC\nAugust\taugust-town\tLOC\nBerlin\tberlin\tLOC\nTheresa May\tmay\tPER\nMAI\tmai\tORG\n"
        #expect(try Self.found(list, "Im August war er in Berlin.", language: "de") == ["Berlin=berlin"])
        // A person's short form that is a month in another language stays, and in English
        // *may* is no month at all.
        #expect(
            try Self.found(list, "Theresa May left in March. May said so in August.", language: "en")
                == ["Theresa May=may", "May=may"])
        // The Romanian ministry in capitals is not the month mai.
        #expect(try Self.found(list, "MAI a anunțat în mai.", language: "ro") == ["MAI=mai"])
        #expect(
            try Self.found(list, "Marzo en Berlin, August in Berlin.", language: "es") == [
                "Berlin=berlin", "August=august-town", "Berlin=berlin",
            ])
    }

    @Test func aFirstNameBeforeASurnameIsNoPlace() throws {
        let list = "Michael\tmichael-town\tLOC\nJean\tjean-town\tLOC\nVictor\tvictor-person\tPER\nParis\tparis\tLOC\n"
        // Michael and Jean before a surname are people; alone, or before a lower-case word or
        // punctuation, they are left to the list. A person's alias keeps the word, and a name
        // that is no given name keeps its place (Paris Hilton is for the list to know).
        #expect(
            try Self.found(list, "Michael Jackson sang in Michael, then Jean Dupont in Jean.", language: "en")
                == ["Michael=michael-town", "Jean=jean-town"])
        #expect(try Self.found(list, "Victor Hugo met Paris Hilton.", language: "en") == ["Victor=victor-person", "Paris=paris"])
    }

    @Test func anAliasOfSeveralEntitiesGoesToTheOneItsListsNameMost() throws {
        // A village listed first, then the country with its names in other languages.
        let list = "China\tchina-village\tLOC\nChina\tcn\tLOC\nChine\tcn\tLOC\nCina\tcn\tLOC\n"
        #expect(try Self.found(list, "Viaja a China.", language: "es") == ["China=cn"])
        // With as many names each, the one listed first.
        let even = "Georgia\tgeorgia-state\tLOC\nGeorgia\tgeorgia-country\tLOC\n"
        #expect(try Self.found(even, "Georgia.", language: "en") == ["Georgia=georgia-state"])
    }
}
