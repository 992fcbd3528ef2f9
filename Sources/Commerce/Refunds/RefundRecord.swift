import Foundation

/// One refund of (part of) an order's payment, as stored before and after the provider call.
public struct RefundRecord: Sendable, Hashable, Identifiable {
    /// Our id.
    public var id: UUID
    /// The order refunded.
    public var orderID: UUID
    /// How much goes back, in the order's currency.
    public var amount: Money
    /// Where it stands.
    public var state: RefundState
    /// Who asked (`cli:USER`, an admin's IRI), for the audit trail.
    public var requestedBy: String
    /// Refund calls sent to the provider for this row (1, or 2 once a read proved the first did not happen).
    public var attempts: Int
    /// The provider's refusal or the reason the answer is unknown, for operators.
    public var lastError: String?
    /// When it was requested.
    public var createdAt: Date
    /// Last change.
    public var updatedAt: Date
    /// The provider transaction refunded (the paid attempt's transaction id).
    public var transactionID: String
    /// When the last refund call was sent.
    public var lastSentAt: Date?
    /// When the sweeper should read the transaction next (nil: settled).
    public var nextCheckAt: Date?

    /// A refund; see the properties.
    public init(id: UUID = UUID(), orderID: UUID, amount: Money, state: RefundState, requestedBy: String,
                attempts: Int = 0, lastError: String? = nil, createdAt: Date, updatedAt: Date,
                transactionID: String, lastSentAt: Date? = nil, nextCheckAt: Date? = nil) {
        self.id = id
        self.orderID = orderID
        self.amount = amount
        self.state = state
        self.requestedBy = requestedBy
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.transactionID = transactionID
        self.lastSentAt = lastSentAt
        self.nextCheckAt = nextCheckAt
    }
}
