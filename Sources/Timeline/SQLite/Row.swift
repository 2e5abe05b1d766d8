internal import CSQLite

/// The row a statement is on. Valid only inside the closure it was given to.
public struct Row {
    let handle: OpaquePointer

    /// Number of columns in the row.
    public var count: Int { Int(sqlite3_column_count(handle)) }

    /// The column's name, as the SQL named it.
    public func name(at index: Int) -> String { String(cString: sqlite3_column_name(handle, Int32(index))) }

    /// The raw value of a column.
    public func value(at index: Int) -> DatabaseValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .text(text(at: column))
        }
    }

    private func text(at column: Int32) -> String {
        guard let bytes = sqlite3_column_text(handle, column) else { return "" }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// The column converted to `T`: `String?` for a nullable text column, `Int64` for an
    /// integer. A value of another type is a schema bug (the tables are STRICT), so it traps.
    public subscript<T: DatabaseValueConvertible>(_ index: Int) -> T {
        let value = value(at: index)
        guard let converted = T(databaseValue: value) else {
            preconditionFailure("column \(index) (\(name(at: index))) holds \(value), not \(T.self)")
        }
        return converted
    }
}
