/// How a test receiver answers a delivery to its inboxes.
public enum ReceiverAnswer: Sendable, Hashable {
    /// 202 Accepted.
    case accepted
    /// Any status with an empty body (400, 401, 404, 500…).
    case status(Int)
    /// 503 with `Retry-After`.
    case unavailable(retryAfter: String)
    /// 429 with `Retry-After`.
    case tooManyRequests(retryAfter: String)
    /// 410 Gone.
    case gone
    /// Never answers (the sender's deadline must end the attempt).
    case hang
    /// 202 after a pause (to observe concurrency).
    case slow(Duration)
}
