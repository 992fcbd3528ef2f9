import Foundation

/// The text of `cart-actor deliveries` (contract §2): a table of ledger rows, and for
/// `--order ID` the answer to "did each recipient get OrderPaid, and if not, why".
public enum DeliveryListing {
    /// The `type` of the activity `--order` asks about.
    public static let orderPaidType = "rose:OrderPaid"

    /// One line per delivery under a header; a hint when there are none.
    public static func table(_ deliveries: [DeliveryRecord], now: Date) -> String {
        guard !deliveries.isEmpty else { return "no deliveries match\n" }
        var lines = ["ID\tSTATE\tATTEMPTS\tACTIVITY\tINBOX\tLAST\tNEXT"]
        for delivery in deliveries {
            lines.append([
                delivery.id.uuidString.lowercased(), delivery.state.rawValue, String(delivery.attempts),
                delivery.activityType, delivery.inbox, lastAnswer(delivery) ?? "-",
                delivery.nextAttemptAt.map { relative($0, now: now) } ?? "-",
            ].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// For one order: per inbox, whether `rose:OrderPaid` arrived and, if not, why; then every
    /// delivery of the order (ids for `deliveries retry ID`).
    public static func order(_ orderID: UUID, deliveries: [DeliveryRecord], now: Date) -> String {
        let id = orderID.uuidString.lowercased()
        guard !deliveries.isEmpty else {
            return "order \(id): no deliveries (not published yet, no followers or calendars to tell, or an unknown order)\n"
        }
        let inboxes = Dictionary(grouping: deliveries, by: \.inbox).sorted { $0.key < $1.key }
        let received = inboxes.filter { $0.value.contains { $0.activityType == orderPaidType && $0.state == .delivered } }.count
        let paidPublished = deliveries.contains { $0.activityType == orderPaidType }
        var lines = [paidPublished
            ? "order \(id): OrderPaid delivered to \(received) of \(inboxes.count) inboxes"
            : "order \(id): no OrderPaid published (the order is not paid, or the payment is not published yet); \(inboxes.count) inboxes"]
        for (inbox, rows) in inboxes {
            let recipients = Set(rows.flatMap(\.recipients)).map(\.value).sorted()
            let who = recipients.isEmpty ? "" : " (for \(recipients.joined(separator: ", ")))"
            lines.append("  \(inbox)\(who)")
            lines.append("    OrderPaid: " + verdict(rows, now: now))
        }
        lines.append("")
        lines.append(table(deliveries.sorted { ($0.inbox, $0.createdAt) < ($1.inbox, $1.createdAt) }, now: now))
        return lines.joined(separator: "\n")
    }

    /// Whether one inbox got OrderPaid, and if not, why, from its rows for the order.
    static func verdict(_ rows: [DeliveryRecord], now: Date) -> String {
        guard let paid = rows.first(where: { $0.activityType == orderPaidType }) else {
            let create = rows.first { $0.activityType == "Create" }
            return "no - none queued for this inbox" + (create.map { "; Create is \(describe($0, now: now))" } ?? "")
        }
        if paid.state == .delivered { return "yes - " + describe(paid, now: now) }
        if paid.state == .pending, let create = rows.first(where: { $0.activityType == "Create" }), create.state != .delivered {
            return "no - waiting behind Create, which is \(describe(create, now: now))"
        }
        return "no - " + describe(paid, now: now)
    }

    /// State, attempts, last answer and next attempt in a few words.
    static func describe(_ delivery: DeliveryRecord, now: Date) -> String {
        var parts = [delivery.state.rawValue]
        if delivery.state == .delivered, let at = delivery.deliveredAt {
            parts.append("at \(iso(at))")
        }
        parts.append("\(delivery.attempts) attempt\(delivery.attempts == 1 ? "" : "s")")
        if delivery.state != .delivered, let last = lastAnswer(delivery) { parts.append("last \(last)") }
        if delivery.state.isOpen, let next = delivery.nextAttemptAt { parts.append("next \(relative(next, now: now))") }
        return parts.joined(separator: ", ")
    }

    /// `HTTP 503: reason` / the error / nil before any answer.
    static func lastAnswer(_ delivery: DeliveryRecord) -> String? {
        switch (delivery.lastStatus, delivery.lastError) {
        case let (status?, error?): "HTTP \(status): \(error)"
        case let (status?, nil): "HTTP \(status)"
        case let (nil, error?): error
        case (nil, nil): nil
        }
    }

    /// An instant as `2026-11-28T10:00:00Z (in 5m)` or `(now)` when due.
    static func relative(_ date: Date, now: Date) -> String {
        let seconds = Int(date.timeIntervalSince(now).rounded())
        let when = seconds <= 0 ? "due" : "in " + span(seconds)
        return "\(iso(date)) (\(when))"
    }

    /// `45s`, `12m`, `3h`, `2d`.
    static func span(_ seconds: Int) -> String {
        switch seconds {
        case ..<60: "\(seconds)s"
        case ..<3600: "\(seconds / 60)m"
        case ..<86_400: "\(seconds / 3600)h"
        default: "\(seconds / 86_400)d"
        }
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

extension DeliveryListing {
    /// One paragraph on a host's health (after `--host H`).
    public static func host(_ health: HostHealth, now: Date) -> String {
        var parts = ["host \(health.host): \(health.failing) failing, \(health.dead) dead"]
        if health.failingDays > 0 { parts.append("failing on \(health.failingDays) day\(health.failingDays == 1 ? "" : "s")") }
        if health.unavailable { parts.append("marked unavailable (skipped at fan-out; `deliveries retry --host \(health.host)` clears it)") }
        if health.breakerOpen { parts.append("breaker \(health.breaker)") }
        if let success = health.lastSuccessAt { parts.append("last success \(iso(success))") }
        if let error = health.lastError { parts.append("last error: \(error)") }
        return parts.joined(separator: "; ") + "\n"
    }
}
