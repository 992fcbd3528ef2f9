import Commerce
import Foundation
import Outbox
import SQLKit

extension SQLOutboxStore: PublishingStore {
    /// The oldest unpublished domain events.
    public func unpublishedEvents(limit: Int) async throws -> [DomainEvent] {
        try await SQLEventLog(database: database).unpublished(limit: limit)
    }

    /// Accepted followers' actor IRIs.
    public func acceptedFollowerActors() async throws -> [IRI] {
        try await database.read { sql in
            try await sql.raw("SELECT actor FROM followers WHERE state = \(bind: FollowState.accepted.rawValue) ORDER BY actor")
                .all().compactMap { IRI(try $0.string("actor")) }
        }
    }

    /// Writes the activity and its deliveries and marks the event published, in one transaction.
    public func publish(_ activity: RenderedActivity, targets: [DeliveryTarget], now: Date) async throws -> PublishOutcome {
        let dialect = database.dialect
        return try await database.write { sql in
            if dialect == .postgres {
                // One publisher at a time across instances: later order activities depend on the
                // deliveries of earlier ones being written.
                try await sql.raw("SELECT pg_advisory_xact_lock(hashtext('cart-actor-publisher:' || current_schema()))").run()
            }
            let oldest = try await sql.raw("""
                SELECT id FROM domain_events WHERE published_ms IS NULL ORDER BY occurred_ms, id LIMIT 1
                """).first().map { try $0.string("id") }
            guard oldest == activity.eventID.uuidString else { return .notNext }
            let plan = try await Self.plan(activity, targets: targets, in: sql)
            try await Self.insertActivity(activity, orderSeq: plan.orderSeq, in: sql)
            try await Self.insertDeliveries(plan.rows, activity: activity, orderSeq: plan.orderSeq, now: now, in: sql)
            try await sql.raw("""
                UPDATE domain_events SET published_ms = \(bind: now.millis) WHERE id = \(bind: activity.eventID.uuidString)
                """).run()
            if !plan.rows.isEmpty { try await OutboxNotifications.notify(dialect, in: sql) }
            return .published(deliveries: plan.rows.count)
        }
    }

    /// Marks an event without an activity published.
    public func skip(eventID: UUID, now: Date) async throws {
        try await SQLEventLog(database: database).markPublished(ids: [eventID], at: now)
    }

    /// The rows to write: targets on available hosts; for a later order activity only the
    /// inboxes that have the order's `Create`, dead where an earlier one died.
    private static func plan(_ activity: RenderedActivity, targets: [DeliveryTarget], in sql: any SQLDatabase)
        async throws -> (orderSeq: Int64?, rows: [(target: DeliveryTarget, deadReason: String?)])
    {
        let unavailable = Set(try await sql.raw("SELECT host FROM hosts WHERE unavailable = \(bind: true)")
            .all().map { try $0.string("host") })
        let available = targets.filter { !unavailable.contains($0.host) }
        guard let orderID = activity.orderID else { return (nil, available.map { ($0, nil) }) }
        let key = orderID.uuidString
        let last = try await sql.raw("SELECT MAX(order_seq) AS s FROM activities WHERE order_key = \(bind: key)")
            .first().flatMap { try $0.optionalInt64("s") }
        if activity.isOrderCreate && last == nil { return (0, available.map { ($0, nil) }) }
        let seq = (last ?? -1) + 1
        let created = Set(try await sql.raw("""
            SELECT d.inbox FROM deliveries d JOIN activities a ON a.id = d.activity_id
            WHERE a.order_key = \(bind: key) AND a.order_seq = 0
            """).all().map { try $0.string("inbox") })
        let dead = Set(try await sql.raw("""
            SELECT DISTINCT inbox FROM deliveries WHERE order_key = \(bind: key) AND state = 'dead'
            """).all().map { try $0.string("inbox") })
        let rows = available.filter { created.contains($0.inbox) }.map { target in
            (target, dead.contains(target.inbox) ? "not sent: an earlier activity of this order was given up for this inbox" : nil)
        }
        return (seq, rows)
    }

    private static func insertActivity(_ activity: RenderedActivity, orderSeq: Int64?, in sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO activities (id, event_kind, type, order_key, order_seq, to_followers, body, published_ms)
            VALUES (\(bind: activity.eventID.uuidString), \(bind: activity.eventKind), \(bind: activity.type),
                    \(bind: activity.orderID?.uuidString), \(bind: orderSeq), \(bind: activity.toFollowers),
                    \(bind: Data(activity.body)), \(bind: activity.published.millis))
            """).run()
    }

    private static func insertDeliveries(_ rows: [(target: DeliveryTarget, deadReason: String?)], activity: RenderedActivity,
                                         orderSeq: Int64?, now: Date, in sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: rows.count, by: 200) {
            var query: SQLQueryString = """
                INSERT INTO deliveries (id, activity_id, inbox, host, state, attempts, next_attempt_ms, held, last_error,
                    created_ms, finished_ms, order_key, order_seq) VALUES
                """
            for (index, row) in rows[start..<min(start + 200, rows.count)].enumerated() {
                let state = row.deadReason == nil ? "pending" : "dead"
                query += index == 0 ? " " : ", "
                query += """
                    (\(bind: UUID().uuidString), \(bind: activity.eventID.uuidString), \(bind: row.target.inbox),
                     \(bind: row.target.host), \(bind: state), 0, \(bind: now.millis), \(bind: false), \(bind: row.deadReason),
                     \(bind: now.millis), \(bind: row.deadReason == nil ? nil : now.millis as Int64?),
                     \(bind: activity.orderID?.uuidString), \(bind: orderSeq))
                    """
            }
            try await sql.raw(query).run()
        }
    }
}
