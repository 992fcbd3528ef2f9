import Commerce
import Foundation
import Testing
import TestSupport

/// Orders in the states refunds start from, and what refund scenarios check afterwards.
extension OrderHarness {
    /// A paid order of 14.00 GBP (paid on the fake's hosted page; the webhook reconciles it, or,
    /// when a loaded machine made the webhook time out, an operator's re-check).
    func paidOrder() async throws -> UUID {
        let start = try await checkout(try await fillCart())
        try await fake.pay(try await checkoutID(start.orderID))
        if try await details(start.orderID).snapshot.status != .paid {
            _ = try await orders.reconcile(orderID: start.orderID, trigger: .operator)
        }
        #expect(try await details(start.orderID).snapshot.status == .paid)
        return start.orderID
    }

    /// An owed order: it expired while its payment could not be stopped, then the money came.
    func owedOrder() async throws -> UUID {
        let start = try await checkout(try await fillCart())
        let checkoutID = try await checkoutID(start.orderID)
        clock.advance(minutes: Double(Self.holdMinutes) + 1)
        await fake.failNext(1) // the deactivation fails: the hosted page may still take money
        #expect(try await orders.sweep().expired == 1)
        try await fake.pay(checkoutID)
        if try await details(start.orderID).snapshot.status != .owed {
            _ = try await orders.reconcile(orderID: start.orderID, trigger: .operator)
        }
        #expect(try await details(start.orderID).snapshot.status == .owed)
        return start.orderID
    }

    /// `order.refunded` events of the order, their payloads decoded, smallest refund first
    /// (events of one instant have no order of their own).
    func refundedEvents(_ orderID: UUID) async throws -> [OrderSnapshot] {
        try await events(DomainEventKind.orderRefunded, of: orderID).map { try OrderSnapshot(payload: $0.payload) }
            .sorted { ($0.refunded?.minorUnits ?? 0) < ($1.refunded?.minorUnits ?? 0) }
    }

    /// Refund calls that reached the fake (accepted or not).
    func refundPosts() async -> Int { await fake.requestCount("POST /v1.0/merchants/") }

    /// Pounds and pence in the shop's currency.
    static func gbp(_ minor: Int64) -> Money { Money(minor, OrderShop.gbp) }
}

/// The error a refund threw, or nil when it succeeded.
func refundError(_ body: () async throws(RefundError) -> RefundRecord) async -> RefundError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}
