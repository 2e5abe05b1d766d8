internal import CSQLite

extension Database {
    /// Copies the whole database, as of one moment, into the new file at `path` with SQLite's
    /// online backup (page by page, indexes and all, without rebuilding anything), and returns
    /// the copy opened for writing. Reads only: the source may be read-only.
    /// See <https://sqlite.org/backup.html>.
    public func copy(to path: String) throws -> Database {
        let copy = try Database(path: path, mode: .create)
        guard let backup = sqlite3_backup_init(copy.handle, "main", handle, "main") else {
            throw DatabaseError(connection: copy.handle, code: sqlite3_errcode(copy.handle))
        }
        let code = sqlite3_backup_step(backup, -1)
        sqlite3_backup_finish(backup)
        guard code == SQLITE_DONE else { throw DatabaseError(connection: copy.handle, code: code) }
        return copy
    }
}
