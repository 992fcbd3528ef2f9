import Foundation
import Transport

extension DeliveryWorker {
    /// POSTs the activity; the sender signs it now.
    func attempt(_ delivery: ClaimedDelivery) async -> AttemptResult {
        guard let url = URL(string: delivery.inbox) else { return .failed("inbox \(delivery.inbox) is not a URL", transient: false) }
        let request = OutboundRequest(method: "POST", url: url, headers: [
            ("Content-Type", "application/activity+json"),
            ("Accept", "application/activity+json"),
        ], body: delivery.body, maxResponseBytes: 64 * 1024)
        do {
            let response = try await sender.send(request)
            return .status(response.status, retryAfter: response.header("Retry-After"))
        } catch {
            return .failed(error.description, transient: error.isTransient)
        }
    }

    /// Feeds the attempt to the host's breaker: an opening holds the host's deliveries, a
    /// closing releases them.
    func updateBreaker(_ host: String, failed: Bool, now: Date) async throws {
        if failed {
            if let until = await breakers.failure(host, now: now) {
                logger.warning("host breaker open", metadata: ["host": "\(host)", "until": "\(until)"])
                metrics.breakersOpen(await breakers.openHosts().count)
                try await store.holdHost(host, until: until, reason: "held: \(host) is failing (breaker open)")
            }
        } else if await breakers.success(host) {
            logger.info("host breaker closed", metadata: ["host": "\(host)"])
            metrics.breakersOpen(await breakers.openHosts().count)
            try await store.releaseHeld(host: host, now: now)
            await wakeup.signal()
        }
    }

    /// The ledger's `last_error` for a decision.
    static func errorText(_ decision: DeliveryDecision) -> String? {
        switch decision {
        case .delivered: return nil
        case .retry(_, let reason), .dead(let reason): return reason
        case .gone: return "HTTP 410: the recipient is gone; its followers were removed"
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
