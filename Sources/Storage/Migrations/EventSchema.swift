/// Version 4: domain events, written in the transaction of the change they describe (outbox).
enum EventSchema {
    static let migration = Migration(version: 4, name: "domain events") { sql, dialect in
        try await sql.execute([
            """
            CREATE TABLE domain_events (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                subject TEXT NOT NULL,
                payload \(dialect.bytesType) NOT NULL,
                occurred_ms BIGINT NOT NULL,
                published_ms BIGINT)
            """,
            "CREATE INDEX domain_events_unpublished ON domain_events (occurred_ms) WHERE published_ms IS NULL",
            "CREATE INDEX domain_events_by_subject ON domain_events (subject, occurred_ms)",
        ])
    }
}
