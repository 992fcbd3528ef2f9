import AsyncHTTPClient
import Commerce
import Foundation
import NIOPosix
import Outbox
import Storage
import Testing
import TestSupport

/// Durability of fan-out (issue 5): `cart-actor demo` as a child process delivers to followers
/// on a loopback receiver, is killed with SIGKILL mid-fan-out, starts again on the same
/// database, and every delivery completes: each follower's inbox receives each activity.
@Suite("outbox restart", .serialized)
struct OutboxRestartTests {
    // MARK: Helpers

    /// Followers (from `CART_LIVE_FANOUT_FOLLOWERS`, default 30); each gets its `Accept` and the
    /// order's `Create` at its own inbox.
    static let followers = Int(ProcessInfo.processInfo.environment["CART_LIVE_FANOUT_FOLLOWERS"] ?? "") ?? 30

    /// Followers, their cached inboxes on `receiver`, and one `order.created` event, written
    /// before the service starts (the service publishes and delivers them).
    @discardableResult
    static func seed(_ databaseURL: String, receiver: LoopbackServer) async throws -> UUID {
        let database = try await Database.open(try DatabaseURL(parsing: databaseURL), logger: TestDatabases.logger)
        do {
            try await database.migrate()
            let store = SQLOutboxStore(database: database, urls: try .init(baseURL: "http://127.0.0.1:1"))
            let now = Date()
            for index in 0..<followers {
                let actor = try #require(IRI("http://127.0.0.1:\(receiver.port)/actors/\(index)"))
                _ = try await store.receiveFollow(actor: actor, followID: try #require(IRI(actor.value + "/follows/1")), autoAccept: true, now: now)
                try await store.storeEndpoints(ActorEndpoints(inbox: "http://127.0.0.1:\(receiver.port)/inbox/\(index)", sharedInbox: nil),
                                               of: actor.value, fetchedAt: now)
            }
            let page = try #require(IRI("https://blog.example/pages/market-day"))
            let price = Money(1550, try #require(Currency(code: "GBP")))
            let order = OrderSnapshot(id: UUID(), number: 1, pageIRI: page, status: .awaitingPayment, customer: nil,
                                      holdUntil: now.addingTimeInterval(900), total: price,
                                      items: [OrderItem(item: .product(try #require(IRI("https://market.example/products/7"))),
                                                        name: "Oat milk", unitPrice: price, quantity: 1)],
                                      createdAt: now)
            try await SQLEventLog(database: database).record(DomainEvent(
                kind: DomainEventKind.orderCreated, subject: order.id.uuidString, payload: try order.payload(), occurredAt: now))
            await database.close()
            return order.id
        } catch {
            await database.close()
            throw error
        }
    }

    /// The ledger's deliveries per state, read from the test process.
    static func counts(_ databaseURL: String) async throws -> [DeliveryState: Int] {
        let database = try await Database.open(try DatabaseURL(parsing: databaseURL), logger: TestDatabases.logger)
        defer { Task { await database.close() } }
        return try await SQLOutboxStore(database: database, urls: try .init(baseURL: "http://127.0.0.1:1")).deliveryCounts()
    }

    // MARK: Tests

    @Test func killedMidFanOutThenRestartedDeliversEverything() async throws {
        let received = ReceivedActivities()
        let expected = 2 * Self.followers
        try await LoopbackServer.run(handler: { request in
            guard request.method == "POST" else { return .text("not found", status: 404) }
            // Slow enough that a fan-out is still going when the process is killed.
            try? await Task.sleep(for: .milliseconds(40))
            let id = (try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])?["id"] as? String ?? "?"
            await received.record(inbox: request.path, activity: id)
            return .text("", status: 202)
        }) { receiver in
            let folder = try CommandRun.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let databaseURL = "sqlite:\(folder.appendingPathComponent("ledger.sqlite").path)"
            let orderID = try await Self.seed(databaseURL, receiver: receiver)

            let first = try await ChildService.start(in: folder, databaseURL: databaseURL)
            let midway = try await received.wait(atLeast: max(1, expected / 3), seconds: 60)
            first.kill()
            #expect(midway < expected, "the fan-out finished before the kill; raise CART_LIVE_FANOUT_FOLLOWERS")

            let second = try await ChildService.start(in: folder, databaseURL: databaseURL)
            defer { second.stop() }
            // In-flight claims of the killed process come back when their lease runs out.
            _ = try await received.wait(distinctAtLeast: expected, seconds: 240)
            // The receiver can have everything while the ledger still shows some of the killed
            // process's claims in flight (sent, but the kill came before their outcome was
            // written): those are sent again once their lease runs out. Wait for the ledger.
            let deadline = Date().addingTimeInterval(240)
            var counts = try await Self.counts(databaseURL)
            while counts[.delivered] != expected && Date() < deadline {
                try await Task.sleep(for: .milliseconds(250))
                counts = try await Self.counts(databaseURL)
            }
            second.stop()
            #expect(counts[.delivered] == expected, "ledger: \(counts)\n\(second.log)")
            #expect((counts[.dead] ?? 0) + (counts[.failed] ?? 0) == 0)
            let pairs = await received.distinctPairs
            #expect(pairs == expected, "every follower's inbox got its Accept and the Create")
            let inboxes = await received.inboxes
            #expect(inboxes == Self.followers)

            // The operators' view of the same ledger, from the command line.
            let order = try CommandRun.run(["deliveries", "--order", orderID.uuidString, "--database", databaseURL])
            #expect(order.status == 0, "\(order.stderr)")
            #expect(order.stdout.contains("no OrderPaid published"))
            #expect(order.stdout.components(separatedBy: "OrderPaid: no - none queued").count - 1 == Self.followers)
            let dead = try CommandRun.run(["deliveries", "--state", "dead", "--database", databaseURL])
            #expect(dead.stdout == "no deliveries match\n")
            let retry = try CommandRun.run(["deliveries", "retry", UUID().uuidString, "--database", databaseURL])
            #expect(retry.status == 1 && retry.stderr.hasPrefix("cart-actor: no failed or dead delivery"), "\(retry.stderr)")
            let peers = try CommandRun.run(["peers", "list", "--database", databaseURL])
            #expect(peers.stdout.hasPrefix("followers: \(Self.followers) accepted, 0 pending"), "\(peers.stdout)")
            let approve = try CommandRun.run(["peers", "approve", "https://nobody.example/actor", "--database", databaseURL])
            #expect(approve.status == 1 && approve.stderr.contains("no pending follow request"), "\(approve.stderr)")
            let follow = try CommandRun.run(["peers", "follow", "https://calendar.example/actor", "--database", databaseURL])
            #expect(follow.status == 0, "\(follow.stderr)")
            let listed = try CommandRun.run(["peers", "list", "--database", databaseURL])
            #expect(listed.stdout.contains("we follow: 1\n  pending\thttps://calendar.example/actor"), "\(listed.stdout)")
        }
    }
}

/// What the receiver got: (inbox path, activity id) pairs, repeats counted separately.
actor ReceivedActivities {
    private var pairs: Set<String> = []
    private var total = 0
    private var paths: Set<String> = []

    func record(inbox: String, activity: String) {
        pairs.insert(inbox + " " + activity)
        paths.insert(inbox)
        total += 1
    }

    var distinctPairs: Int { pairs.count }
    var inboxes: Int { paths.count }

    /// Waits until `atLeast` requests arrived; returns the count then.
    func wait(atLeast: Int, seconds: Double) async throws -> Int {
        try await poll(seconds) { self.total >= atLeast }
        return total
    }

    /// Waits until `distinctAtLeast` distinct pairs arrived.
    func wait(distinctAtLeast: Int, seconds: Double) async throws -> Int {
        try await poll(seconds) { self.pairs.count >= distinctAtLeast }
        return pairs.count
    }

    private func poll(_ seconds: Double, _ done: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !done() {
            guard Date() < deadline else {
                throw LiveTestError.unexpected("receiver got \(total) requests (\(pairs.count) distinct) in \(Int(seconds)) s")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// `cart-actor demo` on a free port in `folder` over a given database, killable with SIGKILL.
final class ChildService: Sendable {
    private let process: Process
    private let output: URL

    private init(process: Process, output: URL) {
        self.process = process
        self.output = output
    }

    /// Starts the service and waits for `/healthz`.
    static func start(in folder: URL, databaseURL: String) async throws -> ChildService {
        let port = try await InProcessPort.free()
        let process = Process()
        process.executableURL = DemoProcess.binary
        process.arguments = ["demo", "--bind", "127.0.0.1:\(port)", "--database", databaseURL]
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CART_") && !$0.key.hasPrefix("SUMUP_") }
        let output = folder.appendingPathComponent("service-\(port).log")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let child = ChildService(process: process, output: output)
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            guard process.isRunning else { throw LiveTestError.exited(child.log) }
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz")
            request.method = .GET
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(1)), response.status == .ok { return child }
            try await Task.sleep(for: .milliseconds(100))
        }
        child.kill()
        throw LiveTestError.notHealthy(child.log)
    }

    /// What it printed.
    var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }

    /// SIGKILL: no graceful shutdown, in-flight deliveries cut off.
    func kill() {
        guard process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, then SIGKILL after 5 s.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        kill()
    }
}

/// A free loopback port.
enum InProcessPort {
    static func free() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 0
        try await channel.close()
        return port
    }
}
