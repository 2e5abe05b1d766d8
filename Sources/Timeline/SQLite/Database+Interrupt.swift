internal import CSQLite

extension Database {
    /// Stops the statements running on this connection as soon as they can: each step returns
    /// `SQLITE_INTERRUPT` (`DatabaseError.isInterrupt`), so the transaction that runs them rolls
    /// back and nothing stays locked. Safe to call from another thread while the connection is
    /// in use (and from a signal handler); a statement started once none is running is not
    /// affected. See <https://sqlite.org/c3ref/interrupt.html>.
    ///
    ///     // On another thread, when the user presses Ctrl-C:
    ///     database.interrupt()
    public func interrupt() {
        sqlite3_interrupt(handle)
    }
}

extension DatabaseError {
    /// The statement was stopped by `Database.interrupt()`.
    public var isInterrupt: Bool { code == SQLITE_INTERRUPT }
}
