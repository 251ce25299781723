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
        // A control XML cannot carry, or the lead byte of U+FFFE and U+FFFF.
        let suspect = text.withUTF8 { bytes in
            bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0xEF }
        }
        if suspect, unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r"
            || $0.value == 0xFFFE || $0.value == 0xFFFF }) { return true }
        return mayChangeUnderNFC
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

    /// The first characters that make a spreadsheet read a cell as a formula.
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}

/// JSON text written by hand, so that key order and number formatting never change.
public enum JSONText {
    /// `value` as a JSON string literal, with control characters and the line separators that
    /// break JavaScript escaped.
    public static func quote(_ value: String) -> String {
        // Most strings need no escape at all: no control, quote, backslash, DEL, U+2028 or U+2029.
        var clean = true
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in value.utf8 {
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
                || (byte == 0xA8 || byte == 0xA9) && previous == (0xE2, 0x80) {
                clean = false
                break
            }
            previous = (previous.1, byte)
        }
        if clean { return "\"" + value + "\"" }
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A number as JSON: integers without a fraction, others in Swift's shortest round-trip
    /// form; infinities and NaN, which JSON cannot carry, as `null`.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Appends `value` as a JSON string literal, ``Swift/String/sanitizedForExport`` first if
    /// `sanitizing`: the bytes of `quote(value.sanitizedForExport)` or `quote(value)`. Text with
    /// nothing to escape (and, when sanitizing, nothing to normalize: below U+0300 and no
    /// controls) is copied as it is, in one pass.
    public static func appendQuoted(_ value: String, sanitizing: Bool = false, to bytes: inout [UInt8]) {
        var value = value
        let copied = value.withUTF8 { text -> Bool in
            // Above ASCII, sanitizing cares from U+0300 up (lead bytes from CC); quoting alone only
            // for U+2028 and U+2029 (E2 80 A8, E2 80 A9).
            for byte in text where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
                || (sanitizing ? byte >= 0xCC : byte == 0xE2) {
                return false
            }
            bytes.append(0x22)
            bytes.append(contentsOf: text)
            bytes.append(0x22)
            return true
        }
        if !copied { bytes += quote(sanitizing ? value.sanitizedForExport : value).utf8 }
    }

    /// A string or `null`.
    public static func optional(_ value: String?) -> String {
        value.map(quote) ?? "null"
    }
}
