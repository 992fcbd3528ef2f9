import Foundation

/// Why a cart edit of a line locked to an open order was refused.
public enum LockedLineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The order was paid meanwhile (the deactivation answered 409): the line is sold.
    case orderPaid(UUID)
    /// The payment could not be stopped (provider unreachable): the line stays locked.
    case paymentNotStoppable(UUID)
    /// This cart service cannot release orders (built without an `OrderService`).
    case lockedToOrder(UUID)

    /// What to tell the buyer, saying what to do next.
    public var description: String {
        switch self {
        case .orderPaid: "This item was just paid for in another tab. Open your orders to see it."
        case .paymentNotStoppable: "Payment for this order is in progress and cannot be stopped right now. Try again in a minute."
        case .lockedToOrder: "This item is waiting for payment. Finish or wait for that order first."
        }
    }

    /// The order the line is locked to.
    public var orderID: UUID {
        switch self {
        case let .orderPaid(id), let .paymentNotStoppable(id), let .lockedToOrder(id): id
        }
    }
}

/// Releases a line's open order so the cart can be edited: stops its payment and cancels it.
/// `OrderService` implements it; `CartService` calls it only when an edit hits a locked line.
public protocol LockedLineReleaser: Sendable {
    /// Deactivates the order's attempts and cancels it (lines unlocked). Throws
    /// `LockedLineError.orderPaid` when it was paid meanwhile (after reconciling it).
    func releaseForEdit(orderID: UUID) async throws
}
