import Commerce
import Foundation
import Outbox

/// How `orders refund` and `orders show` print refunds and deliveries.
extension OrderText {
    /// `refunded 3.50 GBP of order ID (refund R); order now paid, 3.50 GBP refunded of 14.00 GBP`.
    static func refunded(_ refund: RefundRecord, order: OrderDetails) -> String {
        let snapshot = order.snapshot
        let total = order.refundedTotal.map { "\($0) refunded of \(snapshot.total)" } ?? "total \(snapshot.total)"
        return "refunded \(refund.amount) of order \(snapshot.id.uuidString.lowercased()) (refund \(refund.id.uuidString.lowercased())); "
            + "order now \(snapshot.status.rawValue), \(total)"
    }

    /// One refund: id, amount, state, who, when, calls, next check and last error.
    static func refundLine(_ refund: RefundRecord) -> String {
        var text = "\(refund.id.uuidString.lowercased()) \(refund.amount) \(refund.state.rawValue)"
        text += " by \(refund.requestedBy) at \(stamp(refund.createdAt))"
        text += " transaction \(refund.transactionID), \(refund.attempts) call\(refund.attempts == 1 ? "" : "s")"
        if refund.state.isOpen, let next = refund.nextCheckAt { text += ", re-checked \(stamp(next))" }
        if let error = refund.lastError { text += ": \(error)" }
        return text
    }

    /// Per recipient inbox, each activity of the order and where its delivery stands.
    static func deliveries(_ deliveries: [DeliveryRecord]) -> String {
        guard !deliveries.isEmpty else {
            return "  deliveries: none (not published yet, or no followers or calendars to tell)"
        }
        var lines = ["  deliveries:"]
        for (inbox, rows) in Dictionary(grouping: deliveries, by: \.inbox).sorted(by: { $0.key < $1.key }) {
            let recipients = Set(rows.flatMap(\.recipients)).map(\.value).sorted()
            lines.append("    \(inbox)" + (recipients.isEmpty ? "" : " (for \(recipients.joined(separator: ", ")))"))
            for row in rows.sorted(by: { $0.createdAt < $1.createdAt }) {
                var text = "      \(row.activityType): \(row.state.rawValue), \(row.attempts) attempt\(row.attempts == 1 ? "" : "s")"
                if let at = row.deliveredAt { text += ", delivered \(stamp(at))" }
                if row.deliveredAt == nil, let status = row.lastStatus { text += ", last HTTP \(status)" }
                if row.deliveredAt == nil, let error = row.lastError { text += ": \(error)" }
                if let next = row.nextAttemptAt { text += ", next \(stamp(next))" }
                text += " (delivery \(row.id.uuidString.lowercased()))"
                lines.append(text)
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func stamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
