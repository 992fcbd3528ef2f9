import Commerce
import Foundation
import Outbox
import Storage
import Testing
import TestSupport

/// Per-order ordering at each inbox (contract §3 Delivery).
@Suite("Outbox ordering")
struct OrderingTests {
    static let orders = Int(ProcessInfo.processInfo.environment["CART_OUTBOX_ORDERS"] ?? "") ?? 3

    @Test(arguments: Backend.available)
    func followerDownThenBackGetsEverythingCreateBeforePaid(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: 1) { outbox, hosts in
            let host = hosts[0]
            try await outbox.addFollower(host.actor(1))
            try await outbox.publishAndDeliver()
            await host.down()
            var orders: [OrderSnapshot] = []
            for _ in 0..<Self.orders {
                let order = try Orders.snapshot()
                orders.append(order)
                try await outbox.record(DomainEventKind.orderCreated, order)
                try await outbox.record(DomainEventKind.orderPaid, Orders.paid(order))
            }
            try await outbox.publishAndDeliver()
            let waiting = try await outbox.store.deliveries(DeliveryFilter(limit: 1_000)).filter { $0.orderID != nil }
            #expect(waiting.filter { $0.activityType == "Create" }.allSatisfy { $0.state == .failed || $0.state == .pending })
            #expect(waiting.contains { $0.activityType == "Create" && $0.state == .failed && $0.attempts == 1 })
            #expect(waiting.filter { $0.activityType == "rose:OrderPaid" }.allSatisfy { $0.state == .pending && $0.attempts == 0 },
                    "OrderPaid waits behind its Create")

            try await host.up()
            try await outbox.settle()
            let received = host.accepted
            for order in orders {
                let iri = OutboxHarness.urls.orderIRI(order.id)
                // At least once: an attempt that timed out on a loaded machine may arrive twice, with
                // the same id (receivers deduplicate by id). What must hold is one id per activity and
                // the Create's first arrival before the OrderPaid's.
                let arrivals = received.filter { $0.orderIRI == iri }
                var firstArrivals: [ReceivedDelivery] = []
                for arrival in arrivals where !firstArrivals.contains(where: { $0.activityID == arrival.activityID }) {
                    firstArrivals.append(arrival)
                }
                #expect(firstArrivals.map(\.type) == ["Create", "rose:OrderPaid"], "order \(iri) arrives Create first, one id each")
            }
            let counts = try await outbox.store.deliveryCounts()
            #expect(counts[.delivered] == 1 + 2 * Self.orders)
        }
    }

    @Test(arguments: Backend.available)
    func createDeadMeansPaidDeadForThatInbox(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: 2) { outbox, hosts in
            try await outbox.addFollower(hosts[0].actor(1))
            try await outbox.addFollower(hosts[1].actor(2))
            try await outbox.publishAndDeliver()
            hosts[0].answerByDefault(.status(400))
            let first = try Orders.snapshot()
            try await outbox.record(DomainEventKind.orderCreated, first)
            try await outbox.record(DomainEventKind.orderPaid, Orders.paid(first))
            try await outbox.publishAndDeliver()
            // Published after its Create died: created dead at once.
            let second = try Orders.snapshot()
            try await outbox.record(DomainEventKind.orderCreated, second)
            try await outbox.publishAndDeliver()
            try await outbox.record(DomainEventKind.orderPaid, Orders.paid(second))
            try await outbox.publishAndDeliver()

            for order in [first, second] {
                let rows = try await outbox.store.deliveries(DeliveryFilter(orderID: order.id))
                let refused = rows.filter { $0.inbox == hosts[0].sharedInboxURL }
                let create = try #require(refused.first { $0.activityType == "Create" })
                let paid = try #require(refused.first { $0.activityType == "rose:OrderPaid" })
                #expect(create.state == .dead && create.lastStatus == 400)
                #expect(paid.state == .dead && paid.attempts == 0)
                #expect(paid.lastError?.contains("earlier activity of this order") == true)
                #expect(rows.filter { $0.inbox == hosts[1].sharedInboxURL }.allSatisfy { $0.state == .delivered })
            }
            #expect(!hosts[0].received.contains { $0.type == "rose:OrderPaid" }, "a refused inbox never gets OrderPaid")
            // 400 is tried once more with the other signature scheme, then given up.
            #expect(hosts[0].received.filter { $0.type == "Create" }.count == 4)
            #expect(hosts[1].accepted.map(\.type) == ["Accept", "Create", "rose:OrderPaid", "Create", "rose:OrderPaid"])
        }
    }
}
