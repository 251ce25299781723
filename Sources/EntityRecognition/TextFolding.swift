import Foundation

/// How one Unicode scalar takes part in tokenization and matching.
///
/// The table behind ``ScalarTable`` is computed once per process for the first 0x2500 scalars
/// (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, general punctuation) and on demand beyond.
struct ScalarInfo: Sendable {
    enum Category: UInt8, Sendable {
        /// A letter of any script.
        case letter
        /// A decimal or other digit.
        case digit
        /// A combining mark: part of the token before it, dropped when folding.
        case mark
        /// A format character (zero-width joiner, soft hyphen, bidi controls): part of a word
        /// when inside one, otherwise skipped; never folded into a key.
        case format
        /// Space, tab, carriage return.
        case space
        /// Line feed and the Unicode line and paragraph separators.
        case newline
        /// Punctuation and symbols: each one its own token.
        case punctuation
    }

    var category: Category
    var isUppercase: Bool
    var isLowercase: Bool
    /// The scalar lower-cased, decomposed, without combining marks, with letters that do not
    /// decompose (ł, ø, đ, ß, æ, œ, ı) spelled in ASCII, and apostrophe, hyphen and quote
    /// variants unified.
    var folded: String
}

/// Case and diacritic folding shared by the gazetteer and the tokenizer, so that an alias and
/// the text it occurs in meet in one key space.
enum ScalarTable {
    static let tableSize = 0x2500

    static let table: [ScalarInfo] = (0..<tableSize).map { value in
        guard let scalar = Unicode.Scalar(value) else {
            return ScalarInfo(category: .punctuation, isUppercase: false, isLowercase: false, folded: "")
        }
        return computeInfo(scalar)
    }

    @inline(__always)
    static func info(_ scalar: Unicode.Scalar) -> ScalarInfo {
        let value = Int(scalar.value)
        return value < tableSize ? table[value] : computeInfo(scalar)
    }

    /// The same table as flat arrays for the tokenizer's hot loop: per scalar, the category in
    /// the low bits (`ScalarInfo.Category.rawValue`) with ``uppercaseFlag`` and
    /// ``lowercaseFlag``, and the folded UTF-8 bytes at `foldStart[v]..<foldStart[v + 1]`.
    static let uppercaseFlag: UInt8 = 0x10
    static let lowercaseFlag: UInt8 = 0x20
    static let categoryMask: UInt8 = 0x0F

    static let flat: (classes: [UInt8], foldStart: [Int32], foldBytes: [UInt8]) = {
        var classes = [UInt8](repeating: 0, count: tableSize)
        var starts = [Int32](repeating: 0, count: tableSize + 1)
        var bytes: [UInt8] = []
        for value in 0..<tableSize {
            let info = table[value]
            classes[value] =
                info.category.rawValue
                | (info.isUppercase ? uppercaseFlag : 0) | (info.isLowercase ? lowercaseFlag : 0)
            starts[value] = Int32(bytes.count)
            bytes.append(contentsOf: info.folded.utf8)
        }
        starts[tableSize] = Int32(bytes.count)
        return (classes, starts, bytes)
    }()

    /// Letters that Unicode does not decompose into a base letter and a mark.
    private static let undecomposable: [Unicode.Scalar: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe",
        "þ": "th", "ð": "d", "ŀ": "l", "ŧ": "t", "ƒ": "f", "ĸ": "k", "ŋ": "n", "ſ": "s",
    ]

    /// Punctuation variants that writers use interchangeably.
    private static let punctuationVariants: [Unicode.Scalar: String] = [
        "\u{2019}": "'", "\u{2018}": "'", "\u{02BC}": "'", "`": "'", "\u{00B4}": "'", "\u{2032}": "'",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2212}": "-",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{00AB}": "\"",
        "\u{00BB}": "\"", "\u{2039}": "\"", "\u{203A}": "\"",
    ]

    static func computeInfo(_ scalar: Unicode.Scalar) -> ScalarInfo {
        let properties = scalar.properties
        let category: ScalarInfo.Category
        switch scalar {
        case "\n", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}":
            category = .newline
        case "\t", "\r":
            category = .space
        default:
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                category = .letter
            case .decimalNumber, .letterNumber, .otherNumber:
                category = .digit
            case .nonspacingMark, .spacingMark, .enclosingMark:
                category = .mark
            case .format:
                category = .format
            case .spaceSeparator, .control, .lineSeparator, .paragraphSeparator:
                category = .space
            default:
                category = .punctuation
            }
        }
        let folded: String
        switch category {
        case .letter, .digit:
            // Beyond the table (CJK, Hangul, fullwidth forms …): lower case only, which is cheap
            // and, being the same function for aliases and text, consistent.
            if scalar.value >= UInt32(tableSize) {
                folded = properties.changesWhenLowercased ? properties.lowercaseMapping : String(scalar)
            } else {
                folded = foldLetter(scalar)
            }
        case .punctuation:
            folded = punctuationVariants[scalar] ?? String(scalar)
        default:
            folded = ""
        }
        return ScalarInfo(
            category: category,
            isUppercase: properties.isUppercase || properties.generalCategory == .titlecaseLetter,
            isLowercase: properties.isLowercase,
            folded: folded
        )
    }

    private static func foldLetter(_ scalar: Unicode.Scalar) -> String {
        var result = ""
        let lowered = scalar.properties.lowercaseMapping
        for lower in lowered.unicodeScalars {
            if let plain = undecomposable[lower] {
                result += plain
                continue
            }
            for part in String(lower).decomposedStringWithCanonicalMapping.unicodeScalars {
                switch part.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    continue
                default:
                    result.unicodeScalars.append(part)
                }
            }
        }
        return result
    }
}

extension String {
    /// Whether the first scalar is a lower-case letter: a test of a table, no string made.
    var startsWithLowercaseLetter: Bool {
        guard let first = unicodeScalars.first else { return false }
        if first.value < 0x80 { return first.value >= 0x61 && first.value <= 0x7A }
        guard first.value < UInt32(ScalarTable.tableSize) else { return first.properties.isLowercase }
        return ScalarTable.flat.classes[Int(first.value)] & ScalarTable.lowercaseFlag != 0
    }

    /// This string with case and diacritics folded the way the matcher folds them:
    /// `"Łódź"` → `"lodz"`, `"Kremlinului"` → `"kremlinului"`, `"Ştefan"` → `"stefan"`.
    public var foldedForMatching: String {
        var result = ""
        for scalar in unicodeScalars {
            result += ScalarTable.info(scalar).folded
        }
        return result
    }
}

extension String {
    /// Whether NFC may change the string: it has a combining mark, or a character of the blocks
    /// where starters compose or decompose (Indic and Hangul syntheses, singletons such as
    /// U+212B). Most text (Latin, Cyrillic, Greek, CJK, punctuation, emoji) is answered without
    /// normalizing, and text below U+0300 from its bytes alone.
    public var mayChangeUnderNFC: Bool {
        var text = self
        return text.withUTF8(NFCTable.mayChange(utf8:))
    }

    /// ``mayChangeUnderNFC`` of a string's valid UTF-8 bytes.
    public static func mayChangeUnderNFC(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        NFCTable.mayChange(utf8: bytes)
    }
}

/// Which scalars NFC may change or compose with the one before, for ``Swift/String/mayChangeUnderNFC``.
enum NFCTable {
    /// ``Swift/String/mayChangeUnderNFC`` on valid UTF-8: ASCII is passed over eight bytes at a
    /// time, scalars below U+0300 from their lead byte, the others decoded in place.
    static func mayChange(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        let table = basicPlane
        var position = 0
        while position < bytes.count {
            if position + 8 <= bytes.count,
                raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) & ByteWord.high == 0
            {
                position += 8
                continue
            }
            let lead = UInt32(bytes[position])
            switch lead {
            case ..<0xCC:  // ASCII, a continuation byte, or a scalar below U+0300
                position += 1
            case ..<0xE0:
                guard position + 1 < bytes.count else { return false }
                if table.contains((lead & 0x1F) << 6 | UInt32(bytes[position + 1]) & 0x3F) { return true }
                position += 2
            case ..<0xF0:
                guard position + 2 < bytes.count else { return false }
                let value = (lead & 0x0F) << 12 | (UInt32(bytes[position + 1]) & 0x3F) << 6 | UInt32(bytes[position + 2]) & 0x3F
                if table.contains(value) { return true }
                position += 3
            default:
                guard position + 3 < bytes.count else { return false }
                let value =
                    (lead & 0x07) << 18 | (UInt32(bytes[position + 1]) & 0x3F) << 12
                    | (UInt32(bytes[position + 2]) & 0x3F) << 6 | UInt32(bytes[position + 3]) & 0x3F
                if let scalar = Unicode.Scalar(value), mayChange(scalar) { return true }
                position += 4
            }
        }
        return false
    }

    /// A combining mark, or a character of the blocks where starters compose or decompose
    /// (Indic and Hangul syntheses, singletons such as U+212B).
    static func mayChange(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0340...0x0344, 0x0374, 0x037E, 0x0387, 0x0900...0x0DFF, 0x0F00...0x0FFF, 0x1000...0x11FF,
            0x1B00...0x1B7F, 0x1F00...0x1FFF, 0x2000...0x2001, 0x2126, 0x212A...0x212B, 0x2329...0x232A,
            0x2ADC, 0xAC00...0xD7FF, 0xF900...0xFAFF, 0xFB1D...0xFB4F,
            0x11000...0x113FF, 0x1D15E...0x1D1C0, 0x2F800...0x2FA1F:
            return true
        default:
            return scalar.properties.canonicalCombiningClass != .notReordered
        }
    }

    /// ``mayChange(_:)`` for every scalar below U+10000, a bit each (8 KB): text in Cyrillic,
    /// Greek or CJK is answered with a load a character instead of a property look-up.
    static let basicPlane = BasicPlaneSet(where: mayChange)
}

/// A bit for each scalar below U+10000, made once from a predicate: a load a character where
/// asking Unicode's properties (or libxml2) would cost many times more.
public struct BasicPlaneSet: Sendable {
    private let bits: [UInt64]

    public init(where includes: (Unicode.Scalar) -> Bool) {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for value in 0..<0x10000 {
            guard let scalar = Unicode.Scalar(UInt32(value)), includes(scalar) else { continue }
            bits[value >> 6] |= 1 << UInt64(value & 63)
        }
        self.bits = bits
    }

    /// Whether the scalar with this value, below U+10000, is in the set.
    @inline(__always)
    public func contains(_ value: UInt32) -> Bool { bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
}
