import Foundation

/// How the delivery workers run.
public struct WorkerSettings: Sendable, Hashable {
    /// Requests in flight at once from this process.
    public var concurrency: Int
    /// Requests in flight at once to one host.
    public var perHostLimit: Int
    /// How long a claimed delivery stays in flight before another worker may take it (must
    /// exceed the transport's total deadline).
    public var lease: TimeInterval
    /// How often to look for due work without a signal (retries coming due, other instances).
    public var pollInterval: Duration
    /// Consecutive failures that open a host's breaker.
    public var breakerThreshold: Int
    /// How long an open breaker holds a host's deliveries.
    public var breakerCoolDown: TimeInterval

    /// Settings; the defaults suit one instance with a few thousand followers.
    public init(concurrency: Int = 16, perHostLimit: Int = 4, lease: TimeInterval = 120, pollInterval: Duration = .seconds(2),
                breakerThreshold: Int = 5, breakerCoolDown: TimeInterval = 120) {
        self.concurrency = max(1, concurrency)
        self.perHostLimit = max(1, perHostLimit)
        self.lease = lease
        self.pollInterval = pollInterval
        self.breakerThreshold = breakerThreshold
        self.breakerCoolDown = breakerCoolDown
    }
}
