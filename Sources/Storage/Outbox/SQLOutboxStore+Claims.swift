import Foundation
import Outbox
import SQLKit

extension SQLOutboxStore: DeliveryStore {
    /// Claims due deliveries whose earlier order activities reached the same inbox.
    public func claimDue(limit: Int, now: Date, leaseUntil: Date) async throws -> [ClaimedDelivery] {
        let claim = UUID()
        // PostgreSQL: rows locked by another instance's claim are skipped, never claimed twice.
        // SQLite: the single writer serialises claims.
        let lock = database.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await database.write { sql in
            let rows = try await sql.raw("""
                UPDATE deliveries SET state = 'in_flight', lease_until_ms = \(bind: leaseUntil.millis),
                    claimed_by = \(bind: claim.uuidString), held = \(bind: false)
                WHERE id IN (
                    SELECT d.id FROM deliveries d
                    WHERE ((d.state IN ('pending', 'failed') AND d.next_attempt_ms <= \(bind: now.millis))
                           OR (d.state = 'in_flight' AND d.lease_until_ms <= \(bind: now.millis)))
                      AND NOT EXISTS (
                          SELECT 1 FROM deliveries e
                          WHERE e.order_key = d.order_key AND e.inbox = d.inbox AND e.order_seq < d.order_seq
                            AND e.state <> 'delivered')
                    ORDER BY d.next_attempt_ms, d.created_ms
                    LIMIT \(literal: max(1, limit))\(unsafeRaw: lock))
                RETURNING id, activity_id, inbox, host, attempts
                """).all()
            guard !rows.isEmpty else { return [] }
            let activityIDs = Array(Set(try rows.map { try $0.string("activity_id") }))
            var bodies: [String: [UInt8]] = [:]
            for row in try await sql.raw("SELECT id, body FROM activities WHERE id IN (\(binds: activityIDs))").all() {
                bodies[try row.string("id")] = try row.bytes("body")
            }
            return try rows.map { row in
                let activity = try row.string("activity_id")
                guard let body = bodies[activity] else { throw StoredValueError(column: "deliveries.activity_id", value: activity) }
                return ClaimedDelivery(id: try row.uuid("id"), activityID: try row.uuid("activity_id"), inbox: try row.string("inbox"),
                                       host: try row.string("host"), attempts: try row.int("attempts"), claim: claim, body: body)
            }
        }
    }

    /// Puts a claimed delivery back without spending an attempt.
    public func hold(_ delivery: ClaimedDelivery, until: Date, reason: String) async throws {
        try await database.write { sql in
            try await sql.raw("""
                UPDATE deliveries SET state = CASE WHEN attempts = 0 THEN 'pending' ELSE 'failed' END,
                    next_attempt_ms = \(bind: until.millis), held = \(bind: true), lease_until_ms = NULL, claimed_by = NULL,
                    last_error = COALESCE(last_error, \(bind: reason))
                WHERE id = \(bind: delivery.id.uuidString) AND claimed_by = \(bind: delivery.claim.uuidString)
                """).run()
        }
    }

    /// Holds a host's pending and failed deliveries until `until`.
    public func holdHost(_ host: String, until: Date, reason: String) async throws {
        try await database.write { sql in
            try await sql.raw("""
                UPDATE deliveries SET next_attempt_ms = \(bind: until.millis), held = \(bind: true),
                    last_error = COALESCE(last_error, \(bind: reason))
                WHERE host = \(bind: host) AND state IN ('pending', 'failed') AND next_attempt_ms < \(bind: until.millis)
                """).run()
        }
    }

    /// Makes a host's held deliveries due now.
    public func releaseHeld(host: String, now: Date) async throws {
        try await database.write { sql in
            try await sql.raw("""
                UPDATE deliveries SET next_attempt_ms = \(bind: now.millis), held = \(bind: false)
                WHERE host = \(bind: host) AND held = \(bind: true) AND state IN ('pending', 'failed')
                """).run()
        }
    }
}
