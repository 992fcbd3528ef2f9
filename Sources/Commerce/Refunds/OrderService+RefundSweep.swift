import Foundation

/// The sweeper's part in refunds: a refund left `requested` (crash, unrecorded answer) or
/// `unknown` (lost answer) is settled by reading its transaction. It is sent again only when
/// the read proves the first call did not happen (the provider shows no more refunded than our
/// succeeded refunds of that transaction), never blindly.
extension OrderService {
    /// What one refund pass did.
    struct RefundSweep: Sendable, Equatable {
        /// Open refunds whose transaction was read.
        var rechecked = 0
        /// Refunds that reached succeeded or failed in this pass.
        var settled = 0
        /// Reads or sends that failed (they stay due).
        var failures = 0
    }

    /// Claims the due open refunds (SKIP LOCKED, next check moved on) and settles each.
    func sweepRefunds(now: Date) async throws -> RefundSweep {
        let batch = settings.sweepBatch
        let due = try await store.write { writer -> [RefundRecord] in
            var claimed: [RefundRecord] = []
            for var refund in try await writer.dueRefunds(now: now, limit: batch) {
                refund.nextCheckAt = self.nextRefundCheck(refund, now: now.addingTimeInterval(1))
                try await writer.updateRefund(refund)
                claimed.append(refund)
            }
            return claimed
        }
        var report = RefundSweep()
        for refund in due {
            do {
                let after = try await recheck(refund)
                report.rechecked += 1
                if !after.state.isOpen { report.settled += 1 }
            } catch {
                report.failures += 1
            }
        }
        return report
    }

    /// Reads the refund's transaction and settles the refund from it; returns it afterwards.
    func recheck(_ refund: RefundRecord) async throws -> RefundRecord {
        guard let order = try await store.read({ try await $0.order(id: refund.orderID) }) else { return refund }
        let creds = try await paymentCredentials(for: order)
        let transaction: ProviderTransaction?
        do {
            transaction = try await provider.transaction(id: refund.transactionID, credentials: creds)
        } catch .notFound {
            transaction = nil
        } catch {
            throw ReconcileError.provider(error)
        }
        let now = clock.now()
        let verdict = try await store.write { writer in
            try await self.judge(refund.id, orderID: refund.orderID, transaction: transaction, in: writer, now: now)
        }
        switch verdict {
        case let .settled(row): return row
        case let .resend(row):
            do {
                return try await send(row, credentials: creds)
            } catch {
                return try await store.read { try await $0.refunds(orderID: row.orderID).first { $0.id == row.id } } ?? row
            }
        }
    }

    /// What a transaction read decided about a refund.
    enum RefundVerdict: Sendable {
        /// Stored as it now stands (settled, or still unknown).
        case settled(RefundRecord)
        /// Proven not to have happened: marked `requested` again with one more attempt; send it.
        case resend(RefundRecord)
    }

    /// Inside the transaction, under the order's lock: compares what the provider refunded of the
    /// transaction with our succeeded refunds of it, and settles the refund accordingly.
    private func judge(_ refundID: UUID, orderID: UUID, transaction: ProviderTransaction?, in writer: any CommerceWriter,
                       now: Date) async throws -> RefundVerdict {
        guard var order = try await writer.lockOrder(id: orderID),
              var refund = try await writer.refunds(orderID: orderID).first(where: { $0.id == refundID })
        else { throw ReconcileError.unknownOrder(orderID) }
        guard refund.state.isOpen else { return .settled(refund) }
        refund.updatedAt = now
        guard let transaction else {
            refund.state = .failed
            refund.lastError = "SumUp does not know transaction \(refund.transactionID): nothing was refunded"
            refund.nextCheckAt = nil
            try await writer.updateRefund(refund)
            return .settled(refund)
        }
        let ours = try await writer.refunds(orderID: orderID)
            .filter { $0.id != refundID && $0.transactionID == refund.transactionID && $0.state == .succeeded }
            .reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let unexplained = transaction.refunded.minorUnits - ours
        if transaction.refunded.currency != refund.amount.currency {
            refund.state = .unknown
            refund.lastError = "SumUp reports the transaction in \(transaction.refunded.currency.code); check the SumUp dashboard"
        } else if unexplained >= refund.amount.minorUnits {
            try await succeed(&refund, order: &order, in: writer, now: now)
            return .settled(refund)
        } else if unexplained <= 0 {
            refund.state = .requested
            refund.attempts += 1
            refund.lastSentAt = now
            refund.lastError = nil
            refund.nextCheckAt = nextRefundCheck(refund, now: now)
            try await writer.updateRefund(refund)
            return .resend(refund)
        } else {
            refund.state = .unknown
            refund.lastError = "SumUp shows \(Money(unexplained, refund.amount.currency)) refunded that no recorded refund "
                + "explains, less than this refund's \(refund.amount); check the SumUp dashboard"
        }
        refund.nextCheckAt = nextRefundCheck(refund, now: now)
        try await writer.updateRefund(refund)
        return .settled(refund)
    }
}
