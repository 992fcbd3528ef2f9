import ActorIdentity
import Commerce
import Foundation
import Hummingbird
import Logging
import Outbox
import ServiceLifecycle
import Storage

/// The outbox's read side in the app (issue 5 items 6-7): `/outbox`, `/followers`,
/// `/activities/{id}`, the activity+json face of `/orders/{id}`, and the ledger gauges.
struct CollectionsSetup: Sendable {
    let controller: CollectionsController
    let orderObject: OrderObjectMiddleware
    /// The gauge poller and the key-fetch transport's shutdown.
    let services: [any Service]
    /// The follower registry, for following the configured peers at start.
    let store: SQLOutboxStore
    /// `CART_CALENDAR_PEERS` + `CART_MARKET_PEERS`.
    let peers: [String]

    /// The parts for `configuration`, or nil without a base URL or readable keys (nothing federates then).
    static func make(configuration: AppConfiguration, database: Database, logger: Logger) throws -> CollectionsSetup? {
        guard let baseURL = configuration.baseURL, let keys = configuration.keysDirectory else { return nil }
        let urls = try ActorURLs(baseURL: baseURL)
        let directory = URL(fileURLWithPath: keys, isDirectory: true)
        // Serve has checked the keys already; a demo or test without readable keys runs without
        // collections rather than not at all.
        guard (try? ActorKeyring.load(from: directory)) != nil else {
            logger.warning("no readable keys in CART_KEYS_DIR: /outbox, /followers and /activities are off", metadata: ["dir": "\(keys)"])
            return nil
        }
        let store = SQLOutboxStore(database: database, urls: urls)
        let made = try AuthorisedReaders.make(configuration: configuration, urls: urls, database: database,
                                              keysDirectory: directory, keyring: ReloadingKeyring(directory: directory),
                                              store: store, logger: logger)
        return CollectionsSetup(
            controller: CollectionsController(urls: urls, readers: made.readers, outbox: store, followers: store),
            orderObject: OrderObjectMiddleware(urls: urls, readers: made.readers, outbox: store),
            services: [made.service, OutboxGaugesService(outbox: store, interval: 15, logger: logger)],
            store: store, peers: configuration.calendarPeers + configuration.marketPeers)
    }

    /// Follows every configured peer not followed yet (contract §2: "both are followed at
    /// start"); the publisher sends the `Follow`s. An IRI that does not parse is logged and skipped.
    func followConfiguredPeers(now: Date, logger: Logger) async throws {
        let followed = Set(try await store.ourFollows().filter { $0.state != .rejected }.map(\.actor.value))
        for peer in peers where !followed.contains(peer) {
            guard let iri = IRI(peer) else {
                logger.error("configured peer is not an http(s) IRI; not followed", metadata: ["peer": "\(peer)"])
                continue
            }
            try await store.follow(actor: iri, now: now)
            logger.info("following configured peer", metadata: ["peer": "\(peer)"])
        }
    }

    /// Registers the routes, and the order-object middleware for every route added after it
    /// (so call it before the browser routes: `/orders/{id}` is one of them).
    func install(on router: Router<AppRequestContext>) {
        controller.addRoutes(to: router)
        router.add(middleware: orderObject)
    }
}
