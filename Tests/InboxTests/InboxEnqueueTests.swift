import Foundation
import Inbox
import SQLKit
import Storage
import Testing
import TestSupport

/// The request path's insert: one multi-row statement per batch, several batches at once on
/// PostgreSQL: the permanent dedupe by id and "202 only after the row is committed" must hold.
@Suite("Inbox enqueue")
struct InboxEnqueueTests {
    /// Activities per test (small by default; raise for a longer soak).
    static let count = ProcessInfo.processInfo.environment["CART_TEST_INBOX_ENQUEUES"].flatMap { Int($0) } ?? 60

    static func activity(_ index: Int) -> QueuedActivity {
        QueuedActivity(id: "https://peer.example/activities/\(index)", actor: "https://peer.example/actor", type: "Follow",
                       body: Array("{\"n\":\(index)}".utf8), receivedAt: Date())
    }

    @Test(arguments: Backend.available)
    func concurrentEnqueuesOfTheSameIdsStoreEachOnce(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            // Two stores over one database: two batchers, so the same id also lands in batches
            // written at the same time, not only twice in one batch.
            let stores = [SQLInboxStore(database: database), SQLInboxStore(database: database)]
            let attempts = (0..<3).flatMap { round in (0..<Self.count).map { (round, $0) } }.shuffled()
            let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for (round, index) in attempts {
                    group.addTask { (index, try await stores[round % 2].enqueue(Self.activity(index))) }
                }
                return try await group.reduce(into: [Int: Int]()) { news, result in
                    if result.1 { news[result.0, default: 0] += 1 }
                }
            }
            #expect(results.count == Self.count)
            #expect(results.values.allSatisfy { $0 == 1 }, "an id reported new more than once")
            let rows = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM inbox_activities").first()?.decode(column: "n", as: Int.self)
            }
            #expect(rows == Self.count)
            // A repeat after all that is still a duplicate.
            #expect(try await stores[0].enqueue(Self.activity(0)) == false)
        }
    }

    @Test(arguments: Backend.available)
    func enqueueReturnsOnlyAfterItsRowIsCommitted(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLInboxStore(database: database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<Self.count {
                    group.addTask {
                        let activity = Self.activity(index)
                        #expect(try await store.enqueue(activity))
                        // Another connection (a new read snapshot) sees the row at once: the
                        // insert's commit came before enqueue returned, i.e. before any 202.
                        let seen = try await database.read { sql in
                            try await sql.raw("SELECT id FROM inbox_activities WHERE id = \(bind: activity.id)").all().count
                        }
                        #expect(seen == 1, "\(activity.id) not committed when enqueue returned")
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    /// A commit that fails after the INSERT itself succeeded must fail the enqueue (no 202), not
    /// answer "new" or wait forever: a constraint trigger deferred to commit refuses one id. (With
    /// the INSERT in autocommit, PostgresNIO never returned here: the reason it runs in a transaction.)
    @Test func aCommitThatFailsAfterTheInsertIsNotReportedAsStored() async throws {
        guard Backend.available.contains(.postgres) else { return }
        try await TestDatabases.withDatabase(.postgres) { database in
            try await database.write { sql in
                try await sql.raw("""
                    CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF NEW.id LIKE '%refused-at-commit%' THEN RAISE EXCEPTION 'refused at commit'; END IF;
                      RETURN NULL;
                    END $$
                    """).run()
                try await sql.raw("""
                    CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON inbox_activities
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit()
                    """).run()
            }
            let store = SQLInboxStore(database: database)
            var refused = Self.activity(0)
            refused.id = "https://peer.example/activities/refused-at-commit"
            await #expect(throws: (any Error).self, "enqueue answered although the commit failed") {
                try await store.enqueue(refused)
            }
            let rows = try await database.read { sql in
                try await sql.raw("SELECT COUNT(*) AS n FROM inbox_activities").first()?.decode(column: "n", as: Int.self)
            }
            #expect(rows == 0)
            // The pool's connections stay usable: the next activity is stored.
            #expect(try await store.enqueue(Self.activity(1)))
        }
    }
}
