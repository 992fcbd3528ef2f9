import Foundation

/// Which transaction a refund goes to and how much, from the order, its attempts and its
/// refunds so far. Pure: the caller holds the order's lock.
struct RefundPlan: Sendable, Equatable {
    /// The paid attempt's provider transaction.
    var transactionID: String
    /// The amount to give back (never nil: a "full" refund names what is left).
    var amount: Money

    /// The money an order took: its paid attempts whose report matched (a mismatched report
    /// never paid the order, so it is not refundable from here).
    static func paidAttempts(_ attempts: [PaymentAttempt]) -> [PaymentAttempt] {
        attempts.filter { $0.state == .paid && $0.mismatch == nil }
    }

    /// What is left to refund of each paid transaction, oldest first; refunds that did not fail
    /// (requested, unknown, succeeded) count as given back.
    static func remaining(attempts: [PaymentAttempt], refunds: [RefundRecord]) -> [(transactionID: String, left: Money)] {
        paidAttempts(attempts).compactMap { attempt in
            guard let id = attempt.transactionID, !id.isEmpty else { return nil }
            let given = refunds.filter { $0.transactionID == id && $0.state.countsAgainstPaid }
                .reduce(Int64(0)) { $0 + $1.amount.minorUnits }
            return (id, Money(max(0, attempt.amount.minorUnits - given), attempt.amount.currency))
        }
    }

    /// The plan for `asked` (nil: everything left of the transaction with the most left).
    static func make(asked: Money?, order: OrderRecord, attempts: [PaymentAttempt],
                     refunds: [RefundRecord]) throws(RefundError) -> RefundPlan {
        let currency = order.snapshot.total.currency
        if let asked {
            guard asked.currency == currency else {
                throw .invalidAmount("the order is in \(currency.code), not \(asked.currency.code)")
            }
            guard asked.minorUnits > 0 else { throw .invalidAmount("give an amount above zero, in minor units") }
        }
        let left = remaining(attempts: attempts, refunds: refunds)
        guard !left.isEmpty else { throw .noTransaction(order.id) }
        let total = Money(left.reduce(Int64(0)) { $0 + $1.left.minorUnits }, currency)
        guard total.minorUnits > 0 else { throw .notRefundable(order.id, .refunded) }
        guard let asked else {
            var best = left[0]  // the oldest wins a tie
            for entry in left.dropFirst() where entry.left.minorUnits > best.left.minorUnits { best = entry }
            return RefundPlan(transactionID: best.transactionID, amount: best.left)
        }
        guard asked.minorUnits <= total.minorUnits else { throw .exceedsRefundable(requested: asked, refundable: total) }
        guard let chosen = left.first(where: { $0.left.minorUnits >= asked.minorUnits }) else {
            let most = left.map(\.left.minorUnits).max() ?? 0
            throw .invalidAmount("the money came in several payments: refund at most \(Money(most, currency)) at a time")
        }
        return RefundPlan(transactionID: chosen.transactionID, amount: asked)
    }
}
