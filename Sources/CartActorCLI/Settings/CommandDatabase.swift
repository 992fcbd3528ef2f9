import ArgumentParser
import Commerce
import Logging
import Storage

/// Opens the database a command names, migrated, and closes it afterwards.
enum CommandDatabase {
    /// Runs `body` with the migrated database of `option`.
    static func with<T: Sendable>(_ option: DatabaseOption, env: Environment = .process,
                                  _ body: (Database) async throws -> T) async throws -> T {
        let url = try DatabaseURL(parsing: option.resolved(env))
        let database = try await Database.open(url, logger: Logger(label: "cart-actor"))
        do {
            try await database.migrate()
            let result = try await body(database)
            await database.close()
            return result
        } catch {
            await database.close()
            throw error
        }
    }

    /// Runs `body` with a catalog over the database of `option`.
    static func withCatalog(_ option: DatabaseOption, _ body: (CatalogService) async throws -> Void) async throws {
        try await with(option) { database in
            try await body(CatalogService(store: SQLCommerceStore(database: database)))
        }
    }
}
