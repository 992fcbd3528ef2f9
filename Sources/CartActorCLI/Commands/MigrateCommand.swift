import ArgumentParser
import Storage

/// `migrate`: applies schema migrations (serve and demo also do on start).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply schema migrations.")
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        try await OneLineErrors.run {
            let url = try DatabaseURL(parsing: database.resolved(.process))
            let db = try await Database.open(url, logger: .init(label: "cart-actor"))
            do {
                let applied = try await db.migrate()
                await db.close()
                print(applied.isEmpty ? "schema is up to date (version \(MigrationRegistry.latestVersion))"
                                      : "applied migrations \(applied.map(String.init).joined(separator: ", "))")
            } catch {
                await db.close()
                throw error
            }
        }
    }
}
