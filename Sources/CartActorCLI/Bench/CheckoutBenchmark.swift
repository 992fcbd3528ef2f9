import Foundation

/// `bench checkout`: (a) capacity with N concurrent buyers, each its own session, checking out
/// as fast as they can; (b) latency at a fixed checkout rate, measured from each request's
/// scheduled time. Buyers (a session with one line) are prepared before each phase, so only
/// `POST /pages/{slug}/checkout` is timed; it counts when answered 303 to the hosted payment page.
struct CheckoutBenchmark {
    var load: CartLoad
    var pageSlug: String
    var connections: Int
    var seconds: Double
    var fixedRate: Int

    /// Checkouts answered 303 per second with `connections` buyers in a closed loop; each
    /// connection gets `seconds × maxPerConnectionPerSecond` buyers ready.
    func capacity(maxPerConnectionPerSecond: Double) async throws -> (perSecond: Double, answered303: Int, other: Int) {
        let buyers = try await prepare(count: Int((seconds * maxPerConnectionPerSecond).rounded(.up)))
        let began = ContinuousClock.now
        let deadline = began + .milliseconds(Int(seconds * 1000))
        let counts = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for mine in buyers {
                group.addTask {
                    try await BenchHTTPConnection.with(host: load.target.host, port: load.target.port) { connection in
                        var (ok, other) = (0, 0)
                        for buyer in mine where ContinuousClock.now < deadline {
                            if try await checkout(buyer, on: &connection) { ok += 1 } else { other += 1 }
                        }
                        return (ok, other)
                    }
                }
            }
            return try await group.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        }
        let elapsed = (ContinuousClock.now - began).seconds
        return (Double(counts.0) / max(elapsed, 0.001), counts.0, counts.1)
    }

    /// Latency percentiles of checkouts at `fixedRate` per second spread over `connections` buyers.
    func latencyAtFixedRate() async throws -> (stats: LatencyStats, failures: Int) {
        let perConnection = Double(fixedRate) / Double(connections)
        let interval = Duration.milliseconds(Int(1000 / perConnection))
        let requestsEach = max(1, Int(seconds * perConnection))
        let buyers = try await prepare(count: requestsEach)
        let results = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for index in 0..<connections {
                let mine = buyers[index]
                group.addTask {
                    try await BenchHTTPConnection.with(host: load.target.host, port: load.target.port) { connection in
                        let offset = Duration.milliseconds(Int(1000 / perConnection / Double(connections) * Double(index)))
                        var scheduled = ContinuousClock.now + .milliseconds(200) + offset
                        var samples: [Double] = []
                        var failures = 0
                        for buyer in mine {
                            try await Task.sleep(until: scheduled, clock: .continuous)
                            if try await !checkout(buyer, on: &connection) { failures += 1 }
                            samples.append((ContinuousClock.now - scheduled).milliseconds)
                            scheduled += interval
                        }
                        return (samples, failures)
                    }
                }
            }
            return try await group.reduce(([Double](), 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
        }
        return (LatencyStats(milliseconds: results.0), results.1)
    }

    /// `count` fresh buyers per connection, prepared over that connection's own socket.
    private func prepare(count: Int) async throws -> [[CartLoad.Buyer]] {
        try await withThrowingTaskGroup(of: (Int, [CartLoad.Buyer]).self) { group in
            for index in 0..<connections {
                group.addTask {
                    try await BenchHTTPConnection.with(host: load.target.host, port: load.target.port) { connection in
                        var buyers: [CartLoad.Buyer] = []
                        for _ in 0..<count { buyers.append(try await load.prepareBuyer(&connection)) }
                        return (index, buyers)
                    }
                }
            }
            var result = Array(repeating: [CartLoad.Buyer](), count: connections)
            for try await (index, buyers) in group { result[index] = buyers }
            return result
        }
    }

    /// One checkout; whether it was answered 303 to a hosted payment page.
    private func checkout(_ buyer: CartLoad.Buyer, on connection: inout BenchHTTPConnection) async throws -> Bool {
        let response = try await connection.send(
            .POST, "/pages/\(pageSlug)/checkout",
            headers: [("Cookie", buyer.cookie), ("Origin", load.target.baseOrigin)],
            form: String(buyer.formSuffix.dropFirst()))
        return response.status == 303 && (response.headers["Location"].first?.contains("/pay/") ?? false)
    }
}
