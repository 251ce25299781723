import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The evidence snippets a ``GraphBuilder`` keeps, written once each to an unnamed temporary
/// file and read back when the graph is made: the builder's memory then grows with the number of
/// ties, not with the text of their evidence. Where no temporary file can be made the snippets
/// stay in memory.
///
/// The store is append-only, so a reference stays valid however the builder is copied.
final class SnippetStore: @unchecked Sendable {
    /// Where a snippet's UTF-8 bytes are in the store.
    struct Reference: Hashable, Sendable {
        var offset: Int64
        var length: Int32
    }

    private static let bufferSize = 1 << 20

    /// The temporary file, already unlinked, or -1 for a store in memory.
    private let descriptor: Int32
    /// Whether the snippets go to a file rather than stay in memory.
    var isOnDisk: Bool { descriptor >= 0 }
    /// Whether `buffer` still goes to the file when full: not after a write failed (a full disk).
    private var writable: Bool
    /// Bytes not yet written to the file; the whole store when in memory.
    private var buffer: [UInt8] = []
    /// Bytes in the file, before `buffer`.
    private var flushed: Int64 = 0

    /// - Parameter folder: where the temporary file goes (`TMPDIR` by default); where none can
    ///   be made there, the store keeps its snippets in memory.
    init(folder: URL = FileManager.default.temporaryDirectory) {
        var template = Array((folder.path + "/entity-graph-snippets.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if descriptor >= 0 {
            // Unnamed from the start: nothing is left behind, however the process ends.
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        self.descriptor = descriptor
        writable = descriptor >= 0
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Stores `text` and returns where it is.
    func append(_ text: String) -> Reference {
        var text = text
        return text.withUTF8 { utf8 in append { $0.append(contentsOf: utf8) } }
    }

    /// Stores the UTF-8 bytes `write` appends to the array it is given, and returns where they are.
    func append(_ write: (inout [UInt8]) -> Void) -> Reference {
        let start = buffer.count
        write(&buffer)
        let reference = Reference(offset: flushed + Int64(start), length: Int32(buffer.count - start))
        if writable, buffer.count >= Self.bufferSize { flush() }
        return reference
    }

    /// The snippet stored at `reference`.
    func text(at reference: Reference) -> String {
        let start = reference.offset - flushed
        if start >= 0 {
            return String(decoding: buffer[Int(start)..<Int(start) + Int(reference.length)], as: UTF8.self)
        }
        return String(unsafeUninitializedCapacity: Int(reference.length)) { readFile(into: $0, at: reference.offset) }
    }

    /// The snippets at `references`, in their order. Those in the file are read in its order, a
    /// megabyte at a time, rather than with a read each, and each is made once however many
    /// references it has.
    func texts(at references: [Reference]) -> [String] {
        var texts = [String](repeating: "", count: references.count)
        let order = references.indices.sorted { (references[$0].offset, $0) < (references[$1].offset, $1) }
        var window: [UInt8] = []
        var windowStart: Int64 = 0
        var previous: Int?
        for position in order {
            let reference = references[position]
            if let previous, references[previous] == reference {
                texts[position] = texts[previous]
                continue
            }
            previous = position
            let end = reference.offset + Int64(reference.length)
            guard end <= flushed else {
                texts[position] = text(at: reference)
                continue
            }
            if reference.offset < windowStart || end > windowStart + Int64(window.count) {
                windowStart = reference.offset
                window = read(from: windowStart, count: Int(min(flushed - windowStart, max(Int64(Self.bufferSize), end - windowStart))))
            }
            // A short read (see text(at:)) gives a shorter snippet, never a wrong one.
            let lower = min(Int(reference.offset - windowStart), window.count)
            texts[position] = String(decoding: window[lower..<min(lower + Int(reference.length), window.count)], as: UTF8.self)
        }
        return texts
    }

    /// Up to `count` bytes of the file from `offset`.
    private func read(from offset: Int64, count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { bytes, initialized in
            initialized = readFile(into: bytes, at: offset)
        }
    }

    /// Fills `bytes` from the file at `offset`; returns how many were read.
    private func readFile(into bytes: UnsafeMutableBufferPointer<UInt8>, at offset: Int64) -> Int {
        var done = 0
        while done < bytes.count {
            let count = pread(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            if count < 0, errno == EINTR { continue }
            // The file was written by this process and is never truncated; should the system
            // fail to read it back, the snippet comes out shorter rather than wrong.
            guard count > 0 else { break }
            done += count
        }
        return done
    }

    /// Writes the buffer to the file; keeps the store in memory from then on if that fails.
    private func flush() {
        var written = 0
        buffer.withUnsafeBytes { bytes in
            while written < bytes.count {
                let count = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return }
                written += count
            }
        }
        // After a failure (a full disk) what is in the file stays readable, the rest stays here.
        writable = written == buffer.count
        buffer.removeFirst(written)
        flushed += Int64(written)
    }
}
