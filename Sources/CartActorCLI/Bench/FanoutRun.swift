import ActorIdentity
import Commerce
import Foundation
import Logging
import Outbox
import Storage
import Transport

/// One fan-out measurement: N accepted followers with distinct inboxes on the sink, their
/// endpoints cached (no actor-document fetches in the figures), the real publisher and the real
/// delivery worker signing each request at send time.
struct FanoutRun {
    /// What one run measured.
    struct Result {
        var warmUpPerSecond: Double
        var publishSeconds: Double
        var deliveries: Int
        var seconds: Double
        var delivered: Int
        /// CPU seconds (user + system) the whole process used during the fan-out, sink included.
        var cpuSeconds: Double
        var perSecond: Double { seconds > 0 ? Double(deliveries) / seconds : 0 }
        /// CPU milliseconds per delivery (signing, HTTP on both ends, ledger).
        var cpuMillisPerDelivery: Double { deliveries > 0 ? cpuSeconds * 1000 / Double(deliveries) : 0 }
    }

    let sink: FanoutSink.Running
    let inboxes: Int
    let databaseURL: String
    let settings: WorkerSettings
    let logger: Logger

    /// Sets up the ledger, warms up with the followers' `Accept`s, then times one `Create` to
    /// every inbox.
    func run() async throws -> Result {
        let database = try await Database.open(try DatabaseURL(parsing: databaseURL), logger: logger)
        let transport = GuardedTransport(policy: AddressPolicy(allowPrivateNetworks: false, alsoAllowed: IPRange.loopback), logger: logger)
        do {
            let result = try await measure(database, transport: transport)
            await transport.shutdown()
            await database.close()
            return result
        } catch {
            await transport.shutdown()
            await database.close()
            throw error
        }
    }

    private func measure(_ database: Database, transport: GuardedTransport) async throws -> Result {
        try await database.migrate()
        let urls = try ActorURLs(baseURL: "https://cart.bench.invalid")
        let store = SQLOutboxStore(database: database, urls: urls)
        guard try await store.count(state: nil) == 0 else {
            throw BenchError.setup("the database already has followers; give an empty one")
        }
        let now = Date()
        for index in 0..<inboxes {
            guard let actor = IRI(sink.actor(index)), let follow = IRI(sink.actor(index) + "/follows/1") else {
                throw BenchError.setup("sink IRIs do not parse")
            }
            _ = try await store.receiveFollow(actor: actor, followID: follow, autoAccept: true, now: now)
            try await store.storeEndpoints(ActorEndpoints(inbox: sink.inbox(index), sharedInbox: nil), of: actor.value, fetchedAt: now)
        }
        let key = try SigningKey.generateRSA()
        // The scheme memory as `serve` has it (cached), so no database read precedes each send.
        let sender = SignedSender(transport: transport, memory: CachedSchemeMemory(SQLSignatureSchemeMemory(database: database)),
                                  keyID: { urls.key(id: "bench") }, key: { key }, logger: logger)
        let wakeup = OutboxWakeup()
        let publisher = Publisher(store: store, renderer: ActivityRenderer(urls: urls, actorObject: { [:] }),
                                  directory: ActorDirectory(transport: sender, cache: store, logger: logger),
                                  wakeup: wakeup, logger: logger)
        let worker = DeliveryWorker(store: store, sender: sender, settings: settings, wakeup: wakeup, logger: logger)

        // Warm-up: each follower's Accept (one activity per inbox), which also opens the pools.
        try await publisher.publishPending()
        let warmStart = ContinuousClock.now
        let warmed = try await worker.drain()
        let warmSeconds = Self.seconds(ContinuousClock.now - warmStart)

        // Measured: one Create{rose:Order} to every inbox.
        try await SQLEventLog(database: database).record(try Self.orderEvent())
        let publishStart = ContinuousClock.now
        try await publisher.publishPending()
        let publishSeconds = Self.seconds(ContinuousClock.now - publishStart)
        let sendStart = ContinuousClock.now
        let cpuStart = FanoutCPU.seconds()
        let sent = try await worker.drain()
        let seconds = Self.seconds(ContinuousClock.now - sendStart)
        let cpuSeconds = FanoutCPU.seconds() - cpuStart
        let delivered = try await store.deliveryCounts()[.delivered] ?? 0
        return Result(warmUpPerSecond: warmSeconds > 0 ? Double(warmed) / warmSeconds : 0, publishSeconds: publishSeconds,
                      deliveries: sent, seconds: seconds, delivered: delivered, cpuSeconds: cpuSeconds)
    }

    /// An `order.created` event for a one-line order.
    static func orderEvent() throws -> DomainEvent {
        guard let page = IRI("https://blog.bench.invalid/pages/market-day"), let product = IRI("https://market.bench.invalid/products/7"),
              let gbp = Currency(code: "GBP")
        else { throw BenchError.setup("sample IRIs do not parse") }
        let price = Money(1550, gbp)
        let order = OrderSnapshot(id: UUID(), number: 1, pageIRI: page, status: .awaitingPayment, customer: nil,
                                  holdUntil: Date().addingTimeInterval(900), total: price,
                                  items: [OrderItem(item: .product(product), name: "Oat milk", unitPrice: price, quantity: 1)],
                                  createdAt: Date())
        return DomainEvent(kind: DomainEventKind.orderCreated, subject: order.id.uuidString, payload: try order.payload(), occurredAt: Date())
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
