import Foundation
import Logging
import Transport

/// How many unsigned POSTs/s the sink answers through the same guarded transport the workers
/// use: the ceiling the fan-out figure is read against.
enum FanoutSinkCapacity {
    /// POSTs per second over `seconds`, with `concurrency` requests in flight.
    static func measure(_ sink: FanoutSink.Running, concurrency: Int, seconds: Double, logger: Logger) async throws -> Double {
        let transport = GuardedTransport(policy: AddressPolicy(allowPrivateNetworks: false, alsoAllowed: IPRange.loopback), logger: logger)
        let body = Array(String(repeating: "x", count: 1_000).utf8)
        let before = sink.received.count
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(Int64(seconds * 1000))
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<max(1, concurrency) {
                    guard let url = URL(string: sink.inbox(worker)) else { throw BenchError.setup("bad sink URL") }
                    group.addTask {
                        while ContinuousClock.now < deadline {
                            _ = try await transport.send(OutboundRequest(
                                method: "POST", url: url, headers: [("Content-Type", "application/activity+json")], body: body))
                        }
                    }
                }
                try await group.waitForAll()
            }
        } catch {
            await transport.shutdown()
            throw error
        }
        let elapsed = FanoutRun.seconds(ContinuousClock.now - start)
        await transport.shutdown()
        return Double(sink.received.count - before) / elapsed
    }
}
