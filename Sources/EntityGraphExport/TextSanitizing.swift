import Foundation

extension String {
    /// The string in NFC without the characters XML 1.0 cannot carry (controls other than tab,
    /// line feed and carriage return, U+FFFE, U+FFFF).
    public var sanitizedForExport: String {
        // Fast path: printable ASCII, or text without combining marks or forbidden characters.
        var needsWork = false
        for byte in utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { needsWork = true; break }
            if byte >= 0xCC && byte <= 0xCF || byte == 0xEF { needsWork = true; break }
        }
        if !needsWork, !unicodeScalars.contains(where: { $0.properties.canonicalCombiningClass != .notReordered }) {
            return self
        }
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
}

/// JSON text written by hand, so that key order and number formatting never change.
public enum JSONText {
    /// `value` as a JSON string literal, with control characters and the line separators that
    /// break JavaScript escaped.
    public static func quote(_ value: String) -> String {
        // Most strings need no escape at all.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            return "\"" + value + "\""
        }
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

    /// A string or `null`.
    public static func optional(_ value: String?) -> String {
        value.map(quote) ?? "null"
    }
}

/// Writes a set of files so that each appears whole or not at all: every file is first written
/// next to its destination under a temporary name, then all are renamed into place. An error
/// before the renames leaves the previous files as they were.
public struct AtomicFileSet {
    private var pending: [(destination: URL, contents: Data)] = []

    public init() {}

    /// Adds a file to write.
    public mutating func add(_ contents: Data, at destination: URL) {
        pending.append((destination, contents))
    }

    /// Writes every file added, then renames them into place.
    ///
    /// - Throws: ``ExportError`` naming the file that could not be written.
    public func commit() throws {
        var written: [(temporary: URL, destination: URL)] = []
        do {
            for (destination, contents) in pending {
                let folder = destination.deletingLastPathComponent()
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                let temporary = folder.appendingPathComponent(
                    ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
                guard FileManager.default.createFile(atPath: temporary.path, contents: contents) else {
                    throw ExportError(.unwritable, "\(destination.path): cannot be written")
                }
                written.append((temporary, destination))
            }
        } catch {
            for file in written { try? FileManager.default.removeItem(at: file.temporary) }
            if let error = error as? ExportError { throw error }
            throw ExportError(.unwritable, "\(pending.first?.destination.deletingLastPathComponent().path ?? "?"): cannot create the output folder")
        }
        for (position, file) in written.enumerated() {
            guard rename(file.temporary.path, file.destination.path) == 0 else {
                let reason = String(cString: strerror(errno))
                for remaining in written[position...] { try? FileManager.default.removeItem(at: remaining.temporary) }
                throw ExportError(.unwritable, "\(file.destination.path): cannot be replaced (\(reason))")
            }
        }
    }
}
