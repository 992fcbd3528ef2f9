import ActorIdentity
import Commerce
import Foundation
import Logging
import Outbox
import Storage
import TestSupport
import Testing
import Transport

/// The real outbox over one test database: store, directory, publisher and worker, sending
/// signed requests through the guarded transport (loopback allowed) to receiver servers.
struct OutboxHarness {
    static let urls: ActorURLs = {
        do { return try ActorURLs(baseURL: "https://shop.test") } catch { fatalError("test base URL: \(error)") }
    }()
    static let keyID = urls.key(id: "test-key")
    static let resolver = SenderKeyResolver(keyID: keyID, owner: urls.actor, key: TestKeys.rsa.publicKey)

    let database: Database
    let store: SQLOutboxStore
    let clock: ManualClock
    let transport: GuardedTransport
    let publisher: Publisher
    let worker: DeliveryWorker
    let events: SQLEventLog
    let directory: ActorDirectory
    /// The signal the worker waits on (an `OutboxNotifications` listener signals it too).
    let wakeup: OutboxWakeup

    /// Runs `body` with a harness over `database`, closing the transport afterwards.
    static func with<T>(_ database: Database, clock: ManualClock = ManualClock(), settings: WorkerSettings = WorkerSettings(),
                        timeout: Duration = .seconds(2), _ body: (OutboxHarness) async throws -> T) async throws -> T {
        var logger = Logger(label: "outbox-tests")
        logger.logLevel = ProcessInfo.processInfo.environment["CART_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        let transport = GuardedTransport(allowPrivateNetworks: true, logger: logger, connectTimeout: .seconds(1), totalTimeout: timeout)
        let harness = make(database, clock: clock, settings: settings, transport: transport, logger: logger)
        do {
            let result = try await body(harness)
            await transport.shutdown()
            return result
        } catch {
            await transport.shutdown()
            throw error
        }
    }

    /// A harness over `database` sending through `transport` (several can share one database).
    static func make(_ database: Database, clock: ManualClock, settings: WorkerSettings, transport: GuardedTransport,
                     logger: Logger) -> OutboxHarness {
        let store = SQLOutboxStore(database: database, urls: urls)
        let sender = SignedSender(transport: transport, memory: CachedSchemeMemory(SQLSignatureSchemeMemory(database: database)),
                                  keyID: { keyID }, key: { TestKeys.rsa }, logger: logger)
        let directory = ActorDirectory(transport: sender, cache: store, clock: clock, logger: logger)
        let renderer = ActivityRenderer(urls: urls) { ["id": .string(urls.actor), "type": "Service"] }
        let wakeup = OutboxWakeup()
        let publisher = Publisher(store: store, renderer: renderer, directory: directory, clock: clock, wakeup: wakeup, logger: logger)
        let worker = DeliveryWorker(store: store, sender: sender, settings: settings, clock: clock, wakeup: wakeup, logger: logger)
        return OutboxHarness(database: database, store: store, clock: clock, transport: transport, publisher: publisher,
                             worker: worker, events: SQLEventLog(database: database), directory: directory, wakeup: wakeup)
    }

    /// Accepts `actor` as a follower (its Accept is published and delivered too).
    func addFollower(_ actor: String) async throws {
        let iri = try #require(IRI(actor))
        _ = try await store.receiveFollow(actor: iri, followID: try #require(IRI(actor + "/follows/1")), autoAccept: true, now: clock.now())
    }

    /// Publishes every pending event, then sends everything due.
    func publishAndDeliver() async throws {
        try await publisher.publishPending()
        try await worker.drain()
    }

    /// Records an order event for `order` (`status` and `kind` as given).
    func record(_ kind: String, _ order: OrderSnapshot) async throws {
        try await events.record(DomainEvent(kind: kind, subject: order.id.uuidString, payload: try order.payload(), occurredAt: clock.now()))
        clock.advance(0.01)
    }

    /// Moves the clock and delivers until nothing is open or `rounds` run out.
    func settle(step: TimeInterval = 3_600, rounds: Int = 40) async throws {
        for _ in 0..<rounds {
            let counts = try await store.deliveryCounts()
            if (counts[.pending] ?? 0) + (counts[.failed] ?? 0) + (counts[.inFlight] ?? 0) == 0 { return }
            clock.advance(step)
            try await worker.drain()
        }
    }

    /// Deliveries of one activity.
    func deliveries(of eventID: UUID) async throws -> [DeliveryRecord] {
        try await store.deliveries(DeliveryFilter(activityID: eventID, limit: 10_000))
    }
}
