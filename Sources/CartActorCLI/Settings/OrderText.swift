import ArgumentParser
import Commerce
import Foundation

/// How `orders …` prints orders: one tab-separated row each, or a block per order.
enum OrderText {
    /// `ID  #N  page  status  total  created` (tab-separated, for `cut` and `awk`).
    static func row(_ details: OrderDetails) -> String {
        let order = details.snapshot
        var flags: [String] = []
        if details.moneyUnknown { flags.append("money-unknown") }
        if details.mismatch != nil { flags.append("mismatch") }
        if details.calendarRefused { flags.append("calendar-refused") }
        return [order.id.uuidString.lowercased(), "#\(order.number)", details.pageSlug, order.status.rawValue,
                order.total.description, timestamp(order.createdAt), flags.joined(separator: ",")]
            .joined(separator: "\t")
    }

    /// Every field an operator needs, attempts included; the receipt link (a path without a base URL).
    static func detail(_ details: OrderDetails, baseURL: String?) -> String {
        let order = details.snapshot
        var lines = [
            "order \(order.id.uuidString.lowercased()) (#\(order.number), page \(details.pageSlug))",
            "  status: \(order.status.rawValue)",
            "  customer: \(order.customer?.value ?? "anonymous")",
            "  total: \(order.total)" + (details.refundedTotal.map { ", refunded \($0)" } ?? ""),
            "  created: \(timestamp(order.createdAt)), hold until \(timestamp(order.holdUntil))",
        ]
        if let reference = order.paymentReference { lines.append("  payment reference: \(reference)") }
        if details.moneyUnknown { lines.append("  money state unknown: an attempt may still take money; it is re-read for 48 h") }
        if let mismatch = details.mismatch { lines.append("  MISMATCH: \(mismatch)") }
        if details.calendarRefused { lines.append("  a calendar refused its hold") }
        lines.append("  items:")
        for item in order.items {
            lines.append("    \(item.quantity) × \(item.name) at \(item.unitPrice) (\(item.item.kind) \(item.item.iri))")
        }
        lines.append("  attempts:")
        if details.attempts.isEmpty { lines.append("    none") }
        for attempt in details.attempts {
            var text = "    \(attempt.reference) \(attempt.state.rawValue)"
            text += " provider \(attempt.providerCheckoutID ?? "-") \(attempt.providerStatus?.rawValue ?? "-")"
            text += " created \(timestamp(attempt.createdAt))"
            if let read = attempt.lastReadAt { text += " read \(timestamp(read))" }
            if let next = attempt.nextCheckAt { text += " next \(timestamp(next))" }
            if let code = attempt.transactionCode { text += " transaction \(code)" }
            if let mismatch = attempt.mismatch { text += " mismatch: \(mismatch)" }
            lines.append(text)
        }
        lines.append("  refunds:")
        if details.refunds.isEmpty { lines.append("    none") }
        for refund in details.refunds { lines.append("    " + refundLine(refund)) }
        let receipt = "/orders/\(order.id.uuidString.lowercased())?key=\(details.receiptKey)"
        lines.append(baseURL.map { "  receipt link: \($0)\(receipt)" } ?? "  receipt path (after the base URL): \(receipt)")
        return lines.joined(separator: "\n")
    }

    /// A UUID argument, or a usage error.
    static func parseID(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw ValidationError("\(text) is not an order id (a UUID)") }
        return id
    }

    private static func timestamp(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
