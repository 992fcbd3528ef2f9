import Foundation

/// Reads of orders and payment attempts inside a transaction (every `CommerceReader` has them).
public protocol OrderReader: Sendable {
    /// The order with this id.
    func order(id: UUID) async throws -> OrderRecord?
    /// The orders of `owner`, newest first.
    func orders(owner: CartOwner) async throws -> [OrderRecord]
    /// Orders for operators, newest first, optionally of one page and/or one state.
    func orders(page: IRI?, status: OrderStatus?, limit: Int) async throws -> [OrderRecord]
    /// The attempts of an order, oldest first.
    func attempts(orderID: UUID) async throws -> [PaymentAttempt]
    /// The attempt the provider knows by this checkout id.
    func attempt(providerCheckoutID: String) async throws -> PaymentAttempt?
    /// Which lines of a cart are locked, and to which order (line id -> order id).
    func lineLocks(cartID: UUID) async throws -> [UUID: UUID]
}

/// Writes of orders and payment attempts inside a transaction (every `CommerceWriter` has them).
public protocol OrderWriter: OrderReader {
    /// The order, its row locked until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite's
    /// writer is already exclusive).
    func lockOrder(id: UUID) async throws -> OrderRecord?
    /// The next order number of a page (1, 2, …; concurrent checkouts get different numbers).
    func nextOrderNumber(pageIRI: IRI) async throws -> Int
    /// Stores a new order with its items.
    func insertOrder(_ order: OrderRecord) async throws
    /// Replaces an order's state, flags, current attempt and payment reference.
    func updateOrder(_ order: OrderRecord) async throws
    /// Locks cart lines to an order (edits then release it first).
    func lockLines(ids: [UUID], orderID: UUID) async throws
    /// Unlocks every line locked to the order (expired, cancelled, failed).
    func unlockLines(orderID: UUID) async throws
    /// Soft-deletes the lines locked to a paid order: kept with the order id, gone from the cart.
    func archiveLines(orderID: UUID, at: Date) async throws
    /// Stores a new attempt.
    func insertAttempt(_ attempt: PaymentAttempt) async throws
    /// Replaces an attempt's state and provider data.
    func updateAttempt(_ attempt: PaymentAttempt) async throws
    /// Gives every order of `from` to `to` (login adopts the session's orders); returns how many.
    @discardableResult
    func moveOrders(from: CartOwner, to: CartOwner) async throws -> Int
    /// Attempts whose next read is due, rows locked and skipped by other instances (PostgreSQL
    /// `FOR UPDATE SKIP LOCKED`); the caller stores their next check in the same transaction.
    func dueAttempts(now: Date, limit: Int) async throws -> [PaymentAttempt]
    /// Open orders past their hold not claimed in the last `claimFor`; claims them (SKIP LOCKED).
    func claimExpiredOrders(now: Date, claimFor: TimeInterval, limit: Int) async throws -> [UUID]
}
