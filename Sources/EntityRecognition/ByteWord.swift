/// Tests on eight bytes at once, read as one `UInt64` (SWAR): the scans of JSON text, read and
/// written, skip runs of plain bytes eight at a time with them. Each answers exactly for the
/// word as a whole (a borrow can only mark a byte above one that matches).
public enum ByteWord {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let high: UInt64 = 0x8080_8080_8080_8080

    /// Whether one of the eight bytes of `word` is `byte`.
    @inlinable @inline(__always)
    public static func contains(_ byte: UInt8, in word: UInt64) -> Bool {
        let value = word ^ (ones &* UInt64(byte))
        return (value &- ones) & ~value & high != 0
    }

    /// Whether one of the eight bytes of `word` is a control character below 0x20. Bytes at
    /// 0x80 or above do not count as below it.
    @inlinable @inline(__always)
    public static func containsControl(_ word: UInt64) -> Bool {
        (word &- ones &* 0x20) & ~word & high != 0
    }

    /// Whether one of the eight bytes of `word` ends a plain run of a JSON string: `"`, `\\` or
    /// a control character.
    @inlinable @inline(__always)
    public static func mayEndJSONStringRun(_ word: UInt64) -> Bool {
        containsControl(word) || contains(0x22, in: word) || contains(0x5C, in: word)
    }
}
