import Commerce
import Foundation
import Testing
import TestSupport

/// Refunds against the fake SumUp over loopback with the real provider, both backends: full and
/// partial, limits, owed orders, refusals, one `order.refunded` per refund.
@Suite("Refunds")
struct RefundsTests {
    @Test(arguments: Backend.available)
    func fullRefundMarksOrderRefunded(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let orderID = try await h.paidOrder()
            let refund = try await h.orders.refund(orderID: orderID, amount: nil, requestedBy: "cli:test")
            #expect(refund.state == .succeeded)
            #expect(refund.amount == OrderHarness.gbp(1400))
            #expect(refund.attempts == 1)
            #expect(refund.requestedBy == "cli:test")
            let details = try await h.details(orderID)
            #expect(details.snapshot.status == .refunded)
            #expect(details.refundedTotal == OrderHarness.gbp(1400))
            #expect(details.refunds == [refund])
            let fakeRefunds = await h.fake.refunds()
            #expect(fakeRefunds.count == 1)
            #expect(fakeRefunds.first?.transactionID == details.attempts.last?.transactionID)
            #expect(fakeRefunds.first?.amount == OrderHarness.gbp(1400))
            let events = try await h.refundedEvents(orderID)
            #expect(events.count == 1)
            #expect(events.first?.refunded == OrderHarness.gbp(1400))
            #expect(events.first?.status == .refunded)
            // Nothing is left: a second refund is refused before any call.
            #expect(await refundError { () async throws(RefundError) in
                try await h.orders.refund(orderID: orderID, amount: nil, requestedBy: "cli:test")
            } == .notRefundable(orderID, .refunded))
            #expect(await h.refundPosts() == 1)
        }
    }

    @Test(arguments: Backend.available)
    func partialRefundKeepsPaidWithRefundedTotal(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let orderID = try await h.paidOrder()
            let first = try await h.orders.refund(orderID: orderID, amount: OrderHarness.gbp(350), requestedBy: "cli:test")
            #expect(first.state == .succeeded)
            var details = try await h.details(orderID)
            #expect(details.snapshot.status == .paid)
            #expect(details.refundedTotal == OrderHarness.gbp(350))
            // The rest: nil means everything still refundable.
            let rest = try await h.orders.refund(orderID: orderID, amount: nil, requestedBy: "cli:test")
            #expect(rest.amount == OrderHarness.gbp(1050))
            details = try await h.details(orderID)
            #expect(details.snapshot.status == .refunded)
            #expect(details.refundedTotal == OrderHarness.gbp(1400))
            #expect(details.refunds.map(\.amount) == [OrderHarness.gbp(350), OrderHarness.gbp(1050)])
            #expect(try await h.refundedEvents(orderID).map(\.refunded) == [OrderHarness.gbp(350), OrderHarness.gbp(1050)])
            #expect(try await h.refundedEvents(orderID).map(\.status) == [.paid, .refunded])
            #expect(await h.fake.refunds().map(\.amount) == [OrderHarness.gbp(350), OrderHarness.gbp(1050)])
        }
    }

    @Test(arguments: Backend.available)
    func refundOverPaidAmountRefused(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let orderID = try await h.paidOrder()
            #expect(await refundError { () async throws(RefundError) in
                try await h.orders.refund(orderID: orderID, amount: OrderHarness.gbp(1401), requestedBy: "cli:test")
            } == .exceedsRefundable(requested: OrderHarness.gbp(1401), refundable: OrderHarness.gbp(1400)))
            #expect(await h.refundPosts() == 0)
            // Two partials summing over the paid amount: the second is refused.
            _ = try await h.orders.refund(orderID: orderID, amount: OrderHarness.gbp(1000), requestedBy: "cli:test")
            #expect(await refundError { () async throws(RefundError) in
                try await h.orders.refund(orderID: orderID, amount: OrderHarness.gbp(500), requestedBy: "cli:test")
            } == .exceedsRefundable(requested: OrderHarness.gbp(500), refundable: OrderHarness.gbp(400)))
            // Zero, negative and foreign amounts are refused too.
            for bad in [OrderHarness.gbp(0), OrderHarness.gbp(-5), Money(100, try #require(Currency(code: "EUR")))] {
                let error = await refundError { () async throws(RefundError) in
                    try await h.orders.refund(orderID: orderID, amount: bad, requestedBy: "cli:test")
                }
                guard case .invalidAmount = error else {
                    Issue.record("\(bad) gave \(String(describing: error))")
                    continue
                }
            }
            #expect(await h.refundPosts() == 1)
            let details = try await h.details(orderID)
            #expect(details.snapshot.status == .paid)
            #expect(details.refundedTotal == OrderHarness.gbp(1000))
            #expect(details.refunds.count == 1)
        }
    }

    @Test(arguments: Backend.available)
    func refundOfOwedOrder(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let orderID = try await h.owedOrder()
            #expect(try await h.orders.ordersNeedingAttention(limit: 10).map(\.snapshot.id) == [orderID])
            let refund = try await h.orders.refund(orderID: orderID, amount: nil, requestedBy: "admin:alice")
            #expect(refund.amount == OrderHarness.gbp(1400))
            #expect(try await h.details(orderID).snapshot.status == .refunded)
            #expect(try await h.refundedEvents(orderID).count == 1)
            #expect(await h.fake.refunds().count == 1)
            // Money given back: nothing left for a person to do.
            #expect(try await h.orders.ordersNeedingAttention(limit: 10).isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func refundOfUnpaidOrderRefused(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let start = try await h.checkout(try await h.fillCart())
            #expect(await refundError { () async throws(RefundError) in
                try await h.orders.refund(orderID: start.orderID, amount: nil, requestedBy: "cli:test")
            } == .notRefundable(start.orderID, .awaitingPayment))
            let unknown = UUID()
            #expect(await refundError { () async throws(RefundError) in
                try await h.orders.refund(orderID: unknown, amount: nil, requestedBy: "cli:test")
            } == .orderNotFound(unknown))
            #expect(await h.refundPosts() == 0)
            #expect(try await h.orders.refunds(orderID: start.orderID).isEmpty)
            #expect(try await h.details(start.orderID).snapshot.status == .awaitingPayment)
        }
    }

    @Test(arguments: Backend.available)
    func providerRefusalRecordsFailedRefundAndMovesNothing(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let orderID = try await h.paidOrder()
            await h.fake.failNext(1, status: 403)
            let error = await refundError { () async throws(RefundError) in
                try await h.orders.refund(orderID: orderID, amount: nil, requestedBy: "cli:test")
            }
            guard case .providerRefused = error else { Issue.record("got \(String(describing: error))"); return }
            let details = try await h.details(orderID)
            #expect(details.refunds.map(\.state) == [.failed])
            #expect(details.refunds.first?.lastError?.contains("403") == true)
            #expect(details.snapshot.status == .paid)
            #expect(details.refundedTotal == nil)
            #expect(try await h.refundedEvents(orderID).isEmpty)
            // A failed refund does not count against the limit: the full amount can go back.
            #expect(try await h.orders.refund(orderID: orderID, amount: nil, requestedBy: "cli:test").amount == OrderHarness.gbp(1400))
        }
    }
}
