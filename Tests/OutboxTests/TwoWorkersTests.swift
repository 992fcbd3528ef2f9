import Commerce
import Foundation
import Logging
import Outbox
import Storage
import Testing
import TestSupport
import Transport

/// Two instances on one database share the work without sending anything twice.
@Suite("Outbox workers")
struct TwoWorkersTests {
    static let inboxes = Int(ProcessInfo.processInfo.environment["CART_TWO_WORKERS_INBOXES"] ?? "") ?? 60

    @Test(arguments: Backend.available)
    func twoWorkersOnOnePostgresNeverSendTwice(_ backend: Backend) async throws {
        try await Receivers.with(1, sharedInbox: false) { hosts in
            let host = hosts[0]
            let fresh = try await TestDatabases.freshURL(backend)
            let first = try await Database.open(fresh.url, logger: TestDatabases.logger)
            let second = try await Database.open(fresh.url, logger: TestDatabases.logger)
            let transport = GuardedTransport(allowPrivateNetworks: true, logger: TestDatabases.logger, totalTimeout: .seconds(5))
            do {
                try await first.migrate()
                let clock = ManualClock()
                let settings = WorkerSettings(concurrency: 8, perHostLimit: 8)
                let one = OutboxHarness.make(first, clock: clock, settings: settings, transport: transport, logger: TestDatabases.logger)
                let two = OutboxHarness.make(second, clock: clock, settings: settings, transport: transport, logger: TestDatabases.logger)
                for n in 0..<Self.inboxes { try await one.addFollower(host.actor(n)) }
                let order = try Orders.snapshot()
                try await one.record(DomainEventKind.orderCreated, order)
                try await one.record(DomainEventKind.orderPaid, Orders.paid(order))
                // Both instances publish and deliver at once.
                async let published1 = one.publisher.publishPending()
                async let published2 = two.publisher.publishPending()
                let activities = try await published1 + published2
                #expect(activities == Self.inboxes + 2, "each event is published exactly once")
                async let sent1 = one.worker.drain()
                async let sent2 = two.worker.drain()
                _ = try await (sent1, sent2)
                try await one.settle(step: 60)

                let received = host.accepted
                let copies = Dictionary(grouping: received, by: { "\($0.path) \($0.activityID)" }).mapValues(\.count)
                #expect(copies.values.allSatisfy { $0 == 1 }, "no inbox got an activity twice")
                #expect(received.filter { $0.type == "Create" }.count == Self.inboxes)
                #expect(received.filter { $0.type == "rose:OrderPaid" }.count == Self.inboxes)
                #expect(try await one.store.deliveryCounts()[.delivered] == 3 * Self.inboxes)
            } catch {
                await transport.shutdown()
                await first.close()
                await second.close()
                try? await fresh.remove()
                throw error
            }
            await transport.shutdown()
            await first.close()
            await second.close()
            try await fresh.remove()
        }
    }
}
