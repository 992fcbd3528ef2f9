import ActorIdentity
import Commerce
import Foundation
import Hummingbird
import Logging
import Storage

/// The composition root: opens the database named by `configuration.databaseURL`, applies
/// migrations (before the socket opens), and builds the app. Refuses with a
/// `ConfigurationError` (one line per problem) on bad settings or an unreachable database.
public func buildApplication(configuration: AppConfiguration, logger: Logger? = nil) async throws -> some ApplicationProtocol {
    let logger = logger ?? Logger(label: "cart-actor")
    try configuration.checkedForMode()
    let url: DatabaseURL
    do {
        url = try DatabaseURL(parsing: configuration.databaseURL ?? "")
    } catch {
        throw ConfigurationError(problems: ["CART_DATABASE_URL: \(error)"])
    }
    let database: Database
    do {
        database = try await Database.open(url, logger: logger)
        try await database.ping()
    } catch {
        throw ConfigurationError(problems: ["database unreachable (\(url)): \(error)"])
    }
    return try await buildApplication(configuration: configuration, database: database, logger: logger)
}

/// The same over an already opened `database` (tests, benchmarks). The app's services close it
/// on graceful shutdown.
public func buildApplication(configuration: AppConfiguration, database: Database, logger: Logger,
                             clock: any WallClock = SystemWallClock()) async throws -> some ApplicationProtocol {
    try configuration.checkedForMode()
    guard let base = configuration.baseOrigin, let secret = configuration.secret else {
        throw ConfigurationError(problems: ["missing base URL or secret"])
    }
    if configuration.mode == .serve, let directory = configuration.keysDirectory {
        do {
            _ = try ActorKeyring.load(from: URL(fileURLWithPath: directory, isDirectory: true))
        } catch {
            throw ConfigurationError(problems: ["CART_KEYS_DIR: \(error) (create keys with `cart-actor keys generate`)"])
        }
    }
    if configuration.mode == .serve && configuration.allowPrivateNetworks {
        logger.warning("CART_ALLOW_PRIVATE_NETWORKS is on: outbound requests may reach private addresses; use only for tests and one-host setups")
    }
    try await database.migrate()

    let store = SQLCommerceStore(database: database)
    let catalog = CatalogService(store: store)
    let demo = configuration.mode == .demo ? try DemoCatalog(base: base) : nil
    if let demo { try await demo.seed(catalog: catalog) }

    let payments = try await PaymentSetup.make(configuration: configuration, database: database, logger: logger, clock: clock)
    // Edits of lines locked to an open order release it first (stop its payment, cancel it).
    let carts = CartService(store: store, clock: clock, orders: payments.orders)
    let deps = try Dependencies.make(configuration: configuration, base: base, secret: secret, database: database,
                                     carts: carts, catalog: catalog, orders: payments.orders, clock: clock)
    let collections = try CollectionsSetup.make(configuration: configuration, database: database, logger: logger)
    try await collections?.followConfiguredPeers(now: clock.now(), logger: logger)
    let inbox = try InboxSetup.make(configuration: configuration, database: database, carts: carts, catalog: catalog,
                                    registry: collections?.store, answers: payments.orders, logger: logger, clock: clock)
    let router = try makeRouter(deps: deps, demo: demo, database: database, collections: collections,
                                sandbox: payments.sandbox, inbox: inbox)

    let outbox = try OutboxSetup.services(configuration: configuration, database: database, clock: clock, logger: logger)
    let housekeeping = HousekeepingService(carts: carts, sessions: deps.sessionStore,
                                           interval: configuration.limits.housekeepingIntervalSeconds,
                                           sessionIdleSeconds: configuration.limits.sessionIdleSeconds,
                                           clock: clock, logger: logger)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.bindHost, port: configuration.bindPort), serverName: nil),
        services: database.services + [housekeeping] + payments.services(configuration: configuration, logger: logger) + (collections?.services ?? []) + (inbox?.services ?? []) + outbox,
        logger: logger
    )
}

extension AppConfiguration {
    /// `validateForServe` in serve, `validate` in demo.
    func checkedForMode() throws(ConfigurationError) {
        switch mode {
        case .serve: try validateForServe()
        case .demo: try validate()
        }
    }
}
