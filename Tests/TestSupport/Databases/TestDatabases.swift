import Foundation
import Logging
import Storage

/// Fresh, migrated databases for tests: each call gets its own SQLite file or PostgreSQL schema,
/// removed again afterwards.
public enum TestDatabases {
    /// Why a test database could not be made.
    public struct Unavailable: Error, CustomStringConvertible {
        /// What is missing.
        public var description: String
    }

    /// A logger that stays quiet unless `CART_TEST_LOG_LEVEL` says otherwise.
    public static let logger: Logger = {
        var logger = Logger(label: "cart-actor.tests.storage")
        logger.logLevel = ProcessInfo.processInfo.environment["CART_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        return logger
    }()

    /// Runs `body` with a fresh migrated database of `backend`, then closes and removes it.
    public static func withDatabase<T>(_ backend: Backend, migrate: Bool = true,
                                       _ body: (Database) async throws -> T) async throws -> T {
        let fresh = try await freshURL(backend)
        let database = try await Database.open(fresh.url, logger: logger)
        do {
            if migrate { try await database.migrate() }
            let result = try await body(database)
            await database.close()
            try await fresh.remove()
            return result
        } catch {
            await database.close()
            try? await fresh.remove()
            throw error
        }
    }

    /// An empty database location of `backend` and how to remove it. For tests that open the
    /// same database twice (concurrent migrators).
    public static func freshURL(_ backend: Backend) async throws -> FreshDatabase {
        switch backend {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("cart-test-\(UUID().uuidString).sqlite").path
            return FreshDatabase(url: .sqlite(SQLiteLocation(path: path))) {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        case .postgres:
            return try await PostgresSchemas.fresh()
        }
    }
}

/// A fresh database location and the way to remove it.
public struct FreshDatabase: Sendable {
    /// Where it is.
    public let url: DatabaseURL
    /// Deletes the file or drops the schema.
    public let remove: @Sendable () async throws -> Void
}
