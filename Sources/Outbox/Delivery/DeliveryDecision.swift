import Foundation

/// What happens to a delivery after one attempt.
public enum DeliveryDecision: Sendable, Equatable {
    /// 2xx: done.
    case delivered
    /// Try again at `at` (5xx, network, timeout, 401 after the second knock, 408, 429).
    case retry(at: Date, reason: String)
    /// Given up, with the reason shown in `deliveries`.
    case dead(reason: String)
    /// 410: the recipient is gone; given up and the follower removed at once.
    case gone
}

/// What one attempt got back, as the retry policy needs it.
public enum AttemptResult: Sendable {
    /// An HTTP answer (after `SignedSender`'s second knock on 401/400), with `Retry-After` if any.
    case status(Int, retryAfter: String?)
    /// No HTTP answer: why (transport error text) and whether trying again may help.
    case failed(String, transient: Bool)

    /// Whether the attempt counts against the host (its breaker and failing days): network
    /// trouble, timeouts, 5xx, 408, 429. A 4xx the host chose to send is not the host failing.
    public var isHostFailure: Bool {
        switch self {
        case .status(let status, _): status >= 500 || status == 408 || status == 429
        case .failed: true
        }
    }

    /// Whether the host answered 2xx.
    public var isSuccess: Bool {
        if case .status(let status, _) = self { return (200..<300).contains(status) }
        return false
    }

    /// The status, when there was an HTTP answer.
    public var status: Int? {
        if case .status(let status, _) = self { return status }
        return nil
    }
}
