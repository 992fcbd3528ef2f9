import Foundation
import Outbox
import SQLKit

extension SQLOutboxStore: RemoteActorCache {
    /// The cached endpoints of the actors that have some.
    public func cachedEndpoints(of actors: [String]) async throws -> [String: CachedEndpoints] {
        guard !actors.isEmpty else { return [:] }
        return try await database.read { sql in
            var found: [String: CachedEndpoints] = [:]
            // Chunks keep the bind count far below both databases' limits.
            for start in stride(from: 0, to: actors.count, by: 500) {
                let chunk = Array(actors[start..<min(start + 500, actors.count)])
                let rows = try await sql.raw("""
                    SELECT actor, inbox, shared_inbox, fetched_ms FROM remote_actors WHERE actor IN (\(binds: chunk))
                    """).all()
                for row in rows {
                    found[try row.string("actor")] = CachedEndpoints(
                        endpoints: ActorEndpoints(inbox: try row.string("inbox"), sharedInbox: try row.optionalString("shared_inbox")),
                        fetchedAt: try row.date("fetched_ms"))
                }
            }
            return found
        }
    }

    /// Stores or replaces the endpoints of `actor`.
    public func storeEndpoints(_ endpoints: ActorEndpoints, of actor: String, fetchedAt: Date) async throws {
        try await database.write { sql in
            try await sql.raw("""
                INSERT INTO remote_actors (actor, inbox, shared_inbox, fetched_ms)
                VALUES (\(bind: actor), \(bind: endpoints.inbox), \(bind: endpoints.sharedInbox), \(bind: fetchedAt.millis))
                ON CONFLICT (actor) DO UPDATE SET inbox = excluded.inbox, shared_inbox = excluded.shared_inbox,
                    fetched_ms = excluded.fetched_ms
                """).run()
        }
    }
}
