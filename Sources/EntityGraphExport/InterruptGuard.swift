import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ends the process on SIGINT or SIGTERM without leaving half-written exports behind.
///
/// ``install()`` blocks both signals in the calling thread, and so in every thread started after
/// it, and waits for them with `sigwait` on a thread of its own. That thread is ordinary code, not
/// a signal handler, so it may take locks and remove files. When a signal comes it takes the lock
/// of the files being written (``PendingFiles``), removes every temporary of an ``AtomicFileSet``
/// not yet renamed into place, writes one line to standard error and exits with 128 plus the
/// signal's number: 130 for SIGINT, 143 for SIGTERM. An ``AtomicFileSet`` holds the same lock
/// while it renames its files into place, so a signal that comes then waits until all of them are
/// in place: the folder holds the previous exports or the new ones, never a mix.
///
/// Without ``install()`` (in tests, or in a program that handles signals itself) the signals keep
/// their default action and nothing else changes.
public enum InterruptGuard {
    /// Starts handling SIGINT and SIGTERM for the rest of the process.
    ///
    /// Call it first thing in `main`, before any thread is started: a thread started earlier does
    /// not inherit the blocked signals and would be killed by their default action. Processes the
    /// program starts get the default signal mask back (Foundation's `Process` resets it).
    public static func install() {
        var signals = handledSignals()
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let waiter = Thread {
            var signals = handledSignals()
            var number: Int32 = 0
            while sigwait(&signals, &number) != 0 {}
            PendingFiles.shared.withFiles { files in
                for path in files.temporaries { unlink(path) }
                let name = number == SIGINT ? "SIGINT" : "SIGTERM"
                let outcome = files.replaced ? "the new exports had already been written in full" : "previous exports left as they were"
                let line = "error: interrupted (\(name)); \(outcome)\n"
                line.withCString { text in _ = write(STDERR_FILENO, text, strlen(text)) }
                // _exit, not exit: other threads are still running, and nothing is left to flush.
                _exit(128 + number)
            }
        }
        waiter.name = "entity-graph signals"
        waiter.start()
    }

    private static func handledSignals() -> sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        return signals
    }
}

/// The temporary files of the exports being written, shared by ``AtomicFileSet`` and
/// ``InterruptGuard``'s thread under one lock.
final class PendingFiles: @unchecked Sendable {
    /// What an interruption has to clean up and report.
    struct Files {
        /// Paths of temporaries on disk, not yet renamed into place or removed.
        var temporaries: Set<String> = []
        /// Whether a file set has been renamed into place.
        var replaced = false
    }

    static let shared = PendingFiles()

    private let lock = NSLock()
    private var files = Files()

    private init() {}

    /// Runs `body` on the files with an interruption held off until it returns.
    func withFiles<Result>(_ body: (inout Files) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&files)
    }
}
