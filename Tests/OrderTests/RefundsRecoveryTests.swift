import Commerce
import Foundation
import Testing
import TestSupport

/// SumUp failing during a refund: the row is `unknown`, the sweeper reads the transaction and
/// settles it, sending again only when the read proves the first call did not happen.
@Suite("Refund recovery")
struct RefundsRecoveryTests {
    @Test(arguments: Backend.available)
    func sumUpFailingDuringRefundRecoveredBySweeperWithoutDoubleRefund(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let orderID = try await h.paidOrder()
            await h.fake.answerAfterRefund([500]) // SumUp refunds, then its answer is lost
            let error = await refundError { () async throws(RefundError) in
                try await h.orders.refund(orderID: orderID, amount: nil, requestedBy: "cli:test")
            }
            guard case .providerUnreachable = error else { Issue.record("got \(String(describing: error))"); return }
            var details = try await h.details(orderID)
            #expect(details.refunds.map(\.state) == [.unknown])
            #expect(details.snapshot.status == .paid)
            #expect(try await h.refundedEvents(orderID).isEmpty)
            #expect(try await h.orders.ordersNeedingAttention(limit: 10).map(\.snapshot.id) == [orderID])
            // While unknown, no second refund can start (the money may be on its way back).
            #expect(await refundError { () async throws(RefundError) in
                try await h.orders.refund(orderID: orderID, amount: OrderHarness.gbp(100), requestedBy: "cli:test")
            } == .anotherInProgress(try #require(details.refunds.first?.id)))
            #expect(try await h.orders.sweep().refundsRechecked == 0) // not due yet
            h.clock.advance(seconds: 61)
            let report = try await h.orders.sweep()
            #expect(report.refundsRechecked == 1)
            #expect(report.refundsSettled == 1)
            details = try await h.details(orderID)
            #expect(details.refunds.map(\.state) == [.succeeded])
            #expect(details.refunds.first?.attempts == 1)
            #expect(details.snapshot.status == .refunded)
            #expect(await h.refundPosts() == 1)
            #expect(await h.fake.refunds().count == 1)
            #expect(try await h.refundedEvents(orderID).count == 1)
            #expect(await h.fake.requestCount("GET /v2.1/merchants/") == 1)
            h.clock.advance(minutes: 10)
            #expect(try await h.orders.sweep().refundsRechecked == 0) // settled: never read again
            #expect(try await h.orders.ordersNeedingAttention(limit: 10).isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func refundThatNeverReachedSumUpIsSentAgainOnce(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let orderID = try await h.paidOrder()
            await h.fake.failNext(1, status: 503) // refused before SumUp did anything
            let error = await refundError { () async throws(RefundError) in
                try await h.orders.refund(orderID: orderID, amount: OrderHarness.gbp(400), requestedBy: "cli:test")
            }
            guard case .providerUnreachable = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(try await h.details(orderID).refunds.map(\.state) == [.unknown])
            await h.fake.failNext(1, status: 503) // the first read fails too: it stays due
            h.clock.advance(seconds: 61)
            var report = try await h.orders.sweep()
            #expect(report.refundsRechecked == 0)
            #expect(report.failures == 1)
            #expect(try await h.details(orderID).refunds.map(\.state) == [.unknown])
            h.clock.advance(minutes: 3)
            report = try await h.orders.sweep()
            #expect(report.refundsSettled == 1)
            let details = try await h.details(orderID)
            #expect(details.refunds.map(\.state) == [.succeeded])
            #expect(details.refunds.first?.attempts == 2)
            #expect(details.refundedTotal == OrderHarness.gbp(400))
            #expect(details.snapshot.status == .paid)
            #expect(await h.refundPosts() == 2)
            #expect(await h.fake.refunds().map(\.amount) == [OrderHarness.gbp(400)])
            #expect(try await h.refundedEvents(orderID).map(\.refunded) == [OrderHarness.gbp(400)])
        }
    }

    @Test(arguments: Backend.available)
    func refundCallTimingOutIsSettledFromTheTransaction(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let orderID = try await h.paidOrder()
            // A provider that gives up long before SumUp answers: SumUp still refunds, later.
            let impatient = OrderService(store: h.store, provider: h.fake.provider(timeout: .milliseconds(200)),
                                         credentials: h.credentials, settings: h.settings, clock: h.clock)
            await h.fake.setDelay(.milliseconds(800))
            let error = await refundError { () async throws(RefundError) in
                try await impatient.refund(orderID: orderID, amount: OrderHarness.gbp(700), requestedBy: "cli:test")
            }
            guard case .providerUnreachable = error else { Issue.record("got \(String(describing: error))"); return }
            await h.fake.setDelay(.zero)
            // Wait (30 s at most, for loaded machines) until the fake has applied it and answered.
            for _ in 0..<600 where await h.fake.refunds().isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            try #require(await h.fake.refunds().count == 1)
            h.clock.advance(seconds: 61)
            #expect(try await h.orders.sweep().refundsSettled == 1)
            let details = try await h.details(orderID)
            #expect(details.refunds.map(\.state) == [.succeeded])
            #expect(details.refundedTotal == OrderHarness.gbp(700))
            #expect(await h.refundPosts() == 1)
            #expect(try await h.refundedEvents(orderID).count == 1)
        }
    }

    @Test(arguments: Backend.available)
    func requestedRowWhoseCallNeverLeftIsSentBySweeper(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let orderID = try await h.paidOrder()
            let transaction = try #require(try await h.details(orderID).attempts.last?.transactionID)
            // As if the process died between writing the row and calling SumUp.
            let now = h.clock.now()
            let row = RefundRecord(orderID: orderID, amount: OrderHarness.gbp(1400), state: .requested, requestedBy: "cli:test",
                                   attempts: 1, createdAt: now, updatedAt: now, transactionID: transaction, lastSentAt: now,
                                   nextCheckAt: now.addingTimeInterval(60))
            try await h.store.write { try await $0.insertRefund(row) }
            #expect(try await h.orders.ordersNeedingAttention(limit: 5).map(\.snapshot.id) == [orderID])
            h.clock.advance(seconds: 61)
            #expect(try await h.orders.sweep().refundsSettled == 1)
            let details = try await h.details(orderID)
            #expect(details.refunds.map(\.state) == [.succeeded])
            #expect(details.refunds.first?.attempts == 2)
            #expect(details.snapshot.status == .refunded)
            #expect(await h.refundPosts() == 1)
            #expect(try await h.refundedEvents(orderID).count == 1)
        }
    }

    @Test(arguments: Backend.available)
    func twoSweepersSettleALostRefundOnce(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let orderID = try await h.paidOrder()
            await h.fake.answerAfterRefund([502])
            _ = await refundError { () async throws(RefundError) in
                try await h.orders.refund(orderID: orderID, amount: nil, requestedBy: "cli:test")
            }
            h.clock.advance(seconds: 61)
            let second = h.secondInstance()
            async let one = h.orders.sweep()
            async let two = second.sweep()
            let reports = try await [one, two]
            #expect(reports.map(\.refundsSettled).reduce(0, +) == 1)
            #expect(try await h.details(orderID).snapshot.status == .refunded)
            #expect(await h.refundPosts() == 1)
            #expect(try await h.refundedEvents(orderID).count == 1)
        }
    }
}
