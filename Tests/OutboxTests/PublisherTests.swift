import Commerce
import Foundation
import Outbox
import Storage
import Testing
import TestSupport

/// Publishing: one activity per event, calendars copied, events without an activity skipped.
@Suite("Outbox publisher")
struct PublisherTests {
    @Test(arguments: Backend.available)
    func calendarsOnTheOrderAreCopied(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: 2, sharedInbox: false) { outbox, hosts in
            try await outbox.addFollower(hosts[0].actor(1))
            try await outbox.publishAndDeliver()
            let calendar = try #require(IRI(hosts[1].actor(9)))
            let order = try Orders.snapshot(calendar: calendar)
            try await outbox.record(DomainEventKind.orderCreated, order)
            try await outbox.record(DomainEventKind.orderPaid, Orders.paid(order))
            try await outbox.publishAndDeliver()
            #expect(hosts[1].accepted.map(\.type) == ["Create", "rose:OrderPaid"], "the calendar is cc'd though not a follower")
            #expect(hosts[1].accepted.allSatisfy { $0.path == "/users/9/inbox" })
            #expect(hosts[0].accepted.map(\.type) == ["Accept", "Create", "rose:OrderPaid"])
        }
    }

    @Test(arguments: Backend.available)
    func eventsWithoutAnActivityDoNotBlockTheQueue(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: 1) { outbox, hosts in
            try await outbox.addFollower(hosts[0].actor(1))
            try await outbox.events.record(DomainEvent(kind: "order.teleported", subject: "x", payload: [], occurredAt: outbox.clock.now()))
            outbox.clock.advance(1)
            let order = try Orders.snapshot()
            try await outbox.record(DomainEventKind.orderCreated, order)
            #expect(try await outbox.publisher.publishPending() == 2, "the Accept and the Create; the unknown kind is skipped")
            #expect(try await outbox.events.unpublished(limit: 10).isEmpty)
            #expect(try await outbox.publisher.publishPending() == 0, "each event is published once")
            try await outbox.worker.drain()
            #expect(hosts[0].accepted.map(\.type) == ["Accept", "Create"] || hosts[0].accepted.map(\.type) == ["Create", "Accept"])
        }
    }

    @Test(arguments: Backend.available)
    func ourFollowAndItsUndoGoToThePeer(_ backend: Backend) async throws {
        try await Scenario.run(backend, hosts: 1, sharedInbox: false) { outbox, hosts in
            let peer = try #require(IRI(hosts[0].actor(3)))
            try await outbox.store.follow(actor: peer, now: outbox.clock.now())
            try await outbox.publishAndDeliver()
            outbox.clock.advance(1)
            try await outbox.store.unfollow(actor: peer, now: outbox.clock.now())
            try await outbox.publishAndDeliver()
            #expect(hosts[0].accepted.map(\.type) == ["Follow", "Undo"])
            #expect(hosts[0].accepted.allSatisfy { $0.path == "/users/3/inbox" })
            let follow = try #require(hosts[0].accepted.first)
            let id = try #require(UUID(uuidString: String(follow.activityID.suffix(36))))
            let activity = try #require(try await outbox.store.activity(id: id))
            #expect(!activity.toFollowers && activity.type == "Follow")
        }
    }
}
