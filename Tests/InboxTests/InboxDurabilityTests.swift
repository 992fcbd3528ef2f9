import ActorIdentity
import Commerce
import Foundation
import Inbox
import Storage
import Testing
import TestSupport

/// Handling runs off the request path from the durable queue: a crash after the 202, or in the
/// middle of handling, loses nothing.
@Suite("Inbox durability")
struct InboxDurabilityTests {
    @Test("activities accepted before a crash are handled by the next process", arguments: Backend.available)
    func acceptedThenRestarted(backend: Backend) async throws {
        try await TestPeers.run([.calendar]) { (peers: [TestPeer]) async throws in
            let calendar = peers[0]
            try await InboxHarness.run(backend, calendars: [calendar]) { (inbox: InboxHarness) async throws in
                try await inbox.addSamplePage()
                let user = "https://account.example/users/carol"
                try await Self.postAdds(3, from: calendar, for: user, to: inbox)
                #expect(try await inbox.lines(of: user).isEmpty)
                #expect(try await inbox.store.depth() == 3)

                // The process dies: what it handed over in memory is lost, its rows stay leased.
                let restarted = InboxWorker(store: SQLInboxStore(database: inbox.database), handler: inbox.handler,
                                            wakeup: InboxWakeup(), logger: InboxHarness.logger,
                                            now: { Date().addingTimeInterval(61) })
                let tooSoon = InboxWorker(store: SQLInboxStore(database: inbox.database), handler: inbox.handler,
                                          wakeup: InboxWakeup(), logger: InboxHarness.logger)
                #expect(await tooSoon.drainOnce() == 0, "leased to the dead process until the lease ends")
                // The next process, after the lease.
                #expect(await restarted.drainOnce() == 3)
                #expect(try await inbox.lines(of: user).count == 3)
                #expect(try await inbox.store.depth() == 0)
                // Handled again (a crash between handling and recording): nothing changes.
                #expect(await restarted.drainOnce() == 0)
            }
        }
    }

    @Test("activities claimed by a worker that died are handled after the lease", arguments: Backend.available)
    func claimedThenDied(backend: Backend) async throws {
        try await TestPeers.run([.calendar]) { (peers: [TestPeer]) async throws in
            let calendar = peers[0]
            try await InboxHarness.run(backend, calendars: [calendar], handoff: InboxHandoff(capacity: 0)) { (inbox: InboxHarness) async throws in
                try await inbox.addSamplePage()
                let user = "https://account.example/users/dan"
                try await Self.postAdds(2, from: calendar, for: user, to: inbox)
                // A worker that claims the batch and dies before handling it (no finish).
                #expect(try await inbox.store.claim(limit: 10, now: Date(), lease: 60).count == 2)
                #expect(await inbox.worker.drainOnce() == 0)
                let restarted = InboxWorker(store: SQLInboxStore(database: inbox.database), handler: inbox.handler,
                                            wakeup: InboxWakeup(), logger: InboxHarness.logger,
                                            now: { Date().addingTimeInterval(61) })
                #expect(await restarted.drainOnce() == 2)
                #expect(try await inbox.lines(of: user).count == 2)
                #expect(try await inbox.store.depth() == 0)
            }
        }
    }

    /// `count` calendar Adds of new entries into `user`'s cart, each answered 202.
    static func postAdds(_ count: Int, from calendar: TestPeer, for user: String, to inbox: InboxHarness) async throws {
        for _ in 0..<count {
            let add = Activities.add(from: calendar, object: Activities.entry(calendar, id: calendar.newID("entries")),
                                     target: Activities.cart(customer: user))
            #expect(try await calendar.post(add, to: inbox.inboxURL).status == 202)
        }
    }
}
