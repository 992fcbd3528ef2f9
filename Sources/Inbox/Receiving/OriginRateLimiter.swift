import Foundation
import Synchronization

/// Fixed-window budget per sender origin (the actor's `scheme://host:port`), in memory: checked
/// before the signature so a flood costs no key fetches.
public final class OriginRateLimiter: Sendable {
    private let count: Int
    private let window: Double
    private let windows = Mutex<[String: (start: Double, used: Int)]>([:])

    /// At most `count` activities per `perSeconds` from one origin.
    public init(count: Int, perSeconds: Double) {
        self.count = count
        self.window = perSeconds
    }

    /// Spends one of `origin`'s budget at `now`; nil when allowed, else seconds until the window ends.
    public func spend(_ origin: String, now: Double) -> Int? {
        windows.withLock { windows in
            if windows.count > 10_000 { windows = windows.filter { now - $0.value.start < window } }
            var current = windows[origin] ?? (start: now, used: 0)
            if now - current.start >= window { current = (start: now, used: 0) }
            guard current.used < count else { return max(1, Int((current.start + window - now).rounded(.up))) }
            current.used += 1
            windows[origin] = current
            return nil
        }
    }
}
