import Commerce
import Foundation
import Inbox
import SQLKit

/// `InboxStore` on SQLite or PostgreSQL: the `inbox_activities` table is both the permanent
/// record of every accepted activity id and the queue of those not yet handled.
public struct SQLInboxStore: InboxStore {
    /// The database holding the inbox.
    public let database: Database
    private let batcher: InboxInsertBatcher

    /// A store over `database` (which must be migrated). Share one per process: concurrent
    /// enqueues through it are committed together.
    public init(database: Database) {
        self.database = database
        self.batcher = InboxInsertBatcher(database: database)
    }

    /// Inserts unless the id exists (the conflict is not an error); committed before it returns,
    /// together with whatever else arrived meanwhile. A leased row is due when its lease ends and
    /// counts one attempt, as if claimed.
    public func enqueue(_ activity: QueuedActivity, leasedUntil: Date?) async throws -> Bool {
        try await batcher.insert(InboxInsertBatcher.Row(activity: activity, leasedUntil: leasedUntil))
    }

    /// Leases due rows by moving `due_ms` to the lease's end and counting the attempt.
    public func claim(limit: Int, now: Date, lease: TimeInterval) async throws -> [QueuedActivity] {
        let skipLocked = database.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await database.write { sql in
            try await sql.raw("""
                UPDATE inbox_activities SET due_ms = \(bind: now.addingTimeInterval(lease).millis), attempts = attempts + 1
                WHERE id IN (SELECT id FROM inbox_activities WHERE due_ms IS NOT NULL AND due_ms <= \(bind: now.millis)
                             ORDER BY due_ms, received_ms LIMIT \(literal: max(1, limit))\(unsafeRaw: skipLocked))
                RETURNING id, actor, type, body, received_ms, attempts
                """).all().map { row in
                QueuedActivity(id: try row.string("id"), actor: try row.string("actor"), type: try row.string("type"),
                               body: try row.bytes("body"), receivedAt: try row.date("received_ms"),
                               attempts: try row.int("attempts") - 1)
            }.sorted { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
        }
    }

    /// Marks the activities finished for good, in one transaction.
    public func finish(_ outcomes: [(id: String, outcome: String)], now: Date) async throws {
        guard !outcomes.isEmpty else { return }
        let idsByOutcome = Dictionary(grouping: outcomes, by: \.outcome).mapValues { $0.map(\.id) }
        try await database.write { sql in try await Self.finish(idsByOutcome, now: now, in: sql) }
    }

    /// Puts the activity back in the queue until `at`.
    public func retry(id: String, at: Date, error: String) async throws {
        try await database.write { sql in
            try await sql.raw("""
                UPDATE inbox_activities SET due_ms = \(bind: at.millis), last_error = \(bind: String(error.prefix(1000)))
                WHERE id = \(bind: id)
                """).run()
        }
    }

    /// Leased, unfinished rows due at once again, the attempt their lease counted taken back.
    public func release(ids: [String]) async throws {
        guard !ids.isEmpty else { return }
        try await database.write { sql in
            for start in stride(from: 0, to: ids.count, by: 500) {
                try await sql.raw("""
                    UPDATE inbox_activities SET due_ms = received_ms, attempts = attempts - 1
                    WHERE due_ms IS NOT NULL AND attempts > 0 AND id IN (\(binds: Array(ids[start..<min(ids.count, start + 500)])))
                    """).run()
            }
        }
    }

    /// Activities not finished yet.
    public func depth() async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM inbox_activities WHERE due_ms IS NOT NULL").first()?.int("n") ?? 0
        }
    }
}
