import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Server
import ServiceLifecycle

/// `bench checkout`: checkouts over real HTTP against an in-process server whose SumUp is an
/// in-bench stand-in answering every call after a fixed delay (100 ms by default).
struct BenchCheckoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout",
        abstract: "Checkout capacity with N concurrent buyers, then p50/p99 at a fixed checkout rate, against a SumUp answering in a fixed delay.")
    @Option(help: "Concurrent connections, each buyer its own session") var connections = 50
    @Option(help: "Seconds per phase") var seconds = 5.0
    @Option(help: "Checkouts per second for the latency phase") var rate = 100
    @Option(help: "SumUp's fixed answer delay in milliseconds") var sumupDelay = 100
    @Option(help: "Database URL (default: a fresh SQLite file in a temp folder)") var database: String?

    func run() async throws {
        try await OneLineErrors.run {
            #if DEBUG
            print("note: debug build; run `swift run -c release cart-actor bench checkout` for figures worth recording")
            #endif
            // Per-checkout info lines would cost the server under test CPU the figures should measure.
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .warning
                return handler
            }
            let shop = try await BenchShop(name: "checkout", database: database)
            defer { shop.cleanUp() }
            var config = shop.config
            let sumupPort = try await InProcessServer.freePort()
            // Demo with a SumUp key pays through SumUpProvider (not the sandbox), here at the stand-in.
            config.sumupAPIKey = "bench-key"
            config.sumupMerchantCode = "BENCH"
            config.sumupAPIBase = "http://127.0.0.1:\(sumupPort)"
            config.allowPrivateNetworks = true
            let load = CartLoad(target: shop.target(productPath: "/demo/products/honey"))
            let bench = CheckoutBenchmark(load: load, pageSlug: "market-day", connections: connections,
                                          seconds: seconds, fixedRate: rate)
            let delay = Double(sumupDelay)
            print("bench checkout: \(config.databaseURL ?? ""), \(connections) connections, \(seconds) s per phase, SumUp answers in \(sumupDelay) ms, \(ProcessInfo.processInfo.activeProcessorCount) cores")
            let sumup = ServiceGroup(services: [BenchSumUp.application(port: sumupPort, delay: .milliseconds(sumupDelay))],
                                     gracefulShutdownSignals: [], logger: Logger(label: "bench"))
            let sumupTask = Task { try await sumup.run() }
            try await InProcessServer.waitUntilListening(host: "127.0.0.1", port: sumupPort)
            try await InProcessServer.with(config) {
                let ceiling = 1000 / max(delay, 1) * 1.2
                let capacity = try await bench.capacity(maxPerConnectionPerSecond: ceiling)
                print(String(format: "capacity: %.0f checkouts/s answered 303 (%d answered 303, %d other; at most %.0f/s with %d connections and a %d ms SumUp)",
                             capacity.perSecond, capacity.answered303, capacity.other,
                             Double(connections) * 1000 / max(delay, 1), connections, sumupDelay))
                let latency = try await bench.latencyAtFixedRate()
                print(String(format: "latency at %d checkouts/s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples, %d not 303)",
                             rate, latency.stats.p50, latency.stats.p90, latency.stats.p99, latency.stats.max,
                             latency.stats.count, latency.failures))
                print(String(format: "our own added latency (minus SumUp's %d ms): p50 %.2f ms, p99 %.2f ms (target p99 <= 25 ms)",
                             sumupDelay, latency.stats.p50 - delay, latency.stats.p99 - delay))
            }
            await sumup.triggerGracefulShutdown()
            _ = try? await sumupTask.value
        }
    }
}
