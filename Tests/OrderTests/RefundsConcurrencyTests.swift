import Commerce
import Foundation
import Testing
import TestSupport

/// Refunds racing each other, a second instance and the sweeper: one in flight per order and
/// exactly one `order.refunded` per succeeded refund.
@Suite("Refunds under concurrency")
struct RefundsConcurrencyTests {
    @Test(arguments: Backend.available)
    func exactlyOneOrderRefundedEventPerRefund(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let orderID = try await h.paidOrder()
            let second = h.secondInstance()
            let tries = 8
            let outcomes = await withTaskGroup(of: RefundError?.self) { group in
                for n in 0..<tries {
                    let service = n.isMultiple(of: 2) ? h.orders : second
                    group.addTask {
                        await refundError { () async throws(RefundError) in
                            try await service.refund(orderID: orderID, amount: OrderHarness.gbp(100), requestedBy: "race:\(n)")
                        }
                    }
                }
                group.addTask { _ = try? await h.orders.sweep(); return nil as RefundError? }
                var all: [RefundError?] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            for case let error? in outcomes {
                guard case .anotherInProgress = error else { Issue.record("unexpected \(error)"); continue }
            }
            let refunds = try await h.orders.refunds(orderID: orderID)
            let succeeded = refunds.filter { $0.state == .succeeded }
            #expect(!succeeded.isEmpty)
            #expect(refunds.allSatisfy { $0.state == .succeeded }, "\(refunds.map(\.state))")
            let events = try await h.refundedEvents(orderID)
            #expect(events.count == succeeded.count)
            #expect(events.allSatisfy { $0.refunded == OrderHarness.gbp(100) })
            #expect(await h.fake.refunds().count == succeeded.count)
            #expect(await h.refundPosts() == succeeded.count)
            let details = try await h.details(orderID)
            #expect(details.refundedTotal == OrderHarness.gbp(Int64(100 * succeeded.count)))
            #expect(details.snapshot.status == .paid)
        }
    }
}
