import ActorIdentity
import Commerce
import Foundation
import Inbox
import Logging
import Outbox
import Storage
import Synchronization
import TestSupport
import Transport

/// The inbox over real HTTP on loopback, over a fresh database of one backend: the same receiver,
/// handler and worker the app builds (Server's `InboxSetup`), with the test peers configured as
/// calendar and market. Tests drain the queue by hand (`drain()`) so outcomes are deterministic.
struct InboxHarness: Sendable {
    let base: String
    let database: Database
    let carts: CartService
    let catalog: CatalogService
    let registry: SQLOutboxStore
    let store: SQLInboxStore
    let worker: InboxWorker
    /// The handler the worker uses (tests build other workers over it: a restarted process).
    let handler: InboxHandler
    /// New activities the receiver stored leased to the worker, in memory (as in the app).
    let handoff: InboxHandoff
    let events: SQLEventLog
    /// Whatever applies calendars' answers to orders (an `OrderService` when the test made one).
    let answers: (any CalendarAnswers)?

    /// `BASE/inbox`.
    var inboxURL: URL { URL(string: base + "/inbox") ?? URL(fileURLWithPath: "/") }
    /// Our actor.
    var actor: String { base + "/actor" }

    static let logger: Logger = {
        var logger = Logger(label: "cart-actor.tests.inbox")
        logger.logLevel = ProcessInfo.processInfo.environment["CART_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .critical
        return logger
    }()

    /// Our actor's signing key for key fetches (servers that refuse unsigned fetches).
    static let ourKey = TestKeys.rsa

    /// Runs `body` with an inbox whose calendar and market are `calendars` and `markets`.
    static func run(_ backend: Backend, calendars: [TestPeer] = [], markets: [TestPeer] = [],
                    limits: InboxLimits = InboxLimits(perOriginCount: 100_000),
                    answers: AnswersFactory? = nil, handoff: InboxHandoff = InboxHandoff(),
                    _ body: @Sendable (InboxHarness) async throws -> Void) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let box = ReceiverBox()
            try await LoopbackServer.run(handler: { request in
                guard let receiver = box.receiver else { return .text("starting", status: 503) }
                return await Self.answer(request, receiver: receiver)
            }) { server in
                let base = "http://127.0.0.1:\(server.port)"
                let urls = try ActorURLs(baseURL: base)
                let commerce = SQLCommerceStore(database: database)
                let carts = CartService(store: commerce)
                let catalog = CatalogService(store: commerce)
                let registry = SQLOutboxStore(database: database, urls: urls)
                let store = SQLInboxStore(database: database)
                let followers = RegistryFollowers(registry: registry)
                let peers = InboxPeers(calendars: calendars.map(\.actor), markets: markets.map(\.actor))
                let sender = SignedSender(transport: TestPeer.transport, memory: SQLSignatureSchemeMemory(database: database),
                                          keyID: { urls.key(id: "test") }, key: { ourKey })
                let resolver = HTTPKeyResolver(transport: sender, cache: SQLPublicKeyCache(database: database), logger: logger)
                guard let baseURL = URL(string: base) else { throw HarnessError.badBase(base) }
                let verifier = SignatureVerifier(baseURL: baseURL, resolver: RecentKeyResolver(resolver: resolver))
                let wakeup = InboxWakeup()
                let receiver = InboxReceiver(urls: urls, verifier: verifier, store: store, followers: followers, peers: peers,
                                             limits: limits, wakeup: wakeup, handoff: handoff, logger: logger)
                let answering = answers?.make(database)
                let handler = InboxHandler(urls: urls, carts: carts, catalog: catalog, followers: followers,
                                           answers: answering, store: store, peers: peers)
                let worker = InboxWorker(store: store, handler: handler, wakeup: wakeup, handoff: handoff, logger: logger)
                box.set(receiver)
                try await body(InboxHarness(base: base, database: database, carts: carts, catalog: catalog, registry: registry,
                                            store: store, worker: worker, handler: handler, handoff: handoff,
                                            events: SQLEventLog(database: database),
                                            answers: answering))
            }
        }
    }

    /// What Server's `InboxController` does with a request: media type and declared length
    /// first, then the receiver.
    static func answer(_ request: ServerRequest, receiver: InboxReceiver) async -> ServerResponse {
        guard request.method == "POST", request.path.split(separator: "?").first == "/inbox" else { return .text("not found", status: 404) }
        let answer = receiver.precheck(contentType: request.header("content-type"),
                                       contentLength: request.header("content-length").flatMap { Int($0) })
            ?? (request.body.count > receiver.maxBodyBytes ? InboxReceiver.tooLarge(receiver.maxBodyBytes) : nil)
        let final: InboxAnswer
        if let answer { final = answer } else {
            final = await receiver.receive(ReceivedRequest(method: request.method, path: request.path,
                                                           headers: request.headers, body: request.body))
        }
        var headers: [(String, String)] = [("Content-Type", "text/plain")]
        if let retry = final.retryAfter { headers.append(("Retry-After", String(retry))) }
        return ServerResponse(status: final.status, headers: headers, body: Array(final.message.utf8))
    }

    /// Handles everything queued.
    func drain() async { await worker.drain() }
}

/// The harness could not start.
enum HarnessError: Error {
    /// The loopback base URL did not parse.
    case badBase(String)
}

/// The receiver the loopback server answers with, set once the port (and so the base URL) is known.
final class ReceiverBox: Sendable {
    private let value = Mutex<InboxReceiver?>(nil)
    var receiver: InboxReceiver? { value.withLock { $0 } }
    func set(_ receiver: InboxReceiver) { value.withLock { $0 = receiver } }
}

/// Makes what applies calendars' answers to orders, once the test database exists.
struct AnswersFactory: Sendable {
    let make: @Sendable (Database) -> (any CalendarAnswers)?
}
