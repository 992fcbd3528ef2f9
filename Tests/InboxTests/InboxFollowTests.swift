import ActorIdentity
import Commerce
import Foundation
import Outbox
import Storage
import Testing
import TestSupport

/// Follows, their undoing, and who may send what (contract §4, "From any signed actor").
@Suite("Inbox follows")
struct InboxFollowTests {
    @Test("a stranger's Follow waits; approving it records the Accept", arguments: Backend.available)
    func strangerFollowPendingThenApproved(backend: Backend) async throws {
        try await TestPeers.run([.stranger]) { (peers: [TestPeer]) async throws in
            let stranger = peers[0]
            try await InboxHarness.run(backend, calendars: []) { (inbox: InboxHarness) async throws in
                let response = try await stranger.post(Activities.follow(from: stranger, of: inbox.actor), to: inbox.inboxURL)
                #expect(response.status == 202)
                await inbox.drain()
                let iri = try #require(IRI(stranger.actor))
                #expect(try await inbox.registry.follower(actor: iri)?.state == .pending)
                #expect(try await inbox.events(DomainEventKind.followAccepted).isEmpty)
                #expect(try await inbox.registry.approve(actor: iri, now: Date()))
                #expect(try await inbox.registry.follower(actor: iri)?.state == .accepted)
                #expect(try await inbox.events(DomainEventKind.followAccepted).map(\.subject) == [stranger.actor])
            }
        }
    }

    @Test("a configured peer's Follow is accepted at once", arguments: Backend.available)
    func peerFollowAcceptedAtOnce(backend: Backend) async throws {
        try await TestPeers.run([.calendar]) { (peers: [TestPeer]) async throws in
            let calendar = peers[0]
            try await InboxHarness.run(backend, calendars: [calendar]) { (inbox: InboxHarness) async throws in
                #expect(try await calendar.post(Activities.follow(from: calendar, of: inbox.actor), to: inbox.inboxURL).status == 202)
                await inbox.drain()
                #expect(try await inbox.registry.follower(actor: try #require(IRI(calendar.actor)))?.state == .accepted)
                #expect(try await inbox.events(DomainEventKind.followAccepted).count == 1)
            }
        }
    }

    @Test("Undo{Follow} and the actor's own Delete remove the follower", arguments: Backend.available)
    func undoAndDeleteRemove(backend: Backend) async throws {
        try await TestPeers.run([.calendar, .market]) { (peers: [TestPeer]) async throws in
            let (calendar, market) = (peers[0], peers[1])
            try await InboxHarness.run(backend, calendars: [calendar], markets: [market]) { (inbox: InboxHarness) async throws in
                let follow = Activities.follow(from: calendar, of: inbox.actor)
                #expect(try await calendar.post(follow, to: inbox.inboxURL).status == 202)
                #expect(try await market.post(Activities.follow(from: market, of: inbox.actor), to: inbox.inboxURL).status == 202)
                await inbox.drain()
                #expect(try await inbox.registry.count(state: .accepted) == 2)
                let undo = Activities.undoFollow(from: calendar, of: inbox.actor, followID: try #require(follow["id"]?.stringValue))
                #expect(try await calendar.post(undo, to: inbox.inboxURL).status == 202)
                #expect(try await market.post(Activities.delete(from: market, object: market.actor), to: inbox.inboxURL).status == 202)
                await inbox.drain()
                #expect(try await inbox.registry.count(state: nil) == 0)
            }
        }
    }

    @Test("a follower's Like is accepted and ignored; a stranger's Create{Note} is forbidden", arguments: Backend.available)
    func likeIgnoredNoteForbidden(backend: Backend) async throws {
        try await TestPeers.run([.stranger, .instanceStranger]) { (peers: [TestPeer]) async throws in
            let (follower, stranger) = (peers[0], peers[1])
            try await InboxHarness.run(backend, calendars: []) { (inbox: InboxHarness) async throws in
                #expect(try await follower.post(Activities.follow(from: follower, of: inbox.actor), to: inbox.inboxURL).status == 202)
                await inbox.drain()
                #expect(try await inbox.registry.approve(actor: try #require(IRI(follower.actor)), now: Date()))
                let like = Activities.like(from: follower, object: inbox.base + "/orders/1")
                #expect(try await follower.post(like, to: inbox.inboxURL).status == 202)
                await inbox.drain()
                #expect(try await inbox.outcome(of: try #require(like["id"]?.stringValue))?.hasPrefix("ignored") == true)

                let note: JSONValue = ["id": .string(stranger.newID("notes")), "type": "Note", "content": "hello"]
                let response = try await stranger.post(Activities.create(from: stranger, object: note), to: inbox.inboxURL)
                #expect(response.status == 403)
                #expect(try await inbox.inboxCounts().rows == 2) // the Follow and the Like only
            }
        }
    }

    @Test("a signature by the server's instance actor does not speak for the person: 401", arguments: Backend.available)
    func instanceKeyDoesNotSpeakForActor(backend: Backend) async throws {
        try await TestPeers.run([.instanceStranger]) { (peers: [TestPeer]) async throws in
            let stranger = peers[0]
            try await InboxHarness.run(backend, calendars: []) { (inbox: InboxHarness) async throws in
                let follow = Activities.follow(from: stranger, of: inbox.actor).serializedBytes()
                #expect(try await stranger.post(follow, to: inbox.inboxURL, signer: .instance).status == 401)
                // Its own key, fetched with a signed GET (its server refuses unsigned ones): accepted.
                #expect(try await stranger.post(follow, to: inbox.inboxURL, signer: .actor, scheme: .rfc9421).status == 202)
                let fetches = await stranger.log.requests.filter { $0.method == "GET" }
                #expect(fetches.contains { $0.header("signature") != nil || $0.header("signature-input") != nil })
            }
        }
    }
}
