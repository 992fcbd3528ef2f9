import Foundation

/// `bench cart`: (a) capacity with N concurrent buyers in a closed loop; (b) latency at a fixed
/// request rate, measured from each request's scheduled time (no coordinated omission).
struct CartBenchmark {
    var load: CartLoad
    var connections: Int
    var seconds: Double
    var fixedRate: Int

    /// Requests answered 303 per second with `connections` buyers as fast as they can go, and the
    /// process's CPU seconds (server and generator) over the phase.
    func capacity() async throws -> (perSecond: Double, answered303: Int, other: Int, cpuSeconds: Double) {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
        let start = ContinuousClock.now
        let startCPU = ProcessCPU.seconds()
        let counts = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for _ in 0..<connections {
                group.addTask {
                    try await BenchHTTPConnection.with(host: load.target.host, port: load.target.port) { connection in
                        let buyer = try await load.prepareBuyer(&connection)
                        var (ok, other, quantity) = (0, 0, 1)
                        while ContinuousClock.now < deadline {
                            quantity = quantity % 99 + 1
                            if try await load.setQuantity(buyer, to: quantity, on: &connection) { ok += 1 } else { other += 1 }
                        }
                        return (ok, other)
                    }
                }
            }
            return try await group.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        }
        let elapsed = (ContinuousClock.now - start).seconds
        return (Double(counts.0) / elapsed, counts.0, counts.1, ProcessCPU.seconds() - startCPU)
    }

    /// Latency percentiles at `fixedRate` requests/s spread over `connections` buyers.
    /// Also returns how late the generator's own timer woke for each request (`lateness`): that
    /// wait is inside each sample (it is measured from the scheduled time) but is not the server's.
    func latencyAtFixedRate() async throws -> (stats: LatencyStats, lateness: LatencyStats, failures: Int, cpuSeconds: Double) {
        let perConnection = Double(fixedRate) / Double(connections)
        let interval = Duration.milliseconds(Int(1000 / perConnection))
        let requestsEach = Int(seconds * perConnection)
        let startCPU = ProcessCPU.seconds()
        let results = try await withThrowingTaskGroup(of: ([Double], [Double], Int).self) { group in
            for index in 0..<connections {
                group.addTask {
                    try await BenchHTTPConnection.with(host: load.target.host, port: load.target.port) { connection in
                        let buyer = try await load.prepareBuyer(&connection)
                        let offset = Duration.milliseconds(Int(1000 / perConnection / Double(connections) * Double(index)))
                        var scheduled = ContinuousClock.now + .milliseconds(200) + offset
                        var samples: [Double] = []
                        var late: [Double] = []
                        var failures = 0
                        for n in 0..<requestsEach {
                            try await Task.sleep(until: scheduled, clock: .continuous)
                            late.append((ContinuousClock.now - scheduled).milliseconds)
                            if try await !load.setQuantity(buyer, to: n % 99 + 1, on: &connection) { failures += 1 }
                            samples.append((ContinuousClock.now - scheduled).milliseconds)
                            scheduled += interval
                        }
                        return (samples, late, failures)
                    }
                }
            }
            return try await group.reduce(([Double](), [Double](), 0)) { ($0.0 + $1.0, $0.1 + $1.1, $0.2 + $1.2) }
        }
        return (LatencyStats(milliseconds: results.0), LatencyStats(milliseconds: results.1), results.2,
                ProcessCPU.seconds() - startCPU)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1000 }
}
