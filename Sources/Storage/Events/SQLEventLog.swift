import Commerce
import Foundation
import SQLKit

/// The domain event log (outbox table): events written with the change they describe, read back
/// in order by the publisher, and marked once published.
public struct SQLEventLog: Sendable {
    /// The database holding the log.
    public let database: Database

    /// A log over `database`.
    public init(database: Database) { self.database = database }

    /// Records `event` in its own transaction (commands record theirs via `CommerceWriter.recordEvent`).
    public func record(_ event: DomainEvent) async throws {
        try await database.write { try await Self.insert(event, into: $0) }
    }

    /// Up to `limit` unpublished events, oldest first.
    public func unpublished(limit: Int) async throws -> [DomainEvent] {
        try await database.read { sql in
            try await sql.raw("""
                SELECT id, kind, subject, payload, occurred_ms FROM domain_events
                WHERE published_ms IS NULL ORDER BY occurred_ms, id LIMIT \(literal: max(0, limit))
                """).all().map { row in
                DomainEvent(id: try row.uuid("id"), kind: try row.string("kind"), subject: try row.string("subject"),
                            payload: try row.bytes("payload"), occurredAt: try row.date("occurred_ms"))
            }
        }
    }

    /// Marks events published (ids not in the log are ignored).
    public func markPublished(ids: [UUID], at now: Date = Date()) async throws {
        guard !ids.isEmpty else { return }
        try await database.write { sql in
            try await sql.raw("""
                UPDATE domain_events SET published_ms = \(bind: now.millis)
                WHERE id IN (\(binds: ids.map(\.uuidString))) AND published_ms IS NULL
                """).run()
        }
    }

    /// Inserts `event` in the transaction of `sql`.
    static func insert(_ event: DomainEvent, into sql: any SQLDatabase) async throws {
        do {
            try await sql.raw("""
                INSERT INTO domain_events (id, kind, subject, payload, occurred_ms)
                VALUES (\(bind: event.id.uuidString), \(bind: event.kind), \(bind: event.subject),
                        \(bind: Data(event.payload)), \(bind: event.occurredAt.millis))
                """).run()
        } catch where isUniqueViolation(error) {
            throw CommerceStoreError.duplicate("event \(event.id)")
        }
    }
}
