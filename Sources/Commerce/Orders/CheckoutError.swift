import Foundation

/// Why a checkout or payment retry was refused. Thrown before anything is stored, except
/// `providerUnavailable` / `providerRejected`, where the order exists and can be retried.
public enum CheckoutError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The page's part of the cart is empty.
    case emptyCart
    /// No page with this slug.
    case unknownPage
    /// A product in the cart was withdrawn by the market (its name).
    case productWithdrawn(String)
    /// A product's price changed since it was added (its name).
    case priceChanged(String)
    /// The page has no SumUp credentials (neither its own nor global ones).
    case noPaymentCredentials
    /// The page's currency is not one SumUp accepts (its code).
    case unsupportedCurrency(String)
    /// The provider could not be reached; the order exists and payment can be retried.
    case providerUnavailable(orderID: UUID, reason: String)
    /// The provider refused to create the payment; the order exists (reason for operators).
    case providerRejected(orderID: UUID, reason: String)
    /// The order is not waiting for payment any more (paid, expired, cancelled…).
    case orderNotOpen(UUID)
    /// No such order for this buyer.
    case unknownOrder
    /// The order turned out to be paid already (another tab paid it).
    case alreadyPaid(UUID)
    /// Storage failed; nothing was changed (detail for operators).
    case storage(String)

    /// What to tell the buyer, saying what to do next.
    public var description: String {
        switch self {
        case .emptyCart: "There is nothing to pay for on this page. Add something to your cart first."
        case .unknownPage: "This shop does not exist here. Go back to your cart."
        case let .productWithdrawn(name): "\(name) is no longer sold. Remove it from your cart, then check out again."
        case let .priceChanged(name): "The price of \(name) has changed. Review your cart, then check out again."
        case .noPaymentCredentials: "This shop cannot take payments yet. Please try again later."
        case let .unsupportedCurrency(code): "Payments in \(code) are not possible. Please contact the shop."
        case .providerUnavailable: "The payment service is not answering. Wait a moment, then press Retry payment."
        case .providerRejected: "The payment service refused this payment. Try again later or contact the shop."
        case .orderNotOpen: "This order is no longer waiting for payment. Open your orders to see where it stands."
        case .unknownOrder: "No such order. Open your orders to find yours."
        case .alreadyPaid: "This order has already been paid. Open your orders to see it."
        case let .storage(detail): "Something went wrong on our side (\(detail)). Please try again."
        }
    }
}
