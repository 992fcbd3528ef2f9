import Foundation
import Outbox
import SQLKit

extension SQLOutboxStore {
    /// Failing days (distinct UTC days with failures, no success) that make a host unavailable.
    public static let unavailableAfterFailingDays = 7
    /// Outcomes per `UPDATE … FROM (VALUES …)` (9 binds each, well under both databases' limits).
    static let finishChunk = 200

    /// Records attempts' outcomes in one transaction (the workers' group commit): one statement
    /// updates every delivery whose claim is still current, then the consequences of the few that
    /// died or were gone, then each touched host.
    public func finish(_ attempts: [FinishedAttempt]) async throws {
        guard !attempts.isEmpty else { return }
        let dialect = database.dialect
        try await database.write { sql in
            var applied: [(attempt: FinishedAttempt, order: (key: String, seq: Int64)?)] = []
            for start in stride(from: 0, to: attempts.count, by: Self.finishChunk) {
                let chunk = attempts[start..<min(start + Self.finishChunk, attempts.count)]
                applied += try await Self.updateDeliveries(Array(chunk), in: sql)
            }
            for (attempt, order) in applied {
                try await Self.applyConsequences(attempt, order: order, in: sql)
            }
            try await Self.recordHosts(applied.map(\.attempt), dialect: dialect, in: sql)
        }
    }

    /// The ledger columns of each attempt, for the rows still claimed by it (a timed-out claim
    /// that another worker took over is left alone: its result stands). Returns the applied ones
    /// with their order key and sequence.
    private static func updateDeliveries(_ attempts: [FinishedAttempt], in sql: any SQLDatabase)
        async throws -> [(attempt: FinishedAttempt, order: (key: String, seq: Int64)?)]
    {
        var query: SQLQueryString = """
            UPDATE deliveries SET state = v.column2, attempts = deliveries.attempts + 1,
                next_attempt_ms = COALESCE(CAST(v.column3 AS BIGINT), deliveries.next_attempt_ms),
                last_status = CAST(v.column4 AS BIGINT), last_error = CAST(v.column5 AS TEXT),
                first_attempt_ms = COALESCE(deliveries.first_attempt_ms, CAST(v.column6 AS BIGINT)),
                last_attempt_ms = CAST(v.column7 AS BIGINT), finished_ms = CAST(v.column8 AS BIGINT),
                lease_until_ms = NULL, claimed_by = NULL
            FROM (VALUES
            """
        for (index, attempt) in attempts.enumerated() {
            let report = attempt.report
            let finished = report.finishedAt.millis
            let (state, next): (String, Int64?) = switch report.decision {
            case .delivered: ("delivered", nil)
            case .retry(let at, _): ("failed", at.millis)
            case .dead, .gone: ("dead", nil)
            }
            query += index == 0 ? " " : ", "
            query += """
                (\(bind: attempt.delivery.id.uuidString), \(bind: state), \(bind: next), \(bind: report.status.map(Int64.init)),
                 \(bind: report.error), \(bind: report.startedAt.millis), \(bind: finished),
                 \(bind: state == "failed" ? nil : finished as Int64?), \(bind: attempt.delivery.claim.uuidString))
                """
        }
        query += """
            ) AS v
            WHERE deliveries.id = v.column1 AND deliveries.state = 'in_flight' AND deliveries.claimed_by = v.column9
            RETURNING id, order_key, order_seq
            """
        var applied: Set<String> = []
        var orders: [String: (key: String, seq: Int64)] = [:]
        for row in try await sql.raw(query).all() {
            let id = try row.string("id")
            applied.insert(id)
            if let key = try row.optionalString("order_key"), let seq = try row.optionalInt64("order_seq") { orders[id] = (key, seq) }
        }
        return attempts.compactMap { attempt in
            let id = attempt.delivery.id.uuidString
            return applied.contains(id) ? (attempt, orders[id]) : nil
        }
    }

    /// A dead delivery kills the later activities of its order for that inbox; a 410 removes the
    /// followers at that inbox.
    private static func applyConsequences(_ attempt: FinishedAttempt, order: (key: String, seq: Int64)?,
                                          in sql: any SQLDatabase) async throws {
        let decision = attempt.report.decision
        let died = switch decision {
        case .dead, .gone: true
        case .delivered, .retry: false
        }
        if died, let order {
            try await sql.raw("""
                UPDATE deliveries SET state = 'dead', finished_ms = \(bind: attempt.report.finishedAt.millis),
                    last_error = \(bind: "not sent: an earlier activity of this order was given up for this inbox")
                WHERE order_key = \(bind: order.key) AND inbox = \(bind: attempt.delivery.inbox) AND order_seq > \(bind: order.seq)
                  AND state IN ('pending', 'failed')
                """).run()
        }
        if decision == .gone {
            try await sql.raw("""
                DELETE FROM followers WHERE actor IN (
                    SELECT actor FROM remote_actors WHERE inbox = \(bind: attempt.delivery.inbox) OR shared_inbox = \(bind: attempt.delivery.inbox))
                """).run()
        }
    }
}
