import Commerce
import Foundation
import Outbox
import Storage
import Testing
import TestSupport

/// `FollowerRegistry` on both databases: states, events recorded with the change, paging.
@Suite("Follower registry")
struct FollowerRegistryTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func iri(_ text: String) throws -> IRI { try #require(IRI(text)) }

    @Test(arguments: Backend.available)
    func followsApprovalsAndRejections(_ backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLOutboxStore(database: database, urls: OutboxHarness.urls)
            let events = SQLEventLog(database: database)
            let bob = try iri("https://peer.test/users/bob"), cal = try iri("https://calendar.test/actor")
            #expect(try await store.receiveFollow(actor: bob, followID: try iri("https://peer.test/f/1"), autoAccept: false, now: now) == .pending)
            #expect(try await events.unpublished(limit: 10).isEmpty, "a pending follow answers nothing yet")
            #expect(try await store.receiveFollow(actor: cal, followID: try iri("https://calendar.test/f/1"), autoAccept: true, now: now) == .accepted)
            #expect(try await events.unpublished(limit: 10).map(\.kind) == [DomainEventKind.followAccepted])
            // A repeat keeps the state and answers again.
            #expect(try await store.receiveFollow(actor: cal, followID: try iri("https://calendar.test/f/2"), autoAccept: false, now: now) == .accepted)
            #expect(try await events.unpublished(limit: 10).count == 2)
            #expect(try await store.count(state: .pending) == 1)
            #expect(try await store.count(state: nil) == 2)

            let carol = try iri("https://peer.test/users/carol")
            _ = try await store.receiveFollow(actor: carol, followID: try iri("https://peer.test/f/3"), autoAccept: false, now: now)
            #expect(try await store.receiveFollow(actor: carol, followID: try iri("https://peer.test/f/4"), autoAccept: true, now: now) == .accepted,
                    "a pending request is accepted once its actor is trusted")
            #expect(try await store.follower(actor: carol)?.followID.value == "https://peer.test/f/4")
            #expect(try await store.remove(actor: carol))

            #expect(try await store.approve(actor: bob, now: now))
            #expect(try await store.approve(actor: bob, now: now) == false, "approving twice changes nothing")
            #expect(try await store.follower(actor: bob)?.state == .accepted)
            #expect(try await store.reject(actor: bob, now: now))
            #expect(try await store.follower(actor: bob) == nil)
            let decision = try #require(try await events.unpublished(limit: 10).first { $0.kind == DomainEventKind.followRejected })
            #expect(try EventPayload.decode(FollowDecision.self, from: decision.payload).follow.value == "https://peer.test/f/1")
            #expect(try await store.remove(actor: cal))
            #expect(try await store.remove(actor: cal) == false)
        }
    }

    @Test(arguments: Backend.available)
    func followersPageByActor(_ backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLOutboxStore(database: database, urls: OutboxHarness.urls)
            for n in 0..<5 {
                _ = try await store.receiveFollow(actor: try iri("https://peer.test/users/\(n)"),
                                                  followID: try iri("https://peer.test/f/\(n)"), autoAccept: n % 2 == 0, now: now)
            }
            let first = try await store.followers(state: nil, after: nil, limit: 2)
            let rest = try await store.followers(state: nil, after: first.last?.actor.value, limit: 10)
            #expect(first.map(\.actor.value) == ["https://peer.test/users/0", "https://peer.test/users/1"])
            #expect(rest.count == 3)
            #expect(try await store.followers(state: .accepted, after: nil, limit: 10).count == 3)
        }
    }

    @Test(arguments: Backend.available)
    func ourFollowsRecordEventsWithTheirIDs(_ backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLOutboxStore(database: database, urls: OutboxHarness.urls)
            let events = SQLEventLog(database: database)
            let market = try iri("https://market.test/actor")
            try await store.follow(actor: market, now: now)
            try await store.follow(actor: market, now: now)
            let sent = try await events.unpublished(limit: 10)
            #expect(sent.map(\.kind) == [DomainEventKind.followSent], "following twice sends one Follow")
            let follow = try #require(try await store.ourFollows().first)
            #expect(follow.state == .pending)
            #expect(follow.followID.value == OutboxHarness.urls.activityIRI(try #require(sent.first).id),
                    "our Follow's id is its activity's id")
            try await store.recordAnswerToOurFollow(actor: market, accepted: true, now: now)
            #expect(try await store.ourFollows().first?.state == .accepted)
            try await store.unfollow(actor: market, now: now)
            #expect(try await store.ourFollows().isEmpty)
            let undone = try #require(try await events.unpublished(limit: 10).first { $0.kind == DomainEventKind.followUndone })
            #expect(try EventPayload.decode(FollowIntent.self, from: undone.payload).follow == follow.followID)
        }
    }
}
