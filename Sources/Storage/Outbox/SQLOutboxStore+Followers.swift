import Commerce
import Foundation
import Outbox
import SQLKit

extension SQLOutboxStore: FollowerRegistry {
    /// Records a Follow (see `FollowerRegistry`); accepts at once with an event when `autoAccept`.
    public func receiveFollow(actor: IRI, followID: IRI, autoAccept: Bool, now: Date) async throws -> FollowState {
        try await database.write { sql in
            let existing = try await Self.follower(actor: actor, in: sql)
            if let existing {
                // A repeat keeps the state; a new Follow id is remembered for the answer.
                try await sql.raw("""
                    UPDATE followers SET follow_id = \(bind: followID.value), updated_ms = \(bind: now.millis)
                    WHERE actor = \(bind: actor.value)
                    """).run()
                if existing.state == .pending && autoAccept {
                    // Trusted since it first asked (a peer configured later): accept now.
                    try await sql.raw("""
                        UPDATE followers SET state = \(bind: FollowState.accepted.rawValue) WHERE actor = \(bind: actor.value)
                        """).run()
                } else if existing.state == .pending {
                    return .pending
                }
                try await Self.recordDecision(DomainEventKind.followAccepted, actor: actor, followID: followID, now: now, in: sql)
                return .accepted
            }
            let state: FollowState = autoAccept ? .accepted : .pending
            try await sql.raw("""
                INSERT INTO followers (actor, follow_id, state, since_ms, updated_ms)
                VALUES (\(bind: actor.value), \(bind: followID.value), \(bind: state.rawValue), \(bind: now.millis), \(bind: now.millis))
                """).run()
            if autoAccept {
                try await Self.recordDecision(DomainEventKind.followAccepted, actor: actor, followID: followID, now: now, in: sql)
            }
            return state
        }
    }

    /// Pending -> accepted, recording `follow.accepted` in the same transaction.
    public func approve(actor: IRI, now: Date) async throws -> Bool {
        try await database.write { sql in
            guard let existing = try await Self.follower(actor: actor, in: sql), existing.state == .pending else { return false }
            try await sql.raw("""
                UPDATE followers SET state = \(bind: FollowState.accepted.rawValue), updated_ms = \(bind: now.millis)
                WHERE actor = \(bind: actor.value)
                """).run()
            try await Self.recordDecision(DomainEventKind.followAccepted, actor: actor, followID: existing.followID, now: now, in: sql)
            return true
        }
    }

    /// Forgets the follower, recording `follow.rejected` in the same transaction.
    public func reject(actor: IRI, now: Date) async throws -> Bool {
        try await database.write { sql in
            guard let existing = try await Self.follower(actor: actor, in: sql) else { return false }
            try await sql.raw("DELETE FROM followers WHERE actor = \(bind: actor.value)").run()
            try await Self.recordDecision(DomainEventKind.followRejected, actor: actor, followID: existing.followID, now: now, in: sql)
            return true
        }
    }

    /// Forgets the follower without answering.
    public func remove(actor: IRI) async throws -> Bool {
        try await database.write { sql in
            let gone = try await Self.follower(actor: actor, in: sql) != nil
            try await sql.raw("DELETE FROM followers WHERE actor = \(bind: actor.value)").run()
            return gone
        }
    }

    /// One follower or follow request.
    public func follower(actor: IRI) async throws -> Follower? {
        try await database.read { try await Self.follower(actor: actor, in: $0) }
    }

    /// Followers in actor order after the cursor.
    public func followers(state: FollowState?, after: String?, limit: Int) async throws -> [Follower] {
        try await database.read { sql in
            var query: SQLQueryString = "SELECT actor, follow_id, state, since_ms FROM followers WHERE 1 = 1"
            if let state { query += " AND state = \(bind: state.rawValue)" }
            if let after { query += " AND actor > \(bind: after)" }
            query += " ORDER BY actor LIMIT \(literal: max(0, limit))"
            return try await sql.raw(query).all().map(Self.follower(row:))
        }
    }

    /// How many followers (of one state, or all).
    public func count(state: FollowState?) async throws -> Int {
        try await database.read { sql in
            let row = if let state {
                try await sql.raw("SELECT COUNT(*) AS n FROM followers WHERE state = \(bind: state.rawValue)").first()
            } else {
                try await sql.raw("SELECT COUNT(*) AS n FROM followers").first()
            }
            return try row.map { try $0.int("n") } ?? 0
        }
    }

    // MARK: - Rows

    static func follower(actor: IRI, in sql: any SQLDatabase) async throws -> Follower? {
        try await sql.raw("SELECT actor, follow_id, state, since_ms FROM followers WHERE actor = \(bind: actor.value)")
            .first().map(follower(row:))
    }

    static func follower(row: any SQLRow) throws -> Follower {
        let actor = try row.string("actor"), followID = try row.string("follow_id"), state = try row.string("state")
        guard let actorIRI = IRI(actor) else { throw StoredValueError(column: "followers.actor", value: actor) }
        guard let followIRI = IRI(followID) else { throw StoredValueError(column: "followers.follow_id", value: followID) }
        guard let followState = FollowState(rawValue: state) else { throw StoredValueError(column: "followers.state", value: state) }
        return Follower(actor: actorIRI, followID: followIRI, state: followState, since: try row.date("since_ms"))
    }

    /// Records `follow.accepted` / `follow.rejected` for `actor` in the transaction of `sql`.
    static func recordDecision(_ kind: String, actor: IRI, followID: IRI, now: Date, in sql: any SQLDatabase) async throws {
        let payload = try EventPayload.encode(FollowDecision(follower: actor, follow: followID))
        try await SQLEventLog.insert(DomainEvent(kind: kind, subject: actor.value, payload: payload, occurredAt: now), into: sql)
    }
}
