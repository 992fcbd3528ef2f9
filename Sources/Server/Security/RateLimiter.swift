import Foundation

/// Fixed-window counter per client address, in memory (one process's view; behind several
/// instances each enforces its own budget).
actor RateLimiter {
    private let limit: RateLimit
    private var windows: [String: (start: Double, count: Int)] = [:]
    /// Above this many tracked addresses, finished windows are dropped.
    private let pruneThreshold = 10_000

    init(_ limit: RateLimit) { self.limit = limit }

    /// Spends one event of `client`'s budget; returns nil when allowed, else the seconds until
    /// the window ends (for `Retry-After`).
    func spend(_ client: String, now: Double = Date().timeIntervalSince1970) -> Int? {
        if windows.count > pruneThreshold {
            windows = windows.filter { now - $0.value.start < limit.perSeconds }
        }
        var window = windows[client] ?? (start: now, count: 0)
        if now - window.start >= limit.perSeconds { window = (start: now, count: 0) }
        guard window.count < limit.count else {
            return max(1, Int((window.start + limit.perSeconds - now).rounded(.up)))
        }
        window.count += 1
        windows[client] = window
        return nil
    }
}
