import Commerce
import Foundation
import Outbox
import SQLKit

extension SQLOutboxStore {
    /// Records our follow of `actor` and a `follow.sent` event (nothing when already following).
    public func follow(actor: IRI, now: Date) async throws {
        let urls = self.urls
        try await database.write { sql in
            let existing = try await Self.ourFollow(actor: actor, in: sql)
            if let existing, existing.state != .rejected { return }
            let eventID = UUID()
            let followID = urls.activityIRI(eventID)
            guard let followIRI = IRI(followID) else { throw StoredValueError(column: "our_follows.follow_id", value: followID) }
            try await sql.raw("DELETE FROM our_follows WHERE actor = \(bind: actor.value)").run()
            try await sql.raw("""
                INSERT INTO our_follows (actor, follow_id, state, since_ms)
                VALUES (\(bind: actor.value), \(bind: followID), \(bind: OurFollowState.pending.rawValue), \(bind: now.millis))
                """).run()
            let payload = try EventPayload.encode(FollowIntent(object: actor, follow: followIRI))
            try await SQLEventLog.insert(DomainEvent(id: eventID, kind: DomainEventKind.followSent, subject: actor.value,
                                                     payload: payload, occurredAt: now), into: sql)
        }
    }

    /// Forgets our follow of `actor` and records `follow.undone`.
    public func unfollow(actor: IRI, now: Date) async throws {
        try await database.write { sql in
            guard let existing = try await Self.ourFollow(actor: actor, in: sql) else { return }
            try await sql.raw("DELETE FROM our_follows WHERE actor = \(bind: actor.value)").run()
            let payload = try EventPayload.encode(FollowIntent(object: actor, follow: existing.followID))
            try await SQLEventLog.insert(DomainEvent(kind: DomainEventKind.followUndone, subject: actor.value,
                                                     payload: payload, occurredAt: now), into: sql)
        }
    }

    /// Records `actor`'s Accept or Reject of our Follow.
    public func recordAnswerToOurFollow(actor: IRI, accepted: Bool, now: Date) async throws {
        let state: OurFollowState = accepted ? .accepted : .rejected
        try await database.write { sql in
            try await sql.raw("""
                UPDATE our_follows SET state = \(bind: state.rawValue), answered_ms = \(bind: now.millis)
                WHERE actor = \(bind: actor.value)
                """).run()
        }
    }

    /// Everyone we follow or asked to follow.
    public func ourFollows() async throws -> [OurFollow] {
        try await database.read { sql in
            try await sql.raw("SELECT actor, follow_id, state, since_ms, answered_ms FROM our_follows ORDER BY actor")
                .all().map(Self.ourFollow(row:))
        }
    }

    static func ourFollow(actor: IRI, in sql: any SQLDatabase) async throws -> OurFollow? {
        try await sql.raw("SELECT actor, follow_id, state, since_ms, answered_ms FROM our_follows WHERE actor = \(bind: actor.value)")
            .first().map(ourFollow(row:))
    }

    static func ourFollow(row: any SQLRow) throws -> OurFollow {
        let actor = try row.string("actor"), followID = try row.string("follow_id"), state = try row.string("state")
        guard let actorIRI = IRI(actor) else { throw StoredValueError(column: "our_follows.actor", value: actor) }
        guard let followIRI = IRI(followID) else { throw StoredValueError(column: "our_follows.follow_id", value: followID) }
        guard let followState = OurFollowState(rawValue: state) else { throw StoredValueError(column: "our_follows.state", value: state) }
        return OurFollow(actor: actorIRI, followID: followIRI, state: followState, since: try row.date("since_ms"),
                         answeredAt: try row.optionalDate("answered_ms"))
    }
}
