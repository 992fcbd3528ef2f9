import Foundation

/// Reads of refunds inside a transaction (every `CommerceReader` has them).
public protocol RefundReader: Sendable {
    /// The refunds of an order, oldest first.
    func refunds(orderID: UUID) async throws -> [RefundRecord]
    /// Orders an operator must look at, newest first: owed, money unknown or mismatched, or a
    /// refund without a final answer (see `OrderService.ordersNeedingAttention`).
    func ordersNeedingAttention(limit: Int) async throws -> [OrderRecord]
}

/// Writes of refunds inside a transaction (every `CommerceWriter` has them).
public protocol RefundWriter: RefundReader {
    /// Stores a new refund. A second open refund of one order is `CommerceStoreError.duplicate`.
    func insertRefund(_ refund: RefundRecord) async throws
    /// Replaces a refund's state, attempts, error and schedule.
    func updateRefund(_ refund: RefundRecord) async throws
    /// Open refunds whose next check is due, rows locked and skipped by other instances
    /// (PostgreSQL `FOR UPDATE SKIP LOCKED`); the caller moves their next check in the same transaction.
    func dueRefunds(now: Date, limit: Int) async throws -> [RefundRecord]
}
