import Synchronization
import Timeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM end a command cleanly: the statement running on the open
/// database is interrupted, its transaction rolls back (an import adds nothing, nothing stays
/// locked), and the command ends with `error: interrupted` and status 130.
///
/// The signals are blocked in every thread and received by one thread of ours with `sigwait`,
/// so what runs on a signal is ordinary code, not a signal handler: it asks SQLite to stop
/// (`Database.interrupt()`, which is safe from another thread), and the command's own thread
/// notices (`check()`, or SQLite's error) and unwinds. A command that does not notice within
/// two seconds (one waiting for standard input) is ended by that thread; so is one that gets a
/// second signal. Ending a process mid-transaction loses nothing either: SQLite ignores a
/// transaction that did not commit. No file is removed: a new database appears only complete,
/// and another process may already be writing to it.
enum Interruption {
    /// Set once a signal arrived.
    private static let requested = Atomic<Bool>(false)
    /// Set by whoever writes the message and ends the process, so that happens once.
    private static let ending = Atomic<Bool>(false)
    /// The store to interrupt.
    private static let store = Mutex<RegisteredStore?>(nil)

    /// A store whose only use from the signal thread is `interrupt()`, which SQLite makes safe
    /// from any thread. Weak: the store still closes (and checkpoints) when the command is done.
    private struct RegisteredStore: @unchecked Sendable {
        weak var store: Store?
    }

    /// Blocks SIGINT and SIGTERM and starts the thread that receives them. Call first, before
    /// any other thread exists, so that every thread inherits the blocked signals.
    static func install() {
        var signals = handledSignals
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        var thread = pthread_t()
        pthread_create(
            &thread, nil,
            { _ in
                Interruption.receiveSignals()
            }, nil)
    }

    /// Makes `store` the one a signal interrupts.
    static func watch(_ store: Store) {
        self.store.withLock { $0 = RegisteredStore(store: store) }
    }

    /// True once SIGINT or SIGTERM arrived.
    static var wasRequested: Bool { requested.load(ordering: .acquiring) }

    /// Throws when a signal arrived: for loops that run Swift code between statements.
    static func check() throws {
        if wasRequested { throw CLIError(description: "interrupted") }
    }

    /// Writes `error: interrupted` and ends with status 130, once, whichever thread gets here first.
    static func end() -> Never {
        if ending.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
            StandardError.write("error: interrupted\n")
            _exit(130)
        }
        while true { pause() }
    }

    private static var handledSignals: sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        return signals
    }

    private static func receiveSignals() -> Never {
        var signals = handledSignals
        var received: Int32 = 0
        while sigwait(&signals, &received) != 0 {}
        requested.store(true, ordering: .releasing)
        store.withLock { $0?.store?.interrupt() }
        var grace = timespec(tv_sec: 2, tv_nsec: 0)
        _ = sigtimedwait(&signals, nil, &grace)
        end()
    }
}

/// A reader that stops when a signal arrived: an import runs Swift code between statements,
/// where SQLite's interruption cannot reach it.
struct InterruptibleReader: RecordReader {
    var base: any RecordReader

    mutating func next() throws -> (record: ImportRecord, location: String)? {
        try Interruption.check()
        return try base.next()
    }
}
