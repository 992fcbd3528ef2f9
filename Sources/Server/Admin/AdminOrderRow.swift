import Commerce
import Foundation
import Outbox

/// One order in the admin lists: what it is, where it stands, why it needs a person, and what
/// can still be refunded.
struct AdminOrderRow {
    let id: String
    let number: Int
    let page: String
    let statusLabel: String
    let status: String
    let total: String
    let refunded: String?
    let created: String
    /// Why it is on the attention list (empty elsewhere when nothing is wrong).
    let reasons: String?
    /// Money was taken and not all of it given back, and no refund awaits its answer: refund forms are offered.
    let refundable: Bool
    /// A refund has no final answer yet (the sweeper settles it); no new refund may start.
    let refundInProgress: Bool
    /// Most that can still be refunded, in minor units (the amount field's bound).
    let refundableMinor: Int64
    let refundableText: String
    let currency: String

    init(_ details: OrderDetails, pageTitle: String) {
        let snapshot = details.snapshot
        id = OrderPaths.id(snapshot.id)
        number = snapshot.number
        page = pageTitle
        statusLabel = OrderStatusText.label(snapshot.status)
        status = snapshot.status.rawValue
        total = snapshot.total.description
        refunded = details.refundedTotal?.description
        created = AdminFormat.date(snapshot.createdAt)
        reasons = AdminOrderRow.reasons(details)
        // Requested and unknown refunds count as given back until settled (RefundState.countsAgainstPaid).
        let given = details.refunds.filter(\.state.countsAgainstPaid).reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        let left = snapshot.total.minorUnits - max(given, details.refundedTotal?.minorUnits ?? 0)
        refundInProgress = details.refunds.contains { $0.state.isOpen }
        refundable = [.paid, .owed].contains(snapshot.status) && left > 0 && !refundInProgress
        refundableMinor = max(0, left)
        refundableText = Money(max(0, left), snapshot.total.currency).description
        currency = snapshot.total.currency.code
    }

    /// The attention reasons in words, nil when there are none.
    static func reasons(_ details: OrderDetails) -> String? {
        var reasons: [String] = []
        if details.snapshot.status == .owed { reasons.append("money taken that no goods cover: refund it") }
        if details.moneyUnknown { reasons.append("money state unknown: re-check") }
        if details.calendarRefused && [.paid, .owed].contains(details.snapshot.status) {
            reasons.append("calendar refused after payment")
        }
        if details.refunds.contains(where: { $0.state.isOpen }) { reasons.append("a refund has no answer from the provider yet: the sweeper settles it") }
        if let mismatch = details.mismatch { reasons.append("provider report did not match: \(mismatch)") }
        return reasons.isEmpty ? nil : reasons.joined(separator: "; ")
    }
}
