import Testing

@testable import EntityRecognition

/// Inflection tables: each row is an inflected form and the base form a gazetteer lists.
struct MorphologyTests {
    static let tables: [(language: String, inflected: String, base: String)] = [
        // Polish: every case, several declensions
        ("pl", "Putina", "Putin"), ("pl", "Putinowi", "Putin"), ("pl", "Putinem", "Putin"), ("pl", "Putinie", "Putin"),
        ("pl", "Muskiem", "Musk"), ("pl", "Muska", "Musk"), ("pl", "Siergiejem", "Siergiej"), ("pl", "Kirijenką", "Kirijenko"),
        ("pl", "Kirijenki", "Kirijenko"), ("pl", "Rosji", "Rosja"), ("pl", "Rosję", "Rosja"), ("pl", "Rosją", "Rosja"),
        ("pl", "Ukrainy", "Ukraina"), ("pl", "Ukrainie", "Ukraina"), ("pl", "Tajwanem", "Tajwan"), ("pl", "Tajwanie", "Tajwan"),
        ("pl", "Krymem", "Krym"), ("pl", "Kremla", "Kreml"), ("pl", "Twitterze", "Twitter"), ("pl", "Białego", "Biały"),
        ("pl", "Domu", "Dom"), ("pl", "Donalda", "Donald"), ("pl", "Trumpa", "Trump"), ("pl", "Jinpinga", "Jinping"),
        ("pl", "Ameryce", "Ameryka"), ("pl", "Pradze", "Praga"), ("pl", "Polsce", "Polska"), ("pl", "Kanadzie", "Kanada"),
        ("pl", "Chin", "Chiny"), ("pl", "Chinach", "Chiny"), ("pl", "Niemczech", "Niemcy"), ("pl", "Węgrzech", "Węgry"),
        ("pl", "Stanów", "Stany"), ("pl", "Zjednoczonych", "Zjednoczone"), ("pl", "Europejskiej", "Europejska"),
        ("pl", "Unii", "Unia"), ("pl", "Kaczyńskiego", "Kaczyński"), ("pl", "Marka", "Marek"), ("pl", "Aleksandrem", "Aleksander"),
        ("pl", "Wiednia", "Wiedeń"), ("pl", "Łodzi", "Łódź"), ("pl", "Kijowie", "Kijów"), ("pl", "Bukareszcie", "Bukareszt"),
        ("pl", "Rosjanami", "Rosjanie"), ("pl", "rosyjskiej", "rosyjski"), ("pl", "rosyjskiego", "rosyjski"),
        ("pl", "Polaków", "Polacy"), ("pl", "Brytyjczykom", "Brytyjczycy"), ("pl", "Węgrów", "Węgrzy"),
        ("pl", "Demokratów", "Demokraci"), ("pl", "torysów", "torysi"), ("pl", "Amerykanów", "Amerykanie"),
        ("pl", "Indii", "Indie"), ("pl", "Indiach", "Indie"), ("pl", "Asi", "Asia"), ("pl", "Helsinkach", "Helsinki"),
        // Romanian: enclitic articles and the genitive-dative
        ("ro", "Kremlinului", "Kremlin"), ("ro", "Kremlinul", "Kremlin"), ("ro", "Rusiei", "Rusia"), ("ro", "Ucrainei", "Ucraina"),
        ("ro", "Taiwanului", "Taiwan"), ("ro", "Americii", "America"), ("ro", "Crimeei", "Crimeea"), ("ro", "Chinei", "China"),
        ("ro", "Kievului", "Kiev"), ("ro", "Pentagonului", "Pentagon"), ("ro", "Bucureștiului", "București"),
        ("ro", "Statelor", "Statele"), ("ro", "Uniunii", "Uniunea"), ("ro", "Europene", "Europeană"), ("ro", "Albe", "Albă"),
        ("ro", "rusești", "rusesc"), ("ro", "americanilor", "americani"), ("ro", "Moscovei", "Moscova"),
        // Italian: demonyms
        ("it", "russi", "russo"), ("it", "russa", "russo"), ("it", "americane", "americana"), ("it", "statunitensi", "statunitense"),
        // German: genitive -s
        ("de", "Putins", "Putin"), ("de", "Weißen", "Weißes"), ("de", "Deutschen", "Deutscher"),
        ("ro", "Parlamentului", "Parlamentul"), ("de", "Deutschlands", "Deutschland"), ("de", "russischen", "russisch"),
        // Russian
        ("ru", "Путина", "Путин"), ("ru", "Путиным", "Путин"), ("ru", "России", "Россия"), ("ru", "Россией", "Россия"),
        ("ru", "Украины", "Украина"), ("ru", "Москве", "Москва"), ("ru", "Кремля", "Кремль"), ("ru", "Зеленского", "Зеленский"),
        ("ru", "Пескова", "Песков"), ("ru", "Байденом", "Байден"), ("ru", "Сергея", "Сергей"),
        // Ukrainian
        ("uk", "Путіна", "Путін"), ("uk", "Путіним", "Путін"), ("uk", "домі", "дім"),
        ("uk", "Всесвітньої", "Всесвітня"), ("uk", "Китаї", "Китай"), ("uk", "Америці", "Америка"),
        ("uk", "Міністерства", "Міністерство"), ("ru", "Министерства", "Министерство"), ("sl", "Kitajskem", "Kitajska"),
        ("sl", "Ministrstva", "Ministrstvo"), ("cs", "Learyho", "Leary"), ("cs", "domě", "dům"), ("cs", "Bílém", "Bílý"),
        ("sl", "Joeja", "Joe"), ("uk", "України", "Україна"), ("uk", "Україні", "Україна"), ("uk", "Києві", "Київ"),
        ("uk", "Польщі", "Польща"), ("uk", "Туском", "Туск"), ("uk", "Росії", "Росія"), ("uk", "Кремлі", "Кремль"),
        // Czech, Slovene, Croatian, Bulgarian
        ("cs", "Putinem", "Putin"), ("cs", "Ukrajiny", "Ukrajina"), ("cs", "Praze", "Praha"), ("cs", "Americe", "Amerika"),
        ("sl", "Putinom", "Putin"), ("sl", "Ukrajini", "Ukrajina"), ("sl", "Rusije", "Rusija"),
        ("cs", "Británii", "Británie"), ("cs", "unií", "unie"), ("cs", "Karla", "Karel"), ("cs", "Němce", "Němec"),
        ("sl", "Bruslju", "Bruselj"), ("sl", "Kopra", "Koper"), ("sl", "Bruseljem", "Bruselj"),
        ("uk", "Великій", "Велика"), ("uk", "Сполучених", "Сполучені"), ("uk", "Штатів", "Штати"),
        ("cs", "Spojených", "Spojené"), ("cs", "států", "státy"), ("cs", "komisí", "komise"), ("cs", "Andreji", "Andrej"),
        ("sl", "Združenih", "Združene"), ("sl", "držav", "države"), ("sl", "državam", "države"),
        ("hr", "Putinom", "Putin"), ("hr", "Rusijom", "Rusija"),
        ("bg", "Путина", "Путин"), ("bg", "Кремълът", "Кремъл"),
        // Slovene: names in a silent -e, men's possessive adjectives, the adjective before a -ska
        // country's locative; Czech: names in a silent -e, a fleeting e before v
        ("sl", "Stevom", "Steve"), ("sl", "Jean-Claudom", "Jean-Claude"), ("sl", "Johnsonova", "Johnson"),
        ("sl", "Johnsonovega", "Johnson"), ("sl", "Trumpovo", "Trump"), ("sl", "Mayeva", "May"), ("sl", "Severnem", "Severna"),
        ("sl", "konservativcev", "konservativci"),
        ("sl", "Netanjahujevem", "Netanjahu"), ("sl", "Bobnarjeva", "Bobnar"), ("sl", "Violetine", "Violeta"),
        ("ru", "Скрипалям", "Скрипали"), ("ru", "нижней", "нижняя"), ("ru", "Третьего", "Третий"),
        ("cs", "Trumpovy", "Trump"), ("cs", "Trumpův", "Trump"), ("cs", "Britů", "Britové"), ("cs", "konzervativních", "konzervativní"),
        ("cs", "Mikem", "Mike"), ("cs", "církve", "církev"), ("cs", "církvi", "církev"),
    ]

    @Test(arguments: tables)
    func findsBaseForm(language: String, inflected: String, base: String) throws {
        let morphology = try #require(Morphology.forLanguage(language))
        let word = inflected.foldedForMatching
        let expected = base.foldedForMatching
        #expect(
            word == expected || morphology.baseForms(of: word).contains(expected),
            "\(language): \(inflected) should read as \(base); got \(morphology.baseForms(of: word))")
    }

    @Test func neverProposesTheWordItselfOrTooShortStems() throws {
        let polish = try #require(Morphology.forLanguage("pl"))
        #expect(!polish.baseForms(of: "putin").contains("putin"))
        #expect(polish.baseForms(of: "za").isEmpty)
        #expect(polish.baseForms(of: "ale").allSatisfy { $0.unicodeScalars.count >= 3 })
    }

    @Test func everyLanguageHasRules() {
        for morphology in Morphology.all {
            #expect(!morphology.rules.isEmpty, "\(morphology.language) has no rules")
        }
        #expect(Morphology.forLanguage("xx") == nil)
    }
}
