import Foundation

/// An order as stored: its public snapshot plus what only we know (owner, receipt key, flags).
public struct OrderRecord: Hashable, Sendable {
    /// The public part; `snapshot.status` is the order's state.
    public var snapshot: OrderSnapshot
    /// The page's slug when the order was made.
    public var pageSlug: String
    /// Who may open it (moves to the user on adoption).
    public var owner: CartOwner
    /// The merchant the money must go to.
    public var merchantCode: String
    /// The unguessable key of the receipt link (≥128 random bits).
    public var receiptKey: String
    /// The attempt the buyer is paying with now.
    public var currentAttemptID: UUID?
    /// Why a provider report did not match (amount, currency, reference, merchant); never paid then.
    public var mismatch: String?
    /// Calendars that confirmed their holds.
    public var calendarConfirmed: [IRI]
    /// A calendar refused its hold.
    public var calendarRefused: Bool
    /// Sum refunded so far, if any.
    public var refundedTotal: Money?
    /// Last change.
    public var updatedAt: Date

    /// A record; see the properties.
    public init(snapshot: OrderSnapshot, pageSlug: String, owner: CartOwner, merchantCode: String, receiptKey: String,
                currentAttemptID: UUID? = nil, mismatch: String? = nil, calendarConfirmed: [IRI] = [],
                calendarRefused: Bool = false, refundedTotal: Money? = nil, updatedAt: Date) {
        self.snapshot = snapshot
        self.pageSlug = pageSlug
        self.owner = owner
        self.merchantCode = merchantCode
        self.receiptKey = receiptKey
        self.currentAttemptID = currentAttemptID
        self.mismatch = mismatch
        self.calendarConfirmed = calendarConfirmed
        self.calendarRefused = calendarRefused
        self.refundedTotal = refundedTotal
        self.updatedAt = updatedAt
    }

    /// The order's id.
    public var id: UUID { snapshot.id }
    /// The order's state.
    public var status: OrderStatus {
        get { snapshot.status }
        set { snapshot.status = newValue }
    }
}
