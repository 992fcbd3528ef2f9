import Foundation

/// An in-process signal that there is new work (an event published, a delivery done), so
/// loops wake at once instead of polling fast; a modest poll still covers work from other
/// processes (several instances on one PostgreSQL).
public actor OutboxWakeup {
    private var signalled = false
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]

    /// A signal with nobody waiting yet.
    public init() {}

    /// Wakes every waiter, or the next one to wait.
    public func signal() {
        guard !waiters.isEmpty else { signalled = true; return }
        let woken = waiters
        waiters = [:]
        for continuation in woken.values { continuation.resume() }
    }

    /// Returns at the next signal (at once if one came since the last wait) or after `timeout`.
    public func wait(upTo timeout: Duration) async {
        if signalled { signalled = false; return }
        let id = UUID()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            waiters[id] = continuation
            Task { [weak self] in
                try? await Task.sleep(for: timeout)
                await self?.expire(id)
            }
        }
    }

    private func expire(_ id: UUID) {
        waiters.removeValue(forKey: id)?.resume()
    }
}

/// A non-throwing nap that ends early when the task is cancelled.
func nap(_ duration: Duration) async {
    try? await Task.sleep(for: duration)
}
