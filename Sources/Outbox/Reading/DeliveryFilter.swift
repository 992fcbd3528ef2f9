import Foundation

/// Which deliveries `OutboxReading.deliveries` returns; nil fields do not filter. Every set
/// field must match.
public struct DeliveryFilter: Sendable, Equatable {
    /// Only deliveries in this state.
    public var state: DeliveryState?
    /// Only deliveries to this host (`host[:port]`, compared lower-case).
    public var host: String?
    /// Only deliveries of activities about this order.
    public var orderID: UUID?
    /// Only deliveries of this activity.
    public var activityID: UUID?
    /// At most this many rows, newest first (by `createdAt`, then id).
    public var limit: Int

    /// A filter; with no arguments, the newest 100 deliveries.
    public init(state: DeliveryState? = nil, host: String? = nil, orderID: UUID? = nil, activityID: UUID? = nil, limit: Int = 100) {
        self.state = state
        self.host = host.map { $0.lowercased() }
        self.orderID = orderID
        self.activityID = activityID
        self.limit = limit
    }
}
