/// Which SQL database a `Database` talks to; queries are shared, these cases pick the few
/// spellings that differ.
public enum Dialect: String, Sendable, Equatable {
    /// SQLite 3 (embedded file).
    case sqlite
    /// PostgreSQL 13 or later.
    case postgres

    /// Column type for raw bytes.
    var bytesType: String { self == .postgres ? "BYTEA" : "BLOB" }
    /// Suffix that locks selected rows until the transaction ends (SQLite's writer already holds
    /// the whole database).
    var forUpdate: String { self == .postgres ? " FOR UPDATE" : "" }
}
