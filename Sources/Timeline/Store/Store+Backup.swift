extension Store {
    /// What `backUp(databaseAt:to:replacing:)` wrote.
    public struct Backup: Equatable, Sendable {
        /// The file written, as the caller named it.
        public let path: String
        /// Events in the copy.
        public let events: Int
        /// The copy's schema version (the source's).
        public let schemaVersion: Int
    }

    /// Writes a consistent copy of the timeline database at `path` to `destination`, while other
    /// processes read and write it: one self-contained file (no `-wal` beside it) holding every
    /// committed record, as of one moment.
    ///
    /// The copy is made with `VACUUM INTO` (<https://sqlite.org/lang_vacuum.html#vacuuminto>)
    /// into a `TemporaryFile` beside `destination`, opened again to pass `PRAGMA integrity_check`
    /// and to have the source's schema version, flushed to disk, then published: without
    /// `replacing`, an existing destination (even one that appears meanwhile) is refused with
    /// `FileError.alreadyExists` and left as it was. A symbolic link's target is what gets
    /// written, with the source's permissions. The source is never created, migrated or changed: it is read as it is, so a
    /// backup taken before an upgrade keeps the old schema.
    ///
    ///     let backup = try Store.backUp(databaseAt: "timeline.db", to: "backup.db", replacing: false)
    public static func backUp(databaseAt path: String, to destination: String, replacing: Bool) throws -> Backup {
        switch FileSystem.entry(at: path) {
        case .missing: throw TimelineError.databaseNotFound(path: path)
        case .folder: throw TimelineError.notATimelineDatabase(path: path, reason: "it is a folder")
        case .file: break
        }
        let target = try FileSystem.fileToReplace(for: destination, protecting: [path, path + "-wal", path + "-shm"])
        if !replacing && FileSystem.entry(at: target) != .missing {
            throw FileError.alreadyExists(path: destination)
        }

        let temporary = TemporaryFile(beside: target)
        do {
            let version = try copy(databaseAt: path, into: temporary.path)
            // VACUUM INTO creates the file with the umask's permissions: a private database
            // (0600) would otherwise get a copy anyone may read.
            try FileSystem.copyPermissions(from: path, to: temporary.path, reportingAs: destination)
            let events = try check(copyAt: temporary.path, of: destination, version: version)
            try temporary.publish(replacing: replacing)
            return Backup(path: destination, events: events, schemaVersion: version)
        } catch let error as FileError {
            temporary.remove()
            // The temporary file's name means nothing to the user: name the destination.
            if case .cannotWrite(let named, let reason) = error, named == target {
                throw FileError.cannotWrite(path: destination, reason: reason)
            }
            throw error
        } catch let error as DatabaseError {
            temporary.remove()
            throw timelineError(error, path: path)
        } catch {
            temporary.remove()
            throw error
        }
    }

    /// Copies the source into `copyPath` with `VACUUM INTO`; returns the source's schema version.
    /// The source is opened as a `.read` store opens it (so a read-only copy can be backed up
    /// too), and only read: no migration, no journal change.
    private static func copy(databaseAt path: String, into copyPath: String) throws -> Int {
        let source = try Database(path: path, mode: try readMode(of: path))
        let status = try Migrator().status(of: source)
        guard status.currentVersion > 0 else {
            throw TimelineError.notATimelineDatabase(path: path, reason: "it is empty (create it with `timeline init`)")
        }
        try source.execute("VACUUM INTO ?", [copyPath])
        return status.currentVersion
    }

    /// Opens the copy read-only and checks it; returns how many events it holds.
    private static func check(copyAt copyPath: String, of destination: String, version: Int) throws -> Int {
        let copy = try Database(path: copyPath, mode: .readOnly)
        let integrity = try copy.scalar("PRAGMA integrity_check", as: String.self)
        guard integrity == "ok" else {
            throw FileError.cannotWrite(path: destination, reason: "the copy failed SQLite's integrity check (\(integrity ?? "no answer"))")
        }
        let copied = try Migrator().status(of: copy).currentVersion
        guard copied == version else {
            throw FileError.cannotWrite(path: destination, reason: "the copy has schema version \(copied), the database \(version)")
        }
        return try copy.scalar("SELECT count(*) FROM events", as: Int.self) ?? 0
    }
}
