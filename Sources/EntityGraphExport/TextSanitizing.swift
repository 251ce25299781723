import EntityRecognition
import Foundation

extension String {
    /// The string in NFC without the characters XML 1.0 cannot carry (controls other than tab,
    /// line feed and carriage return, U+FFFE, U+FFFF).
    public var sanitizedForExport: String {
        if !needsExportWork { return self }
        var result = String.UnicodeScalarView()
        for scalar in precomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
                result.append(scalar)
            default:
                continue
            }
        }
        return String(result)
    }

    /// Whether ``sanitizedForExport`` would change the string: it has a character XML cannot
    /// carry, or one that NFC may change (``Swift/String/mayChangeUnderNFC``).
    private var needsExportWork: Bool {
        var text = self
        return text.withUTF8(Self.needsExportWork(utf8:))
    }

    /// ``needsExportWork`` on the string's UTF-8: controls and U+FFFE, U+FFFF found from the
    /// bytes (a byte below 0x20 is a control; EF BF BE and EF BF BF are the two), eight at a
    /// time where there are none.
    static func needsExportWork(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var position = 0
        while position < bytes.count {
            if position + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                if !ByteWord.containsControl(word), !ByteWord.contains(0xEF, in: word) {
                    position += 8
                    continue
                }
            }
            let byte = bytes[position]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { return true }
            if byte == 0xEF, position + 2 < bytes.count, bytes[position + 1] == 0xBF,
                bytes[position + 2] == 0xBE || bytes[position + 2] == 0xBF
            {
                return true
            }
            position += 1
        }
        return String.mayChangeUnderNFC(utf8: bytes)
    }

    /// The string as every export writes a node's id, label and subtype: ``sanitizedForExport``,
    /// with a `'` in front when it would start with a character that makes a spreadsheet run a
    /// cell as a formula (`=`, `+`, `-`, `@`, tab, carriage return; OWASP's list for CSV injection).
    ///
    /// GraphML, GEXF, DOT, CSV, node-link JSON and the evidence sidecar all write these texts
    /// through this one property, so a node named `=HYPERLINK("…")` is `'=HYPERLINK("…")` in every
    /// file, and tools that compare the formats find the same ids and labels. ``importedLabel``
    /// reads the text back. Two ids that only this `'` tells apart (`=x` and `'=x`) would be
    /// written alike; ``GraphExporter``, ``GraphML`` and ``GEXF`` refuse such a graph.
    ///
    /// - Complexity: O(*n*) in the length of the string.
    public var exportLabel: String {
        let value = sanitizedForExport
        guard let first = value.unicodeScalars.first, Self.formulaTriggers.contains(first) else { return value }
        return "'" + value
    }

    /// A node's id, label or subtype as read back from an export: ``exportLabel`` undone, so a `'`
    /// in front of a formula trigger (`'=x`) is dropped and anything else is left as it is.
    ///
    /// - Complexity: O(1), and O(*n*) to copy a string that had the `'`.
    public var importedLabel: String {
        var scalars = unicodeScalars.makeIterator()
        guard scalars.next() == "'", let second = scalars.next(), Self.formulaTriggers.contains(second) else { return self }
        return String(unicodeScalars.dropFirst())
    }

    /// A node id as every format writes it: ``exportLabel``, then as an XML name token
    /// (``nameToken``). GraphML's schema asks ids to be name tokens, and the formats must agree
    /// on ids for tools that compare them: `Q7747`, `gn:756135` or `paris-fr` are written as they
    /// are, `Elon Musk` as `Elon_x0020_Musk`. ``importedID`` reads it back.
    ///
    /// - Complexity: O(*n*) in the length of the string.
    public var exportID: String { exportLabel.nameToken }

    /// A node id as read back from an export: ``exportID`` undone.
    public var importedID: String { fromNameToken.importedLabel }

    /// The first characters that make a spreadsheet read a cell as a formula.
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}

/// JSON text written by hand, so that key order and number formatting never change.
public enum JSONText {
    /// `value` as a JSON string literal, with control characters and the line separators that
    /// break JavaScript escaped.
    public static func quote(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A number as JSON: integers without a fraction, others in Swift's shortest round-trip
    /// form; infinities and NaN, which JSON cannot carry, as `null`.
    public static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendNumber(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as ``number(_:)`` writes it.
    public static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        if !value.isFinite {
            bytes += "null".utf8
        } else if value == value.rounded(), abs(value) < 1e15 {
            appendDecimal(Int(value), to: &bytes)
        } else {
            bytes += value.description.utf8
        }
    }

    /// Appends `value` as a JSON string literal, ``Swift/String/sanitizedForExport`` first if
    /// `sanitizing`: quotes, backslashes, controls, DEL, U+2028 and U+2029 escaped, everything
    /// else copied byte for byte in runs.
    ///
    /// - Complexity: O(*n*) in the length of the string, and no copy of it unless sanitizing
    ///   changes it.
    public static func appendQuoted(_ value: String, sanitizing: Bool = false, to bytes: inout [UInt8]) {
        // A native string that needs no sanitizing is read where it lies: no copy of it, and
        // none of the reference counting that a mutable copy for `withUTF8` costs.
        let done = value.utf8.withContiguousStorageIfAvailable { text in
            guard !sanitizing || !String.needsExportWork(utf8: text) else { return false }
            appendQuoted(utf8: text, to: &bytes)
            return true
        }
        if done == true { return }
        var value = sanitizing ? value.sanitizedForExport : value
        value.withUTF8 { appendQuoted(utf8: $0, to: &bytes) }
    }

    /// Appends valid UTF-8 as a JSON string literal (see ``appendQuoted(_:sanitizing:to:)``).
    private static func appendQuoted(utf8 text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + text.count + 2)
        bytes.append(0x22)
        var run = 0
        var position = 0
        let raw = UnsafeRawBufferPointer(text)
        while position < text.count {
            // Eight bytes at a time while none of them needs an escape.
            if position + 8 <= text.count, !Self.needsEscape(raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)) {
                position += 8
                continue
            }
            let byte = text[position]
            let escape: StaticString
            var width = 1
            var hex = false
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0xE2
            where position + 2 < text.count && text[position + 1] == 0x80
                && (text[position + 2] == 0xA8 || text[position + 2] == 0xA9):
                escape = text[position + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            case 0x00..<0x20, 0x7F:
                escape = "\\u00"
                hex = true
            default:
                position += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<position]))
            escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
            if hex {
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0xF)])
            }
            position += width
            run = position
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...]))
        bytes.append(0x22)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether one of eight bytes may need an escape: a control, `"`, `\\`, DEL, or E2 (the lead
    /// byte of U+2028 and U+2029). Never false when one does.
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        ByteWord.mayEndJSONStringRun(word) || ByteWord.contains(0x7F, in: word) || ByteWord.contains(0xE2, in: word)
    }

    /// Appends an integer in decimal, as `String(value)` writes it.
    public static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: enough for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for position in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[position]) }
        }
    }

    /// A string or `null`.
    public static func optional(_ value: String?) -> String {
        value.map(quote) ?? "null"
    }
}

extension String {
    /// The string as an XML name token (`xs:NMTOKEN`), which the GraphML schema asks of node
    /// ids and edge ends. Ids such as `Q7747`, `gn:756135` or `paris-fr` stay as
    /// they are; a character a name token cannot hold (white space, `=`, `'`, `/`, `#`, …) is
    /// written `_xHHHH_` with its code point in hex, as SQL/XML and .NET write names, and so is
    /// the `_` of a text that would read as such an escape. ``fromNameToken`` reads it back.
    var nameToken: String {
        // Most ids are ASCII letters, digits and . - _ : without an "_x": nothing to escape.
        var copy = self
        let plain = copy.withUTF8 { bytes in
            var previous: UInt8 = 0
            for byte in bytes {
                guard byte < 0x80, Self.isNameCharacter(Unicode.Scalar(byte)), previous != 0x5F || byte != 0x78 else { return false }
                previous = byte
            }
            return !bytes.isEmpty
        }
        if plain { return self }
        let scalars = Array(unicodeScalars)
        guard !scalars.isEmpty else { return "_x0000_" }
        var result = String.UnicodeScalarView()
        for (position, scalar) in scalars.enumerated() {
            if Self.isNameCharacter(scalar), scalar != "_" || Self.escapeLength(in: scalars, at: position) == nil {
                result.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let width = scalar.value > 0xFFFF ? 8 : 4
                result.append(contentsOf: ("_x" + String(repeating: "0", count: width - hex.count) + hex + "_").unicodeScalars)
            }
        }
        return String(result)
    }

    /// A GraphML id as ``nameToken`` wrote it, read back: every `_xHHHH_` (or `_xHHHHHHHH_`)
    /// becomes its character. Ids without one, as other tools write them, are left as they are.
    var fromNameToken: String {
        // (A byte test: `contains("_x")` would go through Foundation's string search.)
        guard zip(utf8, utf8.dropFirst()).contains(where: { $0 == 0x5F && $1 == 0x78 }) else { return self }
        let scalars = Array(unicodeScalars)
        if scalars == Array("_x0000_".unicodeScalars) { return "" }
        var result = String.UnicodeScalarView()
        var position = 0
        while position < scalars.count {
            if let length = Self.escapeLength(in: scalars, at: position),
                let value = UInt32(String(String.UnicodeScalarView(scalars[position + 2..<position + length - 1])), radix: 16),
                let scalar = Unicode.Scalar(value)
            {
                result.append(scalar)
                position += length
            } else {
                result.append(scalars[position])
                position += 1
            }
        }
        return String(result)
    }

    /// The length of the `_xHHHH_` or `_xHHHHHHHH_` at `position`, if one is there.
    private static func escapeLength(in scalars: [Unicode.Scalar], at position: Int) -> Int? {
        guard position + 2 < scalars.count, scalars[position] == "_", scalars[position + 1] == "x" else { return nil }
        for digits in [4, 8] where position + 2 + digits < scalars.count && scalars[position + 2 + digits] == "_" {
            if scalars[position + 2..<position + 2 + digits].allSatisfy({ $0.properties.isASCIIHexDigit }) { return digits + 3 }
        }
        return nil
    }

    /// Whether a name token may hold the scalar as it is: ASCII letters, digits and `-._:`, and
    /// the other characters below U+10000 that libxml2 (which `xmllint --schema` checks GraphML
    /// with) takes in an `xs:NMTOKEN`. Its rules are XML 1.0's fourth edition: Cyrillic, Greek,
    /// CJK or Hangul letters stay; emoji, most symbols and scripts added to Unicode since 2.0 are
    /// escaped.
    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x3A, 0x5F: return true
        case 0x80...0xFFFF: return GraphML.nameCharacters.contains(scalar.value)
        default: return false
        }
    }
}
