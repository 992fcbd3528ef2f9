import Commerce
import Foundation
import Inbox
import Outbox
import SQLKit

extension SQLInboxStore {
    /// Records a run of Follows as the follower registry (`SQLOutboxStore`, same database) would
    /// one by one (see `FollowerChanges`), with their `follow.accepted` events and the
    /// activities' outcomes, all in one transaction: every Follow of the run or none.
    public func recordFollows(_ follows: [FollowRecord], now: Date) async throws {
        guard !follows.isEmpty else { return }
        let actors = Array(Set(follows.map(\.actor.value)))
        try await database.write { sql in
            let changes = FollowerChanges(follows, existing: try await Self.followerStates(actors, in: sql))
            for (actor, row) in changes.rows {
                if row.isNew {
                    try await sql.raw("""
                        INSERT INTO followers (actor, follow_id, state, since_ms, updated_ms)
                        VALUES (\(bind: actor.value), \(bind: row.followID.value), \(bind: row.state.rawValue), \(bind: now.millis), \(bind: now.millis))
                        """).run()
                } else {
                    try await sql.raw("""
                        UPDATE followers SET follow_id = \(bind: row.followID.value), state = \(bind: row.state.rawValue),
                               updated_ms = \(bind: now.millis) WHERE actor = \(bind: actor.value)
                        """).run()
                }
            }
            let events = try changes.accepted.map { decision in
                DomainEvent(kind: DomainEventKind.followAccepted, subject: decision.follower.value,
                            payload: try EventPayload.encode(decision), occurredAt: now)
            }
            try await Self.insertEvents(events, in: sql)
            try await Self.finish(Dictionary(grouping: follows, by: \.outcome).mapValues { $0.map(\.activityID) },
                                  now: now, in: sql)
        }
    }

    /// The follower state of each of `actors` that has a row.
    static func followerStates(_ actors: [String], in sql: any SQLDatabase) async throws -> [String: FollowState] {
        var states: [String: FollowState] = [:]
        for start in stride(from: 0, to: actors.count, by: 500) {
            let chunk = Array(actors[start..<min(actors.count, start + 500)])
            for row in try await sql.raw("SELECT actor, state FROM followers WHERE actor IN (\(binds: chunk))").all() {
                let state = try row.string("state")
                guard let known = FollowState(rawValue: state) else { throw StoredValueError(column: "followers.state", value: state) }
                states[try row.string("actor")] = known
            }
        }
        return states
    }

    /// `SQLEventLog.insert` for many events: one INSERT per 100 rows.
    static func insertEvents(_ events: [DomainEvent], in sql: any SQLDatabase) async throws {
        for start in stride(from: 0, to: events.count, by: 100) {
            var query = SQLQueryString("INSERT INTO domain_events (id, kind, subject, payload, occurred_ms) VALUES ")
            for (index, event) in events[start..<min(events.count, start + 100)].enumerated() {
                query.appendLiteral(index == 0 ? "(" : ", (")
                query.appendInterpolation(bind: event.id.uuidString)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: event.kind)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: event.subject)
                query.appendLiteral(", ")
                query.appendInterpolation(bind: Data(event.payload))
                query.appendLiteral(", ")
                query.appendInterpolation(bind: event.occurredAt.millis)
                query.appendLiteral(")")
            }
            try await sql.raw(query).run()
        }
    }

    /// Marks the ids of each outcome finished, 500 ids per UPDATE.
    static func finish(_ idsByOutcome: [String: [String]], now: Date, in sql: any SQLDatabase) async throws {
        for (outcome, ids) in idsByOutcome {
            for start in stride(from: 0, to: ids.count, by: 500) {
                try await sql.raw("""
                    UPDATE inbox_activities SET due_ms = NULL, outcome = \(bind: String(outcome.prefix(1000))),
                           finished_ms = \(bind: now.millis) WHERE id IN (\(binds: Array(ids[start..<min(ids.count, start + 500)])))
                    """).run()
            }
        }
    }
}
