import Commerce
import SQLKit

/// `CommerceStore` on a `Database` (SQLite or PostgreSQL): each `write` is one transaction.
public struct SQLCommerceStore: CommerceStore {
    /// The database the shop's records live in.
    public let database: Database

    /// A store over `database` (which must be migrated).
    public init(database: Database) { self.database = database }

    /// Runs `body` in one read-write transaction of the database.
    public func write<T: Sendable>(_ body: @Sendable (any CommerceWriter) async throws -> T) async throws -> T {
        let dialect = database.dialect
        return try await database.write { sql in try await body(SQLCommerceTransaction(sql: sql, dialect: dialect, writing: true)) }
    }

    /// Runs `body` in one read-only snapshot of the database.
    public func read<T: Sendable>(_ body: @Sendable (any CommerceReader) async throws -> T) async throws -> T {
        let dialect = database.dialect
        return try await database.read { sql in try await body(SQLCommerceTransaction(sql: sql, dialect: dialect, writing: false)) }
    }
}
