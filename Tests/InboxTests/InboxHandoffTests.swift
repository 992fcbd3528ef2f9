import ActorIdentity
import Commerce
import Foundation
@testable import Inbox
import SQLKit
import Storage
import Testing
import TestSupport

/// New activities are stored leased to the receiving process and handed to its worker in memory:
/// the worker neither claims their rows nor parses their bodies. Only the rows are durable: a
/// process that dies before handling them leaves them to whoever claims after the lease.
@Suite("Inbox handoff")
struct InboxHandoffTests {
    @Test(arguments: Backend.available)
    func workerTakesHandedOverActivitiesThatNobodyElseCanClaim(backend: Backend) async throws {
        try await TestPeers.run([.stranger]) { (peers: [TestPeer]) async throws in
            let stranger = peers[0]
            try await InboxHarness.run(backend) { (inbox: InboxHarness) async throws in
                let follows = [Activities.follow(from: stranger, of: inbox.actor), Activities.follow(from: stranger, of: inbox.actor)]
                for follow in follows { #expect(try await stranger.post(follow, to: inbox.inboxURL).status == 202) }
                // A repeat is a duplicate: nothing more handed over.
                #expect(try await stranger.post(follows[0], to: inbox.inboxURL).status == 202)
                #expect(inbox.handoff.count == 2)
                #expect(try await inbox.store.depth() == 2)
                // Leased to this process: another worker claiming now gets nothing.
                #expect(try await inbox.store.claim(limit: 10, now: Date(), lease: 60).isEmpty)

                #expect(await inbox.worker.drainOnce() == 2)
                #expect(inbox.handoff.count == 0)
                for follow in follows {
                    let id = try #require(follow["id"]?.stringValue)
                    #expect(try await inbox.outcome(of: id) == "done: follow pending approval")
                }
                #expect(try await inbox.store.depth() == 0)
                #expect(try await inbox.registry.follower(actor: try #require(IRI(stranger.actor)))?.state == .pending)
            }
        }
    }

    @Test(arguments: Backend.available)
    func aFullHandoffLeavesNewActivitiesDueForAnyWorker(backend: Backend) async throws {
        try await TestPeers.run([.stranger]) { (peers: [TestPeer]) async throws in
            let stranger = peers[0]
            try await InboxHarness.run(backend, handoff: InboxHandoff(capacity: 2)) { (inbox: InboxHarness) async throws in
                for _ in 0..<5 {
                    #expect(try await stranger.post(Activities.follow(from: stranger, of: inbox.actor), to: inbox.inboxURL).status == 202)
                }
                #expect(inbox.handoff.count == 2)
                let claimed = try await inbox.store.claim(limit: 10, now: Date(), lease: 60)
                #expect(claimed.count == 3)
                #expect(claimed.allSatisfy { $0.attempts == 0 })
                // The claimed three come back when that lease ends; the handed-over two now.
                #expect(await inbox.worker.drainOnce() == 2)
                #expect(try await inbox.store.depth() == 3)
            }
        }
    }

    @Test(arguments: Backend.available)
    func aStoppingWorkerGivesBackWhatItWasHandedSoOthersClaimItAtOnce(backend: Backend) async throws {
        try await TestPeers.run([.stranger]) { (peers: [TestPeer]) async throws in
            let stranger = peers[0]
            try await InboxHarness.run(backend) { (inbox: InboxHarness) async throws in
                for _ in 0..<2 {
                    #expect(try await stranger.post(Activities.follow(from: stranger, of: inbox.actor), to: inbox.inboxURL).status == 202)
                }
                #expect(inbox.handoff.count == 2)
                await inbox.worker.releaseHandedOver()
                #expect(inbox.handoff.count == 0)
                // What arrives while the worker stops is stored due, not handed over.
                #expect(try await stranger.post(Activities.follow(from: stranger, of: inbox.actor), to: inbox.inboxURL).status == 202)
                #expect(inbox.handoff.count == 0)
                // Another instance (or the next process) claims all three now, none counted as tried.
                let claimed = try await inbox.store.claim(limit: 10, now: Date(), lease: 60)
                #expect(claimed.count == 3)
                #expect(claimed.allSatisfy { $0.attempts == 0 })
            }
        }
    }

    @Test(arguments: Backend.available)
    func aFailingClaimStillHandlesWhatWasHandedOver(backend: Backend) async throws {
        try await TestPeers.run([.stranger]) { (peers: [TestPeer]) async throws in
            let stranger = peers[0]
            try await InboxHarness.run(backend, handoff: InboxHandoff(capacity: 1)) { (inbox: InboxHarness) async throws in
                let handed = Activities.follow(from: stranger, of: inbox.actor)
                #expect(try await stranger.post(handed, to: inbox.inboxURL).status == 202)
                // The handoff is full: this one is stored due, for a claim.
                #expect(try await stranger.post(Activities.follow(from: stranger, of: inbox.actor), to: inbox.inboxURL).status == 202)
                #expect(inbox.handoff.count == 1)
                try await Self.refuseClaims(true, in: inbox.database)
                #expect(await inbox.worker.drainOnce() == 1, "the claim failed; the handed-over Follow is handled anyway")
                #expect(try await inbox.outcome(of: try #require(handed["id"]?.stringValue)) == "done: follow pending approval")
                #expect(try await inbox.store.depth() == 1)
                try await Self.refuseClaims(false, in: inbox.database)
                #expect(await inbox.worker.drainOnce() == 1)
                #expect(try await inbox.store.depth() == 0)
            }
        }
    }

    /// A trigger that makes every claim (an UPDATE counting an attempt) fail, or drops it.
    static func refuseClaims(_ refuse: Bool, in database: Database) async throws {
        let postgres = database.dialect == .postgres
        let statements: [String] = switch (refuse, postgres) {
        case (true, true): ["""
            CREATE FUNCTION refuse_claims() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'claims refused'; END $$
            """, """
            CREATE TRIGGER refuse_claims BEFORE UPDATE ON inbox_activities FOR EACH ROW
            WHEN (NEW.attempts > OLD.attempts) EXECUTE FUNCTION refuse_claims()
            """]
        case (true, false): ["""
            CREATE TRIGGER refuse_claims BEFORE UPDATE OF attempts ON inbox_activities
            WHEN NEW.attempts > OLD.attempts BEGIN SELECT RAISE(ABORT, 'claims refused'); END
            """]
        case (false, true): ["DROP TRIGGER refuse_claims ON inbox_activities", "DROP FUNCTION refuse_claims()"]
        case (false, false): ["DROP TRIGGER refuse_claims"]
        }
        try await database.write { sql in
            for statement in statements { try await sql.raw(SQLQueryString(statement)).run() }
        }
    }

    @Test func entriesPastHalfTheirLeaseAreLeftToTheQueue() throws {
        let handoff = InboxHandoff(capacity: 4, lease: 60)
        let actor = try #require(IRI("https://peer.example/actor"))
        let start = Date()
        for index in 0..<4 {
            let until = try #require(handoff.reserve(now: start))
            let queued = QueuedActivity(id: "https://peer.example/\(index)", actor: actor.value, type: "Like", body: [], receivedAt: start)
            handoff.settle(.init(queued: queued, command: .ignored("test"), actor: actor, leasedUntil: until))
        }
        #expect(handoff.reserve(now: start) == nil, "full")
        #expect(handoff.take(limit: 1, now: start.addingTimeInterval(29)).map(\.queued.id) == ["https://peer.example/0"])
        #expect(handoff.take(limit: 10, now: start.addingTimeInterval(31)).isEmpty)
        #expect(handoff.count == 0)
        #expect(handoff.reserve(now: start) != nil, "room again")
    }
}
