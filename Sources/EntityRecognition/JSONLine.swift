/// A fast reader for the one JSON shape corpora come in: a flat object of strings, numbers,
/// booleans and nulls (`{"id": …, "text": …, "lang": …}`), one per line. Nested values are
/// skipped. Anything that is not such an object gives `nil`, and the caller reports the line.
///
/// Foundation's `JSONSerialization` builds bridged objects for every value, which made reading
/// the input the slowest part of a run.
enum JSONLine {
    enum Value: Equatable {
        case string(String)
        case number(String)
        case bool(Bool)
        case null
        case nested
    }

    /// The object's members, or `nil` when the bytes are not one JSON object.
    ///
    /// Strings are checked as UTF-8 as they are made, and invalid sequences replaced with
    /// U+FFFD. `unchecked` is set when that happened, or when bytes above ASCII were skipped
    /// unread inside a nested value: only then need the caller check the line's bytes itself,
    /// which valid text (almost all of it) is spared.
    static func object(_ bytes: UnsafeBufferPointer<UInt8>, unchecked: inout Bool) -> [String: Value]? {
        var parser = Parser(bytes: bytes)
        defer { unchecked = parser.unchecked }
        return parser.object()
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        /// A string held invalid UTF-8, or a nested value bytes above ASCII outside its strings.
        var unchecked = false

        /// The bytes as a string, invalid sequences replaced (and noted).
        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
            if let valid = String(validating: bytes, as: UTF8.self) { return valid }
            unchecked = true
            return String(decoding: bytes, as: UTF8.self)
        }

        mutating func skipSpace() {
            while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func object() -> [String: Value]? {
            guard expect(UInt8(ascii: "{")) else { return nil }
            var members: [String: Value] = [:]
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return finished() ? members : nil
            }
            while true {
                skipSpace()
                guard let key = string(), expect(UInt8(ascii: ":")), let value = value() else { return nil }
                members[key] = value
                skipSpace()
                guard position < bytes.count else { return nil }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                guard bytes[position] == UInt8(ascii: "}") else { return nil }
                position += 1
                return finished() ? members : nil
            }
        }

        mutating func finished() -> Bool {
            skipSpace()
            return position == bytes.count
        }

        mutating func value() -> Value? {
            skipSpace()
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: "\""):
                return string().map(Value.string)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                return skipNested() ? .nested : nil
            case UInt8(ascii: "t"):
                return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"):
                return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"):
                return literal("null") ? .null : nil
            default:
                let start = position
                while position < bytes.count, "-+.eE0123456789".utf8.contains(bytes[position]) { position += 1 }
                guard position > start else { return nil }
                return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
            }
        }

        mutating func literal(_ word: String) -> Bool {
            for byte in word.utf8 {
                guard position < bytes.count, bytes[position] == byte else { return false }
                position += 1
            }
            return true
        }

        mutating func skipNested() -> Bool {
            var depth = 0
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    guard string() != nil else { return false }
                    continue
                }
                position += 1
                if byte >= 0x80 { unchecked = true }
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { depth += 1 }
                if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { return true }
                }
            }
            return false
        }

        /// Moves `position` to the next `"`, `\\` or control character, or to the end: eight
        /// bytes a step while none of them is one.
        @inline(__always)
        mutating func skipPlainRun() {
            let raw = UnsafeRawBufferPointer(bytes)
            while position + 8 <= bytes.count, !ByteWord.mayEndJSONStringRun(raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)) {
                position += 8
            }
            while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\"),
                bytes[position] >= 0x20
            {
                position += 1
            }
        }

        /// A string literal, escapes decoded (surrogate pairs joined; lone surrogates become
        /// U+FFFD, as a JSON decoder may).
        mutating func string() -> String? {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
            position += 1
            let start = position
            // Fast path: no escapes.
            skipPlainRun()
            guard position < bytes.count, bytes[position] >= 0x20 else { return nil }
            if bytes[position] == UInt8(ascii: "\"") {
                defer { position += 1 }
                return text(UnsafeBufferPointer(rebasing: bytes[start..<position]))
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count - start)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return output.withUnsafeBufferPointer { text($0) }
                case UInt8(ascii: "\\"):
                    guard position < bytes.count else { return nil }
                    let escaped = bytes[position]
                    position += 1
                    switch escaped {
                    case UInt8(ascii: "n"): output.append(0x0A)
                    case UInt8(ascii: "t"): output.append(0x09)
                    case UInt8(ascii: "r"): output.append(0x0D)
                    case UInt8(ascii: "b"): output.append(0x08)
                    case UInt8(ascii: "f"): output.append(0x0C)
                    case UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "\""): output.append(escaped)
                    case UInt8(ascii: "u"):
                        guard var unit = hex4() else { return nil }
                        var scalar: Unicode.Scalar?
                        if (0xD800..<0xDC00).contains(unit), position + 6 <= bytes.count,
                            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                        {
                            position += 2
                            guard let low = hex4() else { return nil }
                            if (0xDC00..<0xE000).contains(low) {
                                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                                scalar = Unicode.Scalar(unit)
                            }
                        } else {
                            scalar = Unicode.Scalar(unit)
                        }
                        output.append(contentsOf: String(scalar ?? "\u{FFFD}").utf8)
                    default:
                        return nil
                    }
                    // The plain run up to the next escape or the end, copied whole.
                    let run = position
                    skipPlainRun()
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                default:
                    // A control character: JSON wants it escaped.
                    return nil
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard position + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                position += 1
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value << 4 | digit
            }
            return value
        }
    }
}
