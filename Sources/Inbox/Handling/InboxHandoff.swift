import Commerce
import Foundation
import Synchronization

/// New activities this process's receiver stored already leased to this process's worker, with
/// the command it read from each. The worker takes them from memory: it neither claims their rows
/// (one UPDATE per activity, on PostgreSQL a new row version and index entries) nor parses their
/// bodies again. Only the row is durable: when the process dies, its leases end and any worker
/// claims those rows as it claims rows of a worker that died mid-batch.
public final class InboxHandoff: Sendable {
    /// One activity handed to the worker.
    public struct Entry: Sendable {
        /// The activity as stored.
        public var queued: QueuedActivity
        /// What the receiver read from it.
        public var command: InboxCommand
        /// Its verified signer.
        public var actor: IRI
        /// When its row's lease ends (another worker may claim it then).
        public var leasedUntil: Date
    }

    private struct State {
        var entries: [Entry] = []
        var reserved = 0
        var closed = false
    }

    private let state = Mutex(State())
    /// How long a stored row stays leased to this process.
    public let lease: TimeInterval
    private let capacity: Int

    /// At most `capacity` activities wait in memory (with the worker keeping up, well under a
    /// second of work); beyond that the receiver stores rows due at once, for the worker to claim.
    public init(capacity: Int = 4096, lease: TimeInterval = 60) {
        self.capacity = max(0, capacity)
        self.lease = lease
    }

    /// A place for one activity about to be stored: the lease's end to store it with, or nil
    /// when full (store it due now). Follow with `settle`.
    func reserve(now: Date) -> Date? {
        state.withLock { state in
            guard !state.closed, state.entries.count + state.reserved < capacity else { return nil }
            state.reserved += 1
            return now.addingTimeInterval(lease)
        }
    }

    /// Ends a reservation: `entry` when the activity was stored as new, leased until
    /// `entry.leasedUntil`; nil when it was a repeat or storing it failed.
    func settle(_ entry: Entry?) {
        state.withLock { state in
            state.reserved -= 1
            if let entry { state.entries.append(entry) }
        }
    }

    /// Up to `limit` entries in the order they were received (ties by id), as a claim orders
    /// rows. Entries past half their lease are dropped instead (their rows are claimed when the
    /// lease ends), so what is handed out has time to finish before anyone else may claim it.
    func take(limit: Int, now: Date) -> [Entry] {
        let taken = state.withLock { state in
            let fresh = now.addingTimeInterval(lease / 2)
            state.entries.removeAll { $0.leasedUntil < fresh }
            let taken = Array(state.entries.prefix(max(0, limit)))
            state.entries.removeFirst(taken.count)
            return taken
        }
        // Concurrent insert batches may commit out of order; received order is what claims use.
        return taken.sorted { ($0.queued.receivedAt, $0.queued.id) < ($1.queued.receivedAt, $1.queued.id) }
    }

    /// Takes every waiting entry and hands out no more (the worker is stopping): later
    /// activities, and any reserved now, are stored due at once for whichever worker claims them.
    func close() -> [Entry] {
        state.withLock { state in
            state.closed = true
            defer { state.entries.removeAll() }
            return state.entries
        }
    }

    /// Entries waiting (tests, metrics).
    public var count: Int { state.withLock { $0.entries.count } }
}
