import Foundation

/// Group commit for attempt outcomes: an outcome reported while the store is idle is written at
/// once; outcomes reported while a write is running wait for it and then go together in the
/// next one. Under load one transaction records many attempts (one write per attempt capped
/// fan-out on SQLite's single writer and cost a round trip each on PostgreSQL); when idle
/// nothing waits for a timer.
///
/// Each caller returns only after its own outcome is committed (or the write failed), so what a
/// worker does next (breaker, wake-up) follows the ledger. A crash before the commit loses
/// nothing: the delivery stays in flight and is sent again when its lease runs out.
actor OutcomeBatcher {
    private let store: any DeliveryStore
    private let maxBatch: Int
    private var queued: [(attempt: FinishedAttempt, done: CheckedContinuation<Void, any Error>)] = []
    private var writing = false

    /// A batcher writing to `store`, at most `maxBatch` outcomes per transaction.
    init(store: any DeliveryStore, maxBatch: Int = 256) {
        self.store = store
        self.maxBatch = max(1, maxBatch)
    }

    /// Records `attempt`; returns once it is committed, throws what the write threw.
    func record(_ attempt: FinishedAttempt) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            queued.append((attempt, done))
            guard !writing else { return }
            writing = true
            Task { await self.writeQueued() }
        }
    }

    /// Writes batches until nothing is queued.
    private func writeQueued() async {
        while !queued.isEmpty {
            let batch = Array(queued.prefix(maxBatch))
            queued.removeFirst(batch.count)
            do {
                try await store.finish(batch.map(\.attempt))
                for entry in batch { entry.done.resume() }
            } catch {
                for entry in batch { entry.done.resume(throwing: error) }
            }
        }
        writing = false
    }
}
