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
        let requests = try presign(actor: actor)
        let database = try await Database.open(try DatabaseURL(parsing: databaseURL), logger: Logger(label: "cart-actor.bench.inbox"))
        defer { Task { await database.close() } }
        let start = ContinuousClock.now
        let startCPU = ProcessCPU.seconds()
        let statuses = try await send(requests, to: inboxURL)
        var result = Result()
        result.sendSeconds = seconds(since: start)
        result.sendCPUSeconds = ProcessCPU.seconds() - startCPU
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
        return result
    }

    /// The same signed requests posted to `url` at `concurrency` (the peers' sink answers 202 at
    /// once: what the load generator and the HTTP server cost without the inbox); returns the
    /// statuses, seconds and CPU seconds.
    func sendOnly(to url: URL, actor: String) async throws -> (statuses: [Int: Int], seconds: Double, cpu: Double) {
        let requests = try presign(actor: actor)
        let start = ContinuousClock.now
        let startCPU = ProcessCPU.seconds()
        let statuses = try await send(requests, to: url)
        return (statuses, seconds(since: start), ProcessCPU.seconds() - startCPU)
    }

    /// Posts every request at `concurrency`, one keep-alive connection per sending task.
    private func send(_ requests: [OutboundRequest], to url: URL) async throws -> [Int: Int] {
        let next = IndexCounter()
        let (host, port, path) = (url.host ?? "127.0.0.1", url.port ?? 80, url.path)
        return try await withThrowingTaskGroup(of: [Int: Int].self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    try await InboxBenchConnection.with(host: host, port: port) { connection in
                        var seen: [Int: Int] = [:]
                        while let index = next.take(below: requests.count) {
                            let request = requests[index]
                            let status = try await connection.post(path, headers: request.headers, body: request.body ?? [])
                            seen[status, default: 0] += 1
                        }
                        return seen
                    }
                }
            }
            return try await group.reduce(into: [Int: Int]()) { total, part in total.merge(part, uniquingKeysWith: +) }
        }
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

/// Hands out request indexes to the sending tasks.
final class IndexCounter: @unchecked Sendable {
    // Safe: `value` is only touched while holding `lock`.
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
