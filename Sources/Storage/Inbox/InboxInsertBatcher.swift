import Foundation
import Inbox
import SQLKit

/// Group commit for the inbox's request path: activities arriving while a transaction is being
/// written wait and go into the next one together (one multi-row INSERT, one commit), so the
/// database's commit rate does not cap how many activities per second can be accepted.
/// A caller returns only after its activity is committed.
///
/// PostgreSQL takes several transactions at once, so up to `postgresWriters` batches are in
/// flight there: the next batch is written while the previous one waits for its fsync'd COMMIT
/// (one batch at a time held the inbox at ~2,300/s with the process 0.8 core busy). SQLite has
/// one writer: one batch at a time. Concurrent batches stay correct: `ON CONFLICT DO NOTHING`
/// makes a second insert of an id wait for the first transaction and then skip it, and rows go
/// in id order so two batches never wait on each other crosswise (no deadlock).
actor InboxInsertBatcher {
    /// Most rows in one INSERT (7 binds each; far under both databases' bind limits).
    static let maxBatch = 256
    /// Batches written at once on PostgreSQL.
    static let postgresWriters = 3

    /// One activity to store, due at once or leased to the receiving process.
    struct Row: Sendable {
        var activity: QueuedActivity
        var leasedUntil: Date?
    }

    private let database: Database
    private let maxWriters: Int
    private var pending: [(row: Row, waiter: CheckedContinuation<Bool, any Error>)] = []
    private var writers = 0

    init(database: Database) {
        self.database = database
        self.maxWriters = database.dialect == .postgres ? Self.postgresWriters : 1
    }

    /// Stores `activity` unless its id exists; true when it is new.
    func insert(_ row: Row) async throws -> Bool {
        try await withCheckedThrowingContinuation { waiter in
            pending.append((row, waiter))
            if writers < maxWriters {
                writers += 1
                Task { await self.writeAll() }
            }
        }
    }

    /// Writes batches until nothing waits.
    private func writeAll() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(Self.maxBatch))
            pending.removeFirst(batch.count)
            do {
                let inserted = try await Self.write(batch.map(\.row), to: database)
                var claimed = Set<String>()
                for (row, waiter) in batch {
                    // The same id twice in one batch: only the first caller is told it is new.
                    waiter.resume(returning: inserted.contains(row.activity.id) && claimed.insert(row.activity.id).inserted)
                }
            } catch {
                for (_, waiter) in batch { waiter.resume(throwing: error) }
            }
        }
        writers -= 1
    }

    /// One INSERT … ON CONFLICT DO NOTHING RETURNING id for all rows (in id order). On SQLite it
    /// runs in autocommit (one statement needs no `BEGIN`/`COMMIT`); on PostgreSQL in a
    /// transaction, so a failing COMMIT reaches the caller (see `InboxEnqueueTests`).
    static func write(_ rows: [Row], to database: Database) async throws -> Set<String> {
        try await database.writeStatements { sql in
            var query = SQLQueryString("INSERT INTO inbox_activities (id, actor, type, body, received_ms, due_ms, attempts) VALUES ")
            for (index, row) in rows.sorted(by: { $0.activity.id < $1.activity.id }).enumerated() {
                let activity = row.activity
                if index > 0 { query.appendLiteral(", ") }
                query.appendInterpolation(unsafeRaw: "(")
                query.appendInterpolation(bind: activity.id)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: activity.actor)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: activity.type)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: Data(activity.body))
                query.appendLiteral(", ")
                query.appendInterpolation(bind: activity.receivedAt.millis)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: (row.leasedUntil ?? activity.receivedAt).millis)
                query.appendLiteral(row.leasedUntil == nil ? ", 0)" : ", 1)")
            }
            query.appendLiteral(" ON CONFLICT (id) DO NOTHING RETURNING id")
            return Set(try await sql.raw(query).all().map { try $0.string("id") })
        }
    }
}
