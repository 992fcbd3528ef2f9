import Foundation

/// What `CommerceWriter.setLineQuantity` did with a quantity form's line.
public enum LineQuantityChange: Sendable, Equatable {
    /// The line now has the new quantity (returned as stored).
    case updated(CartLine)
    /// Quantity 0: the line was deleted.
    case removed
    /// The owner has no cart, or no line with this id in it (another owner's line included).
    case notFound
    /// The line is a calendar entry: always one place, so its quantity is never set here.
    case notSettable
    /// The line is locked to this open order: release the order first (nothing was written).
    case locked(orderID: UUID)
}
