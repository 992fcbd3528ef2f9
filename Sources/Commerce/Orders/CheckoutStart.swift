import Foundation

/// A checkout that reached the payment page: where to send the browser.
public struct CheckoutStart: Sendable, Hashable {
    /// The order made (or reused).
    public var orderID: UUID
    /// The provider's hosted checkout page for the order's current attempt.
    public var paymentURL: String

    /// A start; see the properties.
    public init(orderID: UUID, paymentURL: String) {
        self.orderID = orderID
        self.paymentURL = paymentURL
    }
}
