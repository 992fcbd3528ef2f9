import Foundation

/// The orders a person must act on (issue 8): the operators' work list.
extension OrderService {
    /// Owed orders (calendar refused after payment, late money), money unknown or mismatched, and
    /// orders with a refund in state requested or unknown; newest first, attempts and refunds filled.
    public func ordersNeedingAttention(limit: Int) async throws -> [OrderDetails] {
        try await store.read { reader in
            var result: [OrderDetails] = []
            for order in try await reader.ordersNeedingAttention(limit: max(0, limit)) {
                result.append(Self.details(order, attempts: try await reader.attempts(orderID: order.id),
                                           refunds: try await reader.refunds(orderID: order.id)))
            }
            return result
        }
    }
}
