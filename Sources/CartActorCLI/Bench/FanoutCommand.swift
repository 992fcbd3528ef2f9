import ArgumentParser
import Foundation
import Logging
import Outbox
import Transport

/// `bench fanout --inboxes 2000`: one activity to N distinct inboxes on a local sink that
/// answers 202 without verifying; deliveries/s beside `openssl speed rsa2048` sign/s of the same
/// run (issue 5: target >= 80% of that sign rate on SQLite).
struct BenchFanoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fanout",
        abstract: "Deliveries/s of one activity to N inboxes on a local 202 sink, beside openssl's single-process sign/s.")
    @Option(help: "Distinct follower inboxes") var inboxes = 2000
    @Option(help: "An EMPTY database: sqlite:PATH or postgres://… (default: a fresh SQLite file in a temp folder)") var database: String?
    @Option(help: "Deliveries in flight at once") var concurrency = 64
    @Option(name: .customLong("per-host"), help: "Deliveries in flight at once to one host (the sink is one host)") var perHost = 64
    @Option(name: .customLong("openssl-seconds"), help: "Seconds for `openssl speed rsa2048`") var opensslSeconds = 3

    /// Errors only: the figures are the output.
    static var quietLogger: Logger {
        var logger = Logger(label: "cart-actor.bench.fanout")
        logger.logLevel = .error
        return logger
    }

    func run() async throws {
        try await OneLineErrors.run {
            #if DEBUG
            print("note: debug build; run `swift run -c release cart-actor bench fanout` for figures worth recording")
            #endif
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cart-fanout-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = database ?? "sqlite:\(folder.appendingPathComponent("fanout.sqlite").path)"
            let logger = Self.quietLogger
            let (inboxes, concurrency, perHost) = (self.inboxes, self.concurrency, self.perHost)
            print("bench fanout: \(inboxes) inboxes, \(url.hasPrefix("postgres") ? "PostgreSQL" : "SQLite"), concurrency \(concurrency) (\(perHost) per host), \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(FanoutCPU.loadAverage() ?? "?")")
            let result = try await FanoutSink.with { sink in
                let capacity = try await FanoutSinkCapacity.measure(sink, concurrency: concurrency, seconds: 3, logger: logger)
                print(String(format: "sink alone: %.0f unsigned POST/s answered 202 (%d concurrent; the ceiling for the figures below)",
                             capacity, concurrency))
                let run = FanoutRun(sink: sink, inboxes: inboxes, databaseURL: url,
                                    settings: WorkerSettings(concurrency: concurrency, perHostLimit: perHost), logger: logger)
                return try await run.run()
            }
            print(String(format: "warm-up (each follower's Accept): %.0f deliveries/s", result.warmUpPerSecond))
            print(String(format: "publish (1 activity, %d delivery rows in one transaction): %.2f s", inboxes, result.publishSeconds))
            print(String(format: "fan-out: %d deliveries in %.2f s = %.0f deliveries/s (%d delivered in all, of %d)",
                         result.deliveries, result.seconds, result.perSecond, result.delivered, 2 * inboxes))
            print("load average after the fan-out: \(FanoutCPU.loadAverage() ?? "?")")
            print(String(format: "fan-out CPU: %.2f s user+sys for the whole process (sink included) = %.2f ms per delivery",
                         result.cpuSeconds, result.cpuMillisPerDelivery))
            let openssl = try OpenSSLSpeed.rsa2048(seconds: opensslSeconds)
            print(String(format: "openssl speed rsa2048 (one process): %.0f sign/s; fan-out is %.1f%% of it (target >= 80%%)",
                         openssl.signsPerSecond, result.perSecond / openssl.signsPerSecond * 100))
        }
    }
}
