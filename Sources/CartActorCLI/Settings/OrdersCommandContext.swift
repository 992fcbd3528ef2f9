import ActorIdentity
import ArgumentParser
import Commerce
import Foundation
import Logging
import Outbox
import Server
import Storage

/// What `orders …` commands run against: the migrated database and an `OrderService` with the
/// same payment provider the server would use (demo folder: the sandbox unless SUMUP_API_KEY).
enum OrdersCommandContext {
    /// Runs `body` with the order service and catalog of the database `options` name, the base
    /// URL if one was given (the demo's default port may not be the one it runs on), and the
    /// delivery ledger (`orders show` reports each recipient's deliveries).
    static func with(_ options: ServiceOptions, env: Environment = .process,
                     _ body: @Sendable (OrderService, CatalogService, _ explicitBaseURL: String?, any OutboxReading) async throws -> Void)
    async throws {
        let configuration = try appConfiguration(options, env: env)
        let urls: ActorURLs
        do { urls = try ActorURLs(baseURL: configuration.baseURL ?? "http://127.0.0.1:8080") } catch { throw ValidationError("base URL: \(error)") }
        try await CommandDatabase.with(options.database, env: env) { database in
            let payments = try await PaymentSetup.make(configuration: configuration, database: database,
                                                 logger: Logger(label: "cart-actor"))
            do {
                try await body(payments.orders, CatalogService(store: SQLCommerceStore(database: database)),
                               options.baseURL ?? env["CART_BASE_URL"], SQLOutboxStore(database: database, urls: urls))
                await payments.shutdown()
            } catch {
                await payments.shutdown()
                throw error
            }
        }
    }

    /// Demo settings when the database is the demo folder's (its generated data key included),
    /// else serve settings from flags and environment.
    static func appConfiguration(_ options: ServiceOptions, env: Environment) throws -> AppConfiguration {
        let usesDemo = options.database.database == nil && env["CART_DATABASE_URL"] == nil
            && FileManager.default.fileExists(atPath: DemoFolder.default.path.path)
        var settings = try ResolvedSettings(options, env: env, mode: usesDemo ? .demo : .serve)
        if usesDemo {
            settings.baseURL = settings.baseURL ?? "http://127.0.0.1:8080"
            settings.dataKey = settings.dataKey ?? (try? String(contentsOf: DemoFolder.default.dataKeyFile, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return settings.appConfiguration()
    }
}
