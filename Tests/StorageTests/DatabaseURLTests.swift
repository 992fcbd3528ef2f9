import Foundation
import Logging
import Storage
import Testing
import TestSupport

@Suite("Database URL and opening")
struct DatabaseURLTests {
    @Test func sqlitePathsRelativeAndAbsolute() throws {
        #expect(try DatabaseURL(parsing: "sqlite:./.cart-demo/cart.sqlite") == .sqlite(SQLiteLocation(path: "./.cart-demo/cart.sqlite")))
        #expect(try DatabaseURL(parsing: "sqlite:/var/lib/cart.sqlite") == .sqlite(SQLiteLocation(path: "/var/lib/cart.sqlite")))
        #expect(try DatabaseURL(parsing: "sqlite:cart.sqlite?synchronous=normal")
            == .sqlite(SQLiteLocation(path: "cart.sqlite", synchronous: .normal)))
        #expect(try DatabaseURL(parsing: "sqlite:cart.sqlite?synchronous=FULL") == .sqlite(SQLiteLocation(path: "cart.sqlite", synchronous: .full)))
        #expect(SQLiteLocation(path: "x").synchronous == .normal)
    }

    @Test func sqliteErrorsNameTheProblem() {
        #expect(throws: DatabaseURLError.missingPath) { try DatabaseURL(parsing: "sqlite:") }
        #expect(throws: DatabaseURLError.badParameter("synchronous")) { try DatabaseURL(parsing: "sqlite:a.db?synchronous=off") }
        #expect(throws: DatabaseURLError.badParameter("mode")) { try DatabaseURL(parsing: "sqlite:a.db?mode=ro") }
        #expect(throws: DatabaseURLError.unknownScheme) { try DatabaseURL(parsing: "mysql://u@h/db") }
        #expect(throws: DatabaseURLError.unknownScheme) { try DatabaseURL(parsing: "./cart.sqlite") }
    }

    @Test func postgresURLIsParsed() throws {
        let url = try DatabaseURL(parsing: "postgres://cart:s%40cret@db.internal:6432/shop?sslmode=require")
        #expect(url == .postgres(PostgresLocation(host: "db.internal", port: 6432, user: "cart", password: "s@cret",
                                                  database: "shop", tls: .require)))
        #expect(try DatabaseURL(parsing: "postgresql://cart@127.0.0.1/cart_test")
            == .postgres(PostgresLocation(host: "127.0.0.1", user: "cart", database: "cart_test")))
        #expect(try DatabaseURL(parsing: "postgres://cart@h/db?schema=t_1&sslmode=disable")
            == .postgres(PostgresLocation(host: "h", user: "cart", database: "db", schema: "t_1", tls: .disable)))
    }

    @Test func postgresErrorsNameTheProblemWithoutThePassword() {
        let cases: [(String, DatabaseURLError)] = [
            ("postgres://cart:pw@/db", .missingHost),
            ("postgres://h:5432/db", .missingUser),
            ("postgres://cart:pw@h:5432", .missingDatabase),
            ("postgres://cart:pw@h:5432/", .missingDatabase),
            ("postgres://cart:pw@h:0/db", .badPort),
            ("postgres://cart:pw@h/db?sslmode=maybe", .badParameter("sslmode")),
            ("postgres://cart:pw@h/db?schema=Robert');DROP", .badParameter("schema")),
            ("postgres://cart:pw@h/db?application=x", .badParameter("application")),
        ]
        for (text, expected) in cases {
            #expect(throws: expected, "\(text)") { try DatabaseURL(parsing: text) }
            #expect(!expected.description.contains("pw"))
        }
    }

    @Test func descriptionHidesThePassword() throws {
        let url = try DatabaseURL(parsing: "postgres://cart:hunter2@db:5432/shop")
        #expect(url.description == "postgres://cart:***@db:5432/shop")
        #expect(!"\(url)".contains("hunter2"))
    }

    @Test func unreachablePostgresFailsWithOneLineReason() async throws {
        // A port nothing listens on: loopback, refused at once.
        let url = DatabaseURL.postgres(PostgresLocation(host: "127.0.0.1", port: 1, user: "cart", password: "hunter2",
                                                        database: "cart", tls: .disable))
        do {
            _ = try await Database.open(url, logger: TestDatabases.logger)
            Issue.record("opening an unreachable database succeeded")
        } catch let error as DatabaseError {
            #expect(error.kind == .unreachable)
            #expect(error.reason.hasPrefix("cannot reach PostgreSQL at postgres://cart:***@127.0.0.1:1/cart"))
            #expect(!error.reason.contains("hunter2"))
            #expect(!error.reason.contains("\n"))
        }
    }

    @Test func sqliteInMissingFolderFailsWithReason() async throws {
        let url = DatabaseURL.sqlite(SQLiteLocation(path: "/nonexistent-\(UUID().uuidString)/cart.sqlite"))
        await #expect(throws: DatabaseError.self) { _ = try await Database.open(url, logger: TestDatabases.logger) }
    }

    @Test func sqliteIsConfiguredAsAsked() async throws {
        for synchronous in SQLiteSynchronous.allCases {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("cart-url-\(UUID().uuidString).sqlite").path
            let database = try await Database.open(.sqlite(SQLiteLocation(path: path, synchronous: synchronous)),
                                                   logger: TestDatabases.logger)
            let settings = try await database.write { sql in
                (try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self),
                 try await sql.raw("PRAGMA synchronous").first()?.decode(column: "synchronous", as: Int.self),
                 try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self),
                 try await sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self))
            }
            #expect(settings.0 == "wal")
            #expect(settings.1 == (synchronous == .full ? 2 : 1))
            #expect(settings.2 == 1)
            #expect(settings.3 == 5000)
            #expect(database.synchronous == synchronous && database.dialect == .sqlite)
            await database.close()
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
    }
}
