import Commerce
import Foundation
import SQLKit

/// Browser sessions and used token ids, for the web side.
public struct SQLSessionStore: Sendable {
    /// The database holding sessions.
    public let database: Database

    /// A store over `database`.
    public init(database: Database) { self.database = database }

    /// Stores a new session; `CommerceStoreError.duplicate` if `key` exists.
    @discardableResult
    public func create(key: String, user: IRI?, now: Date) async throws -> BrowserSession {
        let session = BrowserSession(key: key, user: user, createdAt: Date(millis: now.millis), lastSeen: Date(millis: now.millis))
        do {
            try await database.write { sql in
                try await sql.raw("""
                    INSERT INTO browser_sessions (session_key, user_iri, created_ms, last_seen_ms)
                    VALUES (\(bind: key), \(bind: user?.value), \(bind: now.millis), \(bind: now.millis))
                    """).run()
            }
        } catch where isUniqueViolation(error) {
            throw CommerceStoreError.duplicate("session")
        }
        return session
    }

    /// The session with this key.
    public func session(key: String) async throws -> BrowserSession? {
        try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT session_key, user_iri, created_ms, last_seen_ms FROM browser_sessions WHERE session_key = \(bind: key)
                """).first() else { return nil }
            return BrowserSession(key: try row.string("session_key"), user: try row.optionalString("user_iri").flatMap(IRI.init),
                                  createdAt: try row.date("created_ms"), lastSeen: try row.date("last_seen_ms"))
        }
    }

    /// Records a request seen with the session.
    public func touch(key: String, now: Date) async throws {
        try await database.write { sql in
            try await sql.raw("UPDATE browser_sessions SET last_seen_ms = \(bind: now.millis) WHERE session_key = \(bind: key)").run()
        }
    }

    /// Forgets a session (logout, rotation).
    public func delete(key: String) async throws {
        try await database.write { sql in
            try await sql.raw("DELETE FROM browser_sessions WHERE session_key = \(bind: key)").run()
        }
    }

    /// Deletes sessions not seen since `cutoff`; returns how many.
    @discardableResult
    public func deleteIdle(before cutoff: Date) async throws -> Int {
        try await database.write { sql in
            try await sql.raw("DELETE FROM browser_sessions WHERE last_seen_ms < \(bind: cutoff.millis) RETURNING session_key")
                .all().count
        }
    }

    /// Claims a token id (JWT `jti`) until `expires`: true the first time, false for a replay.
    public func claimTokenID(_ id: String, expires: Date) async throws -> Bool {
        try await database.write { sql in
            try await sql.raw("""
                INSERT INTO used_token_ids (id, expires_ms) VALUES (\(bind: id), \(bind: expires.millis))
                ON CONFLICT (id) DO NOTHING RETURNING id
                """).all().count == 1
        }
    }

    /// Forgets token ids whose tokens have expired (they can no longer be replayed).
    public func deleteExpiredTokenIDs(now: Date) async throws {
        try await database.write { sql in
            try await sql.raw("DELETE FROM used_token_ids WHERE expires_ms <= \(bind: now.millis)").run()
        }
    }
}
