import Foundation
import Logging
import ServiceLifecycle

/// Drains the durable inbox queue off the request path: takes what this process's receiver
/// handed over in memory (rows it stored already leased), claims due activities in batches, hands
/// each to `InboxHandler` (a run of Follows is recorded in one transaction), records the outcome,
/// and retries storage failures with backoff. Runs as a lifecycle service; a crash loses nothing
/// (leased rows, handed over or claimed, come back when their lease ends).
public struct InboxWorker: Service {
    let store: any InboxStore
    let handler: InboxHandler
    let wakeup: InboxWakeup
    let handoff: InboxHandoff?
    let settings: Settings
    let pacing = WorkerPacing()
    let metrics: InboxMetrics
    let logger: Logger
    let now: @Sendable () -> Date

    /// Batch size, polling, leases and retries.
    public struct Settings: Sendable {
        /// Activities claimed per round.
        public var batchSize: Int = 256
        /// Longest sleep between rounds when nothing nudges the worker.
        public var pollInterval: Duration = .seconds(1)
        /// Seconds a claimed activity stays invisible to other workers.
        public var lease: TimeInterval = 60
        /// Attempts before an activity is given up (recorded as failed).
        public var maxAttempts: Int = 8
        /// Defaults.
        public init() {}
    }

    /// A worker over `store`, taking first what the receiver put in `handoff`.
    public init(store: any InboxStore, handler: InboxHandler, wakeup: InboxWakeup, handoff: InboxHandoff? = nil,
                settings: Settings = Settings(), metrics: InboxMetrics = InboxMetrics(), logger: Logger,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.handler = handler
        self.wakeup = wakeup
        self.handoff = handoff
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
        self.now = now
    }

    /// Runs until graceful shutdown or cancellation.
    public func run() async throws {
        // A shutdown ends the wait, never a batch in hand: cancelling database work mid-way
        // (PostgresNIO leases) could leave the group waiting forever.
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let handled = await drainOnce()
            if handled == 0 {
                let wakeup = self.wakeup
                await withGracefulShutdownHandler {
                    await wakeup.wait(timeout: settings.pollInterval)
                } onGracefulShutdown: {
                    wakeup.nudge()
                }
            }
        }
        await releaseHandedOver()
    }

    /// Takes or claims one batch and handles it; returns how many activities it handled (tests
    /// and the benchmark call it directly).
    @discardableResult
    public func drainOnce() async -> Int {
        let clock = now()
        var batch: [(queued: QueuedActivity, prepared: PreparedActivity)] =
            (handoff?.take(limit: settings.batchSize, now: clock) ?? []).map { ($0.queued, .command($0.command, actor: $0.actor)) }
        // The queue is read when nothing was handed over, and at least every poll interval while
        // something is (retries and other processes' expired leases are due there too).
        if batch.count < settings.batchSize, batch.isEmpty || pacing.claimDue(every: settings.pollInterval) {
            do {
                let claimed = try await store.claim(limit: settings.batchSize - batch.count, now: clock, lease: settings.lease)
                batch += claimed.map { ($0, handler.prepare($0)) }
            } catch {
                // Shutting down, or the claim failed: what was handed over is still handled now
                // (dropping it would leave its rows leased until the lease ends).
                if !(error is CancellationError) {
                    logger.error("inbox queue claim failed", metadata: ["error": "\(error)"])
                }
                if batch.isEmpty { return 0 }
            }
        }
        var finished: [(id: String, outcome: String)] = []
        var follows: [(queued: QueuedActivity, record: FollowRecord)] = []
        for (queued, prepared) in batch {
            if case .command(.follow(let followID), let actor) = prepared {
                follows.append((queued, handler.followRecord(queued, actor: actor, followID: followID)))
                continue
            }
            // Follows before this activity are recorded first: per-actor order is kept.
            await recordFollows(&follows, finished: &finished)
            if let outcome = await handle(queued, prepared) { finished.append((queued.id, outcome)) }
        }
        await recordFollows(&follows, finished: &finished)
        do {
            // One commit for the batch's outcomes: a crash before it only means the batch is
            // handled again when its lease ends, and every command is idempotent.
            try await store.finish(finished, now: now())
        } catch {
            logger.error("inbox outcomes not recorded; the batch will be handled again", metadata: ["error": "\(error)"])
        }
        // The backlog gauge counts the whole queue: at most once per poll interval, or when idle.
        if !batch.isEmpty, handoff?.count == 0 || pacing.depthDue(every: settings.pollInterval),
           let depth = try? await store.depth() {
            metrics.queueDepth(depth)
        }
        return batch.count
    }

    /// Gives back the leases of activities handed over but not handled (the worker is stopping),
    /// so the next process or another instance claims them at once instead of after the lease.
    /// If that fails the leases simply run out.
    public func releaseHandedOver() async {
        guard let left = handoff?.close(), !left.isEmpty else { return }
        do {
            try await store.release(ids: left.map(\.queued.id))
        } catch {
            logger.warning("inbox leases not given back; those activities wait for their lease to end",
                           metadata: ["count": "\(left.count)", "error": "\(error)"])
        }
    }

    /// Drains until the queue is empty (tests).
    public func drain() async {
        while await drainOnce() > 0 {}
    }

    /// Handles one activity; returns its outcome to record, or nil when it was put back to retry.
    func handle(_ queued: QueuedActivity, _ prepared: PreparedActivity) async -> String? {
        do {
            let result: HandlingResult
            switch prepared {
            case .result(let known): result = known
            case .command(let command, let actor): result = try await handler.execute(command, actor: actor)
            }
            metrics.handled(type: queued.type, result: result.label)
            if case .refused(let why) = result {
                logger.notice("inbox activity refused", metadata: ["id": "\(queued.id)", "reason": "\(why)"])
            }
            return result.outcome
        } catch {
            let attempts = queued.attempts + 1
            if attempts >= settings.maxAttempts {
                metrics.handled(type: queued.type, result: "failed")
                logger.error("inbox activity given up", metadata: ["id": "\(queued.id)", "error": "\(error)"])
                return "failed: \(error)"
            }
            let delay = min(3600, 2 * pow(2, Double(attempts)))
            do {
                try await store.retry(id: queued.id, at: now().addingTimeInterval(delay), error: "\(error)")
            } catch {
                logger.error("inbox retry not recorded; the lease will bring it back", metadata: ["id": "\(queued.id)", "error": "\(error)"])
            }
            metrics.handled(type: queued.type, result: "retry")
            logger.warning("inbox activity will be retried", metadata: ["id": "\(queued.id)", "error": "\(error)"])
            return nil
        }
    }
}
