import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain values stored flat, either in memory of their own or in a region of a mapped cache
/// file: the compiled index's tables, which a cache file serves without copying a byte.
///
/// Elements are read without bounds checks in release builds; whoever makes one from a file
/// checks that the values in it stay within the tables they index (see ``IndexCache``).
struct FlatArray<Element>: RandomAccessCollection, @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
    /// What keeps `buffer` alive: a ``FlatStorage`` or a ``MappedFile``.
    private let owner: AnyObject

    /// A copy of `array`.
    init(_ array: [Element]) {
        let storage = FlatStorage(array)
        buffer = storage.buffer
        owner = storage
    }

    /// Elements in memory that `owner` keeps alive.
    init(buffer: UnsafeBufferPointer<Element>, owner: AnyObject) {
        self.buffer = buffer
        self.owner = owner
    }

    var startIndex: Int { 0 }
    var endIndex: Int { buffer.count }

    @inline(__always)
    subscript(position: Int) -> Element { buffer[position] }
}

/// Memory of a ``FlatArray`` of its own.
final class FlatStorage<Element> {
    let buffer: UnsafeBufferPointer<Element>

    init(_ array: [Element]) {
        let memory = UnsafeMutablePointer<Element>.allocate(capacity: max(array.count, 1))
        array.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { memory.initialize(from: base, count: source.count) }
        }
        buffer = UnsafeBufferPointer(start: memory, count: array.count)
    }

    deinit {
        let memory = UnsafeMutablePointer(mutating: buffer.baseAddress!)
        memory.deinitialize(count: buffer.count)
        memory.deallocate()
    }
}

/// A file mapped read-only into memory, unmapped when the last reference goes.
final class MappedFile: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer

    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }
}
