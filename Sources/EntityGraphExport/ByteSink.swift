import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where an export writes its bytes: memory, or a file through a buffer of ``bufferSize`` bytes.
///
/// Exports are made straight into their files, so that a graph's GraphML and evidence (hundreds
/// of megabytes for a large corpus) are never held whole in memory. A failed `write(2)` is kept
/// and every later write is dropped: ``finish()`` reports it, so that producers need no error
/// handling of their own per write.
final class ByteSink {
    private enum Target {
        case memory
        case file(Int32)
    }

    static let bufferSize = 1 << 18

    private let target: Target
    private var buffer: [UInt8] = []
    /// The `errno` of the first write that failed, or 0.
    private(set) var failure: Int32 = 0

    /// A sink that keeps everything in memory: ``finish()`` returns it.
    init() {
        target = .memory
    }

    /// A sink that writes to an open file descriptor, which stays the caller's to close.
    init(descriptor: Int32) {
        target = .file(descriptor)
        buffer.reserveCapacity(Self.bufferSize)
    }

    func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == 0, !bytes.isEmpty else { return }
        if case .file = target, buffer.count + bytes.count > Self.bufferSize {
            flushBuffer()
            if bytes.count >= Self.bufferSize {
                writeOut(bytes)
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    func write(_ data: Data) {
        data.withUnsafeBytes { write($0) }
    }

    /// Writes out what is buffered; returns the bytes for a memory sink, nothing for a file.
    ///
    /// - Returns: `errno` of the first failed write as `.failure`, else the bytes.
    func finish() -> Result<Data, POSIXError> {
        if case .file = target { flushBuffer() }
        if failure != 0 { return .failure(POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)) }
        defer { buffer = [] }
        if case .memory = target { return .success(Data(buffer)) }
        return .success(Data())
    }

    private func flushBuffer() {
        buffer.withUnsafeBytes { writeOut($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeOut(_ bytes: UnsafeRawBufferPointer) {
        guard case .file(let descriptor) = target, failure == 0 else { return }
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                failure = errno
                return
            }
            offset += count
        }
    }
}

/// `write(2)`, out of reach of ``ByteSink``'s own `write` methods.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
