/// One numbered schema change, read from `migrations/NNNN_name.sql`.
public struct Migration: Hashable, Sendable {
    /// The number in the file name: 1 for `0001_initial.sql`.
    public let version: Int
    /// The rest of the file name: `initial`.
    public let name: String
    /// The file's SQL, run as one script in one transaction.
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// The file name it comes from, e.g. `0001_initial.sql`.
    public var fileName: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name + ".sql"
    }

    /// A fingerprint of the SQL (64-bit FNV-1a, hex) that tells whether a migration changed
    /// after it was applied. It detects edits, it is not a security hash, so it needs no
    /// cryptography library.
    public var checksum: String {
        func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            return hash
        }
        // Every open checks every migration: hashed over the string's own storage.
        let hash = sql.utf8.withContiguousStorageIfAvailable(fnv1a) ?? fnv1a(sql.utf8)
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
