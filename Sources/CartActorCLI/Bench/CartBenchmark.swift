import Foundation

/// `bench cart`: (a) capacity with N concurrent buyers in a closed loop; (b) latency at a fixed
/// request rate, measured from each request's scheduled time (no coordinated omission). Buyers
/// are prepared over ordinary connections first; both phases then run on `LoadGenerator`.
struct CartBenchmark {
    var load: CartLoad
    var connections: Int
    var seconds: Double
    var fixedRate: Int

    /// What one phase measured, with the process's CPU seconds (server and generator).
    struct Phase {
        var outcome: LoadOutcome
        var cpuSeconds: Double
    }

    /// One prepared buyer per connection (a session, its form token and a cart line).
    func prepareBuyers() async throws -> [CartLoad.Buyer] {
        try await withThrowingTaskGroup(of: (Int, CartLoad.Buyer).self) { group in
            for index in 0..<connections {
                group.addTask {
                    try await BenchHTTPConnection.with(host: load.target.host, port: load.target.port) { connection in
                        (index, try await load.prepareBuyer(&connection))
                    }
                }
            }
            return try await group.reduce(into: [CartLoad.Buyer?](repeating: nil, count: connections)) { $0[$1.0] = $1.1 }
                .compactMap { $0 }
        }
    }

    /// Quantity changes answered as fast as `connections` buyers can go, for `seconds`.
    func capacity(_ buyers: [CartLoad.Buyer]) async throws -> Phase {
        try await measure(buyers, pace: .closedLoop(seconds: seconds))
    }

    /// Quantity changes at `fixedRate` per second in all, for `seconds`.
    func latencyAtFixedRate(_ buyers: [CartLoad.Buyer]) async throws -> Phase {
        try await measure(buyers, pace: .fixedRate(perSecond: fixedRate, seconds: seconds))
    }

    private func measure(_ buyers: [CartLoad.Buyer], pace: LoadPlan<CartQuantitySource>.Pace) async throws -> Phase {
        let plan = LoadPlan(host: load.target.host, port: load.target.port, connections: buyers.count, pace: pace,
                            source: CartQuantitySource(buyers: buyers, target: load.target))
        let startCPU = ProcessCPU.seconds()
        let outcome = try await LoadGenerator.run(plan)
        return Phase(outcome: outcome, cpuSeconds: ProcessCPU.seconds() - startCPU)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1000 }
}
