import Foundation

/// One order as pages and the CLI show it.
public struct OrderDetails: Sendable, Hashable {
    /// Items, total, state, hold.
    public var snapshot: OrderSnapshot
    /// The page's slug.
    public var pageSlug: String
    /// Key of the receipt link (`/orders/{id}?key=…`); show the link only to the owner.
    public var receiptKey: String
    /// Every payment attempt, oldest first.
    public var attempts: [PaymentAttempt]
    /// The current attempt's hosted page while the order awaits payment.
    public var paymentURL: String?
    /// Some attempt may still take or have taken money we have not seen (operators: check).
    public var moneyUnknown: Bool
    /// A calendar refused its hold.
    public var calendarRefused: Bool
    /// Sum refunded so far.
    public var refundedTotal: Money?
    /// A provider report that did not match the order (never paid then), for operators.
    public var mismatch: String?
    /// Every refund of the order, oldest first (filled by `OrderService.order(id:access:)`).
    public var refunds: [RefundRecord]

    /// Details; see the properties.
    public init(snapshot: OrderSnapshot, pageSlug: String, receiptKey: String, attempts: [PaymentAttempt],
                paymentURL: String?, moneyUnknown: Bool, calendarRefused: Bool, refundedTotal: Money?,
                mismatch: String? = nil, refunds: [RefundRecord] = []) {
        self.snapshot = snapshot
        self.pageSlug = pageSlug
        self.receiptKey = receiptKey
        self.attempts = attempts
        self.paymentURL = paymentURL
        self.moneyUnknown = moneyUnknown
        self.calendarRefused = calendarRefused
        self.refundedTotal = refundedTotal
        self.mismatch = mismatch
        self.refunds = refunds
    }
}
