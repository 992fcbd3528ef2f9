import Foundation
import SQLKit

/// Applies pending migrations, one transaction each. Safe when several instances start at once:
/// PostgreSQL takes a transaction-scoped advisory lock, SQLite's `BEGIN IMMEDIATE` serialises.
public struct Migrator: Sendable {
    /// The migrations to apply, by version.
    public let migrations: [Migration]

    /// A migrator over `migrations` (the registry by default).
    public init(migrations: [Migration] = MigrationRegistry.all) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Brings `database` up to date; returns the versions applied now (empty when up to date).
    /// Throws `MigrationError.schemaNewer` when the database is ahead of this build.
    @discardableResult
    public func migrate(_ database: Database) async throws -> [Int] {
        var applied: [Int] = []
        let known = migrations.last?.version ?? 0
        while true {
            let migrations = self.migrations
            let done = try await database.write { sql -> Int? in
                let dialect = database.dialect
                if dialect == .postgres {
                    // Scoped to the schema so isolated test schemas do not wait for each other.
                    try await sql.raw("SELECT pg_advisory_xact_lock(hashtext('cart-actor-migrations:' || current_schema()))").run()
                }
                try await sql.raw("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_ms BIGINT NOT NULL)
                    """).run()
                let current = try await sql.raw("SELECT MAX(version) AS v FROM schema_migrations").first()
                    .flatMap { try $0.optionalInt64("v") }.map { Int($0) } ?? 0
                if current > known { throw MigrationError.schemaNewer(database: current, known: known) }
                guard let next = migrations.first(where: { $0.version > current }) else { return nil }
                try await next.apply(sql, dialect)
                try await sql.raw("""
                    INSERT INTO schema_migrations (version, name, applied_ms)
                    VALUES (\(bind: next.version), \(bind: next.name), \(bind: Date().millis))
                    """).run()
                return next.version
            }
            guard let version = done else { return applied }
            database.logger.info("applied schema migration", metadata: ["version": "\(version)"])
            applied.append(version)
        }
    }
}

extension Database {
    /// Applies this build's pending migrations (see `Migrator`); returns the versions applied.
    @discardableResult
    public func migrate() async throws -> [Int] { try await Migrator().migrate(self) }
}
