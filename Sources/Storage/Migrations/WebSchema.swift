/// Version 2: browser sessions and used token ids (JWT `jti` replay).
enum WebSchema {
    static let migration = Migration(version: 2, name: "web") { sql, _ in
        try await sql.execute([
            """
            CREATE TABLE browser_sessions (
                session_key TEXT PRIMARY KEY,
                user_iri TEXT,
                created_ms BIGINT NOT NULL,
                last_seen_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX browser_sessions_idle ON browser_sessions (last_seen_ms)",
            "CREATE TABLE used_token_ids (id TEXT PRIMARY KEY, expires_ms BIGINT NOT NULL)",
            "CREATE INDEX used_token_ids_expiry ON used_token_ids (expires_ms)",
        ])
    }
}
