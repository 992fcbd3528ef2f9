import Logging
import Metrics
import Outbox
import ServiceLifecycle

/// Polls the delivery ledger for the gauges of `/metrics` (issue 5 item 7): queue depth by state
/// (`cart_outbox_queue_depth{state}`) and hosts marked unavailable
/// (`cart_outbox_unavailable_hosts`). Attempt outcomes, latency and open breakers are recorded by
/// the workers as they happen (`DeliveryMetrics`): breakers live in their memory. A failed poll is logged and
/// retried at the next interval.
struct OutboxGaugesService: Service {
    let outbox: any OutboxReading
    /// Seconds between polls.
    let interval: Double
    let logger: Logger

    func run() async throws {
        await repeatUntilShutdown(every: interval) { await poll() }
    }

    /// One poll: reads the counts and sets the gauges.
    func poll() async {
        do {
            let counts = try await outbox.deliveryCounts()
            for state in DeliveryState.allCases {
                Gauge(label: "cart_outbox_queue_depth", dimensions: [("state", state.rawValue)]).record(counts[state] ?? 0)
            }
            let hosts = try await outbox.troubledHosts()
            Gauge(label: "cart_outbox_unavailable_hosts").record(hosts.filter(\.unavailable).count)
        } catch {
            logger.error("outbox gauges: ledger read failed; will retry", metadata: ["error": "\(error)"])
        }
    }
}
