import ActorIdentity
import Foundation
import Logging
import Storage
import Transport

/// `bench inbox`'s measurement: pre-signed unique Follows from several peers posted to the real
/// app's `POST /inbox` at a fixed concurrency; then the worker's progress read from the database.
struct InboxBenchmark: Sendable {
    let inboxURL: URL
    let peers: InboxBenchPeers.Running
    let activities: Int
    let concurrency: Int
    let databaseURL: String

    /// What one run measured.
    struct Result: Sendable {
        var accepted = 0
        var other: [Int: Int] = [:]
        var sendSeconds = 0.0
        var backlogAtEnd = 0
        var handledDuringSend = 0
        var handled = 0
        var handleSeconds = 0.0
        /// CPU the whole process used while sending (server, worker, outbox and load generator).
        var sendCPUSeconds = 0.0
        /// Accepts the peers had received at the end of sending, and once the inbox was drained.
        var acceptsDuringSend = 0
        var acceptsAtEnd = 0
    }

    /// Signs every Follow before the clock starts (signing is the sender's cost, not ours).
    func presign(actor: String) throws -> [OutboundRequest] {
        let now = Date()
        return try (0..<activities).map { index in
            let peer = index % peers.keys.count
            let follow: JSONValue = ["@context": "https://www.w3.org/ns/activitystreams",
                                     "id": .string("\(peers.actor(peer))/follows/\(UUID().uuidString.lowercased())"),
                                     "type": "Follow", "actor": .string(peers.actor(peer)), "object": .string(actor)]
            let body = follow.serializedBytes()
            let headers: [(String, String)] = [("Content-Type", "application/activity+json")]
            let signed = try HTTPSigner.sign(SignableRequest(method: "POST", url: inboxURL, headers: headers, body: body),
                                             scheme: .cavage, keyID: peers.keyID(peer), key: peers.keys[peer], now: now)
            return OutboundRequest(method: "POST", url: inboxURL, headers: headers + signed.map { ($0.name, $0.value) }, body: body)
        }
    }

    /// Sends everything at `concurrency`, then follows the queue until it is empty (or 120 s).
    func run(actor: String) async throws -> Result {
        let requests = InboxRequestSource(try presign(actor: actor), path: inboxURL.path)
        let database = try await Database.open(try DatabaseURL(parsing: databaseURL), logger: Logger(label: "cart-actor.bench.inbox"))
        defer { Task { await database.close() } }
        let acceptsBefore = peers.accepts.current  // `--baseline` posts to the same sink
        let start = ContinuousClock.now
        let startCPU = ProcessCPU.seconds()
        let statuses = try await send(requests, to: inboxURL)
        var result = Result()
        result.sendSeconds = seconds(since: start)
        result.sendCPUSeconds = ProcessCPU.seconds() - startCPU
        result.acceptsDuringSend = peers.accepts.current - acceptsBefore
        result.accepted = statuses[202] ?? 0
        result.other = statuses.filter { $0.key != 202 }
        let (queued, finished) = try await progress(database)
        result.backlogAtEnd = queued
        result.handledDuringSend = finished
        let deadline = ContinuousClock.now + .seconds(120)
        var (remaining, done) = (queued, finished)
        while remaining > 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            (remaining, done) = try await progress(database)
        }
        result.handled = done
        result.handleSeconds = seconds(since: start)
        result.acceptsAtEnd = peers.accepts.current - acceptsBefore
        return result
    }

    /// The same signed requests posted to `url` at `concurrency` (the peers' sink answers 202 at
    /// once: what the load generator and the HTTP server cost without the inbox); returns the
    /// statuses, seconds and CPU seconds.
    func sendOnly(to url: URL, actor: String) async throws -> (statuses: [Int: Int], seconds: Double, cpu: Double) {
        let requests = InboxRequestSource(try presign(actor: actor), path: url.path)
        let start = ContinuousClock.now
        let startCPU = ProcessCPU.seconds()
        let statuses = try await send(requests, to: url)
        return (statuses, seconds(since: start), ProcessCPU.seconds() - startCPU)
    }

    /// Posts every request once at `concurrency` keep-alive connections (on `LoadGenerator`'s
    /// own thread); returns the statuses.
    private func send(_ requests: InboxRequestSource, to url: URL) async throws -> [Int: Int] {
        let plan = LoadPlan(host: url.host ?? "127.0.0.1", port: url.port ?? 80, connections: concurrency,
                            pace: .closedLoop(seconds: nil), source: requests)
        return try await LoadGenerator.run(plan).statuses
    }

    /// Queued and finished rows.
    private func progress(_ database: Database) async throws -> (queued: Int, finished: Int) {
        try await database.read { sql in
            let row = try await sql.raw("""
                SELECT CAST(COALESCE(SUM(CASE WHEN due_ms IS NULL THEN 0 ELSE 1 END), 0) AS BIGINT) AS queued,
                       CAST(COALESCE(SUM(CASE WHEN due_ms IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS finished FROM inbox_activities
                """).first()
            return (try row?.decode(column: "queued", as: Int?.self) ?? 0, try row?.decode(column: "finished", as: Int?.self) ?? 0)
        }
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
