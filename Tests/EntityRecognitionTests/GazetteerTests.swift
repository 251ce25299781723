import Foundation
import TestSupport
import Testing

@testable import EntityRecognition

struct GazetteerTests {
    @Test func readsEntityFilesWithLanguagesDemonymsMarkersAndContext() throws {
        var gazetteer = Gazetteer()
        try gazetteer.parseEntityFile(
            """
            # people
            Q7747\tperson/politician\tVladimir Putin
            \t*\tVladimir Putin | Putin
            \tpl\tWładimir Putin

            Q30\tlocation/country\tUnited States
            \ten\tUnited States | =US
            \ten demonym\tAmerican
            Q918\tORG/product\tX
            \t*\t?=X
            \tcontext\tplatform | @Q7747
            """, file: "people.gaz")
        #expect(gazetteer.entities.map(\.id) == ["Q7747", "Q30", "Q918"])
        #expect(gazetteer.entities[0].subtype == "politician")
        #expect(gazetteer.entities[2].type == .organization)
        #expect(gazetteer.aliases.map(\.text) == ["Vladimir Putin", "Putin", "Władimir Putin", "United States", "US", "American", "X"])
        #expect(gazetteer.aliases[2].language == "pl")
        #expect(gazetteer.aliases[4].isCaseSensitive)
        #expect(gazetteer.aliases[5].kind == .demonym)
        #expect(gazetteer.aliases[6].needsContext && gazetteer.aliases[6].isCaseSensitive)
        #expect(gazetteer.contextCues[2] == [.word("platform"), .entity("Q7747")])
    }

    @Test func readsPlainListsAndMergesIntoKnownEntities() throws {
        var gazetteer = Gazetteer()
        try gazetteer.parsePlainList("Putin\tQ7747\tPER\tVladimir Putin\nPutinowi\tQ7747\tperson\nRosja\tQ159\tLOC\n", file: "a.tsv")
        try gazetteer.parsePlainList("Moskwa\tQ649\tlocation\n# comment\n\n", file: "b.tsv")
        #expect(gazetteer.entities.map(\.label) == ["Vladimir Putin", "Rosja", "Moskwa"])
        #expect(gazetteer.aliases.count == 4)
    }

    @Test(arguments: [
        ("a.tsv", "Putin\tQ7747\n", GazetteerError.Code.columns, "a.tsv:1: expected 3 or 4 tab-separated columns"),
        ("a.tsv", "Putin\tQ7747\tPER\nRosja\tQ159\tcountry\n", .unknownType, "a.tsv:2: unknown type 'country'"),
        (
            "a.tsv", "Putin\tQ7747\tPER\nPutin\tQ7747\tLOC\n", .conflictingType,
            "a.tsv:2: 'Q7747' is declared as location here but as person at a.tsv:1"
        ),
        ("a.tsv", " \tQ7747\tPER\n", .emptyAlias, "a.tsv:1: empty alias"),
        ("a.gaz", "\ten\tPutin\n", .aliasWithoutEntity, "a.gaz:1: alias line before any entity line"),
        ("a.gaz", "Q1\tperson\n", .columns, "a.gaz:1: expected 3 tab-separated columns (id, type, label), found 2"),
        ("a.gaz", "Q1\tpersn\tX Y\n", .unknownType, "a.gaz:1: unknown type 'persn'"),
        ("a.gaz", "Q1\tperson\tA B\n\tenglish\tA B\n", .unknownLanguage, "a.gaz:2: 'english' is not a language"),
        ("a.gaz", "Q1\tperson\tA B\n\ten\tA B | | C\n", .emptyAlias, "a.gaz:2: empty alias for 'Q1'"),
        ("a.gaz", "Q1\tperson\tA B\n\ten\n", .columns, "a.gaz:2: expected 2 tab-separated fields"),
        ("a.tsv", "", .emptyGazetteer, "a.tsv: empty gazetteer: no alias in it"),
        ("a.tsv", "# people, to do\n\n  \n", .emptyGazetteer, "a.tsv: empty gazetteer: no alias in it"),
        ("a.gaz", "# entities\n", .emptyGazetteer, "a.gaz: empty gazetteer: no alias in it"),
    ])
    func reportsErrorsWithFileAndLine(file: String, text: String, code: GazetteerError.Code, message: String) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(file)
        try text.write(to: url, atomically: true, encoding: .utf8)
        var gazetteer = Gazetteer()
        let error = try #require(throws: GazetteerError.self) { try gazetteer.load(contentsOf: url) }
        #expect(error.code == code)
        let shown = error.description.replacingOccurrences(of: folder.path + "/", with: "")
        #expect(shown.hasPrefix(message), "got: \(shown)")
        #expect(!shown.contains("\n"))
    }

    @Test func refusesAliasesThatWouldMatchEverywhereWithAHint() throws {
        var gazetteer = Gazetteer()
        try gazetteer.parsePlainList(
            "X\tQ918\tORG\nthe\tthe-band\tORG\nDie\tdie-film\tORG\n=X\tQ918\tORG\nTHE\tthe-band\tORG\n", file: "a.tsv")
        #expect(
            gazetteer.refused.map(\.description) == [
                "a.tsv:1: alias 'X' left out: one letter would match everywhere; write '=X' (case-sensitive) or '?X' (needs context)",
                "a.tsv:2: alias 'the' left out: a common word (en) would match everywhere; write '=the' (case-sensitive) or '?the' (needs context)",
                "a.tsv:3: alias 'Die' left out: a common word (de) would match everywhere; write '=Die' (case-sensitive) or '?Die' (needs context)",
            ])
        #expect(gazetteer.aliases.map(\.text) == ["X", "THE"])
    }

    @Test func refusesPhrasesOfFunctionWordsInLowerCase() throws {
        var gazetteer = Gazetteer()
        try gazetteer.parsePlainList("a la\tp1\tLOC\n=a la\tp1\tLOC\nA La\tp2\tLOC\nla Paz\tp3\tLOC\nde sa\tp4\tLOC\n", file: "a.tsv")
        #expect(
            gazetteer.refused.map(\.description) == [
                "a.tsv:1: alias 'a la' left out: common words (ro, it, en, fr, es) would match everywhere; write '=a la' (case-sensitive) or '?a la' (needs context)",
                "a.tsv:5: alias 'de sa' left out: common words (ro, fr, es) would match everywhere; write '=de sa' (case-sensitive) or '?de sa' (needs context)",
            ])
        #expect(gazetteer.aliases.map(\.text) == ["a la", "A La", "la Paz"])
    }

    @Test(arguments: [
        // A place list's first name stands: not the longest, not one with more words.
        ("Germany\tde\tLOC\nCộng hoà Liên bang Đức\tde\tLOC\nFederal Republic of Germany\tde\tLOC\n", "Germany"),
        ("Brazil\tbr\tLOC\nRepublik Kevreel Brazil\tbr\tLOC\n", "Brazil"),
        // A person's name with the given names before it, and a name over initials or capitals.
        ("Putin\tq\tPER\nVladimir Putin\tq\tPER\nWładimir Putin\tq\tPER\n", "Vladimir Putin"),
        ("V. Putin\tq\tPER\nPUTIN\tq\tPER\nVladimir Putin\tq\tPER\n", "Vladimir Putin"),
        ("NATO\tnato\tORG\nNorth Atlantic Treaty Organization\tnato\tORG\n", "North Atlantic Treaty Organization"),
        ("the Pope\tpope\tPER\nPope Francis\tpope\tPER\n", "Pope Francis"),
    ])
    func choosesALabelFromTheAliases(list: String, label: String) throws {
        var gazetteer = Gazetteer()
        try gazetteer.parsePlainList(list, file: "a.tsv")
        #expect(gazetteer.entities.map(\.label) == [label])
    }

    @Test func reportsAliasesThatNameSeveralEntities() throws {
        var gazetteer = Gazetteer()
        try gazetteer.parsePlainList("Georgia\tQ230\tLOC\nGeorgia\tQ1428\tLOC\nTbilisi\tQ994\tLOC\n", file: "a.tsv")
        let index = AliasIndex(gazetteer: gazetteer)
        let groups = index.ambiguities()
        #expect(groups.count == 1)
        #expect(groups[0].map { gazetteer.source(ofAlias: $0).description } == ["a.tsv:1", "a.tsv:2"])
    }

    @Test func reportsInvalidUTF8ByLine() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("bad.tsv")
        try Data("Putin\tQ1\tPER\nMos\u{0}".utf8 + [0xFF, 0x0A]).write(to: url)
        var gazetteer = Gazetteer()
        let error = try #require(throws: GazetteerError.self) { try gazetteer.load(contentsOf: url) }
        #expect(error.code == .invalidEncoding)
        #expect(error.description.hasSuffix("bad.tsv:2: not valid UTF-8"))
    }

    /// The README's library example, as written there.
    @Test func readmeLibraryExampleFindsWhatItSays() throws {
        var gazetteer = Gazetteer()
        try gazetteer.load(contentsOf: Fixtures.defaultGazetteer)
        let recognizer = Recognizer(index: AliasIndex(gazetteer: gazetteer), options: RecognitionOptions(language: "pl"))
        let result = recognizer.recognize(Document(id: "a", text: "Rozmowy Muska z Putinem."))
        let lines = result.mentions.map { "\($0.start) \($0.end) \($0.surface) \($0.entity.label) \($0.match)" }
        #expect(lines == ["8 13 Muska Elon Musk inflected", "16 23 Putinem Vladimir Putin inflected"])
    }

    @Test func bundledGazetteerLoadsAndCoversTheCoreEntities() throws {
        var gazetteer = Gazetteer()
        try gazetteer.load(contentsOf: Fixtures.defaultGazetteer)
        #expect(gazetteer.entities.count > 500)
        let labels = Set(gazetteer.entities.map(\.label))
        for label in ["Vladimir Putin", "Elon Musk", "Russia", "Ukraine", "United States", "NATO", "Kremlin", "Starlink"] {
            #expect(labels.contains(label), "the bundled gazetteer lacks \(label)")
        }
    }
}
