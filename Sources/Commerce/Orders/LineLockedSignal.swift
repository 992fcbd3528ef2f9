import Foundation

/// Thrown inside a cart transaction that hit a line locked to an open order: the transaction
/// rolls back, `CartService` releases the order and runs the command again.
struct LineLockedSignal: Error {
    /// The open order the line is locked to.
    let orderID: UUID
}
