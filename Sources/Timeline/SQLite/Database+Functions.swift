internal import CSQLite

/// `SQLITE_TRANSIENT`, which Swift does not import: SQLite copies the result's bytes at once.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// The Swift function behind an SQL function, kept alive by SQLite until the connection closes.
private final class TextFunction {
    let transform: (String) -> String
    init(_ transform: @escaping (String) -> String) { self.transform = transform }
}

extension Database {
    /// Defines the SQL function `name(text)` on this connection only: `transform` of its
    /// argument as text, NULL for NULL. For SQL that needs what SQLite cannot compute (a
    /// migration that folds accents); a file that must stay readable by other tools never
    /// names such a function in its schema. See <https://sqlite.org/c3ref/create_function.html>.
    public func defineFunction(_ name: String, _ transform: @escaping (String) -> String) throws {
        let function = Unmanaged.passRetained(TextFunction(transform)).toOpaque()
        let code = sqlite3_create_function_v2(
            handle, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, function,
            { context, _, arguments in
                guard let context, let argument = arguments?[0], sqlite3_value_type(argument) != SQLITE_NULL else {
                    sqlite3_result_null(context)
                    return
                }
                let function = Unmanaged<TextFunction>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
                let bytes = UnsafeBufferPointer(start: sqlite3_value_text(argument), count: Int(sqlite3_value_bytes(argument)))
                let result = function.transform(String(decoding: bytes, as: UTF8.self))
                sqlite3_result_text(context, result, Int32(result.utf8.count), transient)
            }, nil, nil,
            { function in
                if let function { Unmanaged<TextFunction>.fromOpaque(function).release() }
            })
        guard code == SQLITE_OK else {
            throw DatabaseError(extendedCode: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
        }
    }
}
