import Foundation

/// Reading orders for pages, the CLI and operators.
extension OrderService {
    /// One order, if `access` may open it (others get nil, as if it did not exist).
    public func order(id: UUID, access: OrderAccess) async throws -> OrderDetails? {
        try await store.read { reader -> OrderDetails? in
            guard let order = try await reader.order(id: id) else { return nil }
            switch access {
            case let .owner(owner): guard order.owner == owner else { return nil }
            case let .receipt(key): guard ReceiptKey.matches(key, order.receiptKey) else { return nil }
            case .operator: break
            }
            return Self.details(order, attempts: try await reader.attempts(orderID: id),
                                refunds: try await reader.refunds(orderID: id))
        }
    }

    /// The orders of a buyer, newest first.
    public func orders(owner: CartOwner) async throws -> [OrderDetails] {
        try await store.read { reader in
            var result: [OrderDetails] = []
            for order in try await reader.orders(owner: owner) {
                result.append(Self.details(order, attempts: try await reader.attempts(orderID: order.id),
                                           refunds: try await reader.refunds(orderID: order.id)))
            }
            return result
        }
    }

    /// Orders for operators, newest first, optionally of one page and/or one state.
    public func orders(page: IRI?, status: OrderStatus?, limit: Int) async throws -> [OrderDetails] {
        try await store.read { reader in
            var result: [OrderDetails] = []
            for order in try await reader.orders(page: page, status: status, limit: max(0, limit)) {
                result.append(Self.details(order, attempts: try await reader.attempts(orderID: order.id),
                                           refunds: try await reader.refunds(orderID: order.id)))
            }
            return result
        }
    }

    static func details(_ order: OrderRecord, attempts: [PaymentAttempt], refunds: [RefundRecord] = []) -> OrderDetails {
        let current = attempts.first { $0.id == order.currentAttemptID }
        let paymentURL = order.status == .awaitingPayment && current?.state == .open ? current?.hostedCheckoutURL : nil
        // Money unknown: an ended order whose attempt might still take money, or a report that did not
        // match (moot once every payment was refunded).
        let unknown = attempts.contains { attempt in
            (attempt.state.mayTakeMoney && order.status != .awaitingPayment)
                || (attempt.state == .paid && order.status != .refunded
                    && (attempt.mismatch != nil || attempt.transactionCode != order.snapshot.paymentReference))
        }
        return OrderDetails(snapshot: order.snapshot, pageSlug: order.pageSlug, receiptKey: order.receiptKey,
                            attempts: attempts, paymentURL: paymentURL, moneyUnknown: unknown,
                            calendarRefused: order.calendarRefused, refundedTotal: order.refundedTotal,
                            mismatch: order.mismatch, refunds: refunds)
    }
}
