import ActorIdentity
import Foundation

/// When to try a delivery again and when to give up (issue 5): the first attempt plus
/// `retries` retries, the n-th retry (n from 0) after Mastodon's `n**4 + 15` seconds plus up to
/// `30 * (n + 1)` seconds of jitter — 16 retries span about two days. 2xx delivered; 400 (the
/// sender already tried the other signature scheme) dead; other 4xx dead except 401 (after the
/// second knock, like a 5xx), 408 and 429; 410 gone; 429 and 503 honour `Retry-After`; network
/// errors, timeouts and 5xx retried.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt.
    public var retries: Int
    /// The longest `Retry-After` honoured (a server asking for more gets this).
    public var maxRetryAfter: TimeInterval

    /// A policy; the defaults are the ones above.
    public init(retries: Int = 16, maxRetryAfter: TimeInterval = 86_400) {
        self.retries = retries
        self.maxRetryAfter = maxRetryAfter
    }

    /// Seconds before retry `n` (0-based); `random` in 0..<1 picks the jitter.
    public func backoff(retry n: Int, random: Double) -> TimeInterval {
        let count = Double(max(0, n))
        return count * count * count * count + 15 + (30 * min(max(random, 0), 1)).rounded(.down) * (count + 1)
    }

    /// The decision after an attempt, `attempts` counting it (1 after the first), at `now`.
    public func decide(_ result: AttemptResult, attempts: Int, now: Date,
                       random: Double = Double.random(in: 0..<1)) -> DeliveryDecision {
        let retryReason: String
        var retryAfter: String?
        switch result {
        case .status(let status, let after):
            switch status {
            case 200..<300: return .delivered
            case 410: return .gone
            case 400: return .dead(reason: "HTTP 400 with both signature schemes: the receiver refuses the activity")
            case 401: retryReason = "HTTP 401 with both signature schemes"
            case 408: retryReason = "HTTP 408"
            case 429, 503: retryReason = "HTTP \(status)"; retryAfter = after
            case 400..<500: return .dead(reason: "HTTP \(status): the receiver refuses the activity")
            default: retryReason = "HTTP \(status)"
            }
        case .failed(let why, let transient):
            guard transient else { return .dead(reason: why) }
            retryReason = why
        }
        guard attempts <= retries else {
            return .dead(reason: "gave up after \(attempts) attempts; last: \(retryReason)")
        }
        var delay = backoff(retry: attempts - 1, random: random)
        if let retryAfter, let asked = Self.seconds(retryAfter: retryAfter, now: now) {
            delay = min(max(asked, 1), maxRetryAfter)
        }
        return .retry(at: now.addingTimeInterval(delay), reason: retryReason)
    }

    /// `Retry-After` as seconds from `now`: delta-seconds or an HTTP date.
    public static func seconds(retryAfter: String, now: Date) -> TimeInterval? {
        let text = retryAfter.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text), seconds >= 0 { return TimeInterval(seconds) }
        return HTTPDate.parse(text).map { max(0, $0.timeIntervalSince(now)) }
    }
}
