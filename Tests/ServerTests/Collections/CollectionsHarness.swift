import ActorIdentity
import Commerce
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Outbox
import Server
import Storage
import Testing
import TestSupport
import Transport

/// Remote actors on a real loopback server: `/actors/{name}` serves an actor document (inbox,
/// shared inbox, key `#main-key` = `TestKeys.rsa`), so the app fetches their keys over HTTP.
struct RemoteOrigin: Sendable {
    let server: LoopbackServer

    /// `http://127.0.0.1:PORT`.
    var origin: String { "http://127.0.0.1:\(server.port)" }
    /// The actor IRI of `name`.
    func actor(_ name: String) -> String { "\(origin)/actors/\(name)" }
    /// Its key id.
    func keyID(_ name: String) -> String { actor(name) + "#main-key" }

    /// Runs `body` with an origin serving any actor name; its inboxes answer POSTs with `inboxStatus`.
    static func run<T: Sendable>(inboxStatus: Int = 202, _ body: (RemoteOrigin) async throws -> T) async throws -> T {
        let pem = try TestKeys.rsa.publicKey.pem()
        return try await LoopbackServer.run(handler: { request in
            if request.method == "POST" { return .text("", status: inboxStatus) }
            guard let host = request.header("Host"), request.path.hasPrefix("/actors/") else { return .text("not found", status: 404) }
            let id = "http://\(host)\(request.path)"
            let document: JSONValue = [
                "@context": [.string(ActivityContext.activityStreams), .string(ActivityContext.security)],
                "id": .string(id), "type": "Application", "inbox": .string(id + "/inbox"),
                "endpoints": ["sharedInbox": .string("http://\(host)/inbox")],
                "publicKey": ["id": .string(id + "#main-key"), "owner": .string(id), "publicKeyPem": .string(pem)],
            ]
            return .activityJSON(document.serialized())
        }, { server in try await body(RemoteOrigin(server: server)) })
    }
}

/// Requests to the app under test, signed as a remote actor.
enum SignedGet {
    /// Headers of a GET of `path` on the test app signed with `keyID` (cavage or RFC 9421).
    static func headers(_ path: String, keyID: String, accept: String = ActivityMediaType.activityJSON,
                        scheme: SignatureScheme = .cavage, key: SigningKey = TestKeys.rsa) throws -> HTTPFields {
        let url = try #require(URL(string: TestApp.base + path))
        let request = SignableRequest(method: "GET", url: url, headers: [("Accept", accept)])
        let added = try HTTPSigner.sign(request, scheme: scheme, keyID: keyID, key: key, now: Date())
        // A real client always sends Host (the cavage signer adds it; RFC 9421 covers it as @authority).
        var fields: HTTPFields = [.accept: accept]
        if !added.contains(where: { $0.name.lowercased() == "host" }), let host = HTTPField.Name("Host") {
            fields.append(HTTPField(name: host, value: "127.0.0.1:8080"))
        }
        for (name, value) in added {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        return fields
    }
}

/// Ledger contents for the collection tests: events published through the real publisher.
enum CollectionsLedger {
    static let urls: ActorURLs = {
        do { return try ActorURLs(baseURL: TestApp.base) } catch { fatalError("test base URL: \(error)") }
    }()

    /// An order snapshot worth `minor` pence, as the order's events carry it.
    static func order(_ id: UUID = UUID(), status: OrderStatus = .awaitingPayment, minor: Int64 = 1550) throws -> OrderSnapshot {
        let page = try #require(IRI("https://blog.example/pages/market-day"))
        let product = try #require(IRI("https://market.example/products/7"))
        let money = Money(minor, try #require(Currency(code: "GBP")))
        return OrderSnapshot(id: id, number: 1042, pageIRI: page, status: status, customer: nil,
                             holdUntil: Date().addingTimeInterval(900), total: money,
                             items: [OrderItem(item: .product(product), name: "Oat milk", unitPrice: money, quantity: 1, calendarActor: nil)],
                             paymentReference: status == .paid ? "TX-1" : nil, createdAt: Date())
    }

    /// Records `order.created` (and `order.paid` when `paid`) for `order` and publishes them; returns the event ids.
    @discardableResult
    static func publish(_ order: OrderSnapshot, paid: Bool = false, in database: Database) async throws -> [UUID] {
        let ids = try await record(order, paid: paid, in: database)
        try await publisher(database).publishPending()
        return ids
    }

    /// Records `order.created` (and `order.paid` when `paid`) for `order`; returns the event ids.
    @discardableResult
    static func record(_ order: OrderSnapshot, paid: Bool = false, in database: Database) async throws -> [UUID] {
        let log = SQLEventLog(database: database)
        var ids: [UUID] = []
        let created = DomainEvent(kind: DomainEventKind.orderCreated, subject: order.id.uuidString,
                                  payload: try order.payload(), occurredAt: Date())
        try await log.record(created)
        ids.append(created.id)
        if paid {
            var paidOrder = order
            paidOrder.status = .paid
            paidOrder.paymentReference = "TX-1"
            let event = DomainEvent(kind: DomainEventKind.orderPaid, subject: order.id.uuidString,
                                    payload: try paidOrder.payload(), occurredAt: Date().addingTimeInterval(0.01))
            try await log.record(event)
            ids.append(event.id)
        }
        return ids
    }

    /// The real publisher over `database`. Tests publish before adding followers, so its
    /// directory never looks anyone up (its transport refuses, should it try).
    static func publisher(_ database: Database) -> Publisher {
        let store = SQLOutboxStore(database: database, urls: urls)
        return Publisher(store: store, renderer: ActivityRenderer(urls: urls, actorObject: { [:] }),
                         directory: ActorDirectory(transport: RefusingTransport(), cache: store), wakeup: OutboxWakeup(),
                         logger: TestApp.logger)
    }
}

/// A transport that sends nothing: the collection tests must not reach recipients.
struct RefusingTransport: HTTPTransport {
    func send(_ request: OutboundRequest) async throws(TransportError) -> OutboundResponse {
        throw TransportError(.network("collection tests send nothing"), url: request.url.absoluteString)
    }
}
