import Foundation
import SQLKit
import Storage
import Testing
import TestSupport

@Suite("Migrations")
struct MigrationTests {
    @Test(arguments: Backend.available)
    func freshDatabaseGetsEveryVersionAndRerunIsANoOp(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend, migrate: false) { database in
            #expect(try await database.migrate() == Array(1...MigrationRegistry.latestVersion))
            #expect(try await database.migrate() == [])
            let recorded = try await database.read { sql in
                try await sql.raw("SELECT version FROM schema_migrations ORDER BY version").all()
                    .map { try $0.decode(column: "version", as: Int.self) }
            }
            #expect(recorded == MigrationRegistry.all.map(\.version))
            #expect(MigrationRegistry.latestVersion == 10)
        }
    }

    @Test(arguments: Backend.available)
    func newerSchemaIsRefused(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            try await database.write { sql in
                try await sql.raw("INSERT INTO schema_migrations (version, name, applied_ms) VALUES (99, 'future', 0)").run()
            }
            let known = MigrationRegistry.latestVersion
            await #expect(throws: MigrationError.schemaNewer(database: 99, known: known)) { try await database.migrate() }
            let message = MigrationError.schemaNewer(database: 99, known: known).description
            #expect(message == "database schema is version 99, this build knows up to \(known); upgrade cart-actor")
        }
    }

    @Test(arguments: Backend.available)
    func failingMigrationLeavesNothingBehind(backend: Backend) async throws {
        struct Broken: Error {}
        try await TestDatabases.withDatabase(backend) { database in
            let next = MigrationRegistry.latestVersion + 1
            let broken = Migration(version: next, name: "broken") { sql, _ in
                try await sql.raw("CREATE TABLE half_done (id TEXT PRIMARY KEY)").run()
                throw Broken()
            }
            await #expect(throws: Broken.self) {
                try await Migrator(migrations: MigrationRegistry.all + [broken]).migrate(database)
            }
            let tables = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM schema_migrations WHERE version = \(unsafeRaw: String(next))").first()?
                    .decode(column: "n", as: Int.self)
            }
            #expect(tables == 0)
            // The table was rolled back with the version: creating it again works.
            try await database.write { try await $0.raw("CREATE TABLE half_done (id TEXT PRIMARY KEY)").run() }
        }
    }

    @Test(arguments: Backend.available)
    func twoInstancesMigratingAtOnceBothSucceed(backend: Backend) async throws {
        let fresh = try await TestDatabases.freshURL(backend)
        let first = try await Database.open(fresh.url, logger: TestDatabases.logger)
        let second = try await Database.open(fresh.url, logger: TestDatabases.logger)
        do {
            async let a = first.migrate()
            async let b = second.migrate()
            let (appliedA, appliedB) = try await (a, b)
            #expect((appliedA + appliedB).sorted() == Array(1...MigrationRegistry.latestVersion), "each version applied exactly once")
            #expect(try await first.migrate() == [])
        } catch {
            Issue.record(error)
        }
        await first.close()
        await second.close()
        try await fresh.remove()
    }
}
