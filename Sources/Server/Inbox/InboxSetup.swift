import ActorIdentity
import Commerce
import Foundation
import Hummingbird
import Inbox
import Logging
import Outbox
import ServiceLifecycle
import Storage
import Transport

/// The inbox in the app (issue 6): the `POST /inbox` route and the worker draining its queue.
struct InboxSetup: Sendable {
    let controller: InboxController
    /// Who may ask for fragments on a visitor's behalf (same signature checks as the inbox).
    let fragments: PeerFragmentAccess
    /// The queue worker and the key-fetch transport's shutdown.
    let services: [any Service]

    /// The parts for `configuration`, or nil without a base URL, readable keys or a follower
    /// registry (nothing federates then). `answers` applies calendars' answers to orders.
    static func make(configuration: AppConfiguration, database: Database, carts: CartService, catalog: CatalogService,
                     registry: (any FollowerRegistry)?, answers: (any CalendarAnswers)?, logger: Logger,
                     clock: any WallClock) throws -> InboxSetup? {
        guard let registry, let baseURL = configuration.baseURL, let keys = configuration.keysDirectory,
              let base = URL(string: baseURL) else { return nil }
        let urls = try ActorURLs(baseURL: baseURL)
        let directory = URL(fileURLWithPath: keys, isDirectory: true)
        guard let initial = try? ActorKeyring.load(from: directory) else { return nil }
        // Signers' keys are fetched with a signed GET (some servers refuse unsigned fetches).
        let transport = GuardedTransport(allowPrivateNetworks: configuration.allowPrivateNetworks, logger: logger)
        let signing = CurrentSigningKey(initial: initial, keyring: ReloadingKeyring(directory: directory), urls: urls)
        let sender = SignedSender(transport: transport, memory: SQLSignatureSchemeMemory(database: database),
                                  keyID: { signing.keyID }, key: { signing.key }, logger: logger)
        let resolver = HTTPKeyResolver(transport: RefreshingSender(signing: signing, sender: sender),
                                       cache: SQLPublicKeyCache(database: database), logger: logger)
        let store = SQLInboxStore(database: database)
        let followers = RegistryFollowers(registry: registry)
        let peers = InboxPeers(calendars: configuration.calendarPeers, markets: configuration.marketPeers)
        let wakeup = InboxWakeup()
        let handoff = InboxHandoff()
        let now: @Sendable () -> Date = { clock.now() }
        let verifier = SignatureVerifier(baseURL: base, resolver: RecentKeyResolver(resolver: resolver))
        let siblings = Set(configuration.siblingOrigins.compactMap { BaseOrigin($0)?.origin })
        let limits = InboxLimits(perOriginCount: configuration.limits.inboxPerOrigin.count,
                                 perOriginSeconds: configuration.limits.inboxPerOrigin.perSeconds)
        let receiver = InboxReceiver(urls: urls, verifier: verifier, store: store,
                                     followers: followers, peers: peers, limits: limits, wakeup: wakeup, handoff: handoff,
                                     logger: logger, now: now)
        let handler = InboxHandler(urls: urls, carts: carts, catalog: catalog, followers: followers, answers: answers,
                                   store: store, peers: peers, now: now)
        let worker = InboxWorker(store: store, handler: handler, wakeup: wakeup, handoff: handoff, logger: logger, now: now)
        return InboxSetup(controller: InboxController(receiver: receiver),
                          fragments: PeerFragmentAccess(verifier: verifier, peers: configuration.calendarPeers + configuration.marketPeers,
                                                        siblings: siblings, now: now),
                          services: [worker, TransportShutdownService(transport: transport)])
    }

    /// Registers `POST /inbox` (outside the browser group: no session, no CSRF).
    func addRoutes(to router: Router<AppRequestContext>) {
        controller.addRoutes(to: router)
    }
}
