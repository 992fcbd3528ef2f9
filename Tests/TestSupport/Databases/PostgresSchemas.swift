import Foundation
import Logging
import Storage

/// One schema per test database in the PostgreSQL of `CART_TEST_POSTGRES_URL`: creating a schema
/// takes milliseconds, a database hundreds (it copies a template).
enum PostgresSchemas {
    /// The server's default schema, opened once per test run to create and drop test schemas.
    private static let admin = Task<Database, any Error> {
        try await Database.open(.postgres(try baseLocation()), logger: TestDatabases.logger)
    }

    static func baseLocation() throws -> PostgresLocation {
        guard let text = ProcessInfo.processInfo.environment["CART_TEST_POSTGRES_URL"], !text.isEmpty else {
            throw TestDatabases.Unavailable(description:
                "CART_REQUIRE_POSTGRES=1 but CART_TEST_POSTGRES_URL is unset; run the tests under scripts/with-postgres")
        }
        guard case let .postgres(location) = try DatabaseURL(parsing: text) else {
            throw TestDatabases.Unavailable(description: "CART_TEST_POSTGRES_URL is not a postgres:// URL")
        }
        return location
    }

    static func fresh() async throws -> FreshDatabase {
        var location = try baseLocation()
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try await admin.value
        try await admin.write { try await $0.raw("CREATE SCHEMA \(ident: schema)").run() }
        location.schema = schema
        return FreshDatabase(url: .postgres(location)) {
            try await admin.write { try await $0.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
        }
    }
}
