/// The kind of thing an entity is: an open vocabulary that gazetteers extend through subtypes.
///
/// The three coarse types are the ones every export and score uses; gazetteers may write them
/// as `person`, `organization`, `location` or `PER`, `ORG`, `LOC`.
public struct EntityType: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let person = EntityType(rawValue: "person")
    public static let organization = EntityType(rawValue: "organization")
    public static let location = EntityType(rawValue: "location")

    /// Reads any spelling of a type a gazetteer may use, or returns `nil`.
    public init?(spelling: String) {
        switch spelling.lowercased() {
        case "person", "per", "people", "persname": self = .person
        case "organization", "organisation", "org", "orgname": self = .organization
        case "location", "loc", "place", "gpe", "placename": self = .location
        default: return nil
        }
    }

    /// The three-letter code used in mention output and scores: `PER`, `ORG` or `LOC`.
    public var code: String {
        switch self {
        case .person: "PER"
        case .organization: "ORG"
        case .location: "LOC"
        default: rawValue.uppercased()
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One canonical person, organization or place, as a gazetteer defines it.
public struct Entity: Hashable, Sendable {
    /// A stable identifier: a Wikidata QID or a slug.
    public var id: String
    public var type: EntityType
    /// A finer kind within the type (`country`, `city`, `media`, `company`), or `nil`.
    public var subtype: String?
    /// The canonical label shown in graphs and exports.
    public var label: String

    public init(id: String, type: EntityType, subtype: String? = nil, label: String) {
        self.id = id
        self.type = type
        self.subtype = subtype
        self.label = label
    }
}

/// Where a piece of gazetteer data was read from, for error messages.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// A name by which a gazetteer knows an entity.
///
/// Stored compactly (32 bytes): a gazetteer may hold millions of aliases.
public struct Alias: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// A proper name or abbreviation.
        case name
        /// A demonym or place adjective (`rosyjski`, `Russian`), linked to its place.
        case demonym
    }

    /// The alias as written in the gazetteer, markers removed.
    public var text: String
    private var entityIndex: Int32
    /// The line it was read from; the file is ``Gazetteer/source(ofAlias:)``'s business.
    public private(set) var line: Int32
    var fileIndex: UInt16
    private(set) var packedLanguage: UInt16
    private(set) var flags: UInt8

    public init(
        text: String, entity: Int, language: String? = nil, kind: Kind = .name,
        isCaseSensitive: Bool = false, needsContext: Bool = false, line: Int = 0, fileIndex: Int = 0
    ) {
        self.text = text
        self.entityIndex = Int32(entity)
        self.line = Int32(clamping: line)
        self.fileIndex = UInt16(clamping: fileIndex)
        self.packedLanguage = Self.pack(language)
        self.flags = (kind == .demonym ? 1 : 0) | (isCaseSensitive ? 2 : 0) | (needsContext ? 4 : 0)
    }

    /// Index of the entity in ``Gazetteer/entities``.
    /// An alias from the fields a cache file keeps (see ``IndexCache``).
    init(text: String, entity: Int32, packedLanguage: UInt16, flags: UInt8, line: Int32, fileIndex: UInt16) {
        self.text = text
        self.entityIndex = entity
        self.packedLanguage = packedLanguage
        self.flags = flags
        self.line = line
        self.fileIndex = fileIndex
    }

    public var entity: Int { Int(entityIndex) }
    /// The language the alias was listed under, or `nil` for any (`*`).
    public var language: String? { Self.unpack(packedLanguage) }
    public var kind: Kind { flags & 1 != 0 ? .demonym : .name }
    /// Matches only text with the same capitalisation.
    public var isCaseSensitive: Bool { flags & 2 != 0 }
    /// Counts only in documents that contain one of the entity's context cues.
    public var needsContext: Bool { flags & 4 != 0 }

    /// Two or three lower-case ASCII letters in 15 bits (5 bits a letter), 0 for none.
    static func pack(_ language: String?) -> UInt16 {
        guard let language, (2...3).contains(language.utf8.count),
            language.utf8.allSatisfy({ (0x61...0x7A).contains($0) })
        else { return 0 }
        var value: UInt16 = 0
        for byte in language.utf8 { value = value << 5 | UInt16(byte - 0x60) }
        return value | (language.utf8.count == 3 ? 0x8000 : 0)
    }

    static func unpack(_ value: UInt16) -> String? {
        guard value != 0 else { return nil }
        let count = value & 0x8000 != 0 ? 3 : 2
        var letters: [UInt8] = []
        for position in (0..<count).reversed() {
            letters.append(UInt8((value >> UInt16(5 * position)) & 0x1F) + 0x60)
        }
        return String(decoding: letters, as: UTF8.self)
    }
}

/// A cue that lets a context-dependent alias count in a document.
public enum ContextCue: Hashable, Sendable {
    /// A word the document contains; it matches any word that starts with it, folded.
    case word(String)
    /// An entity the document mentions, by id.
    case entity(String)
}
