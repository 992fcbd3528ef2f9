import Commerce
import Foundation
import Outbox
import Storage
import Testing
import TestSupport

/// Gone recipients, failing hosts and the breaker, over real receivers and an injected clock.
@Suite("Outbox failures")
struct FailureTests {
    @Test(arguments: Backend.available)
    func goneRemovesFollower(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: 1, sharedInbox: false) { outbox, hosts in
            let host = hosts[0]
            try await outbox.addFollower(host.actor(1))
            try await outbox.addFollower(host.actor(2))
            try await outbox.publishAndDeliver()
            host.enqueue([.gone])
            try await outbox.record(DomainEventKind.orderCreated, try Orders.snapshot())
            try await outbox.publishAndDeliver()

            let followers = try await outbox.store.followers(state: .accepted, after: nil, limit: 10)
            #expect(followers.count == 1, "the follower whose inbox answered 410 is removed at once")
            let dead = try await outbox.store.deliveries(DeliveryFilter(state: .dead))
            #expect(dead.count == 1 && dead.first?.lastStatus == 410 && dead.first?.attempts == 1)
        }
    }

    @Test(arguments: Backend.available)
    func sevenFailingDaysMarkHostUnavailable(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: 1) { outbox, hosts in
            let host = hosts[0]
            try await outbox.addFollower(host.actor(1))
            try await outbox.publishAndDeliver()
            host.answerByDefault(.status(500))
            try await outbox.record(DomainEventKind.orderCreated, try Orders.snapshot())
            try await outbox.publishAndDeliver()
            for _ in 0..<6 {
                outbox.clock.advance(86_400)
                try await outbox.worker.drain()
            }
            var health = try await outbox.store.troubledHosts()
            #expect(health.first?.failingDays == 7)
            #expect(health.first?.unavailable == true)

            // Skipped at fan-out while unavailable.
            let skipped = try Orders.snapshot()
            try await outbox.record(DomainEventKind.orderCreated, skipped)
            try await outbox.publishAndDeliver()
            #expect(try await outbox.store.deliveries(DeliveryFilter(orderID: skipped.id)).isEmpty)

            // A success clears the mark.
            host.answerByDefault(.accepted)
            outbox.clock.advance(86_400)
            try await outbox.worker.drain()
            health = try await outbox.store.troubledHosts()
            #expect(!health.contains { $0.unavailable })
            let next = try Orders.snapshot()
            try await outbox.record(DomainEventKind.orderCreated, next)
            try await outbox.publishAndDeliver()
            #expect(try await outbox.store.deliveries(DeliveryFilter(orderID: next.id)).first?.state == .delivered)
        }
    }

    @Test(arguments: Backend.available)
    func breakerOpensAndRecovers(_ backend: Backend) async throws {
        let settings = WorkerSettings(concurrency: 1, perHostLimit: 1, breakerThreshold: 3, breakerCoolDown: 60)
        try await Scenario.run(backend, hosts: 1, settings: settings) { outbox, hosts in
            let host = hosts[0]
            try await outbox.addFollower(host.actor(1))
            try await outbox.publishAndDeliver()
            host.answerByDefault(.unavailable(retryAfter: "1"))
            for _ in 0..<5 { try await outbox.record(DomainEventKind.orderCreated, try Orders.snapshot()) }
            try await outbox.publishAndDeliver()
            // Three failures open the breaker: the other two are held without spending attempts.
            #expect(host.received.filter { $0.type == "Create" }.count == 3)
            let rows = try await outbox.store.deliveries(DeliveryFilter(limit: 100)).filter { $0.activityType == "Create" }
            #expect(rows.filter { $0.attempts == 1 }.count == 3)
            #expect(rows.filter { $0.attempts == 0 }.count == 2)
            #expect(rows.allSatisfy { $0.state != .dead })

            // Before the cool-down nothing is sent, even though Retry-After (1 s) has passed.
            outbox.clock.advance(30)
            try await outbox.worker.drain()
            #expect(host.received.filter { $0.type == "Create" }.count == 3)

            // After it, one probe; it succeeds, the breaker closes and everything goes.
            host.answerByDefault(.accepted)
            outbox.clock.advance(31)
            try await outbox.worker.drain()
            try await outbox.settle(step: 10)
            let after = try await outbox.store.deliveries(DeliveryFilter(limit: 100)).filter { $0.activityType == "Create" }
            #expect(after.allSatisfy { $0.state == .delivered })
            #expect(after.filter { $0.attempts == 1 }.count == 2, "held deliveries spent no attempt while the breaker was open")
            #expect(await outbox.worker.openBreakers().isEmpty)
        }
    }
}

/// Answers that delay: a hanging inbox, 429 with Retry-After.
@Suite("Outbox slow receivers")
struct SlowReceiverTests {
    @Test(arguments: Backend.available)
    func hangingInboxTimesOutAndIsRetried(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: 1, timeout: .seconds(1)) { outbox, hosts in
            let host = hosts[0]
            try await outbox.addFollower(host.actor(1))
            try await outbox.publishAndDeliver()
            host.enqueue([.hang])
            try await outbox.record(DomainEventKind.orderCreated, try Orders.snapshot())
            try await outbox.publishAndDeliver()
            let failed = try #require(try await outbox.store.deliveries(DeliveryFilter(state: .failed)).first)
            #expect(failed.attempts == 1 && failed.lastStatus == nil)
            #expect(failed.lastError?.contains("no complete response") == true)
            try await outbox.settle(step: 60)
            #expect(host.accepted.filter { $0.type == "Create" }.count == 1)
        }
    }

    @Test(arguments: Backend.available)
    func tooManyRequestsWaitsForRetryAfter(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: 1) { outbox, hosts in
            let host = hosts[0]
            try await outbox.addFollower(host.actor(1))
            try await outbox.publishAndDeliver()
            host.enqueue([.tooManyRequests(retryAfter: "600")])
            try await outbox.record(DomainEventKind.orderCreated, try Orders.snapshot())
            try await outbox.publishAndDeliver()
            let failed = try #require(try await outbox.store.deliveries(DeliveryFilter(state: .failed)).first)
            let next = try #require(failed.nextAttemptAt)
            #expect(abs(next.timeIntervalSince(outbox.clock.now()) - 600) < 0.01)
            #expect(failed.lastStatus == 429)
            outbox.clock.advance(599)
            try await outbox.worker.drain()
            #expect(host.accepted.filter { $0.type == "Create" }.isEmpty, "nothing before Retry-After")
            outbox.clock.advance(2)
            try await outbox.worker.drain()
            #expect(host.accepted.filter { $0.type == "Create" }.count == 1)
        }
    }
}
