import Foundation
import Outbox

/// Model of the deliveries page.
struct AdminDeliveriesModel {
    struct HostRow {
        let host: String
        let hostQuery: String
        let breaker: String
        let failing: Int
        let dead: Int
        let consecutiveFailures: Int
        let failingDays: Int
        let unavailable: Bool
        let lastSuccess: String?
        let lastError: String?
    }

    struct DeliveryRow {
        let id: String
        let host: String
        let inbox: String
        let recipients: String?
        let activity: String
        let order: String?
        let state: String
        let attempts: Int
        let lastAnswer: String?
        let next: String?
        let created: String
        /// Failed or dead: a retry button is offered.
        let retryable: Bool
    }

    let frame: AdminFrame
    let hosts: [HostRow]
    let deliveries: [DeliveryRow]
    let hasHosts: Bool
    let hasDeliveries: Bool
    /// The host filter, when set.
    let host: String?
    /// `pending 3 · in flight 0 · …`: the queue at a glance.
    let queue: String
    /// Where actions send the browser back.
    let back: String

    init(frame: AdminFrame, hosts: [HostHealth], deliveries: [DeliveryRecord], host: String?,
         counts: [DeliveryState: Int], now: Date) {
        self.frame = frame
        self.hosts = hosts.map { health in
            HostRow(host: health.host, hostQuery: AdminPaths.query(health.host), breaker: health.breaker,
                    failing: health.failing, dead: health.dead, consecutiveFailures: health.consecutiveFailures,
                    failingDays: health.failingDays, unavailable: health.unavailable,
                    lastSuccess: AdminFormat.date(health.lastSuccessAt), lastError: health.lastError)
        }
        self.deliveries = deliveries.map { AdminDeliveriesModel.row($0, now: now) }
        hasHosts = !hosts.isEmpty
        hasDeliveries = !deliveries.isEmpty
        self.host = host
        queue = DeliveryState.allCases.map { "\($0.rawValue.replacingOccurrences(of: "_", with: " ")) \(counts[$0] ?? 0)" }
            .joined(separator: " · ")
        back = host.map { "\(AdminPaths.deliveries)?host=\(AdminPaths.query($0))" } ?? AdminPaths.deliveries
    }

    /// One ledger row as the pages show it (also used by the order page).
    static func row(_ delivery: DeliveryRecord, now: Date) -> DeliveryRow {
        let last: String? = switch (delivery.lastStatus, delivery.lastError) {
        case let (status?, error?): "HTTP \(status): \(error)"
        case let (status?, nil): "HTTP \(status)"
        case let (nil, error?): error
        case (nil, nil): nil
        }
        let recipients = delivery.recipients.map(\.value).sorted().joined(separator: ", ")
        return DeliveryRow(
            id: OrderPaths.id(delivery.id), host: delivery.host, inbox: delivery.inbox,
            recipients: recipients.isEmpty ? nil : recipients, activity: delivery.activityType,
            order: delivery.orderID.map(OrderPaths.id), state: delivery.state.rawValue.replacingOccurrences(of: "_", with: " "),
            attempts: delivery.attempts, lastAnswer: last,
            next: delivery.state.isOpen ? delivery.nextAttemptAt.map { AdminFormat.date($0) + ($0 <= now ? " (due)" : "") } : nil,
            created: AdminFormat.date(delivery.createdAt), retryable: delivery.state == .failed || delivery.state == .dead)
    }
}
