import Foundation
import Outbox
import SQLKit

extension SQLOutboxStore {
    /// Failing days (distinct UTC days with failures, no success) that make a host unavailable.
    public static let unavailableAfterFailingDays = 7

    /// Records one attempt's outcome, its consequences for the order and the host.
    public func finish(_ delivery: ClaimedDelivery, report: DeliveryReport) async throws {
        let forUpdate = database.dialect.forUpdate
        try await database.write { sql in
            guard let row = try await sql.raw("""
                SELECT state, claimed_by, order_key, order_seq FROM deliveries WHERE id = \(bind: delivery.id.uuidString)\(unsafeRaw: forUpdate)
                """).first(),
                try row.string("state") == "in_flight", try row.optionalString("claimed_by") == delivery.claim.uuidString
            else { return }  // A timed-out claim that another worker took over: its result stands.
            let finished = report.finishedAt.millis
            let (state, next): (String, Int64?) = switch report.decision {
            case .delivered: ("delivered", nil)
            case .retry(let at, _): ("failed", at.millis)
            case .dead, .gone: ("dead", nil)
            }
            try await sql.raw("""
                UPDATE deliveries SET state = \(bind: state), attempts = attempts + 1,
                    next_attempt_ms = COALESCE(\(bind: next), next_attempt_ms),
                    last_status = \(bind: report.status.map(Int64.init)), last_error = \(bind: report.error),
                    first_attempt_ms = COALESCE(first_attempt_ms, \(bind: report.startedAt.millis)),
                    last_attempt_ms = \(bind: finished), finished_ms = \(bind: state == "failed" ? nil : finished as Int64?),
                    lease_until_ms = NULL, claimed_by = NULL
                WHERE id = \(bind: delivery.id.uuidString)
                """).run()
            if state == "dead", let order = try row.optionalString("order_key"), let seq = try row.optionalInt64("order_seq") {
                try await sql.raw("""
                    UPDATE deliveries SET state = 'dead', finished_ms = \(bind: finished),
                        last_error = \(bind: "not sent: an earlier activity of this order was given up for this inbox")
                    WHERE order_key = \(bind: order) AND inbox = \(bind: delivery.inbox) AND order_seq > \(bind: seq)
                      AND state IN ('pending', 'failed')
                    """).run()
            }
            if report.decision == .gone {
                try await sql.raw("""
                    DELETE FROM followers WHERE actor IN (
                        SELECT actor FROM remote_actors WHERE inbox = \(bind: delivery.inbox) OR shared_inbox = \(bind: delivery.inbox))
                    """).run()
            }
            switch report.hostFailed {
            case true?: try await Self.recordHostFailure(delivery.host, at: report.finishedAt, error: report.error, in: sql)
            case false?: try await Self.recordHostSuccess(delivery.host, at: report.finishedAt, in: sql)
            case nil: break
            }
        }
    }

    /// One more failure; a new UTC day adds a failing day; the 7th marks the host unavailable.
    static func recordHostFailure(_ host: String, at date: Date, error: String?, in sql: any SQLDatabase) async throws {
        try await sql.raw("""
            INSERT INTO hosts (host, consecutive_failures, failing_days, unavailable)
            VALUES (\(bind: host), 0, 0, \(bind: false)) ON CONFLICT (host) DO NOTHING
            """).run()
        guard let row = try await sql.raw("SELECT failing_days, last_failing_day, unavailable FROM hosts WHERE host = \(bind: host)")
            .first() else { return }
        let day = Self.utcDay(date)
        let days = try row.optionalString("last_failing_day") == day ? try row.int64("failing_days") : try row.int64("failing_days") + 1
        let wasUnavailable = try row.bool("unavailable")
        let unavailable = wasUnavailable || days >= Int64(unavailableAfterFailingDays)
        try await sql.raw("""
            UPDATE hosts SET consecutive_failures = consecutive_failures + 1, failing_days = \(bind: days),
                last_failing_day = \(bind: day), last_failure_ms = \(bind: date.millis), last_error = \(bind: error),
                unavailable = \(bind: unavailable),
                unavailable_since_ms = CASE WHEN \(bind: unavailable) THEN COALESCE(unavailable_since_ms, \(bind: date.millis)) ELSE NULL END
            WHERE host = \(bind: host)
            """).run()
    }

    /// The host answered: failures, failing days and the unavailable mark are cleared.
    static func recordHostSuccess(_ host: String, at date: Date, in sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE hosts SET consecutive_failures = 0, failing_days = 0, last_failing_day = NULL,
                last_success_ms = \(bind: date.millis), unavailable = \(bind: false), unavailable_since_ms = NULL
            WHERE host = \(bind: host)
            """).run()
    }

    /// `2026-11-28` in UTC.
    static func utcDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
