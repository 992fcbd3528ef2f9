import Synchronization

/// When the inbox worker last read the queue and the backlog: while activities arrive in memory
/// faster than it handles them, those reads are paced instead of repeated every batch.
final class WorkerPacing: Sendable {
    private struct State {
        var lastClaim: ContinuousClock.Instant?
        var lastDepth: ContinuousClock.Instant?
    }

    private let state = Mutex(State())

    /// True (and noted) when the queue was last read `interval` ago or never.
    func claimDue(every interval: Duration) -> Bool {
        state.withLock { Self.due(&$0.lastClaim, interval) }
    }

    /// True (and noted) when the backlog was last counted `interval` ago or never.
    func depthDue(every interval: Duration) -> Bool {
        state.withLock { Self.due(&$0.lastDepth, interval) }
    }

    private static func due(_ last: inout ContinuousClock.Instant?, _ interval: Duration) -> Bool {
        let now = ContinuousClock.now
        if let previous = last, now - previous < interval { return false }
        last = now
        return true
    }
}
