import Foundation

/// Why a refund was not made (or its outcome is not known yet). `message` says what to do next.
public enum RefundError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No order with this id.
    case orderNotFound(UUID)
    /// The order took no money (or gave it all back): nothing to refund.
    case notRefundable(UUID, OrderStatus)
    /// The amount is zero, negative, or in another currency.
    case invalidAmount(String)
    /// More than is left to refund (requested, unknown and succeeded refunds count as given back).
    case exceedsRefundable(requested: Money, refundable: Money)
    /// The order's payment has no provider transaction id to refund.
    case noTransaction(UUID)
    /// Another refund of the order (this id) has no final answer yet.
    case anotherInProgress(UUID)
    /// The provider refused the refund (no money moved), with its reason.
    case providerRefused(String)
    /// The provider could not be reached or its answer was lost: the refund is recorded as
    /// `unknown` (or could not start) and the sweeper settles it.
    case providerUnreachable(String)
    /// Nothing was sent and nothing recorded (database unreachable, page without payment
    /// credentials), with the reason.
    case notStarted(String)

    /// One line for operators, saying what to do next.
    public var message: String {
        switch self {
        case let .orderNotFound(id):
            "no order \(id.uuidString.lowercased()); check the id with `cart-actor orders list`"
        case let .notRefundable(id, status):
            "order \(id.uuidString.lowercased()) is \(status.rawValue): only paid or owed orders can be refunded"
        case let .invalidAmount(reason):
            "invalid refund amount: \(reason)"
        case let .exceedsRefundable(requested, refundable):
            "cannot refund \(requested): at most \(refundable) is left to refund"
        case let .noTransaction(id):
            "order \(id.uuidString.lowercased()) has no payment transaction id to refund; run `cart-actor orders recheck` first, or refund in the SumUp dashboard"
        case let .anotherInProgress(refund):
            "refund \(refund.uuidString.lowercased()) of this order is still waiting for the provider's answer; wait for the sweeper to settle it, then try again"
        case let .providerRefused(reason):
            "SumUp refused the refund (no money moved): \(reason)"
        case let .providerUnreachable(reason):
            "the refund's outcome is not known yet (\(reason)); it is recorded, and the sweeper checks with SumUp and settles it: do not refund again, see `cart-actor orders show`"
        case let .notStarted(reason):
            "nothing was refunded: \(reason); fix that and try again"
        }
    }

    /// The same line as `message`.
    public var description: String { message }
}
