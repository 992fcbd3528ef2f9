import ActorIdentity
import Foundation
import Synchronization

/// A fediverse server on loopback for outbox tests: serves actor documents for `/users/N`
/// (personal inbox `/users/N/inbox`, shared inbox `/inbox` unless `sharedInbox` is off), checks
/// every delivery's signature with our verifier (401 when it fails) and answers the rest as
/// scripted: queued answers first, then the default. It can be stopped and started again on
/// the same port (a receiver that is down, then back).
public final class ReceiverHost: Sendable {
    struct State {
        var queued: [ReceiverAnswer] = []
        var fallback: ReceiverAnswer = .accepted
        var received: [ReceivedDelivery] = []
        var actorFetches = 0
        var inFlight = 0
        var maxInFlight = 0
        var server: ReceiverServer?
    }

    /// `http://127.0.0.1:PORT`.
    public let origin: String
    /// The port, kept across restarts.
    public let port: Int
    /// Whether actor documents name the shared inbox.
    public let sharedInbox: Bool
    private let verifier: SignatureVerifier
    let state = Mutex(State())

    private init(port: Int, sharedInbox: Bool, resolver: SenderKeyResolver) {
        self.port = port
        self.origin = "http://127.0.0.1:\(port)"
        self.sharedInbox = sharedInbox
        self.verifier = SignatureVerifier(baseURL: URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/"), resolver: resolver)
    }

    /// Starts a receiver on a free port, trusting signatures made with `resolver`'s key.
    public static func start(sharedInbox: Bool = true, resolver: SenderKeyResolver) async throws -> ReceiverHost {
        // The port must stay fixed across down/up, so it is chosen before binding; another test
        // may take it in between (hundreds run in parallel), so a lost race picks another.
        var lastError: any Error = LoopbackServerError.didNotStart
        for _ in 0..<5 {
            let port = try await ReceiverServer.freePort()
            let host = ReceiverHost(port: port, sharedInbox: sharedInbox, resolver: resolver)
            do {
                try await host.up()
                return host
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    /// The actor IRI of user `n` on this host.
    public func actor(_ n: Int) -> String { "\(origin)/users/\(n)" }
    /// The shared inbox URL.
    public var sharedInboxURL: String { origin + "/inbox" }

    /// Answers the next deliveries with `answers`, in order, then the default again.
    public func enqueue(_ answers: [ReceiverAnswer]) { state.withLock { $0.queued += answers } }
    /// Answers every delivery without a queued answer with `answer`.
    public func answerByDefault(_ answer: ReceiverAnswer) { state.withLock { $0.fallback = answer } }
    /// Every delivery received so far, in arrival order.
    public var received: [ReceivedDelivery] { state.withLock { $0.received } }
    /// The deliveries it accepted (2xx), in arrival order.
    public var accepted: [ReceivedDelivery] { received.filter { (200..<300).contains($0.answered) } }
    /// The most deliveries it was answering at once.
    public var maxConcurrentDeliveries: Int { state.withLock { $0.maxInFlight } }
    /// How many actor documents it served.
    public var actorFetches: Int { state.withLock { $0.actorFetches } }

    /// Stops listening (connections are refused until `up`).
    public func down() async {
        let server = state.withLock { state -> ReceiverServer? in
            defer { state.server = nil }
            return state.server
        }
        await server?.stop()
    }

    /// Listens again on the same port.
    public func up() async throws {
        let server = try await ReceiverServer.start(port: port) { [self] request in await self.answer(request) }
        state.withLock { $0.server = server }
    }

    /// The answer to one request.
    func answer(_ request: ServerRequest) async -> ServerResponse {
        let path = request.path.split(separator: "?").first.map(String.init) ?? request.path
        if request.method == "GET", path.hasPrefix("/users/"), !path.hasSuffix("/inbox") {
            state.withLock { $0.actorFetches += 1 }
            return actorDocument(path)
        }
        guard request.method == "POST", path == "/inbox" || (path.hasPrefix("/users/") && path.hasSuffix("/inbox")) else {
            return ServerResponse(status: 404)
        }
        let outcome = await verifier.verify(ReceivedRequest(method: request.method, path: request.path, headers: request.headers,
                                                            body: request.body), now: Date())
        guard case .verified = outcome else {
            state.withLock { $0.received.append(.parse(path: path, body: request.body, verified: false, answered: 401)) }
            return ServerResponse(status: 401)
        }
        let answer = state.withLock { state -> ReceiverAnswer in
            state.inFlight += 1
            state.maxInFlight = max(state.maxInFlight, state.inFlight)
            return state.queued.isEmpty ? state.fallback : state.queued.removeFirst()
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        switch answer {
        case .hang:
            await hang()
            return ServerResponse(status: 504)
        case .slow(let pause):
            try? await Task.sleep(for: pause)
        default:
            break
        }
        let response = Self.response(answer)
        state.withLock { $0.received.append(.parse(path: path, body: request.body, verified: true, answered: response.status)) }
        return response
    }

    private func actorDocument(_ path: String) -> ServerResponse {
        let id = origin + path
        var document: [String: Any] = [
            "@context": "https://www.w3.org/ns/activitystreams", "id": id, "type": "Person", "inbox": id + "/inbox",
        ]
        if sharedInbox { document["endpoints"] = ["sharedInbox": sharedInboxURL] }
        let body = (try? JSONSerialization.data(withJSONObject: document)).map(Array.init) ?? []
        return ServerResponse(status: 200, headers: [("Content-Type", "application/activity+json")], body: body)
    }

    /// Waits until the server stops (at most a minute), so the client's deadline fires first.
    private func hang() async {
        for _ in 0..<600 {
            if state.withLock({ $0.server == nil }) { return }
            try? await Task.sleep(for: .milliseconds(100))
        }
    }

    private static func response(_ answer: ReceiverAnswer) -> ServerResponse {
        switch answer {
        case .accepted, .hang, .slow: ServerResponse(status: 202)
        case .status(let status): ServerResponse(status: status)
        case .unavailable(let after): ServerResponse(status: 503, headers: [("Retry-After", after)])
        case .tooManyRequests(let after): ServerResponse(status: 429, headers: [("Retry-After", after)])
        case .gone: ServerResponse(status: 410)
        }
    }
}
