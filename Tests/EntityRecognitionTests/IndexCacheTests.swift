import Foundation
import TestSupport
import Testing

@testable import EntityRecognition

struct IndexCacheTests {
    func setUp() throws -> (folder: URL, list: URL, cache: IndexCache) {
        let folder = try Fixtures.temporaryFolder()
        let list = folder.appendingPathComponent("people.tsv")
        try "Władimir Putin\tQ7747\tPER\nPutin\tQ7747\tPER\nRosja\tQ159\tLOC\nKreml\tkremlin\tORG\n".write(
            to: list, atomically: true, encoding: .utf8)
        return (folder, list, IndexCache(folder: folder.appendingPathComponent("cache")))
    }

    func load(_ list: URL) throws -> Gazetteer {
        var gazetteer = Gazetteer()
        try gazetteer.load(contentsOf: list)
        return gazetteer
    }

    func mentions(_ index: AliasIndex) -> [String] {
        Recognizer(index: index, options: RecognitionOptions(language: "pl"))
            .recognize(Document(id: "d", text: "Rozmowa z Putinem w Rosji i na Kremlu."))
            .mentions.map { "\($0.surface)=\($0.entity.id)/\($0.match.rawValue)" }
    }

    @Test func cachedIndexFindsWhatACompiledOneFinds() throws {
        let (folder, list, cache) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try cache.index(for: [list]) { try load(list) }
        #expect(!first.cached)
        let second = try cache.index(for: [list]) {
            Issue.record("the cache should serve")
            return try load(list)
        }
        #expect(second.cached)
        #expect(mentions(second.index) == mentions(first.index))
        #expect(mentions(second.index) == ["Putinem=Q7747/inflected", "Rosji=Q159/inflected", "Kremlu=kremlin/inflected"])
        #expect(second.index.gazetteer.entities == first.index.gazetteer.entities)
        #expect(second.index.gazetteer.aliases == first.index.gazetteer.aliases)
    }

    /// Alias records are written as their bytes and read back as an array: every byte must be
    /// a field, or the file would hold padding and a record would not lie where it is read.
    @Test func aliasRecordsHaveNoPadding() {
        #expect(MemoryLayout<AliasList.Record>.size == 24)
        #expect(MemoryLayout<AliasList.Record>.stride == MemoryLayout<AliasList.Record>.size)
    }

    /// A restored list makes each alias from its record as asked, and becomes values when one
    /// is added, keeping those it had.
    @Test func aRestoredAliasListReadsAndGrowsAsAListOfValues() throws {
        let (folder, list, cache) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try cache.index(for: [list]) { try load(list) }
        let second = try cache.index(for: [list]) {
            Issue.record("the cache should serve")
            return try load(list)
        }
        var restored = second.index.gazetteer.aliases
        #expect(restored.map(\.text) == first.index.gazetteer.aliases.map(\.text))
        let textsInPlace = { (list: AliasList) in list.indices.map { list.withTextBytes(at: $0) { String(decoding: $0, as: UTF8.self) } } }
        #expect(textsInPlace(restored) == restored.map(\.text))
        let added = Alias(text: "Kreml", entity: 0, language: "pl", line: 9)
        restored.append(added)
        #expect(textsInPlace(restored) == restored.map(\.text))
        #expect(restored.count == first.index.gazetteer.aliases.count + 1)
        #expect(Array(restored.dropLast()) == Array(first.index.gazetteer.aliases))
        #expect(restored.last == added)
    }

    /// A cache of several megabytes goes through the writer's buffer many times over, and
    /// through its direct path for tables larger than the buffer.
    @Test func aLargeCacheReadsBackAsItsIndex() throws {
        let (folder, list, cache) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        var lines = "Władimir Putin\tQ7747\tPER\nRosja\tQ159\tLOC\n"
        for number in 0..<60_000 {
            lines += "Miejscowość Numer \(number) nad Wisłą\tplace:\(number)\tLOC\n"
        }
        try lines.write(to: list, atomically: true, encoding: .utf8)
        let first = try cache.index(for: [list]) { try load(list) }
        let second = try cache.index(for: [list]) {
            Issue.record("the cache should serve")
            return try load(list)
        }
        #expect(second.cached)
        let file = try #require(FileManager.default.contentsOfDirectory(at: cache.folder, includingPropertiesForKeys: [.fileSizeKey]).first)
        #expect(try file.resourceValues(forKeys: [.fileSizeKey]).fileSize! > 4 << 20)
        #expect(second.index.gazetteer.aliases == first.index.gazetteer.aliases)
        #expect(Array(second.index.transitions.slots.buffer).map(\.key) == Array(first.index.transitions.slots.buffer).map(\.key))
        let text = "Władimir Putin był w Miejscowości Numer 59999 nad Wisłą i w Rosji."
        let found = Recognizer(index: second.index, options: RecognitionOptions(language: "pl"))
            .recognize(Document(id: "d", text: text)).mentions.map(\.entity.id)
        #expect(found == ["Q7747", "place:59999", "Q159"])
    }

    @Test func aChangedSourceIsNeverServedStale() throws {
        let (folder, list, cache) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try cache.index(for: [list]) { try load(list) }
        // Same size, same modification time, other content.
        let attributes = try FileManager.default.attributesOfItem(atPath: list.path)
        try "Władimir Putin\tQ7747\tPER\nPutin\tQ7747\tPER\nRosja\tQ159\tLOC\nKreml\tkremlix\tORG\n".write(
            to: list, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: attributes[.modificationDate]!], ofItemAtPath: list.path)
        let again = try cache.index(for: [list]) { try load(list) }
        #expect(!again.cached)
        #expect(mentions(again.index).last == "Kremlu=kremlix/inflected")
    }

    @Test func aDamagedCacheFileIsIgnored() throws {
        let (folder, list, cache) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try cache.index(for: [list]) { try load(list) }
        let file = try #require(FileManager.default.contentsOfDirectory(at: cache.folder, includingPropertiesForKeys: nil).first)
        let data = try Data(contentsOf: file)
        try data.prefix(data.count / 2).write(to: file)
        let again = try cache.index(for: [list]) { try load(list) }
        #expect(!again.cached)
        #expect(mentions(again.index).count == 3)
    }

    /// The tables are served in place from the mapped file, without bounds checks: values that
    /// point outside them must make the file be refused, never read out of bounds.
    @Test(arguments: [0x00, 0x7F, 0xFF] as [UInt8])
    func aCacheWithDamagedTablesIsRefusedOrHarmless(fill: UInt8) throws {
        let (folder, list, cache) = try setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try cache.index(for: [list]) { try load(list) }
        let file = try #require(FileManager.default.contentsOfDirectory(at: cache.folder, includingPropertiesForKeys: nil).first)
        var data = try Data(contentsOf: file)
        for offset in stride(from: data.count / 3, to: data.count, by: 7) { data[offset] = fill }
        try data.write(to: file)
        let again = try cache.index(for: [list]) { try load(list) }
        // Either refused and compiled again, or (if only text was hit) served: never a crash.
        if !again.cached { #expect(mentions(again.index).count == 3) } else { _ = mentions(again.index) }
    }
}

/// The compiled index's tables: what the hot loops read in place of the gazetteer.
struct AliasIndexTableTests {
    func index(of lines: String) throws -> AliasIndex {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("list.tsv")
        try lines.write(to: list, atomically: true, encoding: .utf8)
        var gazetteer = Gazetteer()
        try gazetteer.load(contentsOf: list)
        return AliasIndex(gazetteer: gazetteer)
    }

    /// 20,000 aliases of three words each: a vocabulary far larger than one filter word.
    @Test func theVocabularyFilterLetsEveryWordOfTheVocabularyThroughAndFewOthers() throws {
        let index = try index(
            of: (0..<20_000).map {
                "Osada\($0) Dolna\($0 % 97) Rzeka\($0 % 13)\tplace:\($0)\tLOC\n"
            }.joined())
        let tables = IndexTables(index)
        let vocabulary = (0..<index.tokens.count).map { id in
            Array(index.tokens.bytes[Int(index.tokens.starts[id])..<Int(index.tokens.starts[id + 1])])
        }
        #expect(vocabulary.count == 20_000 + 97 + 13)
        for (id, word) in vocabulary.enumerated() {
            #expect(word.withUnsafeBufferPointer { tables.tokenID(bytes: $0) } == Int32(id))
        }
        let strangers = (0..<20_000).map { Array("wies\($0)".utf8) }
        let passed = strangers.filter { TokenTable.mayContain(hash: Tokenizer.hash($0), filter: tables.tokenFilter) }.count
        // About 1% with 16 bits a word; 5% would mean the filter lost its bits.
        #expect(passed < strangers.count / 20)
        #expect(strangers.allSatisfy { $0.withUnsafeBufferPointer { tables.tokenID(bytes: $0) } == nil })
    }

    /// 20,000 aliases whose first word takes no capital, and as many that ask for one.
    @Test func theLowercaseStartFilterLetsEveryLowercaseAliasStartThroughAndFewOthers() throws {
        let index = try index(
            of: (0..<20_000).map {
                "nad\($0 % 211) Osada\($0)\tplace:\($0)\tLOC\nwies\($0)\tvillage:\($0)\tLOC\nPod\($0) Lasem\tforest:\($0)\tLOC\n"
            }.joined())
        let tables = IndexTables(index)
        func id(_ word: String) -> Int32? { Array(word.utf8).withUnsafeBufferPointer { tables.tokenID(bytes: $0) } }
        for number in 0..<20_000 {
            let first = try #require(id("nad\(number % 211)"))
            let second = try #require(id("osada\(number)"))
            #expect(tables.mayStart(first, then: second, lowercase: true))
            #expect(tables.mayStart(try #require(id("wies\(number)")), then: AliasIndex.noSecondToken, lowercase: true))
        }
        var passed = 0
        for number in 0..<20_000 {
            let capitalised = try #require(id("pod\(number)"))
            if tables.mayStart(capitalised, then: try #require(id("lasem")), lowercase: true) { passed += 1 }
            if tables.mayStart(try #require(id("nad\(number % 211)")), then: AliasIndex.noSecondToken, lowercase: true) { passed += 1 }
        }
        // About 1% with 16 bits a pair; 5% would mean the filter lost its bits.
        #expect(passed < 40_000 / 20)
    }

    /// The filter for walks from a word with a capital holds every alias's start.
    @Test func theStartFilterLetsEveryAliasStartThroughAndFewOthers() throws {
        let index = try index(
            of: (0..<20_000).map {
                "nad\($0 % 211) Osada\($0)\tplace:\($0)\tLOC\nWies\($0)\tvillage:\($0)\tLOC\nPod\($0) Lasem\tforest:\($0)\tLOC\n"
            }.joined())
        let tables = IndexTables(index)
        func id(_ word: String) throws -> Int32 {
            try #require(Array(word.utf8).withUnsafeBufferPointer { tables.tokenID(bytes: $0) })
        }
        let lasem = try id("lasem")
        for number in 0..<20_000 {
            #expect(tables.mayStart(try id("nad\(number % 211)"), then: try id("osada\(number)"), lowercase: false))
            #expect(tables.mayStart(try id("wies\(number)"), then: AliasIndex.noSecondToken, lowercase: false))
            #expect(tables.mayStart(try id("pod\(number)"), then: lasem, lowercase: false))
        }
        var passed = 0
        for number in 0..<20_000 {
            if tables.mayStart(try id("pod\(number)"), then: try id("osada\(number)"), lowercase: false) { passed += 1 }
            if tables.mayStart(try id("wies\(number)"), then: lasem, lowercase: false) { passed += 1 }
        }
        #expect(passed < 40_000 / 20)
    }

    @Test func eachNodesEntriesLieTogetherAndTheLastEndsIt() throws {
        // One alias for three entities, and one entity under two spellings that fold alike.
        let index = try index(
            of: "Paris\tparis-fr\tLOC\nParis\tparis-tx\tLOC\nParis\tparis-hilton\tPER\n"
                + "Rzeka Odra\todra\tLOC\nRZEKA ODRA\todra\tLOC\n")
        var reached: [[Int32]] = []
        for node in index.terminalHead.indices where index.terminalHead[node] >= 0 {
            var entry = Int(index.terminalHead[node])
            var entities: [Int32] = []
            while true {
                entities.append(index.entries[entry].entity)
                if index.entries[entry].endsNode { break }
                entry += 1
            }
            reached.append(entities)
        }
        #expect(reached.map(\.count).sorted() == [2, 3])
        #expect(index.entries.filter(\.endsNode).count == 2)
        #expect(index.ambiguities().count == 1)
    }
}
