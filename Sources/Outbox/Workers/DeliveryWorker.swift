import Commerce
import Foundation
import Logging
import ServiceLifecycle
import Transport

/// Sends due deliveries (a lifecycle service): claims a batch, POSTs each through the signing
/// sender (signed at send time, second knock on 401/400) with `concurrency` requests in flight
/// and at most `perHostLimit` per host, asks the host's breaker first, and records each result
/// by the retry policy. Wakes on `OutboxWakeup` signals, else polls every `pollInterval`.
public final class DeliveryWorker: Service {
    let store: any DeliveryStore
    let sender: any HTTPTransport
    let policy: RetryPolicy
    let settings: WorkerSettings
    let clock: any WallClock
    let wakeup: OutboxWakeup
    let logger: Logger
    let slots: HostSlots
    let breakers: BreakerBoard
    let outcomes: OutcomeBatcher
    let metrics = DeliveryMetrics()

    /// A worker over `store`, sending through `sender` (a `SignedSender` over the guarded transport).
    public init(store: any DeliveryStore, sender: any HTTPTransport, policy: RetryPolicy = RetryPolicy(),
                settings: WorkerSettings = WorkerSettings(), clock: any WallClock = SystemWallClock(),
                wakeup: OutboxWakeup, logger: Logger = Logger(label: "cart-actor.outbox.worker")) {
        self.store = store
        self.sender = sender
        self.policy = policy
        self.settings = settings
        self.clock = clock
        self.wakeup = wakeup
        self.logger = logger
        self.slots = HostSlots(limit: settings.perHostLimit)
        self.breakers = BreakerBoard(template: CircuitBreaker(threshold: settings.breakerThreshold, coolDown: settings.breakerCoolDown))
        self.outcomes = OutcomeBatcher(store: store)
    }

    /// Runs until graceful shutdown (finishing the batch in hand).
    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let handled: Int
            do {
                handled = try await processDue()
            } catch {
                logger.error("delivery worker could not claim work", metadata: ["error": "\(error)"])
                handled = 0
            }
            if handled == 0 {
                let wakeup = self.wakeup
                // A shutdown ends the wait at once instead of after the poll interval.
                await withGracefulShutdownHandler {
                    await wakeup.wait(upTo: settings.pollInterval)
                } onGracefulShutdown: {
                    Task { await wakeup.signal() }
                }
            }
        }
    }

    /// Claims and sends every delivery due now, batch after batch, until none is due; returns
    /// how many attempts (and holds) were made. Tests drive the worker with this.
    @discardableResult
    public func drain(maxBatches: Int = 1_000) async throws -> Int {
        var total = 0
        for _ in 0..<maxBatches {
            let handled = try await processDue()
            if handled == 0 { break }
            total += handled
        }
        return total
    }

    /// Claims due deliveries and sends them with `concurrency` in flight, claiming more before
    /// the queue runs dry (no gap while the last requests of a batch finish), until a claim comes
    /// back short; returns how many were claimed.
    public func processDue() async throws -> Int {
        let batch = settings.concurrency * 2
        let first = try await claim(limit: batch)
        guard !first.isEmpty else { return 0 }
        var claimed = first.count
        var queue = first[...]
        var more = first.count == batch
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            while true {
                while running < settings.concurrency, let next = queue.popFirst() {
                    group.addTask { await self.deliver(next) }
                    running += 1
                }
                // A shutdown finishes what is claimed but claims nothing more.
                if more && queue.count < settings.concurrency && !Task.isShuttingDownGracefully && !Task.isCancelled {
                    do {
                        let next = try await claim(limit: batch)
                        more = next.count == batch
                        claimed += next.count
                        queue.append(contentsOf: next)
                    } catch {
                        logger.error("delivery worker could not claim more work", metadata: ["error": "\(error)"])
                        more = false
                    }
                    continue
                }
                guard running > 0 else { break }
                await group.next()
                running -= 1
            }
        }
        return claimed
    }

    /// Claims up to `limit` due deliveries, leased for `settings.lease`.
    private func claim(limit: Int) async throws -> [ClaimedDelivery] {
        let now = clock.now()
        return try await store.claimDue(limit: limit, now: now, leaseUntil: now.addingTimeInterval(settings.lease))
    }

    /// One attempt of one delivery, recorded; storage errors are logged (the lease expires and
    /// the delivery is claimed again).
    private func deliver(_ delivery: ClaimedDelivery) async {
        do {
            let permit = await breakers.permit(delivery.host, now: clock.now())
            if case .hold(let until) = permit {
                try await store.hold(delivery, until: until, reason: "held: \(delivery.host) is failing (breaker open)")
                metrics.held()
                return
            }
            await slots.acquire(delivery.host)
            let started = clock.now()
            let clockStart = ContinuousClock.now
            let result = await attempt(delivery)
            await slots.release(delivery.host)
            let finished = clock.now()
            metrics.attempted(result, seconds: (ContinuousClock.now - clockStart).seconds)
            let decision = policy.decide(result, attempts: delivery.attempts + 1, now: finished)
            let hostFailed: Bool? = result.isHostFailure ? true : (result.status != nil ? false : nil)
            try await outcomes.record(FinishedAttempt(delivery: delivery, report: DeliveryReport(
                decision: decision, status: result.status, error: Self.errorText(decision),
                startedAt: started, finishedAt: finished, hostFailed: hostFailed)))
            try await updateBreaker(delivery.host, failed: result.isHostFailure, now: finished)
            if decision == .delivered { await wakeup.signal() }
        } catch {
            logger.error("could not record a delivery attempt", metadata: ["delivery": "\(delivery.id)", "error": "\(error)"])
        }
    }

    /// The hosts whose breakers are open in this process.
    public func openBreakers() async -> [String] { await breakers.openHosts() }
}
