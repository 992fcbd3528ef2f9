import Foundation
import Metrics

/// The outbox's delivery metrics: attempts by outcome, latency, holds.
struct DeliveryMetrics: Sendable {
    private let latency = Metrics.Timer(label: "cart_outbox_delivery_duration_seconds")
    private let heldCounter = Counter(label: "cart_outbox_deliveries_held_total")
    private let openBreakers = Gauge(label: "cart_outbox_open_breakers")

    /// One attempt, by outcome class (`2xx`, `4xx`, `5xx`, `error`).
    func attempted(_ result: AttemptResult, seconds: Double) {
        let outcome: String
        switch result {
        case .status(let status, _): outcome = "\(status / 100)xx"
        case .failed: outcome = "error"
        }
        Counter(label: "cart_outbox_delivery_attempts_total", dimensions: [("outcome", outcome)]).increment()
        latency.recordNanoseconds(Int64(seconds * 1e9))
    }

    /// A delivery held by an open breaker.
    func held() { heldCounter.increment() }

    /// How many hosts' breakers are open in this process now.
    func breakersOpen(_ count: Int) { openBreakers.record(count) }
}
