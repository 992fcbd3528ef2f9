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
    @Option(help: "Write the latency phase's samples here as CSV (scheduled ms, latency ms)") var samples: String?

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
                let buyers = try await bench.prepareBuyers()
                let capacity = try await bench.capacity(buyers)
                let answered = capacity.outcome.count(303)
                print(String(format: "capacity: %.0f quantity changes/s answered 303 (%d answered 303, %d other)",
                             Double(answered) / capacity.outcome.seconds, answered, capacity.outcome.count(otherThan: 303)))
                // CPU per answer is the figure to optimise: it barely moves with other load on the machine.
                print(String(format: "  CPU: %.0f µs per 303 (server and generator, %.2f cores busy)",
                             capacity.cpuSeconds * 1e6 / Double(max(answered, 1)), capacity.cpuSeconds / capacity.outcome.seconds))
                let latency = try await bench.latencyAtFixedRate(buyers)
                let stats = LatencyStats(milliseconds: latency.outcome.latencies)
                if let samples {
                    let rows = zip(latency.outcome.scheduledAt, latency.outcome.latencies).map { String(format: "%.3f,%.3f", $0, $1) }
                    try ("scheduled_ms,latency_ms\n" + rows.joined(separator: "\n") + "\n").write(toFile: samples, atomically: true, encoding: .utf8)
                }
                let late = LatencyStats(milliseconds: latency.outcome.lateness)
                print(String(format: "latency at %d/s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples, %d not 303)",
                             rate, stats.p50, stats.p90, stats.p99, stats.max, stats.count, latency.outcome.count(otherThan: 303)))
                print(String(format: "  of which the generator's own timer woke late: p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                             late.p50, late.p99, late.max))
                print(String(format: "  CPU: %.0f µs per request at %d/s; load average at the end %@",
                             latency.cpuSeconds * 1e6 / Double(max(stats.count, 1)), rate, ProcessCPU.loadAverage()))
            }
        }
    }
}
