// The inflection tables, one per language, on folded text (see `Morphology`).
// Each line groups the endings of one declension or one part of speech.
// A rule ending in "+" is attributive: an adjective's ending, read only before another word
// of the same name (see `InflectionRule.attributive`).

extension Morphology {
    /// Polish: seven cases in three genders, on every word of a multi-word name.
    public static let polish = Morphology(
        language: "pl",
        rules: polishFleetingE + [
            // masculine nouns ending in a consonant: Putin, Musk, Trump, Kreml, Krym, Tajwan; a soft
            // -aw: Wrocław → Wrocławia, Jarosław → Jarosławia
            "a>", "u>", "owi>", "em>", "iem>", "ie>", "iu>", "rze>r", "cie>t", "scie>st", "dzie>d", "awia>aw",
            // plural of masculine nouns and names: Kaczyńscy aside, the regular endings
            "owie>", "ow>", "om>", "ami>", "ach>",
            // fleeting e: Marek → Marka, Niemiec → Niemca
            "ka>ek", "ku>ek", "kiem>ek", "kowi>ek", "ca>ec", "cu>ec", "cem>ec", "cowi>ec",
            // South Slavic surnames in -ić, folded to -ic, soften: Milanović → Milanovicia,
            // Milanoviciowi (not -cia at large: Lucia would read as Luc)
            "icia>ic", "iciowi>ic", "iciem>ic", "iciu>ic",
            // (not the locative of nouns in -ał, folded to -al, as in w Trybunale: on the bench it
            // read Mare Australe and Terminale, nothing right)
            // soft stems: Łódź → Łodzi, Bydgoszcz → Bydgoszczy; foreign names: Perry → Perry'ego, Mike → Mikiem
            "i>", "y>", "ego>", "emu>", "iem>e", "em>e",
            // feminine in -a after d, t, st: Kanada → Kanadzie, Rada → Radzie, Malta → Malcie
            "dzie>da", "cie>ta", "scie>sta",
            // plural adjectives and plural-only names in -i: Zieloni → Zielonych, Helsinki → Helsinkach
            "ych>i", "ym>i", "ymi>i", "ach>i", "om>i", "ami>i", "ow>i",
            // masculine and neuter in -o, -e: Kirijenko → Kirijenką, Kosowo → Kosowie, Zaporoże
            "a>o", "i>o", "e>o", "ie>o", "em>o", "u>o", "ce>ko", "a>e", "u>e", "em>e",
            // feminine in -a and -ja/-ia: Rosja → Rosji, Ukraina → Ukrainy, Ameryka → Ameryce
            "y>a", "i>a", "e>a", "ie>a", "ji>ja", "ii>ia", "i>ia", "ce>ka", "dze>ga", "rze>ra", "sze>cha",
            "ach>a", "om>a", "ami>a",
            // adjectives, masculine base -y/-i: Biały Dom → Białego Domu, Kaczyński → Kaczyńskiego
            "ego>y", "emu>y", "ym>y", "ych>y", "ymi>y", "iego>i", "iemu>i", "im>i", "ich>i", "imi>i",
            // adjectives, feminine base -a: Unia Europejska → Unii Europejskiej, Korea Północna
            "ej>a", "iej>a",
            // other genders of a masculine adjective: rosyjski → rosyjskiej, rosyjska, rosyjskie
            "iej>i", "ej>y", "a>i", "a>y", "ie>i", "e>y",
            // adjectives, neuter and plural base -e: Stany Zjednoczone → Stanach Zjednoczonych
            "ych>e", "ym>e", "ymi>e", "ich>ie", "im>ie", "imi>ie", "ego>e", "iego>ie",
            // plural-only names: Chiny → Chin, Niemcy → Niemczech, Węgry → Węgrzech, Włochy → Włoszech
            // (not Katowice → Katowic: an e put back found places in Boy, Sun and Eric)
            ">y", "ach>y", "om>y", "ami>y", "ow>y", "ii>ie", "ach>e", "ami>e", "om>e", "iec>cy", "czech>cy", "rzech>ry", "ier>ry",
            "szech>chy",
            // and those in -je: Himalaje → Himalajów, Pireneje → Pirenejów
            "jow>je",
            // peoples: Rosjanie → Rosjan, Rosjanami; Amerykanie → Amerykanów
            ">ie", "ami>ie", "om>ie", "ach>ie", "ow>ie",
            // men's plurals change their last consonant, which the other cases keep: Polacy →
            // Polaków, Polakom, Polakami, o Polakach; Brytyjczycy → Brytyjczyków;
            // Węgrzy, Bułgarzy → Węgrów, Bułgarów; Demokraci → Demokratów; torysi →
            // torysów; Szwedzi → Szwedów
            "kow>cy", "kom>cy", "kami>cy", "kach>cy", "row>rzy", "rom>rzy", "rami>rzy", "rach>rzy",
            "tow>ci", "tom>ci", "tami>ci", "tach>ci", "dow>dzi", "dom>dzi", "dami>dzi", "dach>dzi",
            "sow>si", "som>si", "sami>si", "sach>si",
            // a genitive plural in -sk without an ending, before the name's next word: Wojska Obrony
            // Terytorialnej → Wojsk Obrony Terytorialnej, Łaziska Górne → Łazisk Górnych. (Not -ie
            // to a silent -e, YouTube → na YouTubie: on the bench it read Ukrainie as the English
            // Ukraine, another entity's alias, and kopie as Kobe. Nor the genitive plural without
            // an ending at large, even before the name's next word: it read "był były" as a place)
            "sk>ska+",
            // foreign names whose last letter is not pronounced take their ending after an
            // apostrophe: Mike'a Pence'a, Jeremy'ego Corbyna, Harry'emu, O'Leary'm
            "'a>", "'ego>", "'emu>", "'em>", "'owi>", "'u>", "'ie>", "'y>", "'go>", "'m>", "'iem>", "'i>",
            // abbreviations read as words take theirs after a hyphen: UOKiK-u, PiS-em, ZUS-owi
            "-u>", "-em>", "-owi>", "-ie>", "-y>", "-a>", "-om>", "-ach>", "-ami>", "-ow>",
        ])

    /// Polish nouns whose last syllable loses its *e* when they inflect: Marek → Marka,
    /// Aleksander → Aleksandrem, Półwysep → Półwyspu, Wiedeń → Wiedniem.
    static let polishFleetingE: [String] = {
        let consonants = ["k", "r", "n", "p", "c", "l", "m", "z", "s", "t", "d", "w", "b", "g", "ch", "sz", "cz", "rz"]
        let endings = ["a", "u", "owi", "em", "iem", "ie", "iu", "y", "i", "ow", "om", "ami", "ach", "owie"]
        return consonants.flatMap { consonant in endings.map { "\(consonant)\($0)>e\(consonant)" } }
            + ["nia>en", "niu>en", "niem>en", "niowi>en"]
    }()

    /// Romanian: enclitic definite articles and the genitive-dative of names.
    public static let romanian = Morphology(
        language: "ro",
        rules: [
            // masculine and neuter with the article: Kremlin → Kremlinul, Kremlinului; a name listed
            // with its article: Parlamentul European → Parlamentului European
            "ul>", "ului>", "lui>", "le>", "ui>",
            // feminine genitive-dative: Rusia → Rusiei, Crimeea → Crimeei, America → Americii
            "ei>a", "ei>ea", "ii>a", "ii>ea", "ii>ie",
            // plural genitive-dative: Statele Unite → Statelor Unite, americani → americanilor
            "lor>le", "ilor>i", "lor>", "ii>i",
            // adjectives: Casa Albă → Casei Albe; europeană → europene; rusesc → rusești
            "e>a", "ene>eana", "esti>esc", "ei>",
        ])

    /// Italian: names do not inflect (elided articles are split off by the tokenizer); the
    /// rules cover demonyms and place adjectives.
    public static let italian = Morphology(
        language: "it",
        rules: [
            "i>o", "e>a", "i>e", "a>o", "e>o",
        ])

    /// English: possessives are split off by the tokenizer; plurals of demonyms remain.
    public static let english = Morphology(
        language: "en",
        rules: [
            "s>", "es>",
        ])

    /// German: the genitive -s of names, adjective endings of demonyms, and an adjective's
    /// weak endings for the strong one a name is listed with: Weißes Haus → des Weißen Hauses,
    /// Deutscher Bundestag → im Deutschen Bundestag, das Weiße Haus.
    public static let german = Morphology(
        language: "de",
        rules: [
            "s>", "es>", "n>", "en>", "e>", "er>", "em>", "es>",
            "en>es+", "en>er+", "em>es+", "em>er+", "e>es+", "e>er+",
        ])

    /// French: plurals and feminines of demonyms.
    public static let french = Morphology(
        language: "fr",
        rules: [
            "s>", "e>", "es>", "ne>", "nes>",
        ])

    /// Spanish: plurals and feminines of demonyms.
    public static let spanish = Morphology(
        language: "es",
        rules: [
            "s>", "es>", "a>o", "as>o",
        ])

    /// Portuguese: plurals and feminines of demonyms.
    public static let portuguese = Morphology(
        language: "pt",
        rules: [
            "s>", "es>", "a>o", "as>o",
        ])

    /// Russian (folded: ё is е, й is и).
    public static let russian = Morphology(
        language: "ru", acronymEndings: ["а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"],
        rules: [
            // masculine nouns and surnames in a consonant: Путин → Путина, Путиным, Песков → Пескову
            "а>", "у>", "ом>", "е>", "ым>", "ым>", "ов>", "ы>", "ами>", "ах>", "ам>",
            // soft masculine: Кремль → Кремля; names in -й: Сергей → Сергея
            "я>ь", "ю>ь", "ем>ь", "е>ь", "я>и", "ю>и", "ем>и", "е>и",
            // feminine in -а/-я: Украина → Украины, Москва → Москве
            "ы>а", "и>а", "е>а", "у>а", "ои>а", "ою>а", "и>я", "е>я", "ю>я", "еи>я",
            // feminine in -ия: Россия → России, Россией
            "ии>ия", "ию>ия", "иеи>ия",
            // adjectives: Белый дом → Белого дома, Зеленский → Зеленского
            "ого>ыи", "ому>ыи", "ым>ыи", "ом>ыи", "ого>ии", "его>ии", "ему>ии", "им>ии", "ем>ии",
            // adjectives in -кий, -гий, -хий, whose hard endings follow the soft base: Европейский
            // союз → Европейскому союзу, в Европейском союзе, and so surnames: Зеленскому, о
            // Зеленском. -ом only after ск and цк, or before the name's next word: a noun's
            // instrumental in -ом would read Александром as a place Александрий
            "ому>ии", "ом>ии+", "ском>скии", "цком>цкии",
            // nouns in ц and in a hushing consonant take -ем: Шольц → Шольцем, Протасевич →
            // Протасевичем, Воронеж → под Воронежем. Not -ем at large: Юрием would read as a place
            // Юри; and -ичем, not -чем: Томас Бичем is not the place Бич
            "цем>ц", "ичем>ич", "шем>ш", "жем>ж", "щем>щ",
            // feminine nouns in -ь: Беларусь → Беларуси, Беларусью; Минская область → Минской области
            "и>ь", "ью>ь",
            // soft plurals: Скрипали → Скрипалям, Скрипалями, о Скрипалях (not -ей: Кореи would
            // read as a town Кори)
            "ям>и", "ями>и", "ях>и",
            // soft adjectives: нижняя палата → нижней палаты, нижнюю палату; Третий рейх → Третьего
            // рейха, Третьему рейху, в Третьем рейхе
            "еи>яя", "юю>яя", "ею>яя", "ьего>ии+", "ьему>ии+", "ьим>ии+", "ьем>ии+",
            "ои>ая", "ую>ая", "ои>ыи", "ие>ии", "их>ии", "ых>ыи",
            // adjectives in a stressed -ой, before their noun: Кривой Рог → Кривого Рога, Большой
            // театр → в Большом театре. Alone they found 26 places on the bench and one was right
            // (Мирского замка read as a village Мирской, Войска Донского as Донской). Neither are
            // neuter nouns in -ие read (Народного собрания): the bench's ten were all Возрождения
            // (the Renaissance) read as a village
            "ого>ои+", "ому>ои+", "ым>ои+", "ом>ои+",
            // feminine and masculine names in -а after a hushing consonant or ц take -ей: Янез Янша
            // → Яншей, Маша → Машей
            "шеи>ша", "жеи>жа", "чеи>ча", "щеи>ща", "цеи>ца",
            // plurals in -а: Британские острова → Британских островов, на Канарских островах (not
            // -ов at large: Петров would read as Петра)
            "овов>ова", "овах>ова", "овам>ова", "овами>ова",
            // plural-only names: Соединённые Штаты → Соединённых Штатов, Соединёнными Штатами;
            // Объединённые Арабские Эмираты → Объединёнными Арабскими Эмиратами, Афины → Афинами.
            // Not the genitive without an ending (Афин): on the bench it found 4 places right and
            // 11 wrong (Чан Кайши as Чаны, the Vedas as Веды)
            "ых>ые", "ым>ые", "ыми>ые", "их>ие", "им>ие", "ими>ие", "ов>ы", "ах>ы", "ам>ы", "ами>ы",
            // and those in -и after к, г, х and a hushing consonant: Великие Луки → в Великих Луках,
            // Химки → в Химках, Мытищи → Мытищам (not -ах at large: Аллах, Карабах)
            "ках>ки", "гах>ги", "хах>хи", "жах>жи", "шах>ши", "чах>чи", "щах>щи",
            "кам>ки", "гам>ги", "хам>хи", "жам>жи", "шам>ши", "чам>чи", "щам>щи",
            "ками>ки", "гами>ги", "хами>хи", "жами>жи", "шами>ши", "чами>чи", "щами>щи",
            // a fleeting е in -ец: Кравец → Кравца, Кравцом; Елец → Ельца, в Ельце
            "ца>ец", "це>ец", "цу>ец", "цом>ец", "цем>ец", "ьца>ец", "ьце>ец", "ьцу>ец", "ьцом>ец",
            // neuter in -ство, in -ево/-ово (in the locative) and озеро: Министерство → Министерства,
            // Сараево → в Сараеве, озеро → озера. Not -о at large: Russian surnames in -о (Петро,
            // Франко) do not inflect, and Петра would read as Петро.
            "ства>ство", "ству>ство", "ством>ство", "стве>ство", "еве>ево", "ове>ово",
            "ера>еро", "ере>еро", "ером>еро", "еру>еро",
            // neuter in -ре and -ье: Балтийское море → Балтийского моря, Подолье → Подолья. Not
            // -е at large: Николя and Блю would read as places Николе and Бле
            "ря>ре", "рю>ре", "рем>ре", "ья>ье", "ью>ье", "ьем>ье",
            // neuter adjectives: Соединённое Королевство → Соединённого Королевства
            "ого>ое+", "ому>ое+", "ым>ое+", "ом>ое+", "его>ее+", "ему>ее+", "им>ее+", "ем>ее+",
            // and those in -кое, -гое, -хое: Балтийское море → Балтийским морем
            "ким>кое+", "гим>гое+", "хим>хое+",
        ])

    /// Ukrainian (folded: ї is і, й is и).
    public static let ukrainian = Morphology(
        language: "uk", acronymEndings: ["у", "ом", "і", "а", "ові", "ів"],
        rules: ukrainianClosedI + [
            // masculine nouns and surnames in a consonant; surnames in -ін, -ов take -им: Путіним
            "а>", "у>", "ом>", "і>", "ові>", "ем>", "ів>", "ам>", "ах>", "ами>", "им>",
            "я>ь", "ю>ь", "ем>ь", "і>ь", "я>и", "ю>и", "єм>и", "і>и",
            "и>а", "і>а", "у>а", "ою>а", "і>я", "ю>я", "ею>я", "єю>я",
            "іі>ія", "ію>ія", "ією>ія",
            // feminine adjectives in the dative and locative: Велика Британія → Великій Британії
            "іи>а",
            // plural-only names: Сполучені Штати → Сполучених Штатів, Сполученим Штатам; Збройні сили
            // → Збройних сил
            "их>і", "им>і", "ими>і", "ів>и", "ам>и", "ах>и", "ами>и", ">и",
            // і in a closed last syllable: Київ → Києва, Києві; Львів → Львова; Харків → Харкові
            "єва>ів", "єві>ів", "євом>ів", "єву>ів", "ова>ів", "ові>ів", "овом>ів", "ову>ів",
            "ого>ии", "ому>ии", "им>ии", "ім>ии", "оі>а", "ою>а", "у>а", "их>ии", "і>ии",
            // і in a closed last syllable, from о: Білий дім → Білого дому, у Білому домі
            "ому>ім", "омі>ім", "омом>ім", "ома>ім",
            // and к, х after it turn to ц, с: Північний потік → у Північному потоці
            "оці>ік", "осі>іх",
            // (і from о before other consonants: ``ukrainianClosedI``)
            // soft feminine adjectives: Всесвітня → Всесвітньої, Всесвітній, Всесвітньою
            "ьоі>я", "ьою>я", "іи>я",
            // к, г, х before -і: Америка → Америці, Прага → Празі, Фейсбук → у Фейсбуці
            "ці>ка", "зі>га", "сі>ха", "ці>к", "зі>г", "сі>х",
            // neuter in -о, and surnames in -ко: Міністерство → Міністерства, Міністерству,
            // Міністерством; Лукашенко → Лукашенкові
            "а>о", "у>о", "ом>о", "і>о", "ові>о",
            // soft and hushing stems take -еві: Протасевич → Протасевичеві; names in -ар, -ор take
            // soft endings: Ігор → Ігоря, Ігорю, Шахтар → Шахтаря
            "еві>", "я>", "ю>",
            // nouns in -ість: Солідарність → Солідарності; names in -а after a hushing consonant
            // take -ею: Янез Янша → Яншею
            "ості>ість", "шею>ша", "жею>жа", "чею>ча", "щею>ща",
            // a fleeting е in -ець: Кременець → Кременця, у Кременці; Кравець → Кравцем, Кравцеві
            "ця>ець", "ці>ець", "цю>ець", "цем>ець", "цеві>ець",
            // neuter in -ле: Гуляйполе → у Гуляйполі, Куликове поле → на Куликовому полі
            "ля>ле", "лю>ле", "лем>ле", "лі>ле",
            // soft adjectives in -ній: Нижній Новгород → Нижнього Новгорода, Нижньому Новгороді
            "нього>ніи", "ньому>ніи",
            // feminine nouns in -ь double the consonant before -ю: Білорусь → Білоруссю
            "ссю>сь", "ллю>ль", "нню>нь", "ццю>ць", "ттю>ть", "ддю>дь", "ззю>зь",
            // neuter in -ре: Балтійське море → Балтійського моря, на Балтійському морі
            "ря>ре", "рю>ре", "рем>ре", "рі>ре",
            // neuter adjectives: Сполучене Королівство → Сполученого Королівства, Сполученому Королівстві
            "ого>е+", "ому>е+", "им>е+", "ім>е+",
        ])

    /// Ukrainian nouns whose і in a closed last syllable is о again when an ending opens it:
    /// Близький Схід → Близького Сходу, на Близькому Сході; Кривий Ріг → Кривого Рогу.
    static let ukrainianClosedI: [String] = {
        let consonants = ["д", "т", "р", "с", "н", "л", "в", "б", "з", "ж", "ч", "к", "п", "х", "ш", "ц", "г"]
        let endings = ["у", "і", "ом", "а", "ові"]
        return consonants.flatMap { consonant in endings.map { "о\(consonant)\($0)>і\(consonant)" } } + ["озі>іг"]
    }()

    /// Czech: seven cases; Praha → Praze, Amerika → Americe.
    public static let czech = Morphology(
        language: "cs",
        rules: [
            "a>", "u>", "ovi>", "em>", "e>", "u>", "y>", "ech>", "um>", "ami>",
            "y>a", "e>a", "u>a", "ou>a", "ze>ha", "ze>ga", "ce>ka", "re>ra", "i>a", "ie>ia", "ii>ia", "ji>ja",
            // animate plurals in -i: Piráti → Pirátů, Pirátům, Piráty, o Pirátech; in -ové:
            // Britové → Britů, Britům, Brity, o Britech; soft adjectives: konzervativní poslanci →
            // konzervativních, konzervativním, konzervativními poslanců
            "u>i", "um>i", "y>i", "ech>i", "u>ove", "um>ove", "y>ove", "ech>ove", "ich>i", "imi>i",
            // a man's possessive adjective names him, as BSNLP marks it: Trumpův, Trumpova
            // administrativa, Trumpovy tweety, v Putinově Rusku; folded, -ová, -ové, -ovou are
            // also a woman's surname (Merkelová), whose list most often has her as Merkel
            "uv>", "ova>", "ovo>", "ovy>", "ove>", "ovu>", "ovou>", "ovych>", "ovym>", "ovymi>",
            // feminine in -ie and -e: Velká Británie → Velké Británii, Evropská komise → Evropskou komisí
            "ii>ie", "i>ie", "i>e",
            // soft masculine names: Andrej → Andreji; names in -y as adjectives: O'Leary → O'Learyho
            "i>", "ho>", "mu>", "m>",
            // a fleeting e before ň: Vídeň → Vídně, Vídni; names in -ea: Korea → Koreje, Koreji, Korejou
            "ne>en", "ni>en", "eje>ea", "eji>ea", "ejou>ea",
            // names in a silent -e: Mike Pence → Mika Pence, Mikovi, Mikem; Jean-Claude →
            // Jean-Clauda; masculine names in -o and -a: Fico → Ficovi, Petr Fiala → Petru Fialovi
            "a>e", "ovi>e", "u>e", "em>e", "ovi>o", "ovi>a",
            // a fleeting e before v: církev → církve, církvi
            "ve>ev", "vi>ev",
            // plural-only names: Spojené státy → Spojených států, Spojeným státům, Spojenými státy;
            // Krkonoše → v Krkonoších, Krkonoším; Karlovy Vary → Karlovými Vary
            "ych>e", "ym>e", "ymi>e", "ymi>y", "u>y", "um>y", "ech>y", "ich>e", "im>e",
            // fleeting e: Karel → Karla, Marek → Markem, Němec → Němce
            "la>el", "lu>el", "lovi>el", "lem>el", "ka>ek", "ku>ek", "kovi>ek", "kem>ek",
            "ce>ec", "ci>ec", "cem>ec", "covi>ec",
            "a>o", "u>o", "em>o", "e>o",
            "eho>y", "emu>y", "ym>y", "ych>y", "e>y", "em>y", "iho>i", "imu>i", "im>i",
            "e>a", "ou>a", "y>a",
            // ů shortens to o when the word inflects: Bílý dům → Bílého domu, v Bílém domě
            "omu>um", "ome>um", "omem>um",
            // Russian surnames in -yj, -ij decline as adjectives: Navalnyj → Navalného, Navalnému
            "eho>yj", "emu>yj", "ym>yj", "em>yj", "eho>ij", "emu>ij", "im>ij", "em>ij",
            // and soft ones: Nižnij Novgorod → Nižního Novgorodu, Nižnímu Novgorodu
            "iho>ij", "imu>ij",
            // Polish surnames in -ski, -cki decline as hard adjectives: Kaczyński → Kaczyńského
            "skeho>ski", "ckeho>cki", "skemu>ski", "ckemu>cki", "skym>ski", "ckym>cki", "skem>ski", "ckem>cki",
            // feminine plural-only names: Atény → Atén, v Aténách, Aténám, Aténami
            ">y", "ach>y", "am>y", "ami>y",
        ])

    /// Slovak: close to Czech.
    public static let slovak = Morphology(
        language: "sk",
        rules: [
            "a>", "u>", "ovi>", "om>", "e>", "ov>", "och>", "ami>",
            // (not -ová, -ovej, -ovou to a foreign woman's surname as the world writes it: folded,
            // they are also the possessive adjectives of every man's name, Johnsonova vláda)
            "y>a", "e>a", "u>a", "ou>a", "i>a", "ie>ia", "ii>ia", "iu>ia", "iou>ia",
            // masculine and neuter in -o: Fico → Fica, Ficovi, Ficom; Nemecko → Nemecka; masculine
            // names in -a: Kuba → Kubovi, Šimečka → Šimečkom, Fiala → Fialom (not -om at large:
            // Irakom would propose Iraka)
            "a>o", "u>o", "om>o", "ovi>o", "ovi>a", "kom>ka", "bom>ba", "lom>la",
            "eho>y", "emu>y", "om>y", "ych>y", "ej>a", "u>a",
            // the locative of masculine nouns in -i and of neuter nouns in -e: v Bruseli, v Spojenom
            // kráľovstve
            "i>", "e>o",
            // names in -y as adjectives: Jeremy → Jeremyho, Jeremymu
            "ho>", "mu>", "m>",
            // neuter nouns in -e: Baltské more → v Baltskom mori
            "a>e", "u>e", "i>e", "om>e",
            // soft adjectives in -í: Najvyšší súd → Najvyššieho súdu
            "ieho>i", "iemu>i", "im>i", "om>i",
            // a fleeting e or o: Peter → Petra, Petrovi; Pavol → Pavla, Pavlom; Kremeľ → Kremľa
            "ra>er", "ru>er", "rovi>er", "rom>er", "la>ol", "lu>ol", "lovi>ol", "lom>ol", "la>el", "lu>el", "li>el", "lom>el",
            // Russian surnames in -yj, -ij decline as adjectives: Navaľnyj → Navaľného
            "eho>yj", "emu>yj", "ym>yj", "om>yj", "eho>ij", "emu>ij", "im>ij", "om>ij",
            // plural-only names: Spojené štáty → Spojených štátov, v Spojených štátoch; Košice →
            // v Košiciach
            "ych>e", "ym>e", "ymi>e", "ov>y", "om>y", "och>y", "ami>y", "iach>e", "iam>e", "ami>e",
            // feminine plural-only names: Tatry → v Tatrách, Tatrám, Vysokých Tatier; Atény → Atén
            "ach>y", "am>y", ">y", "ier>ry",
            // Polish surnames in -ski, -cki decline as hard adjectives: Kaczyński → Kaczyńského
            "skeho>ski", "ckeho>cki", "skemu>ski", "ckemu>cki", "skym>ski", "ckym>cki",
            // neuter adjectives: Spojené kráľovstvo → Spojeného kráľovstva
            "eho>e+", "emu>e+", "om>e+", "ym>e+",
        ])

    /// Slovene: six cases and the dual.
    public static let slovene = Morphology(
        language: "sl",
        rules: slovenianFleetingE + [
            "a>", "u>", "om>", "em>", "i>", "ov>", "ih>", "e>a", "i>a", "o>a", "ijo>ija", "ije>ija",
            "iji>ija", "ega>i", "emu>i", "em>i", "im>i", "ega>", "e>", "ih>e",
            // soft stems in -j, -lj, -nj take -em: Bruselj → Bruseljem
            "jem>j", "jev>j", "ju>j", "ja>j",
            // names in a vowel put j before the ending: Joe → Joeja, Joeju, Joejem
            "ja>", "ju>", "jem>",
            // names in a silent -e drop it: Steve → s Stevom, Jean-Claude → z Jean-Claudom
            "om>e",
            // plurals in -ci of nouns in -ec: konservativci → konservativcev, konservativcem,
            // o konservativcih; torijci → torijcev
            "cev>ci", "cem>ci", "cih>ci",
            // a man's possessive adjective names him: Johnsonova vlada, Johnsonovega načrta,
            // Trumpovo (-ov is the genitive plural's rule above), and after j or a soft consonant
            // -ev-: Mayeva, Junckerjev
            "ova>", "ovo>", "ove>", "ovi>", "ovega>", "ovem>", "ovemu>", "ovim>", "ovih>", "ovimi>",
            "ev>", "eva>", "evo>", "eve>", "evi>", "evega>", "evem>", "evemu>", "evim>", "evih>", "evimi>",
            // with the j of a name in a vowel or -r: Bagdadijeva, Netanjahujevem, Bobnarjeva
            "jev>", "jeva>", "jevo>", "jeve>", "jevi>", "jevega>", "jevem>", "jevemu>", "jevim>", "jevih>", "jevimi>",
            // and a woman's in -in- for a name in -a: Violeta → Violetin, Violetine
            "in>a", "ina>a", "ino>a", "ine>a", "ini>a", "inega>a", "inem>a", "inemu>a", "inim>a", "inih>a",
            // plural-only names: Združene države → Združenih držav, Združenim državam; Združeni narodi
            // → Združenih narodov, Združenim narodom
            ">e", "am>e", "ah>e", "ami>e", "im>e", "imi>e", "ih>i", "ov>i", "om>i", "imi>i",
            // neuter in -o: Ministrstvo → Ministrstva, Ministrstvu, Ministrstvom
            "a>o", "u>o", "om>o",
            // neuter in -e: Baltsko morje → v Baltskem morju, Vrhovno sodišče → Vrhovnega sodišča
            "a>e", "u>e", "em>e",
            // neuter adjectives: Združeno kraljestvo → Združenega kraljestva, v Združenem kraljestvu
            "ega>o+", "emu>o+", "em>o+", "im>o+",
            // country names in -ska, whose locative is adjectival: Kitajska → na Kitajskem, and
            // the adjective before one: Severna Irska → na Severnem Irskem
            "skem>ska", "em>a+",
            // a fleeting a in South Slavic names: Aleksandar Vučić → Aleksandra Vučića, Aleksandrom
            "ra>ar", "ru>ar", "rom>ar",
            // abbreviations take their endings after a hyphen: SDS-a, SDS-u, NLB-ja
            "-a>", "-u>", "-om>", "-ja>", "-ju>", "-jem>",
        ])

    /// Slovene nouns whose last syllable loses its *e* when they inflect: Bruselj → Bruslju,
    /// Koper → Kopra, Kranjec → Kranjca.
    static let slovenianFleetingE: [String] = {
        let consonants = ["lj", "nj", "r", "l", "n", "k", "c", "m", "s", "z", "t", "d", "v", "p", "b", "g"]
        let endings = ["a", "u", "om", "em", "i", "ov", "ih", "e", "ev", "oma", "ema", "ama", "ami"]
        return consonants.flatMap { consonant in endings.map { "\(consonant)\($0)>e\(consonant)" } }
    }()

    /// Croatian: seven cases.
    public static let croatian = Morphology(
        language: "hr",
        rules: [
            "a>", "u>", "om>", "em>", "e>", "i>", "ima>", "e>a", "i>a", "u>a", "om>a", "ije>ija",
            "iji>ija", "iju>ija", "ijom>ija", "og>i", "oga>i", "om>i", "omu>i", "e>a", "oj>a",
            // neuter in -o and its adjectives: Ujedinjeno Kraljevstvo → Ujedinjenog Kraljevstva
            "a>o", "u>o", "om>o", "og>o+", "oga>o+", "omu>o+", "om>o+",
            // neuter in -e: Baltičko more → Baltičkom moru
            "a>e", "u>e", "em>e",
            // names in a vowel put j before the ending: Jeremy → Jeremyja, Jeremyju, Jeremyjem
            "ja>", "ju>", "jem>",
            // plural-only names: Ujedinjeni narodi → Ujedinjenim narodima, Sjedinjene Američke
            // Države → Sjedinjenih Američkih Država, Sjedinjenim Američkim Državama
            "im>i", "ih>i", "ima>i", "a>i", "e>i", "im>e", "ih>e", "ama>e",
            // a fleeting a: Aleksandar → Aleksandra, Aleksandrom; Slovenac → Slovenca; Egipat → Egipta
            // (after p only: Herta would read as Herat, Berta as Berat)
            "ra>ar", "ru>ar", "rom>ar", "ca>ac", "cu>ac", "cem>ac", "pta>pat", "ptu>pat", "ptom>pat",
            // k, g, h turn to c, z, s before -i: Rijeka → Rijeci, Amerika → Americi
            "ci>ka", "zi>ga", "si>ha",
            // soft adjectives in -nji before their noun: Donji Miholjac → Donjem Miholjcu, Gornjeg
            // Vakufa (not -em at large: Petrovićem would read as a village Petrovići)
            "njem>nji+", "njeg>nji+", "njega>nji+", "njemu>nji+",
            // names listed in their English spelling in -ia: Pennsylvania → Pennsylvaniji
            "iji>ia", "ije>ia", "iju>ia", "ijom>ia",
            // abbreviations take their endings after a hyphen: HDZ-a, HDZ-u, HDZ-om, EU-a; those
            // read with a vowel at the end a j: BBC-ja, BBC-ju
            "-a>", "-u>", "-om>", "-e>", "-ja>", "-ju>", "-jem>",
        ])

    /// Serbian, in Latin and Cyrillic letters.
    public static let serbian = Morphology(
        language: "sr",
        rules: [
            "a>", "u>", "om>", "em>", "e>", "i>", "e>a", "i>a", "u>a", "om>a", "ije>ija", "iji>ija",
            "iju>ija", "ijom>ija", "og>i", "om>i", "oj>a",
            "а>", "у>", "ом>", "ем>", "е>", "и>", "е>а", "и>а", "у>а", "ом>а", "ије>ија", "ији>ија",
            "ију>ија", "ијом>ија", "ог>и", "ом>и", "ој>а",
            // names in a vowel put j before the ending: Modi → Modija, Модија, Modijem
            "ja>", "ju>", "jem>", "ја>", "ју>", "јем>",
            // neuter in -e: Užice → u Užicu, Велико Градиште → Великом Градишту
            "a>e", "u>e", "em>e", "а>е", "у>е", "ем>е",
            // soft adjectives in -nji before their noun: Gornji Milanovac → Gornjem Milanovcu,
            // Горњег Милановца
            "njem>nji+", "njeg>nji+", "njega>nji+", "njemu>nji+", "њем>њи+", "њег>њи+", "њега>њи+", "њему>њи+",
            // neuter in -o and its adjectives: Ujedinjeno Kraljevstvo → Ujedinjenog Kraljevstva
            "a>o", "u>o", "om>o", "og>o+", "а>о", "у>о", "ом>о", "ог>о+",
            // plural-only names: Ujedinjene nacije → Ujedinjenim nacijama, Уједињеним нацијама
            "im>i", "ih>i", "ima>i", "a>i", "e>i", "im>e", "ih>e", "ama>e",
            "им>и", "их>и", "има>и", "а>и", "е>и", "им>е", "их>е", "ама>е",
            // a fleeting a: Aleksandar → Aleksandra, Александром
            "ra>ar", "ru>ar", "rom>ar", "ca>ac", "cu>ac", "cem>ac", "ра>ар", "ру>ар", "ром>ар", "ца>ац", "цу>ац", "цем>ац",
            "pta>pat", "ptu>pat", "ptom>pat", "пта>пат", "пту>пат", "птом>пат",
            // k, g, h turn to c, z, s before -i: Amerika → Americi, Америка → Америци
            "ci>ka", "zi>ga", "si>ha", "ци>ка", "зи>га", "си>ха",
            // names listed in their English spelling in -ia: Pennsylvania → Pennsylvaniji
            "iji>ia", "ije>ia", "iju>ia", "ijom>ia",
            // abbreviations take their endings after a hyphen: SNS-a, СНС-а, and those read with a
            // vowel at the end a j: BBC-ja
            "-a>", "-u>", "-om>", "-а>", "-у>", "-ом>", "-ja>", "-ju>", "-jem>", "-ја>", "-ју>", "-јем>",
        ])

    /// Bulgarian: no cases, but definite articles suffixed to nouns and adjectives.
    public static let bulgarian = Morphology(
        language: "bg",
        rules: [
            "ът>", "ят>", "а>", "я>", "та>", "то>", "те>", "ия>и", "ият>и", "ата>а", "ата>", "ята>я",
            // masculine nouns in -й (folded to и): Капитолий → Капитолия, Капитолият; Музей → Музея
            "я>и", "ят>и",
            // adjectives in a consonant take -ия, -ият before their noun, and я turns to е before
            // и: Стар град → Стария град, Бял дом → Белия дом, Белият дом
            "ия>+", "ият>+", "елия>ял+", "елият>ял+", "емия>ям+", "емият>ям+",
            // the full article for the short one a name is listed with: Белия дом → Белият дом
            "ият>ия+",
            // adjectives in -ен lose its е: Върховен съд → Върховния съд, Върховният съд
            "ния>ен+", "ният>ен+",
            // and -ък, -ър their ъ: Близък изток → Близкия изток, Добър → Добрия
            "кия>ък+", "кият>ък+", "рия>ър+", "рият>ър+",
        ])
}
