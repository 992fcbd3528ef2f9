import ActorIdentity
import ArgumentParser
import Foundation
import Server
import Storage

/// `bench inbox`: pre-signed unique Follows from several peers posted to the real app's inbox at
/// a fixed concurrency; prints accepted/s, handled-and-committed/s, the backlog at the end of
/// sending, and the durability settings in force.
struct BenchInboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "POST /inbox throughput: accepted/s, handled-and-committed/s and the backlog, with durability settings.")

    @Option(help: "Follows to send") var activities: Int = 20_000
    @Option(help: "Concurrent senders") var concurrency: Int = 50
    @Option(help: "Distinct sending peers") var peers: Int = 4
    @Option(help: "Database URL (default: a fresh SQLite file in a temp folder)") var database: String?
    @Flag(help: "Senders are not configured peers: their Follows wait for approval, so no Accept is signed and delivered (the inbox's own cost)")
    var strangers = false
    @Flag(help: "First post the same signed requests to a route answering 202 at once: the load generator's and bare HTTP's share")
    var baseline = false

    func run() async throws {
        try await OneLineErrors.run {
            #if DEBUG
            print("note: debug build; run `swift run -c release cart-actor bench inbox` for figures worth recording")
            #endif
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inbox-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let keys = try ActorKeyring.generate(in: folder.appendingPathComponent("keys"))
            let port = try await InProcessServer.freePort()
            let base = "http://127.0.0.1:\(port)"
            let databaseURL = database ?? "sqlite:\(folder.appendingPathComponent("bench.sqlite").path)"
            let (activities, concurrency, peerCount) = (max(1, activities), max(1, concurrency), max(1, peers))
            try await InboxBenchPeers.with(count: peerCount) { running in
                var config = AppConfiguration(mode: .demo)
                config.baseURL = base
                config.bindHost = "127.0.0.1"
                config.bindPort = port
                config.databaseURL = databaseURL
                config.keysDirectory = keys.directory.path
                config.secret = String(repeating: "b", count: 48)
                // Peers' Follows are accepted at once: each costs an Accept the outbox signs and delivers.
                config.marketPeers = strangers ? [] : (0..<peerCount).map(running.actor)
                config.limits.inboxPerOrigin = .init(count: 10_000_000, perSeconds: 1)
                try await Self.printDurability(databaseURL)
                print("bench inbox: \(activities) Follows from \(peerCount) \(strangers ? "strangers (pending, no Accepts)" : "configured peers (each answered by a signed Accept)"), \(concurrency) concurrent, \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(ProcessCPU.loadAverage())")
                guard let inboxURL = URL(string: base + "/inbox") else { throw BenchError.setup("bad base URL \(base)") }
                let bench = InboxBenchmark(inboxURL: inboxURL, peers: running, activities: activities,
                                           concurrency: concurrency, databaseURL: databaseURL)
                if baseline, let sinkURL = URL(string: "http://127.0.0.1:\(running.port)/actors/0/inbox") {
                    let sink = try await bench.sendOnly(to: sinkURL, actor: base + "/actor")
                    print(String(format: "baseline (same requests, a route answering 202 at once): %d in %.2f s = %.0f/s, %.0f µs CPU per request (load generator and HTTP only)",
                                 sink.statuses[202] ?? 0, sink.seconds, Double(sink.statuses[202] ?? 0) / max(sink.seconds, 0.001),
                                 sink.cpu * 1e6 / Double(max(sink.statuses.values.reduce(0, +), 1))))
                }
                let result = try await InProcessServer.with(config) { try await bench.run(actor: base + "/actor") }
                print(String(format: "accepted: %d answered 202 in %.2f s = %.0f/s; other statuses: %@",
                             result.accepted, result.sendSeconds, Double(result.accepted) / max(result.sendSeconds, 0.001),
                             result.other.isEmpty ? "none" : result.other.map { "\($0.key)×\($0.value)" }.joined(separator: ", ")))
                print(String(format: "CPU while sending: %.2f s of %.2f s × %d cores = %.0f µs per accepted activity (server, worker, outbox and load generator together)",
                             result.sendCPUSeconds, result.sendSeconds, ProcessInfo.processInfo.activeProcessorCount,
                             result.sendCPUSeconds * 1e6 / Double(max(result.accepted, 1))))
                print(String(format: "handled and committed: %d during sending (%.0f/s); backlog at the end of sending: %d",
                             result.handledDuringSend, Double(result.handledDuringSend) / max(result.sendSeconds, 0.001), result.backlogAtEnd))
                print(String(format: "all handled: %d in %.2f s from the first send = %.0f/s",
                             result.handled, result.handleSeconds, Double(result.handled) / max(result.handleSeconds, 0.001)))
                if !strangers {
                    print("signed Accepts the peers received: \(result.acceptsDuringSend) by the end of sending, \(result.acceptsAtEnd) when all was handled (the outbox delivers the rest after)")
                }
                print("load average at the end: \(ProcessCPU.loadAverage())")
                let drainRate = Double(result.handled - result.handledDuringSend) / max(result.handleSeconds - result.sendSeconds, 0.001)
                print(String(format: "backlog at the end of sending = %.2f s of work at the drain rate after sending (%.0f/s; target < 1 s)",
                             result.backlogAtEnd == 0 ? 0 : Double(result.backlogAtEnd) / max(drainRate, 1), drainRate))
            }
        }
    }

    /// SQLite `synchronous`, or PostgreSQL `fsync` and `synchronous_commit`.
    static func printDurability(_ url: String) async throws {
        let database = try await Database.open(try DatabaseURL(parsing: url), logger: .init(label: "cart-actor.bench.inbox"))
        defer { Task { await database.close() } }
        if let synchronous = database.synchronous {
            print("durability: SQLite WAL, synchronous=\(synchronous.rawValue)")
            return
        }
        let settings = try await database.read { sql in
            let fsync = try await sql.raw("SHOW fsync").first()?.decode(column: "fsync", as: String.self) ?? "?"
            let commit = try await sql.raw("SHOW synchronous_commit").first()?.decode(column: "synchronous_commit", as: String.self) ?? "?"
            return (fsync, commit)
        }
        print("durability: PostgreSQL fsync=\(settings.0), synchronous_commit=\(settings.1)")
    }
}
