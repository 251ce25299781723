import Foundation

/// A problem in a gazetteer file, located by file and line.
public struct GazetteerError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, as a stable code that scripts and tests can check.
    public struct Code: RawRepresentable, Hashable, Sendable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let columns = Code(rawValue: "columns")
        public static let emptyAlias = Code(rawValue: "empty-alias")
        public static let unknownType = Code(rawValue: "unknown-type")
        public static let conflictingType = Code(rawValue: "conflicting-type")
        public static let aliasWithoutEntity = Code(rawValue: "alias-without-entity")
        public static let unguardedAlias = Code(rawValue: "unguarded-alias")
        public static let unknownLanguage = Code(rawValue: "unknown-language")
        public static let unreadable = Code(rawValue: "unreadable")
        public static let invalidEncoding = Code(rawValue: "invalid-encoding")
        public static let emptyGazetteer = Code(rawValue: "empty-gazetteer")
    }

    public var code: Code
    public var location: SourceLocation
    public var message: String

    public init(_ code: Code, at location: SourceLocation, _ message: String) {
        self.code = code
        self.location = location
        self.message = message
    }

    /// `file:line: message`, or `file: message` for problems with a whole file.
    public var description: String {
        location.line > 0 ? "\(location.file):\(location.line): \(message)" : "\(location.file): \(message)"
    }
}

/// The entities a run knows and the names they go by, read from gazetteer files.
///
/// Two formats are read: entity files (`.gaz`, a block per entity with aliases per language,
/// demonyms and context cues) and plain lists (`.tsv`, `alias<TAB>id<TAB>type[<TAB>label]`), as
/// `gazetteers/README.md` describes. Files may add aliases to entities defined in other files;
/// an id declared with two types is an error.
public struct Gazetteer: Sendable {
    public private(set) var entities: [Entity] = []
    public private(set) var aliases = AliasList()
    /// Context cues per entity index, for aliases that need context.
    public private(set) var contextCues: [Int: [ContextCue]] = [:]
    /// Every word cue (a folded word beginning), and their lengths in scalars, shortest first.
    public private(set) var cueWords = Set<String>()
    public private(set) var cueWordLengths: [Int] = []

    private mutating func noteCueWords(_ cues: [ContextCue]) {
        for case .word(let prefix) in cues where cueWords.insert(prefix).inserted {
            let length = prefix.unicodeScalars.count
            if !cueWordLengths.contains(length) {
                cueWordLengths.append(length)
                cueWordLengths.sort()
            }
        }
    }
    private var entityIndexByID: [String: Int] = [:]
    /// For a gazetteer restored from a cache: the same, made on first use, as most runs never
    /// look an entity up by id and a million ids take a while to hash.
    private var restoredIDs: EntityIDTable?
    private var declaredAt: [Int: SourceLocation] = [:]
    /// Aliases left out because they would match everywhere (one letter, or a common word,
    /// without `=` or `?`): each a located one-line reason with a hint.
    public private(set) var refused: [GazetteerError] = []
    /// The files aliases were read from, by ``Alias/fileIndex``.
    public private(set) var sourceFiles: [String] = []
    private var sourceFileIndex: [String: Int] = [:]
    /// Entities whose label a list chose from an alias rather than a label column.
    private var labelFromAlias = Set<Int>()

    public init() {}

    /// Where an alias was read from.
    public func source(ofAlias index: Int) -> SourceLocation {
        let alias = aliases[index]
        let file = Int(alias.fileIndex) < sourceFiles.count ? sourceFiles[Int(alias.fileIndex)] : "?"
        return SourceLocation(file: file, line: Int(alias.line))
    }

    /// A gazetteer restored from its parts (see ``IndexCache``).
    init(entities: [Entity], aliases: AliasList, contextCues: [Int: [ContextCue]], sourceFiles: [String]) {
        self.entities = entities
        self.aliases = aliases
        self.contextCues = contextCues
        self.sourceFiles = sourceFiles
        for entity in contextCues.keys.sorted() { noteCueWords(contextCues[entity]!) }
        restoredIDs = EntityIDTable(entities: entities)
    }

    /// The index of the entity with `id` in ``entities``.
    public func index(ofEntity id: String) -> Int? {
        if let restoredIDs { return restoredIDs.index(of: id) }
        return entityIndexByID[id]
    }

    /// Takes over the lazily made id table of a restored gazetteer before anything is added.
    private mutating func ownIDs() {
        guard let restoredIDs else { return }
        entityIndexByID = restoredIDs.table
        self.restoredIDs = nil
    }

    // MARK: - Loading

    /// Reads a gazetteer file, or every `.gaz` and `.tsv` file below a folder in sorted order.
    ///
    /// - Throws: ``GazetteerError`` naming the file and line of the first problem.
    public mutating func load(contentsOf url: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw GazetteerError(
                .unreadable, at: SourceLocation(file: url.relativePath, line: 0),
                "no such gazetteer file or folder")
        }
        if isFolder.boolValue {
            let files = Self.files(below: url)
            guard !files.isEmpty else {
                throw GazetteerError(
                    .emptyGazetteer, at: SourceLocation(file: url.relativePath, line: 0),
                    "folder holds no .gaz or .tsv gazetteer files")
            }
            for file in files { try load(contentsOf: file) }
            return
        }
        let name = url.relativePath
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw GazetteerError(.unreadable, at: SourceLocation(file: name, line: 0), "cannot be read")
        }
        let isEntityFile = url.pathExtension.lowercased() == "gaz"
        guard let text = isEntityFile ? String(data: data, encoding: .utf8) : (Self.isValidUTF8(data) ? "" : nil) else {
            let line = Self.lineOfFirstInvalidUTF8(in: data)
            throw GazetteerError(
                .invalidEncoding, at: SourceLocation(file: name, line: line),
                "not valid UTF-8")
        }
        let (aliasesBefore, refusedBefore) = (aliases.count, refused.count)
        if url.pathExtension.lowercased() == "gaz" {
            try parseEntityFile(text, file: name)
        } else {
            try data.withUnsafeBytes { raw in
                try parsePlainList(bytes: raw.bindMemory(to: UInt8.self), file: name)
            }
        }
        // A list that adds nothing is most likely the wrong file, or one cut short.
        guard aliases.count > aliasesBefore || refused.count > refusedBefore else {
            throw GazetteerError(
                .emptyGazetteer, at: SourceLocation(file: name, line: 0),
                "empty gazetteer: no alias in it, only blank or comment lines")
        }
    }

    /// The `.gaz` and `.tsv` files below a folder, sorted by path.
    public static func files(below folder: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [URL] = []
        for case let file as URL in enumerator where ["gaz", "tsv"].contains(file.pathExtension.lowercased()) {
            files.append(file)
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Whether data is valid UTF-8, without building a string.
    static func isValidUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { isValidUTF8($0.bindMemory(to: UInt8.self)) }
    }

    /// Whether bytes are valid UTF-8; runs of ASCII are skipped eight bytes at a time.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var position = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while position + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            position += 8
        }
        var iterator = UnsafeBufferPointer(rebasing: bytes[position...]).makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    static func lineOfFirstInvalidUTF8(in data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for (offset, byte) in data.enumerated() where byte == 0x0A {
            let end = data.startIndex + offset
            if String(data: data[start..<end], encoding: .utf8) == nil { return line }
            line += 1
            start = end + 1
        }
        return line
    }

    // MARK: - Entity files

    /// Parses an entity file (`.gaz`).
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the name errors give.
    /// - Throws: ``GazetteerError`` for the first malformed line.
    public mutating func parseEntityFile(_ text: String, file: String) throws {
        var current: Int?
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let location = SourceLocation(file: file, line: lineNumber)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }

            if line.first == "\t" || line.first == " " {
                guard let entity = current else {
                    throw GazetteerError(
                        .aliasWithoutEntity, at: location,
                        "alias line before any entity line (an entity line starts without a TAB)")
                }
                let fields = line.drop { $0 == "\t" || $0 == " " }.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count == 2 else {
                    throw GazetteerError(
                        .columns, at: location,
                        "expected 2 tab-separated fields after the indent (language, aliases), found \(fields.count)")
                }
                try addAliasLine(language: String(fields[0]), list: String(fields[1]), entity: entity, at: location)
            } else {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count == 3 else {
                    throw GazetteerError(
                        .columns, at: location,
                        "expected 3 tab-separated columns (id, type, label), found \(fields.count)")
                }
                let id = fields[0].trimmingCharacters(in: .whitespaces)
                let label = fields[2].trimmingCharacters(in: .whitespaces)
                guard !id.isEmpty else { throw GazetteerError(.columns, at: location, "empty entity id") }
                guard !label.isEmpty else { throw GazetteerError(.columns, at: location, "empty label for '\(id)'") }
                let (type, subtype) = try Self.parseType(String(fields[1]), at: location)
                current = try declare(Entity(id: id, type: type, subtype: subtype, label: label.nfc), at: location)
            }
        }
    }

    private mutating func addAliasLine(language field: String, list: String, entity: Int, at location: SourceLocation) throws {
        let words = field.split(separator: " ").map(String.init)
        if words == ["context"] {
            var cues: [ContextCue] = []
            for item in list.split(separator: "|") {
                let cue = item.trimmingCharacters(in: .whitespaces)
                guard !cue.isEmpty else { throw GazetteerError(.emptyAlias, at: location, "empty context cue") }
                cues.append(cue.hasPrefix("@") ? .entity(String(cue.dropFirst())) : .word(cue.foldedForMatching))
            }
            contextCues[entity, default: []].append(contentsOf: cues)
            noteCueWords(cues)
            return
        }
        guard let code = words.first, words.count <= 2, Self.isLanguageCode(code),
            words.count == 1 || words[1] == "demonym"
        else {
            throw GazetteerError(
                .unknownLanguage, at: location,
                "'\(field)' is not a language ('en', 'pl', '*'), 'LANG demonym' or 'context'")
        }
        let kind: Alias.Kind = words.count == 2 ? .demonym : .name
        for item in list.split(separator: "|", omittingEmptySubsequences: false) {
            try addAlias(String(item), entity: entity, language: code == "*" ? nil : code, kind: kind, at: location)
        }
    }

    // MARK: - Plain lists

    /// Parses a headerless TSV list, `alias<TAB>id<TAB>type[<TAB>label]`.
    ///
    /// Works on UTF-8 bytes: a GeoNames or Wikidata export has millions of lines.
    ///
    /// - Throws: ``GazetteerError`` for the first malformed line.
    public mutating func parsePlainList(_ text: String, file: String) throws {
        var text = text
        try text.withUTF8 { try parsePlainList(bytes: $0, file: file) }
    }

    mutating func parsePlainList(bytes: UnsafeBufferPointer<UInt8>, file: String) throws {
        let tab = UInt8(ascii: "\t")
        let newline = UInt8(ascii: "\n")
        var lineNumber = 0
        var lineStart = 0
        var fields: [Range<Int>] = []
        fields.reserveCapacity(5)
        func string(_ range: Range<Int>) -> String {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, bytes[lower] == 0x20 { lower += 1 }
            while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x0D { upper -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        }
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != newline {
                if bytes[lineEnd] == tab {
                    fields.append(fieldStart..<lineEnd)
                    fieldStart = lineEnd + 1
                }
                lineEnd += 1
            }
            fields.append(fieldStart..<lineEnd)
            defer { lineStart = lineEnd + 1 }
            let first = lineStart < lineEnd ? bytes[lineStart] : newline
            if lineEnd == lineStart || first == UInt8(ascii: "#") || (lineEnd == lineStart + 1 && first == 0x0D) { continue }
            let location = SourceLocation(file: file, line: lineNumber)
            guard fields.count == 3 || fields.count == 4 else {
                if fields.allSatisfy({ string($0).isEmpty }) { continue }
                throw GazetteerError(
                    .columns, at: location,
                    "expected 3 or 4 tab-separated columns (alias, id, type[, label]), found \(fields.count)")
            }
            let id = string(fields[1])
            guard !id.isEmpty else { throw GazetteerError(.columns, at: location, "empty entity id") }
            let typeField = string(fields[2])
            guard let type = EntityType(spelling: typeField) else {
                throw GazetteerError(
                    .unknownType, at: location,
                    "unknown type '\(typeField)' (expected PER, ORG, LOC or person, organization, location)")
            }
            let alias = string(fields[0])
            let label = fields.count == 4 ? string(fields[3]) : ""
            let known = index(ofEntity: id)
            let entity = try declare(
                Entity(id: id, type: type, label: (label.isEmpty ? alias : label).nfcIfNeeded),
                at: location)
            if !label.isEmpty, labelFromAlias.remove(entity) != nil {
                entities[entity].label = label.nfcIfNeeded
            } else if label.isEmpty, known == nil {
                labelFromAlias.insert(entity)
            } else if label.isEmpty, labelFromAlias.contains(entity),
                Self.isBetterLabel(alias, than: entities[entity].label, type: type)
            {
                entities[entity].label = alias.nfcIfNeeded
            }
            try addAlias(alias, entity: entity, language: nil, kind: .name, at: location)
        }
    }

    // MARK: - Building blocks

    /// Declares an entity, or returns the one already declared with the same id and type.
    private mutating func declare(_ entity: Entity, at location: SourceLocation) throws -> Int {
        ownIDs()
        if let existing = entityIndexByID[entity.id] {
            let known = entities[existing]
            guard known.type == entity.type else {
                let first = declaredAt[existing].map { " at \($0)" } ?? ""
                throw GazetteerError(
                    .conflictingType, at: location,
                    "'\(entity.id)' is declared as \(entity.type) here but as \(known.type)\(first)")
            }
            if known.subtype == nil, let subtype = entity.subtype { entities[existing].subtype = subtype }
            return existing
        }
        let index = entities.count
        entities.append(entity)
        entityIndexByID[entity.id] = index
        declaredAt[index] = location
        return index
    }

    private mutating func addAlias(
        _ raw: String, entity: Int, language: String?, kind: Alias.Kind,
        at location: SourceLocation
    ) throws {
        var text = Substring(
            raw.utf8.first == 0x20 || raw.utf8.last == 0x20 || raw.utf8.last == 0x09
                ? raw.trimmingCharacters(in: .whitespaces) : raw)
        var caseSensitive = false
        var needsContext = false
        while let marker = text.first, marker == "=" || marker == "?", text.count > 1 {
            if marker == "=" { caseSensitive = true } else { needsContext = true }
            text = text.dropFirst()
        }
        let alias = String(text).nfcIfNeeded
        guard !alias.isEmpty, alias != "=", alias != "?" else {
            throw GazetteerError(.emptyAlias, at: location, "empty alias for '\(entities[entity].id)'")
        }
        let isOneScalar = alias.utf8.count <= 4 && alias.unicodeScalars.count == 1
        if isOneScalar, ScalarTable.info(alias.unicodeScalars.first!).category != .letter {
            throw GazetteerError(.emptyAlias, at: location, "alias '\(alias)' has no letter")
        }
        // (A byte test: `contains(" ")` would go through Foundation's string search.)
        if !caseSensitive, !needsContext, !alias.utf8.contains(0x20), alias.utf8.count <= 8,
            alias.uppercased() != alias || alias.utf8.count == 1,
            let languages = LanguageDetector.guardedWords[alias.foldedForMatching], !languages.isEmpty, kind == .name
        {
            refuse(alias, as: "a common word (\(Self.languageCodes(languages)))", at: location)
            return
        }
        // A phrase in lower case made of function words alone (a la, de sa, che la: place names
        // in a large list's romanizations) would match everywhere just as one would.
        if !caseSensitive, !needsContext, kind == .name, alias.utf8.count <= 3 * 9, alias.startsWithLowercaseLetter,
            alias.utf8.contains(0x20)
        {
            let words = alias.split(separator: " ")
            let languages =
                words.count <= 3 && words.allSatisfy({ $0.utf8.count <= 8 })
                ? words.map { LanguageDetector.guardedWords[String($0).foldedForMatching] ?? [] } : [[]]
            if languages.allSatisfy({ !$0.isEmpty }), alias.lowercased() == alias {
                refuse(alias, as: "common words (\(Self.languageCodes(languages.joined())))", at: location)
                return
            }
        }
        if isOneScalar, !caseSensitive, !needsContext {
            refuse(alias, as: "one letter", at: location)
            return
        }
        let fileIndex: Int
        if let known = sourceFileIndex[location.file] {
            fileIndex = known
        } else {
            fileIndex = sourceFiles.count
            sourceFileIndex[location.file] = fileIndex
            sourceFiles.append(location.file)
        }
        aliases.append(
            Alias(
                text: alias, entity: entity, language: language, kind: kind,
                isCaseSensitive: caseSensitive, needsContext: needsContext,
                line: location.line, fileIndex: fileIndex))
    }

    /// Leaves an alias out that would match everywhere, `what` it is saying why, with the
    /// markers that keep it.
    private mutating func refuse(_ alias: String, as what: String, at location: SourceLocation) {
        refused.append(
            GazetteerError(
                .unguardedAlias, at: location,
                "alias '\(alias)' left out: \(what) would match everywhere; write '=\(alias)' (case-sensitive) or '?\(alias)' (needs context)"
            ))
    }

    /// The codes of languages given as indices into ``LanguageDetector/functionWords``, each once,
    /// in that list's order.
    private static func languageCodes(_ indices: some Sequence<Int>) -> String {
        Set(indices).sorted().map { LanguageDetector.functionWords[$0].language }.joined(separator: ", ")
    }

    /// Whether a later alias of an entity makes a better label than the one it has, when a
    /// list gives none and the first alias stands: a name over initials, an abbreviation or a
    /// word in lower case (Vladimir Putin over V. Putin, PUTIN or putin), and, for a person, the
    /// same name with given names before it (Vladimir Putin over Putin). Nothing else displaces
    /// the first: a place list names Germany in 200 languages, and its first name is the one to
    /// show, not the longest (Cộng hoà Liên bang Đức) or one that adds words (Federal Republic
    /// of Germany).
    static func isBetterLabel(_ alias: String, than label: String, type: EntityType) -> Bool {
        let (quality, current) = (labelQuality(alias), labelQuality(label))
        guard quality == current else { return quality > current }
        // Words before a place's name are another language's (Republik Chile, Stad Israel).
        guard type == .person, alias.hasSuffix(" " + label) else { return false }
        let givenNames = alias.dropLast(label.count + 1).split(separator: " ")
        return !givenNames.isEmpty && givenNames.allSatisfy { $0.first?.isUppercase == true }
    }

    /// How good an alias is as a label: 0 to 3, less for initials, abbreviations and capitals
    /// (a dot, or every letter a capital) and for a first letter in lower case.
    static func labelQuality(_ alias: String) -> Int {
        var hasDot = false
        var letters = 0
        var capitals = 0
        var startsLower = false
        var first = true
        let classes = ScalarTable.flat.classes
        for scalar in alias.unicodeScalars {
            if scalar == "." { hasDot = true }
            guard scalar.value < UInt32(ScalarTable.tableSize) else { continue }
            let flags = classes[Int(scalar.value)]
            if flags & ScalarTable.categoryMask == ScalarInfo.Category.letter.rawValue {
                if first { startsLower = flags & ScalarTable.lowercaseFlag != 0 }
                first = false
                letters += 1
                if flags & ScalarTable.uppercaseFlag != 0 { capitals += 1 }
            }
        }
        let isCapitals = letters > 1 && capitals == letters
        return (hasDot || isCapitals ? 0 : 2) + (startsLower ? 0 : 1)
    }

    static func parseType(_ field: String, at location: SourceLocation) throws -> (EntityType, String?) {
        let parts = field.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1)
        guard let first = parts.first, let type = EntityType(spelling: String(first)) else {
            throw GazetteerError(
                .unknownType, at: location,
                "unknown type '\(field)' (expected person, organization or location, optionally /subtype)")
        }
        let subtype = parts.count == 2 ? parts[1].lowercased() : nil
        return (type, subtype?.isEmpty == true ? nil : subtype)
    }

    /// Whether `code` is `*` or a two- or three-letter lower-case language code.
    public static func isLanguageCode(_ code: String) -> Bool {
        code == "*" || ((2...3).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isLowercase })
    }
}

extension String {
    /// The string in Unicode Normalization Form C.
    var nfc: String { precomposedStringWithCanonicalMapping }

    /// The string in NFC, without the cost of normalizing text that has no combining mark
    /// (precomposed text, the common case, is NFC already for the scripts gazetteers hold).
    var nfcIfNeeded: String {
        // Text NFC cannot change is its own NFC (most text, answered from its bytes or a bit table).
        guard mayChangeUnderNFC else { return self }
        let hasMark = unicodeScalars.contains { scalar in
            scalar.value >= 0x300 && ScalarTable.info(scalar).category == .mark
        }
        return hasMark ? precomposedStringWithCanonicalMapping : self
    }
}

/// Entity ids to indices, made on first use and shared by the threads that read one gazetteer.
final class EntityIDTable: @unchecked Sendable {
    private let lock = NSLock()
    private let entities: [Entity]
    private var made: [String: Int]?

    init(entities: [Entity]) {
        self.entities = entities
    }

    var table: [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        var table = [String: Int](minimumCapacity: entities.count)
        for (index, entity) in entities.enumerated() { table[entity.id] = index }
        made = table
        return table
    }

    func index(of id: String) -> Int? { table[id] }
}
