/// Where an order stands (contract §4 `rose:status`).
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    /// Frozen from the cart; its lines are locked until it is paid or ends.
    case awaitingPayment = "awaiting_payment"
    /// SumUp (or the sandbox) reported the money taken for this order.
    case paid
    /// The last attempt failed and no attempt can still take money.
    case failed
    /// The hold ran out before payment.
    case expired
    /// Cancelled (cart edited while paying, calendar refused an unpaid order).
    case cancelled
    /// Money arrived that no goods cover (late payment, calendar refused after payment).
    case owed
    /// Money given back in full.
    case refunded
}
