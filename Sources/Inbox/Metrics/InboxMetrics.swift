import ActorIdentity
import Metrics

/// The inbox's metrics: activities received by type and outcome, signature failures by reason,
/// handling outcomes and the queue depth.
public struct InboxMetrics: Sendable {
    /// Metrics reported through the process's `MetricsSystem`.
    public init() {}

    /// One activity answered: `outcome` is the HTTP status (`202`, `403`…).
    func received(type: String, status: Int) {
        Counter(label: "cart_inbox_received_total", dimensions: [("type", type), ("status", String(status))]).increment()
    }

    /// A signature refused, by reason (`badSignature`, `outsideWindow`…).
    func verificationFailed(_ reason: VerificationFailure.Reason) {
        Counter(label: "cart_inbox_verification_failures_total", dimensions: [("reason", Self.name(reason))]).increment()
    }

    /// One activity handled by the worker: `result` is `done`, `refused`, `ignored`, `retry` or `failed`.
    func handled(type: String, result: String) {
        Counter(label: "cart_inbox_handled_total", dimensions: [("type", type), ("result", result)]).increment()
    }

    /// The backlog.
    func queueDepth(_ depth: Int) {
        Gauge(label: "cart_inbox_queue_depth").record(depth)
    }

    static func name(_ reason: VerificationFailure.Reason) -> String {
        switch reason {
        case .missingSignature: "missingSignature"
        case .malformedSignature: "malformedSignature"
        case .unsupportedAlgorithm: "unsupportedAlgorithm"
        case .keyAlgorithmMismatch: "keyAlgorithmMismatch"
        case .weakKey: "weakKey"
        case .digestMissing: "digestMissing"
        case .digestMismatch: "digestMismatch"
        case .dateMissing: "dateMissing"
        case .outsideWindow: "outsideWindow"
        case .createdInFuture: "createdInFuture"
        case .requiredComponentMissing: "requiredComponentMissing"
        case .hostMismatch: "hostMismatch"
        case .pathMismatch: "pathMismatch"
        case .badSignature: "badSignature"
        case .keyUnavailable(let transient): transient ? "keyUnavailableTransient" : "keyUnavailable"
        case .keyOwnerMismatch: "keyOwnerMismatch"
        }
    }
}
