import ArgumentParser
import Foundation
import Server

/// `bench cart`: the cart's write path over real HTTP on SQLite (or `--database`).
struct BenchCartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cart",
        abstract: "Capacity with N concurrent buyers setting quantities, then p50/p99 at a fixed rate.")
    @Option(help: "Concurrent connections, each its own session") var connections = 50
    @Option(help: "Seconds per phase") var seconds = 10.0
    @Option(help: "Requests per second for the latency phase") var rate = 1000
    @Option(help: "Database URL (default: a fresh SQLite file in a temp folder)") var database: String?

    func run() async throws {
        try await OneLineErrors.run {
            #if DEBUG
            print("note: debug build; run `swift run -c release cart-actor bench cart` for figures worth recording")
            #endif
            let shop = try await BenchShop(name: "cart", database: database)
            defer { shop.cleanUp() }
            let config = shop.config
            let load = CartLoad(target: shop.target(productPath: "/demo/products/oat-milk"))
            let bench = CartBenchmark(load: load, connections: connections, seconds: seconds, fixedRate: rate)
            print("bench cart: \(config.databaseURL ?? ""), \(connections) connections, \(seconds) s per phase, \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(ProcessCPU.loadAverage())")
            try await InProcessServer.with(config) {
                let capacity = try await bench.capacity()
                print(String(format: "capacity: %.0f quantity changes/s answered 303 (%d answered 303, %d other)",
                             capacity.perSecond, capacity.answered303, capacity.other))
                // CPU per answer is the figure to optimise: it barely moves with other load on the machine.
                print(String(format: "  CPU: %.0f µs per 303 (server and generator, %.2f cores busy)",
                             capacity.cpuSeconds * 1e6 / Double(max(capacity.answered303, 1)),
                             capacity.cpuSeconds / seconds))
                let latency = try await bench.latencyAtFixedRate()
                print(String(format: "latency at %d/s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples, %d not 303)",
                             rate, latency.stats.p50, latency.stats.p90, latency.stats.p99, latency.stats.max,
                             latency.stats.count, latency.failures))
                print(String(format: "  of which the generator's own timer woke late: p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                             latency.lateness.p50, latency.lateness.p99, latency.lateness.max))
                print(String(format: "  CPU: %.0f µs per request at %d/s; load average at the end %@",
                             latency.cpuSeconds * 1e6 / Double(max(latency.stats.count, 1)), rate, ProcessCPU.loadAverage()))
            }
        }
    }
}
