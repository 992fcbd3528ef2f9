import Foundation
import Logging
import ServiceLifecycle
import SQLKit

/// The service's database: SQLite or PostgreSQL behind one transaction API.
///
/// Lifecycle rule: `open` starts everything the database needs (for PostgreSQL the pool's run
/// task) and `close` stops it. In an app, add `services` to the `ServiceGroup` first, so that
/// the group closes the database last, on graceful shutdown. Tests just call `close()`.
public final class Database: Sendable {
    private enum Backend: Sendable {
        case sqlite(SQLiteBackend)
        case postgres(PostgresBackend)
    }

    private let backend: Backend
    private let closed = ClosedFlag()
    /// Which SQL dialect the database speaks.
    public let dialect: Dialect
    /// The URL it was opened with (password never printed by `description`).
    public let url: DatabaseURL
    /// Logger for storage messages.
    public let logger: Logger

    private init(backend: Backend, url: DatabaseURL, logger: Logger) {
        self.backend = backend
        self.url = url
        self.logger = logger
        switch backend {
        case .sqlite: dialect = .sqlite
        case .postgres: dialect = .postgres
        }
    }

    /// Opens the database at `url`; throws `DatabaseError` with a one-line reason when the file
    /// cannot be opened or the server cannot be reached. Does not migrate: call `migrate()`.
    public static func open(_ url: DatabaseURL, logger: Logger) async throws -> Database {
        switch url {
        case let .sqlite(location):
            return Database(backend: .sqlite(try await SQLiteBackend.open(location, logger: logger)), url: url, logger: logger)
        case let .postgres(location):
            return Database(backend: .postgres(try await PostgresBackend.open(location, logger: logger)), url: url, logger: logger)
        }
    }

    /// Runs `body` in one read-write transaction: committed when it returns, rolled back when it
    /// throws. SQLite: `BEGIN IMMEDIATE` on the single writer connection, writers queue in order
    /// (so never call `write` inside `write`: it would wait for itself).
    public func write<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try ensureOpen()
        switch backend {
        case let .sqlite(sqlite): return try await sqlite.write(body)
        case let .postgres(postgres): return try await postgres.write(body)
        }
    }

    /// Runs `body` on the writer WITHOUT a transaction: on SQLite each statement commits on its
    /// own (writers still queue in order, none runs between these statements); on PostgreSQL it is
    /// one transaction, as `write`. Only for commands whose statements are each safe to commit
    /// alone, in the order they run: it saves SQLite's `BEGIN` and `COMMIT` round trips.
    public func writeStatements<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try ensureOpen()
        switch backend {
        case let .sqlite(sqlite): return try await sqlite.writeStatements(body)
        case let .postgres(postgres): return try await postgres.write(body)
        }
    }

    /// Runs `body` in one read-only transaction (a consistent snapshot).
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try ensureOpen()
        switch backend {
        case let .sqlite(sqlite): return try await sqlite.read(body)
        case let .postgres(postgres): return try await postgres.read(body)
        }
    }

    /// Throws unless a trivial query succeeds within `timeout` (for `/healthz`).
    public func ping(timeout: Duration = .seconds(5)) async throws {
        try ensureOpen()
        let backend = self.backend
        try await withDeadline(timeout, "database ping") {
            switch backend {
            case let .sqlite(sqlite): try await sqlite.ping()
            case let .postgres(postgres): try await postgres.ping()
            }
        }
    }

    /// SQLite's commit durability, nil on PostgreSQL.
    public var synchronous: SQLiteSynchronous? {
        if case let .sqlite(sqlite) = backend { return sqlite.location.synchronous }
        return nil
    }

    /// Closes connections and stops the pool; later calls throw `DatabaseError` (`.closed`).
    /// Calling it twice is harmless.
    public func close() async {
        guard closed.close() else { return }
        switch backend {
        case let .sqlite(sqlite): await sqlite.close()
        case let .postgres(postgres): await postgres.close()
        }
    }

    /// Services for the app's `ServiceGroup` (put them first): they close the database on
    /// graceful shutdown.
    public var services: [any Service] { [DatabaseService(database: self)] }

    private func ensureOpen() throws {
        if closed.isClosed { throw DatabaseError(.closed, "the database was closed") }
    }
}
