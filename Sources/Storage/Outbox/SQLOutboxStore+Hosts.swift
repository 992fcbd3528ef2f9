import Foundation
import Outbox
import SQLKit

extension SQLOutboxStore {
    /// What a batch of attempts means for their hosts. A host with only successes is cleared in
    /// one statement with the others; a host with a failure replays its attempts in order (its
    /// consecutive failures and failing days count each one).
    ///
    /// PostgreSQL: the hosts' rows are locked in name order first, so two instances finishing
    /// batches that touch the same hosts cannot deadlock.
    static func recordHosts(_ attempts: [FinishedAttempt], dialect: Dialect, in sql: any SQLDatabase) async throws {
        var events: [String: [(failed: Bool, at: Date, error: String?)]] = [:]
        for attempt in attempts.sorted(by: { $0.report.finishedAt < $1.report.finishedAt }) {
            guard let failed = attempt.report.hostFailed else { continue }
            events[attempt.delivery.host, default: []].append((failed, attempt.report.finishedAt, attempt.report.error))
        }
        guard !events.isEmpty else { return }
        let hosts = events.keys.sorted()
        if dialect == .postgres {
            _ = try await sql.raw("SELECT host FROM hosts WHERE host IN (\(binds: hosts)) ORDER BY host FOR UPDATE").all()
        }
        var cleared: [String] = []
        var lastSuccess = Date.distantPast
        for host in hosts {
            let list = events[host] ?? []
            if list.allSatisfy({ !$0.failed }) {
                cleared.append(host)
                lastSuccess = max(lastSuccess, list.last?.at ?? lastSuccess)
                continue
            }
            for event in list {
                if event.failed {
                    try await recordHostFailure(host, at: event.at, error: event.error, in: sql)
                } else {
                    try await recordHostsSuccess([host], at: event.at, in: sql)
                }
            }
        }
        for start in stride(from: 0, to: cleared.count, by: 500) {
            try await recordHostsSuccess(Array(cleared[start..<min(start + 500, cleared.count)]), at: lastSuccess, in: sql)
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

    /// The hosts answered: failures, failing days and the unavailable mark are cleared
    /// (`last_success_ms` is the batch's latest success: it is shown to operators, not computed on).
    static func recordHostsSuccess(_ hosts: [String], at date: Date, in sql: any SQLDatabase) async throws {
        try await sql.raw("""
            UPDATE hosts SET consecutive_failures = 0, failing_days = 0, last_failing_day = NULL,
                last_success_ms = \(bind: date.millis), unavailable = \(bind: false), unavailable_since_ms = NULL
            WHERE host IN (\(binds: hosts))
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
