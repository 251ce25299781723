import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a set of files so that either all of them replace the previous ones or none does.
///
/// ``commit()`` works in two phases.
///
/// 1. Every file is written whole, and synced to disk, beside its destination as
///    `.NAME.PID.tmp`. If one cannot be written (a full disk, an unwritable folder), the
///    temporaries written so far are removed and nothing else has changed.
/// 2. Every destination that exists is kept as `.NAME.PID.bak` (a hard link, or a copy on a file
///    system without them), then every temporary is renamed over its destination. If a rename
///    fails (the destination is a folder, say), the files already replaced get their previous
///    version back and the new ones that had none are removed; otherwise the backups are removed.
///
/// With ``InterruptGuard`` installed, SIGINT or SIGTERM during the first phase removes the
/// temporaries and ends the process; during the second it waits until every file is in place.
/// Either way the folder holds the previous files or all the new ones, and no temporaries.
public struct AtomicFileSet {
    private var pending: [(destination: URL, contents: Data)] = []
    /// Temporaries already written by ``writeNow(_:at:)``.
    private var written: [Replacement] = []

    public init() {}

    /// Adds a file to write at ``commit()``.
    public mutating func add(_ contents: Data, at destination: URL) {
        pending.append((destination, contents))
    }

    /// Writes a file's temporary now, so that its contents need not stay in memory until
    /// ``commit()``: a large export is made, written and freed one file at a time.
    ///
    /// - Throws: ``ExportError`` as ``commit()`` does; every temporary written so far is then
    ///   removed.
    public mutating func writeNow(_ contents: Data, at destination: URL) throws {
        try writeNow(at: destination) { $0.write(contents) }
    }

    /// Writes a file's temporary now from what `produce` writes into its sink, straight to disk
    /// through a small buffer: the file is never whole in memory.
    ///
    /// - Throws: what `produce` throws, or ``ExportError`` as ``commit()`` does; every temporary
    ///   written so far is then removed.
    mutating func writeNow(at destination: URL, _ produce: (ByteSink) throws -> Void) throws {
        do {
            written.append(try Self.stage(for: destination, produce))
        } catch {
            discard()
            throw error
        }
    }

    /// Writes several files' temporaries now, each on a thread of its own when there are cores
    /// for them, as ``writeNow(at:_:)`` writes one.
    ///
    /// - Throws: the error of the first file (in the order given) that failed; every temporary
    ///   written so far is then removed.
    mutating func writeNow(_ files: [(destination: URL, produce: @Sendable (ByteSink) throws -> Void)]) throws {
        let outcomes = StagedFiles(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { position in
            let file = files[position]
            outcomes.set(position, Result { try Self.stage(for: file.destination, file.produce) })
        }
        var failure: (any Error)?
        for outcome in outcomes.results {
            switch outcome {
            case .success(let replacement): written.append(replacement)
            case .failure(let error): failure = failure ?? error
            case nil: break
            }
        }
        if let failure {
            discard()
            throw failure
        }
    }

    /// The outcome of each file of ``writeNow(_:)``, set by its own thread.
    private final class StagedFiles: @unchecked Sendable {
        private(set) var results: [Result<Replacement, any Error>?]
        private let lock = NSLock()

        init(count: Int) {
            results = Array(repeating: nil, count: count)
        }

        func set(_ position: Int, _ result: Result<Replacement, any Error>) {
            lock.withLock { results[position] = result }
        }
    }

    /// Removes the temporaries written so far and forgets every file: for a caller that gives
    /// up before ``commit()``.
    public mutating func discard() {
        Self.removeTemporaries(written.map(\.temporary))
        written = []
        pending = []
    }

    /// Writes every file added, then renames them all (and those written already) into place.
    ///
    /// - Throws: ``ExportError`` naming the file that could not be written or replaced, and why
    ///   (the system's reason, such as "No space left on device"). The previous files are then
    ///   as they were, and no temporary is left.
    /// - Complexity: O(*n*) in the total size of the files, plus one `fsync` a file.
    public func commit() throws {
        var written = self.written
        do {
            for (destination, contents) in pending {
                written.append(try Self.stage(contents, for: destination))
            }
        } catch {
            Self.removeTemporaries(written.map(\.temporary))
            throw error
        }
        try PendingFiles.shared.withFiles { files in
            // Every temporary is gone once `replace` returns or throws.
            defer { files.temporaries.subtract(written.map(\.temporary.path)) }
            try Self.replace(written)
            files.replaced = true
        }
    }

    // MARK: - Temporaries

    /// Writes `contents` as the temporary of `destination` and returns how it will replace it.
    private static func stage(_ contents: Data, for destination: URL) throws -> Replacement {
        try stage(for: destination) { $0.write(contents) }
    }

    /// Writes what `produce` makes as the temporary of `destination` and returns how it will
    /// replace it.
    private static func stage(for destination: URL, _ produce: (ByteSink) throws -> Void) throws -> Replacement {
        let temporary = sibling(of: destination, suffix: "tmp")
        try writeTemporary(at: temporary, for: destination, produce)
        return Replacement(destination: destination, temporary: temporary, backup: sibling(of: destination, suffix: "bak"))
    }

    /// `.NAME.PID.SUFFIX` beside `destination`.
    static func sibling(of destination: URL, suffix: String) -> URL {
        destination.deletingLastPathComponent().appendingPathComponent(
            ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(suffix)")
    }

    /// Writes what `produce` makes to the file `temporary` and syncs it to disk, creating its
    /// folder if need be. The file is known to ``InterruptGuard`` from before it exists until
    /// ``removeTemporaries(_:)`` or a commit; the lock is held only while it is created, so a
    /// signal that comes while a large file is written is handled at once.
    ///
    /// - Throws: what `produce` throws, or ``ExportError`` naming `destination` and the system's
    ///   reason; no file is left either way.
    static func writeTemporary(at temporary: URL, for destination: URL, _ produce: (ByteSink) throws -> Void) throws {
        let folder = temporary.deletingLastPathComponent()
        let folderFailure = createFolders(folder.path)
        guard folderFailure == 0 else {
            throw ExportError(.unwritable, "\(folder.path): cannot create the output folder (\(reason(folderFailure)))")
        }
        func fail(_ failure: Int32) -> ExportError {
            ExportError(
                .unwritable,
                "\(destination.path): cannot be written (\(reason(failure))); the previous files are left as they were")
        }
        let descriptor = try PendingFiles.shared.withFiles { files in
            files.temporaries.insert(temporary.path)
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else {
                let failure = errno
                files.temporaries.remove(temporary.path)
                throw fail(failure)
            }
            return descriptor
        }
        var failure: Int32 = 0
        let sink = ByteSink(descriptor: descriptor)
        do {
            try produce(sink)
            if case .failure(let error) = sink.finish() { failure = error.code.rawValue }
            if failure == 0, fsync(descriptor) != 0 { failure = errno }
        } catch {
            close(descriptor)
            removeTemporaries([temporary])
            // A producer that fails after a write failed (libxml2 does) fails because of it.
            if sink.failure != 0 { throw fail(sink.failure) }
            throw error
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            removeTemporaries([temporary])
            throw fail(failure)
        }
    }

    /// Writes `contents` whole to the file `temporary`, as ``writeTemporary(at:for:_:)`` does.
    static func writeTemporary(_ contents: Data, at temporary: URL, for destination: URL) throws {
        try writeTemporary(at: temporary, for: destination) { $0.write(contents) }
    }

    /// Removes temporaries written by ``writeTemporary(at:for:_:)``.
    static func removeTemporaries(_ temporaries: [URL]) {
        PendingFiles.shared.withFiles { files in
            for temporary in temporaries {
                unlink(temporary.path)
                files.temporaries.remove(temporary.path)
            }
        }
    }

    /// Creates the folder at `path` and those above it; returns 0 or the `errno` of the failure.
    private static func createFolders(_ path: String) -> Int32 {
        if mkdir(path, 0o777) == 0 { return 0 }
        let failure = errno
        switch failure {
        case EEXIST:
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue ? 0 : EEXIST
        case ENOENT:
            let parent = (path as NSString).deletingLastPathComponent
            guard !parent.isEmpty, parent != path else { return ENOENT }
            let parentFailure = createFolders(parent)
            guard parentFailure == 0 else { return parentFailure }
            return mkdir(path, 0o777) == 0 || errno == EEXIST ? 0 : errno
        default:
            return failure
        }
    }

    /// The system's text for an `errno`: "No space left on device".
    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    // MARK: - Renaming into place

    /// One file of the set: where it goes, where it was written, where its previous version is kept.
    private struct Replacement {
        var destination: URL
        var temporary: URL
        var backup: URL
    }

    /// Renames every temporary over its destination, keeping the previous versions until all are
    /// in place; on a failure puts the previous versions back. Every temporary is gone afterwards.
    private static func replace(_ files: [Replacement]) throws {
        var done: [(file: Replacement, kept: Bool)] = []
        for (position, file) in files.enumerated() {
            let failure: String
            do {
                let kept = try keepPrevious(file)
                if rename(file.temporary.path, file.destination.path) == 0 {
                    done.append((file, kept))
                    continue
                }
                failure = "\(file.destination.path): cannot be replaced (\(reason(errno)))"
                if kept { unlink(file.backup.path) }
            } catch {
                failure = "\(error)"
            }
            for remaining in files[position...] { unlink(remaining.temporary.path) }
            let lost = restore(done)
            guard lost.isEmpty else {
                throw ExportError(.unwritable, failure + "; some previous files could not be put back: " + lost.joined(separator: ", "))
            }
            throw ExportError(.unwritable, failure + "; the previous files are left as they were")
        }
        for (file, kept) in done where kept { unlink(file.backup.path) }
    }

    /// Keeps the file at `file.destination`, if there is one, as `file.backup`: a hard link, or
    /// a copy where the file system has none. Returns whether a backup was made; a folder in the
    /// way gets none, and the rename over it fails.
    private static func keepPrevious(_ file: Replacement) throws -> Bool {
        unlink(file.backup.path)  // left by an earlier process with the same id
        if link(file.destination.path, file.backup.path) == 0 { return true }
        let failure = errno
        var isFolder: ObjCBool = false
        guard failure != ENOENT, FileManager.default.fileExists(atPath: file.destination.path, isDirectory: &isFolder),
            !isFolder.boolValue
        else { return false }
        do {
            try FileManager.default.copyItem(at: file.destination, to: file.backup)
            return true
        } catch {
            unlink(file.backup.path)
            throw ExportError(
                .unwritable, "\(file.destination.path): cannot keep the previous version while replacing it (\(reason(failure)))")
        }
    }

    /// Puts back the previous versions of the files replaced, last first, and removes the new
    /// files that had none. Returns what could not be put back, with where it is kept.
    private static func restore(_ done: [(file: Replacement, kept: Bool)]) -> [String] {
        var lost: [String] = []
        for (file, kept) in done.reversed() {
            if kept {
                if rename(file.backup.path, file.destination.path) != 0 {
                    lost.append("\(file.destination.lastPathComponent) is kept as \(file.backup.lastPathComponent) (\(reason(errno)))")
                }
            } else if unlink(file.destination.path) != 0, errno != ENOENT {
                lost.append("\(file.destination.lastPathComponent) is the new version (\(reason(errno)))")
            }
        }
        return lost
    }
}
