import Commerce
import Foundation

/// One row of the delivery ledger: one activity to one inbox, and where it stands.
public struct DeliveryRecord: Sendable, Equatable {
    /// The delivery's id (what `deliveries retry ID` takes).
    public var id: UUID
    /// The activity delivered (its domain event id).
    public var activityID: UUID
    /// The activity's `type` (`Create`, `rose:OrderPaid`…), for operators.
    public var activityType: String
    /// The order the activity concerns, if any.
    public var orderID: UUID?
    /// The inbox URL (a shared inbox when the recipient has one).
    public var inbox: String
    /// The inbox's host (`host[:port]`, lower-case): the breaker's and `--host`'s key.
    public var host: String
    /// The actors this inbox was chosen for at publish time, when the ledger records them.
    public var recipients: [IRI]
    /// Where it stands.
    public var state: DeliveryState
    /// Attempts made so far (held deliveries behind an open breaker spend none).
    public var attempts: Int
    /// When the next attempt is due (pending or failed), nil otherwise.
    public var nextAttemptAt: Date?
    /// The HTTP status of the last answer, nil before the first answer or after a network error.
    public var lastStatus: Int?
    /// The last error in one line (network error, status with reason, or why it died).
    public var lastError: String?
    /// When the row was written (publish time).
    public var createdAt: Date
    /// When the last attempt ended.
    public var lastAttemptAt: Date?
    /// When a 2xx was received.
    public var deliveredAt: Date?

    /// A delivery; see the properties.
    public init(id: UUID, activityID: UUID, activityType: String, orderID: UUID?, inbox: String, host: String,
                recipients: [IRI] = [], state: DeliveryState, attempts: Int, nextAttemptAt: Date?,
                lastStatus: Int?, lastError: String?, createdAt: Date, lastAttemptAt: Date?, deliveredAt: Date?) {
        self.id = id
        self.activityID = activityID
        self.activityType = activityType
        self.orderID = orderID
        self.inbox = inbox
        self.host = host
        self.recipients = recipients
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.createdAt = createdAt
        self.lastAttemptAt = lastAttemptAt
        self.deliveredAt = deliveredAt
    }
}
