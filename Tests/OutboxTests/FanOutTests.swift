import Commerce
import Foundation
import Outbox
import Storage
import Testing
import TestSupport

/// Fan-out over real receivers: one copy per shared inbox, signatures verified by each host.
@Suite("Outbox fan-out")
struct FanOutTests {
    static let followers = Int(ProcessInfo.processInfo.environment["CART_FANOUT_FOLLOWERS"] ?? "") ?? 40
    static let hostCount = Int(ProcessInfo.processInfo.environment["CART_FANOUT_HOSTS"] ?? "") ?? 5

    @Test(arguments: Backend.available)
    func sharedInboxesGetOneCopy(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: Self.hostCount, settings: WorkerSettings(concurrency: 32)) { outbox, hosts in
            for n in 0..<Self.followers { try await outbox.addFollower(hosts[n % hosts.count].actor(n)) }
            try await outbox.publishAndDeliver()
            let order = try Orders.snapshot()
            let created = UUID()
            try await outbox.events.record(DomainEvent(id: created, kind: DomainEventKind.orderCreated, subject: order.id.uuidString,
                                                       payload: try order.payload(), occurredAt: outbox.clock.now()))
            try await outbox.publishAndDeliver()

            let rows = try await outbox.deliveries(of: created)
            #expect(rows.count == hosts.count)
            #expect(rows.allSatisfy { $0.state == .delivered && $0.attempts == 1 })
            for host in hosts {
                let creates = host.received.filter { $0.type == "Create" }
                #expect(creates.count == 1, "one Create per shared inbox at \(host.origin)")
                #expect(creates.first?.path == "/inbox")
                #expect(creates.first?.activityID == OutboxHarness.urls.activityIRI(created))
                #expect(host.received.allSatisfy { $0.verified }, "every delivery carries a signature our verifier accepts")
            }
            // Accepts go to each follower's own inbox, one each.
            let accepts = hosts.flatMap(\.received).filter { $0.type == "Accept" }
            #expect(accepts.count == Self.followers)
            #expect(Set(accepts.map(\.path)).count == Self.followers)
        }
    }

    @Test(arguments: Backend.available)
    func followerAddedBetweenCreateAndPaidGetsNeither(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: 2) { outbox, hosts in
            try await outbox.addFollower(hosts[0].actor(1))
            try await outbox.publishAndDeliver()
            let order = try Orders.snapshot()
            try await outbox.record(DomainEventKind.orderCreated, order)
            try await outbox.publishAndDeliver()
            try await outbox.addFollower(hosts[1].actor(2))
            try await outbox.record(DomainEventKind.orderPaid, Orders.paid(order))
            try await outbox.publishAndDeliver()

            #expect(hosts[0].accepted.map(\.type) == ["Accept", "Create", "rose:OrderPaid"])
            #expect(hosts[1].accepted.map(\.type) == ["Accept"], "the late follower gets neither Create nor OrderPaid")
            let ledger = try await outbox.store.deliveries(DeliveryFilter(orderID: order.id))
            #expect(Set(ledger.map(\.inbox)) == [hosts[0].sharedInboxURL])
        }
    }
}
