import Commerce
import Foundation
import Outbox
import SQLKit

// The ledger as routes, the CLI and metrics read it (`OutboxReading`), over schema 7. Written by
// the outbox-ops helper against FederationLedgerSchema; ids are matched in both letter cases
// because uuids are stored as `uuidString` (upper case) while IRIs carry them lower-case.
extension SQLOutboxStore: OutboxReading {
    /// Followers-addressed activities, newest first, after `cursor`.
    public func activities(after cursor: ActivityCursor?, limit: Int) async throws -> [PublishedActivity] {
        try await database.read { sql in
            var query: SQLQueryString = """
                SELECT id, event_kind, type, order_key, to_followers, body, published_ms FROM activities
                WHERE to_followers = \(bind: true)
                """
            if let cursor {
                let millis = cursor.publishedMillis
                query += " AND (published_ms < \(bind: millis) OR (published_ms = \(bind: millis) AND id < \(bind: cursor.id.uuidString)))"
            }
            query += " ORDER BY published_ms DESC, id DESC LIMIT \(literal: max(0, limit))"
            return try await sql.raw(query).all().map(Self.publishedActivity(row:))
        }
    }

    /// How many followers-addressed activities there are.
    public func activityCount() async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM activities WHERE to_followers = \(bind: true)").first()
                .map { try $0.int("n") } ?? 0
        }
    }

    /// One activity by id, in either letter case of its stored id.
    public func activity(id: UUID) async throws -> PublishedActivity? {
        try await database.read { sql in
            try await sql.raw("""
                SELECT id, event_kind, type, order_key, to_followers, body, published_ms FROM activities
                WHERE id IN (\(binds: Self.spellings(id)))
                """).first().map(Self.publishedActivity(row:))
        }
    }

    /// The payload of the newest published `order.*` event of the order.
    public func orderSnapshot(orderID: UUID) async throws -> OrderSnapshot? {
        try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT payload FROM domain_events
                WHERE subject IN (\(binds: Self.spellings(orderID))) AND kind LIKE 'order.%' AND published_ms IS NOT NULL
                ORDER BY occurred_ms DESC, id DESC LIMIT 1
                """).first()
            else { return nil }
            return try OrderSnapshot(payload: try row.bytes("payload"))
        }
    }

    /// Whether an accepted follower's IRI is `origin` or under `origin/`.
    public func hasAcceptedFollower(onOrigin origin: String) async throws -> Bool {
        try await database.read { sql in
            try await sql.raw("""
                SELECT 1 AS found FROM followers WHERE state = \(bind: FollowState.accepted.rawValue)
                AND (actor = \(bind: origin) OR actor LIKE \(bind: origin + "/%")) LIMIT 1
                """).first() != nil
        }
    }

    /// Both spellings of a uuid as stored text.
    static func spellings(_ id: UUID) -> [String] {
        [id.uuidString, id.uuidString.lowercased()]
    }

    static func publishedActivity(row: any SQLRow) throws -> PublishedActivity {
        let orderKey = try row.optionalString("order_key")
        return PublishedActivity(
            id: try row.uuid("id"), type: try row.string("type"), kind: try row.string("event_kind"),
            orderID: orderKey.flatMap(UUID.init(uuidString:)), toFollowers: try row.bool("to_followers"),
            published: try row.date("published_ms"), json: try row.bytes("body"))
    }
}
