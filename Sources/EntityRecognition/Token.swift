/// A word, number or punctuation mark of a text, with its place in the original.
///
/// Offsets count Unicode scalars (code points) of the text as given, as Python string indices
/// do, so `text[start:end]` in Python is the token's surface.
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        case word, number, punctuation
    }

    // Eight-byte fields first and the one-byte ones last: 72 bytes a token instead of 80, for
    // arrays of some hundred thousand tokens a part.

    /// Offset of the first scalar, in Unicode scalars from the start of the text.
    public var start: Int
    /// Offset just past the last scalar.
    public var end: Int
    /// The token folded for matching: lower case, no diacritics (see ``String/foldedForMatching``).
    public var key: String
    /// Line breaks between this token and the one before: 0, 1, or 2 for a blank line or more.
    public var lineBreaksBefore: Int
    /// Offsets of the token in the text's UTF-8 bytes.
    public var utf8Start: Int
    public var utf8End: Int
    /// Hash of ``key``'s UTF-8 bytes (see ``Tokenizer/hash(_:)``), for the alias index.
    public var keyHash: UInt64
    public var kind: Kind
    /// The first letter is upper case (or title case).
    public var startsUppercase: Bool
    /// Every letter is upper case and there is at least one; in a word with a marked ending,
    /// every letter before it.
    public var isAllUppercase: Bool
    /// White space separates this token from the one before.
    public var spaceBefore: Bool
    /// The word ends in an ending after an apostrophe or a hyphen (*UOKiK-u*, *Mike'a*), joined
    /// to it by ``Tokenizer/joinMarkedEndings(_:endings:)``: the one inflection an acronym takes.
    public var hasMarkedEnding = false

    /// Whether the key is `key`, whose ``keyHash`` is `hash`: the hashes are compared first,
    /// the text only when they agree.
    @inline(__always)
    func hasKey(_ key: String, hash: UInt64) -> Bool { keyHash == hash && self.key == key }
}

/// Splits text into word, number and punctuation tokens.
///
/// A word is a run of letters and digits with the combining marks and format characters inside
/// it, so NFD text gives the same keys as NFC text while offsets still point into the original.
/// Every punctuation mark or symbol is a token of its own, which makes `dell'Ucraina`,
/// `Putin's`, `Trump-backed` and `NATO-ului` expose the name as a whole token.
///
/// The tokenizer reads UTF-8 bytes and folds through flat per-scalar tables: it is the hot loop
/// of every command.
public enum Tokenizer {
    static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3
    private static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let hashMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The hash of a key's UTF-8 bytes, as ``Token/keyHash`` is computed: eight bytes a step,
    /// each step multiplying them in and folding the high bits down, then MurmurHash3's
    /// finalizer, so that every bit depends on every byte. The length goes in first. Each step
    /// is a bijection of the state, so two keys of one length that differ in one group of eight
    /// bytes never collide; a byte at a time (FNV-1a) made one multiplication per byte a chain
    /// the tokenizer waited on.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return hashSeed.murmurMixed }
        var (hash, position) = hashWholeWords(UnsafeRawPointer(base), count: bytes.count)
        if position < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while position < bytes.count {
                tail |= UInt64(base[position]) << shift
                shift += 8
                position += 1
            }
            hash = hashStep(hash, tail)
        }
        return hash.murmurMixed
    }

    /// ``hash(_:)`` of the `count` bytes at `bytes`, after which eight more may be read: the
    /// last step reads a whole eight and keeps those of the key.
    @inline(__always)
    static func hash(padded bytes: UnsafeRawPointer, count: Int) -> UInt64 {
        var (hash, position) = hashWholeWords(bytes, count: count)
        if position < count {
            let tail = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
            hash = hashStep(hash, tail & (UInt64.max >> (64 - 8 * UInt64(count - position))))
        }
        return hash.murmurMixed
    }

    /// The hash state after the length and every whole group of eight of `count` bytes, and
    /// where the rest starts.
    @inline(__always)
    private static func hashWholeWords(_ bytes: UnsafeRawPointer, count: Int) -> (UInt64, Int) {
        var hash = hashSeed ^ UInt64(truncatingIfNeeded: count) &* hashMultiplier
        var position = 0
        while position + 8 <= count {
            hash = hashStep(hash, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)))
            position += 8
        }
        return (hash, position)
    }

    /// How many of the eight bytes of `chunk`, in memory order, are ASCII letters or digits
    /// before the first that is not: each byte is tested against the ranges at once, with its
    /// high bit set so that no subtraction borrows from the next.
    @inline(__always)
    static func asciiWordLength(_ chunk: UInt64) -> Int {
        let (ones, high) = (ByteWord.ones, ByteWord.high)
        let raised = chunk | high
        let folded = raised | 0x2020_2020_2020_2020
        let letters = (folded &- 0x61 &* ones) & ~(folded &- 0x7B &* ones)
        let digits = (raised &- 0x30 &* ones) & ~(raised &- 0x3A &* ones)
        let words = (letters | digits) & ~chunk & high
        return (~words & high).trailingZeroBitCount >> 3
    }

    @inline(__always)
    private static func hashStep(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (hash ^ word) &* hashMultiplier
        return mixed ^ (mixed >> 29)
    }

    /// The key hashes (see ``Token/keyHash``) of `words`, each folded as a token's key is.
    static func keyHashes(of words: some Sequence<some StringProtocol>) -> Set<UInt64> {
        Set(words.map { hash(String($0).foldedForMatching.utf8) })
    }

    /// ``hash(_:)`` of any bytes.
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable { hash($0) } ?? Array(bytes).withUnsafeBufferPointer { hash($0) }
    }

    /// Joins each capitalised word written together with one of `endings`, an apostrophe or a
    /// hyphen and a word (Polish *Mike'a*, *Jeremy'ego*, *O'Leary'ego*, *UOKiK-u*), into one
    /// word token whose key keeps the ending: the morphology then reads it as the name it
    /// inflects, and a mention of it covers the ending. Other apostrophes and hyphens
    /// (*O'Leary*, *Putin's*, *BASF-Wintershall*) are left alone.
    ///
    /// - Complexity: O(*n*) in the number of tokens.
    static func joinMarkedEndings(_ tokens: inout [Token], endings: Set<String>) {
        let apostrophe = hash("'".utf8)
        let hyphen = hash("-".utf8)
        func isMark(_ position: Int) -> Bool {
            position < tokens.count && !tokens[position].spaceBefore
                && (tokens[position].hasKey("'", hash: apostrophe) || tokens[position].hasKey("-", hash: hyphen))
        }
        var kept = 0
        var position = 0
        while position < tokens.count {
            // The ending must end the word: Pointe-à-Pitre goes on after its à.
            if position + 2 < tokens.count, tokens[position].kind == .word, tokens[position].startsUppercase, isMark(position + 1),
                tokens[position + 2].kind == .word, !tokens[position + 2].spaceBefore, !isMark(position + 3),
                endings.contains(tokens[position + 1].key + tokens[position + 2].key)
            {
                var joined = tokens[position]
                joined.key = tokens[position].key + tokens[position + 1].key + tokens[position + 2].key
                joined.keyHash = hash(joined.key.utf8)
                joined.end = tokens[position + 2].end
                joined.utf8End = tokens[position + 2].utf8End
                joined.hasMarkedEnding = true
                tokens[kept] = joined
                position += 3
            } else {
                if kept != position { tokens[kept] = tokens[position] }
                position += 1
            }
            kept += 1
        }
        tokens.removeLast(tokens.count - kept)
    }

    /// Marks each word of two capitals or more followed by one of `endings` in lower case (the
    /// Russian *МИДа*, *ОМОНом*) as an acronym with a marked ending: ``Token/hasMarkedEnding``,
    /// and ``Token/isAllUppercase`` for its capitals. A word that goes on in lower case past
    /// its ending (*ВКонтакте*) or has one capital (*Путина*) is left alone.
    ///
    /// - Parameter text: the UTF-8 the tokens' offsets point into.
    static func markAcronymEndings(_ tokens: inout [Token], in text: UnsafeBufferPointer<UInt8>, endings: Set<String>) {
        let longest = endings.map(\.unicodeScalars.count).max() ?? 0
        for position in tokens.indices
        where tokens[position].kind == .word && tokens[position].startsUppercase && !tokens[position].isAllUppercase
            && !tokens[position].hasMarkedEnding
        {
            var scalars = String.UnicodeScalarView()
            var decoder = UTF8()
            var bytes = text[tokens[position].utf8Start..<tokens[position].utf8End].makeIterator()
            var capitals = 0
            // The capitals, then the ending: no more scalars are decoded than those can be.
            decoding: while true {
                switch decoder.decode(&bytes) {
                case .scalarValue(let scalar):
                    if scalars.isEmpty, scalar.properties.isUppercase {
                        capitals += 1
                        if capitals > 8 { break decoding }
                        continue
                    }
                    guard capitals >= 2, scalar.properties.isLowercase, scalars.count < longest else { break decoding }
                    scalars.append(scalar)
                case .emptyInput:
                    if capitals >= 2, endings.contains(String(scalars)) {
                        tokens[position].hasMarkedEnding = true
                        tokens[position].isAllUppercase = true
                    }
                    break decoding
                case .error:
                    break decoding
                }
            }
        }
    }

    /// The tokens of `text`.
    ///
    /// - Complexity: O(*n*) in the number of UTF-8 bytes.
    public static func tokens(in text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokens(inUTF8: $0) }
    }

    /// The key and key hash of each ASCII character as a punctuation token, made once.
    private static let asciiPunctuation: [(String, UInt64)] = {
        let flat = ScalarTable.flat
        return (0..<0x80).map { value in
            let folded = String(decoding: flat.foldBytes[Int(flat.foldStart[value])..<Int(flat.foldStart[value + 1])], as: UTF8.self)
            return (folded, hash(folded.utf8))
        }
    }()

    /// Whether the scalar tables say of ASCII what the tokenizer's eight-byte work on it takes
    /// for granted: the letters and digits are the bytes ``asciiWordLength(_:)`` counts, each
    /// folds by setting bit 5, bit 6 is set for a letter and not for a digit, and bit 5 is clear
    /// for a capital. Checked once, before the first text is tokenized.
    private static let asciiBitsAgreeWithTables: Bool = {
        let flat = ScalarTable.flat
        for value in 0..<0x80 {
            let category = flat.classes[value] & ScalarTable.categoryMask
            let isLetter = category == ScalarInfo.Category.letter.rawValue
            guard isLetter || category == ScalarInfo.Category.digit.rawValue,
                flat.foldStart[value + 1] - flat.foldStart[value] == 1
            else {
                if asciiWordLength(UInt64(value)) != 0 { return false }
                continue
            }
            let isUppercase = flat.classes[value] & ScalarTable.uppercaseFlag != 0
            guard flat.foldBytes[Int(flat.foldStart[value])] == UInt8(value) | 0x20,
                asciiWordLength(UInt64(value)) == 1, asciiWordLength(UInt64(value) | 0x2000) == 1,
                (value & 0x40 != 0) == isLetter, isUppercase == (value & 0x40 != 0 && value & 0x20 == 0)
            else { return false }
        }
        return true
    }()

    static func tokens(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        precondition(asciiBitsAgreeWithTables, "the tokenizer's ASCII bit tests disagree with the scalar tables")
        let flat = ScalarTable.flat
        return flat.classes.withUnsafeBufferPointer { classes in
            flat.foldStart.withUnsafeBufferPointer { foldStart in
                flat.foldBytes.withUnsafeBufferPointer { foldBytes in
                    tokenize(bytes, classes: classes, foldStart: foldStart, foldBytes: foldBytes)
                }
            }
        }
    }

    private static func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>,
        foldStart: UnsafeBufferPointer<Int32>, foldBytes: UnsafeBufferPointer<UInt8>
    ) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        // The folded bytes of the word being read, in raw memory: no capacity or uniqueness
        // check per byte. Grown for a longer word.
        var keyCapacity = 256
        var key = UnsafeMutablePointer<UInt8>.allocate(capacity: keyCapacity)
        key.initialize(repeating: 0, count: keyCapacity)
        var keyLength = 0
        defer { key.deallocate() }
        /// Makes room for `count` more bytes of key, and eight after them that the key's hash
        /// may read (see ``hash(padded:count:)``).
        @inline(__always) func reserve(_ count: Int) {
            guard keyLength + count + 8 > keyCapacity else { return }
            while keyLength + count + 8 > keyCapacity { keyCapacity *= 2 }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: keyCapacity)
            larger.initialize(repeating: 0, count: keyCapacity)
            larger.update(from: key, count: keyLength)
            key.deallocate()
            key = larger
        }
        @inline(__always) func append(_ byte: UInt8) {
            reserve(1)
            key[keyLength] = byte
            keyLength += 1
        }
        let punctuation = asciiPunctuation

        var position = 0
        var offset = 0
        var inWord = false
        var wordStart = 0
        var wordByteStart = 0
        var letters = 0
        var uppercase = 0
        var firstLetterUpper = false
        var hasLetter = false
        var spaceBefore = false
        var lineBreaks = 0
        var pendingSpace = false
        var pendingBreaks = 0
        let count = bytes.count
        let tableSize = UInt32(ScalarTable.tableSize)
        let letter = ScalarInfo.Category.letter.rawValue
        let digit = ScalarInfo.Category.digit.rawValue
        let mark = ScalarInfo.Category.mark.rawValue
        let format = ScalarInfo.Category.format.rawValue
        let space = ScalarInfo.Category.space.rawValue
        let newline = ScalarInfo.Category.newline.rawValue

        /// Adds the folded bytes of scalar `value` (below ``ScalarTable/tableSize``).
        @inline(__always) func addFolded(_ value: Int) {
            for index in Int(foldStart[value])..<Int(foldStart[value + 1]) { append(foldBytes[index]) }
        }
        /// Counts a letter of the word, a capital or not.
        @inline(__always) func countLetter(upper: Bool) {
            if !hasLetter { firstLetterUpper = upper }
            hasLetter = true
            letters += 1
            if upper { uppercase += 1 }
        }
        /// Adds `bytes[start..<end]`, ASCII letters and digits, to the key: folded and counted
        /// eight at a time by their bits (see ``asciiBitsAgreeWithTables``).
        @inline(__always) func addASCIIRun(from start: Int, to end: Int) {
            let length = end - start
            reserve(length)
            let source = UnsafeRawPointer(bytes.baseAddress! + start)
            let target = UnsafeMutableRawPointer(key + keyLength)
            var index = 0
            var runLetters = 0
            var runCapitals = 0
            while index + 8 <= length {
                let chunk = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                target.storeBytes(of: chunk | 0x2020_2020_2020_2020, toByteOffset: index, as: UInt64.self)
                let letterBits = chunk & 0x4040_4040_4040_4040
                runLetters += letterBits.nonzeroBitCount
                runCapitals += (letterBits & (~chunk & 0x2020_2020_2020_2020) << 1).nonzeroBitCount
                index += 8
            }
            // The last few in one step too, when eight bytes can be read there; the key has room
            // for eight (see `reserve`), and the bytes past the run are left out of the counts.
            if index < length, start + index + 8 <= bytes.count {
                let chunk = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                target.storeBytes(of: chunk | 0x2020_2020_2020_2020, toByteOffset: index, as: UInt64.self)
                let inRun = UInt64(littleEndian: UInt64.max >> (64 - 8 * UInt64(length - index)))
                let letterBits = chunk & 0x4040_4040_4040_4040 & inRun
                runLetters += letterBits.nonzeroBitCount
                runCapitals += (letterBits & (~chunk & 0x2020_2020_2020_2020) << 1).nonzeroBitCount
                index = length
            }
            while index < length {
                let byte = source.load(fromByteOffset: index, as: UInt8.self)
                target.storeBytes(of: byte | 0x20, toByteOffset: index, as: UInt8.self)
                if byte & 0x40 != 0 {
                    runLetters += 1
                    if byte & 0x20 == 0 { runCapitals += 1 }
                }
                index += 1
            }
            if !hasLetter, runLetters > 0 {
                var first = start
                while bytes[first] & 0x40 == 0 { first += 1 }
                firstLetterUpper = bytes[first] & 0x20 == 0
                hasLetter = true
            }
            letters += runLetters
            uppercase += runCapitals
            keyLength += length
        }

        // One step past the end reads a virtual space, which closes the last word.
        while position <= count {
            let lead = position < count ? bytes[position] : 0x20
            var value: UInt32
            var length: Int
            if lead < 0x80 {
                value = UInt32(lead)
                length = 1
            } else if lead < 0xE0 {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F)
                length = 2
            } else if lead < 0xF0 {
                value =
                    UInt32(lead & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6
                    | UInt32(bytes[position + 2] & 0x3F)
                length = 3
            } else {
                value =
                    UInt32(lead & 0x07) << 18 | UInt32(bytes[position + 1] & 0x3F) << 12
                    | UInt32(bytes[position + 2] & 0x3F) << 6 | UInt32(bytes[position + 3] & 0x3F)
                length = 4
            }
            let flags: UInt8
            var slowFold: String?
            if value < tableSize {
                flags = classes[Int(value)]
            } else {
                let info = ScalarTable.computeInfo(Unicode.Scalar(value) ?? "\u{FFFD}")
                flags =
                    info.category.rawValue | (info.isUppercase ? ScalarTable.uppercaseFlag : 0)
                    | (info.isLowercase ? ScalarTable.lowercaseFlag : 0)
                slowFold = info.folded
            }
            let category = flags & ScalarTable.categoryMask

            if category == letter || category == digit {
                if !inWord {
                    inWord = true
                    wordStart = offset
                    wordByteStart = position
                    keyLength = 0
                    letters = 0
                    uppercase = 0
                    hasLetter = false
                    firstLetterUpper = false
                    spaceBefore = pendingSpace
                    lineBreaks = pendingBreaks
                    pendingSpace = false
                    pendingBreaks = 0
                }
                if let slowFold {
                    for byte in slowFold.utf8 { append(byte) }
                } else if value < 0x80, value >= 0x41, value <= 0x5A {
                    append(UInt8(value) | 0x20)
                } else {
                    addFolded(Int(value))
                }
                if category == letter { countLetter(upper: flags & ScalarTable.uppercaseFlag != 0) }
                offset += 1
                position += length
                // The letters and digits that follow, without the general step: runs of ASCII
                // ones (most of a Latin-script word) found and folded eight bytes at a time, two-byte ones (Cyrillic, Greek, accented Latin)
                // folded through the scalar tables, and the combining marks and format
                // characters among them passed over, as the general step would.
                while position < count {
                    // Eight bytes at a time while eight are left, then one at a time.
                    var runEnd = position
                    var runGoesOn = true
                    while runGoesOn, runEnd + 8 <= count {
                        let length = asciiWordLength(
                            UInt64(
                                littleEndian: UnsafeRawPointer(bytes.baseAddress! + runEnd)
                                    .loadUnaligned(as: UInt64.self)))
                        runEnd += length
                        runGoesOn = length == 8
                    }
                    if runGoesOn {
                        while runEnd < count, asciiWordLength(UInt64(bytes[runEnd])) == 1 { runEnd += 1 }
                    }
                    if runEnd > position {
                        addASCIIRun(from: position, to: runEnd)
                        offset += runEnd - position
                        position = runEnd
                        guard position < count else { break }
                    }
                    let lead = bytes[position]
                    guard lead >= 0xC2, lead < 0xE0, position + 1 < count else { break }
                    let value = Int(lead & 0x1F) << 6 | Int(bytes[position + 1] & 0x3F)
                    let flags = classes[value]
                    let category = flags & ScalarTable.categoryMask
                    if category == letter || category == digit {
                        addFolded(value)
                        if category == letter { countLetter(upper: flags & ScalarTable.uppercaseFlag != 0) }
                    } else if category != mark && category != format {
                        break
                    }
                    offset += 1
                    position += 2
                }
                continue
            } else if category == mark || category == format {
                if !inWord, category == mark, let last = tokens.last, last.end == offset {
                    // A mark after a symbol (an emoji's variation selector) belongs to it.
                    tokens[tokens.count - 1].end = offset + 1
                    tokens[tokens.count - 1].utf8End = position + length
                }
            } else {
                if inWord {
                    tokens.append(
                        Token(
                            start: wordStart, end: offset,
                            key: String(decoding: UnsafeBufferPointer(start: key, count: keyLength), as: UTF8.self),
                            lineBreaksBefore: lineBreaks, utf8Start: wordByteStart, utf8End: position,
                            keyHash: hash(padded: key, count: keyLength),
                            kind: hasLetter ? .word : .number, startsUppercase: firstLetterUpper,
                            isAllUppercase: letters > 0 && uppercase == letters, spaceBefore: spaceBefore))
                    inWord = false
                }
                if category == space || category == newline {
                    pendingSpace = true
                    if category == newline { pendingBreaks = min(pendingBreaks + 1, 2) }
                } else {
                    let folded: String
                    let foldedHash: UInt64
                    if value < 0x80 {
                        (folded, foldedHash) = punctuation[Int(value)]
                    } else {
                        folded =
                            slowFold
                            ?? String(decoding: foldBytes[Int(foldStart[Int(value)])..<Int(foldStart[Int(value) + 1])], as: UTF8.self)
                        foldedHash = Tokenizer.hash(folded.utf8)
                    }
                    tokens.append(
                        Token(
                            start: offset, end: offset + 1, key: folded, lineBreaksBefore: pendingBreaks,
                            utf8Start: position, utf8End: position + length, keyHash: foldedHash,
                            kind: .punctuation, startsUppercase: false, isAllUppercase: false, spaceBefore: pendingSpace))
                    pendingSpace = false
                    pendingBreaks = 0
                }
            }
            offset += 1
            position += length
        }
        return tokens
    }
}
