import ActorIdentity
import Commerce
import Foundation
import Outbox
import Storage
import Testing
import TestSupport

/// The worker records a run of Follows in one transaction; an activity of another kind between
/// them must still see the Follows before it, and the ones after it must come after.
@Suite("Inbox follow batches")
struct InboxFollowBatchTests {
    @Test("Follow, Undo, Follow again and a stranger's Follow in one batch keep their order", arguments: Backend.available)
    func followsAroundAnUndoKeepTheirOrder(backend: Backend) async throws {
        try await TestPeers.run([.calendar, .stranger]) { (peers: [TestPeer]) async throws in
            let (calendar, stranger) = (peers[0], peers[1])
            try await InboxHarness.run(backend, calendars: [calendar]) { (inbox: InboxHarness) async throws in
                let first = Activities.follow(from: calendar, of: inbox.actor)
                let firstID = try #require(first["id"]?.stringValue)
                let second = Activities.follow(from: calendar, of: inbox.actor)
                let sequence: [(TestPeer, JSONValue)] = [
                    (calendar, first), (calendar, Activities.undoFollow(from: calendar, of: inbox.actor, followID: firstID)),
                    (calendar, second), (stranger, Activities.follow(from: stranger, of: inbox.actor)),
                ]
                for (peer, activity) in sequence {
                    #expect(try await peer.post(activity, to: inbox.inboxURL).status == 202)
                    // Claims are ordered by the millisecond received: keep them apart.
                    try await Task.sleep(for: .milliseconds(3))
                }
                #expect(await inbox.worker.drainOnce() == 4)
                let follower = try await inbox.registry.follower(actor: try #require(IRI(calendar.actor)))
                #expect(follower?.state == .accepted)
                #expect(follower?.followID.value == second["id"]?.stringValue)
                #expect(try await inbox.registry.follower(actor: try #require(IRI(stranger.actor)))?.state == .pending)
                // Two Accepts for the calendar's two Follows, none for the stranger yet.
                #expect(try await inbox.events(DomainEventKind.followAccepted).count == 2)
                #expect(try await inbox.outcome(of: firstID) == "done: follow accepted (peer)")
                let strangerFollow = try #require(sequence[3].1["id"]?.stringValue)
                #expect(try await inbox.outcome(of: strangerFollow) == "done: follow pending approval")
                #expect(try await inbox.store.depth() == 0)
            }
        }
    }

    @Test("a stranger's repeated Follows in one batch stay one pending request, the last id kept", arguments: Backend.available)
    func strangerRepeatsStayPending(backend: Backend) async throws {
        try await TestPeers.run([.stranger]) { (peers: [TestPeer]) async throws in
            let stranger = peers[0]
            try await InboxHarness.run(backend) { (inbox: InboxHarness) async throws in
                var last = ""
                for _ in 0..<3 {
                    let follow = Activities.follow(from: stranger, of: inbox.actor)
                    last = try #require(follow["id"]?.stringValue)
                    #expect(try await stranger.post(follow, to: inbox.inboxURL).status == 202)
                    try await Task.sleep(for: .milliseconds(3))
                }
                #expect(await inbox.worker.drainOnce() == 3)
                let follower = try await inbox.registry.follower(actor: try #require(IRI(stranger.actor)))
                #expect(follower?.state == .pending)
                #expect(follower?.followID.value == last)
                #expect(try await inbox.events(DomainEventKind.followAccepted).isEmpty)
                #expect(try await inbox.registry.count(state: nil) == 1)
            }
        }
    }

    @Test("a flood of Follows is recorded once each, with one Accept per Follow", arguments: Backend.available)
    func followFloodRecordedOnceEach(backend: Backend) async throws {
        let count = ProcessInfo.processInfo.environment["INBOX_FOLLOW_FLOOD"].flatMap(Int.init) ?? 150
        try await TestPeers.run([.market]) { (peers: [TestPeer]) async throws in
            let market = peers[0]
            try await InboxHarness.run(backend, markets: [market]) { (inbox: InboxHarness) async throws in
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<count {
                        group.addTask { try await market.post(Activities.follow(from: market, of: inbox.actor), to: inbox.inboxURL).status }
                    }
                    for try await status in group { #expect(status == 202) }
                }
                await inbox.drain()
                #expect(try await inbox.inboxCounts() == (rows: count, attempts: count))
                #expect(try await inbox.events(DomainEventKind.followAccepted).count == count)
                #expect(try await inbox.registry.count(state: .accepted) == 1)
            }
        }
    }
}
