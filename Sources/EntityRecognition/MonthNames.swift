/// The names of the months in each language the recognizer reads, as dates write them: the
/// nominative, and for the Slavic languages the genitive and locative as well (5 marca,
/// 5. března, 5 марта, у березні).
///
/// A large place list has a place for most of them (August in Germany, March in England, Marca
/// in Spain, Maja in Croatia), so a date would otherwise be read as a place: a word that is a
/// month of its document's language is no one-word place or organization (see
/// ``DocumentResolver/resolve(_:)``). A person's short form keeps it (Theresa May), and so does
/// an acronym written in capitals (the Romanian MAI). English *may* is left out: a verb, and a
/// surname.
enum MonthNames {
    /// The key hashes (see ``Token/keyHash``) of the months of `language`, none for a language
    /// without a list.
    static func hashes(of language: String) -> Set<UInt64> { byLanguage[language] ?? [] }

    private static let byLanguage = written.mapValues { Tokenizer.keyHashes(of: $0.split(whereSeparator: \.isWhitespace)) }

    private static let written: [String: String] = [
        "en": "january february march april june july august september october november december",
        "de": "januar jänner februar märz april mai juni juli august september oktober november dezember",
        "nl": "januari februari maart april mei juni juli augustus september oktober november december",
        "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
        "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
        "es": "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre",
        "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
        "ro": "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
        "pl": """
        styczeń stycznia styczniu luty lutego lutym marzec marca marcu kwiecień kwietnia kwietniu \
        maj maja maju czerwiec czerwca czerwcu lipiec lipca lipcu sierpień sierpnia sierpniu \
        wrzesień września wrześniu październik października październiku listopad listopada \
        listopadzie grudzień grudnia grudniu
        """,
        "cs": """
        leden ledna lednu únor února únoru březen března březnu duben dubna dubnu květen května \
        květnu červen června červnu červenec července červenci srpen srpna srpnu září říjen \
        října říjnu listopad listopadu prosinec prosince prosinci
        """,
        "sk": """
        január januára januári február februára februári marec marca marci apríl apríla apríli \
        máj mája máji jún júna júni júl júla júli august augusta auguste september septembra \
        septembri október októbra októbri november novembra novembri december decembra decembri
        """,
        "sl": """
        januar januarja januarju februar februarja februarju marec marca marcu april aprila \
        aprilu maj maja maju junij junija juniju julij julija juliju avgust avgusta avgustu \
        september septembra septembru oktober oktobra oktobru november novembra novembru \
        december decembra decembru
        """,
        "hr": """
        siječanj siječnja siječnju veljača veljače veljači ožujak ožujka ožujku travanj travnja \
        travnju svibanj svibnja svibnju lipanj lipnja lipnju srpanj srpnja srpnju kolovoz \
        kolovoza kolovozu rujan rujna rujnu listopad listopada listopadu studeni studenoga \
        studenog prosinac prosinca prosincu
        """,
        "sr": """
        januar januara februar februara mart marta april aprila maj maja jun juna jul jula \
        avgust avgusta septembar septembra oktobar oktobra novembar novembra decembar decembra \
        јануар јануара фебруар фебруара март марта април априла мај маја јун јуна јул јула \
        август августа септембар септембра октобар октобра новембар новембра децембар децембра
        """,
        "ru": """
        январь января январе февраль февраля феврале март марта марте апрель апреля апреле \
        май мая мае июнь июня июне июль июля июле август августа августе сентябрь сентября \
        сентябре октябрь октября октябре ноябрь ноября ноябре декабрь декабря декабре
        """,
        "uk": """
        січень січня січні лютий лютого лютому березень березня березні квітень квітня квітні \
        травень травня травні червень червня червні липень липня липні серпень серпня серпні \
        вересень вересня вересні жовтень жовтня жовтні листопад листопада листопаді грудень \
        грудня грудні
        """,
        "bg": "януари февруари март април май юни юли август септември октомври ноември декември",
    ]
}
