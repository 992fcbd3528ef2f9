import Foundation

/// The sweeper's pass: re-read due attempts, expire orders past their hold, settle open refunds. Claims rows so
/// several instances on one PostgreSQL share the work (SKIP LOCKED).
extension OrderService {
    /// How long an expiry claim keeps other instances off an order.
    static let expiryClaim: TimeInterval = 60

    /// One pass; call it every few seconds from a lifecycle service.
    public func sweep() async throws -> SweepReport {
        let now = clock.now()
        let batch = settings.sweepBatch
        let due = try await store.write { writer -> [UUID] in
            var orders: [UUID] = []
            for var attempt in try await writer.dueAttempts(now: now, limit: batch) {
                // Claim: the next read moves on, so another instance skips this one.
                attempt.nextCheckAt = ReadSchedule.next(after: now, created: attempt.createdAt)
                try await writer.updateAttempt(attempt)
                if !orders.contains(attempt.orderID) { orders.append(attempt.orderID) }
            }
            return orders
        }
        let expiring = try await store.write { writer in
            try await writer.claimExpiredOrders(now: now, claimFor: Self.expiryClaim, limit: batch)
        }
        var report = SweepReport()
        var seen = Set<UUID>()
        for id in due + expiring where seen.insert(id).inserted {
            let before = try await store.read { try await $0.order(id: id)?.status }
            do {
                let after = try await reconcile(orderID: id, trigger: .sweeper)
                if due.contains(id) { report.reread += 1 }
                if before == .awaitingPayment, after == .expired { report.expired += 1 }
                if before != after, after == .paid || after == .owed { report.moneyFound += 1 }
            } catch {
                report.failures += 1
            }
        }
        // Refunds left requested or unknown: read their transactions and settle them.
        let refunds = try await sweepRefunds(now: now)
        report.refundsRechecked = refunds.rechecked
        report.refundsSettled = refunds.settled
        report.failures += refunds.failures
        return report
    }
}
