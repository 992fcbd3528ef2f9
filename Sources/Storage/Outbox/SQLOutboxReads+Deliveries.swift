import Commerce
import Foundation
import Outbox
import SQLKit

// Ledger rows for `cart-actor deliveries`, operator retries, and host health.
extension SQLOutboxStore {
    /// Ledger rows matching `filter`, newest first, with their activity's type.
    public func deliveries(_ filter: DeliveryFilter) async throws -> [DeliveryRecord] {
        try await database.read { sql in
            var query: SQLQueryString = """
                SELECT d.id, d.activity_id, a.type, d.order_key, d.inbox, d.host, d.state, d.attempts, d.next_attempt_ms,
                       d.last_status, d.last_error, d.created_ms, d.last_attempt_ms, d.finished_ms
                FROM deliveries d JOIN activities a ON a.id = d.activity_id WHERE 1 = 1
                """
            if let state = filter.state { query += " AND d.state = \(bind: state.rawValue)" }
            if let host = filter.host { query += " AND d.host = \(bind: host)" }
            if let order = filter.orderID { query += " AND d.order_key IN (\(binds: Self.spellings(order)))" }
            if let activity = filter.activityID { query += " AND d.activity_id IN (\(binds: Self.spellings(activity)))" }
            query += " ORDER BY d.created_ms DESC, d.id DESC LIMIT \(literal: max(0, filter.limit))"
            return try await sql.raw(query).all().map(Self.deliveryRecord(row:))
        }
    }

    /// Rows per state, zero for absent states.
    public func deliveryCounts() async throws -> [DeliveryState: Int] {
        try await database.read { sql in
            var counts = Dictionary(uniqueKeysWithValues: DeliveryState.allCases.map { ($0, 0) })
            for row in try await sql.raw("SELECT state, COUNT(*) AS n FROM deliveries GROUP BY state").all() {
                if let state = DeliveryState(rawValue: try row.string("state")) { counts[state] = try row.int("n") }
            }
            return counts
        }
    }

    /// Revives one failed or dead row (and dead successors of its order at that inbox).
    public func retry(delivery id: UUID, now: Date) async throws -> Bool {
        let dialect = database.dialect
        return try await database.write { sql in
            guard let row = try await sql.raw("""
                SELECT id, state, order_key, order_seq, inbox FROM deliveries WHERE id IN (\(binds: Self.spellings(id)))
                """).first()
            else { return false }
            let state = try row.string("state")
            guard state == DeliveryState.failed.rawValue || state == DeliveryState.dead.rawValue else { return false }
            let storedID = try row.string("id")
            try await sql.raw("UPDATE deliveries SET \(Self.revive(now)) WHERE id = \(bind: storedID)").run()
            // Later activities of the order died with this one for this inbox: they come back too,
            // and wait behind it again.
            if state == DeliveryState.dead.rawValue, let order = try row.optionalString("order_key"),
               let seq = try row.optionalInt64("order_seq") {
                try await sql.raw("""
                    UPDATE deliveries SET \(Self.revive(now)) WHERE order_key = \(bind: order)
                    AND inbox = \(bind: try row.string("inbox")) AND order_seq > \(bind: seq) AND state = \(bind: DeliveryState.dead.rawValue)
                    """).run()
            }
            try await OutboxNotifications.notify(dialect, in: sql)
            return true
        }
    }

    /// Revives every failed or dead row to `host` and clears its failing days and mark.
    public func retry(host: String, now: Date) async throws -> Int {
        let host = host.lowercased()
        let dialect = database.dialect
        return try await database.write { sql in
            let count = try await sql.raw("""
                SELECT COUNT(*) AS n FROM deliveries WHERE host = \(bind: host)
                AND state IN (\(bind: DeliveryState.failed.rawValue), \(bind: DeliveryState.dead.rawValue))
                """).first().map { try $0.int("n") } ?? 0
            try await sql.raw("""
                UPDATE deliveries SET \(Self.revive(now)) WHERE host = \(bind: host)
                AND state IN (\(bind: DeliveryState.failed.rawValue), \(bind: DeliveryState.dead.rawValue))
                """).run()
            try await sql.raw("""
                UPDATE hosts SET unavailable = \(bind: false), unavailable_since_ms = NULL, failing_days = 0 WHERE host = \(bind: host)
                """).run()
            if count > 0 { try await OutboxNotifications.notify(dialect, in: sql) }
            return count
        }
    }

    /// Hosts with failing days, the unavailable mark, or failed or dead rows.
    public func troubledHosts() async throws -> [HostHealth] {
        try await database.read { sql in
            var hosts: [String: HostHealth] = [:]
            for row in try await sql.raw("""
                SELECT host, failing_days, unavailable, last_success_ms, last_error FROM hosts
                WHERE unavailable = \(bind: true) OR failing_days > 0
                """).all() {
                let host = try row.string("host")
                hosts[host] = HostHealth(host: host, breaker: "unknown", consecutiveFailures: 0,
                                         failingDays: try row.int("failing_days"), unavailable: try row.bool("unavailable"),
                                         failing: 0, dead: 0, lastSuccessAt: try row.optionalDate("last_success_ms"),
                                         lastError: try row.optionalString("last_error"))
            }
            for row in try await sql.raw("""
                SELECT host, state, COUNT(*) AS n FROM deliveries
                WHERE state IN (\(bind: DeliveryState.failed.rawValue), \(bind: DeliveryState.dead.rawValue)) GROUP BY host, state
                """).all() {
                let host = try row.string("host"), n = try row.int("n")
                var health = hosts[host] ?? HostHealth(host: host, breaker: "unknown", consecutiveFailures: 0, failingDays: 0,
                                                       unavailable: false, failing: 0, dead: 0, lastSuccessAt: nil, lastError: nil)
                if try row.string("state") == DeliveryState.failed.rawValue { health.failing = n } else { health.dead = n }
                hosts[host] = health
            }
            return hosts.values.sorted { ($0.unavailable ? 1 : 0, $0.failingDays, $0.dead + $0.failing, $1.host)
                                        > ($1.unavailable ? 1 : 0, $1.failingDays, $1.dead + $1.failing, $0.host) }
        }
    }

    /// The columns of a delivery made due again with a fresh attempt budget.
    static func revive(_ now: Date) -> SQLQueryString {
        """
        state = \(bind: DeliveryState.pending.rawValue), attempts = 0, next_attempt_ms = \(bind: now.millis),
        lease_until_ms = NULL, claimed_by = NULL, finished_ms = NULL
        """
    }

    static func deliveryRecord(row: any SQLRow) throws -> DeliveryRecord {
        let stateText = try row.string("state")
        guard let state = DeliveryState(rawValue: stateText) else { throw StoredValueError(column: "deliveries.state", value: stateText) }
        let finished = try row.optionalDate("finished_ms")
        return DeliveryRecord(
            id: try row.uuid("id"), activityID: try row.uuid("activity_id"), activityType: try row.string("type"),
            orderID: try row.optionalString("order_key").flatMap(UUID.init(uuidString:)),
            inbox: try row.string("inbox"), host: try row.string("host"), state: state,
            attempts: try row.int("attempts"),
            nextAttemptAt: state == .pending || state == .failed ? try row.date("next_attempt_ms") : nil,
            lastStatus: try row.optionalInt64("last_status").map(Int.init), lastError: try row.optionalString("last_error"),
            createdAt: try row.date("created_ms"), lastAttemptAt: try row.optionalDate("last_attempt_ms"),
            deliveredAt: state == .delivered ? finished : nil)
    }
}
