/// Version 8: received activities (permanent dedup) and the inbox queue (inbox issue).
enum InboxSchema {
    static let migration = Migration(version: 8, name: "inbox") { sql, dialect in
        try await sql.execute([
            // One row per activity id, kept for good: a repeat of the id is answered 202 and
            // changes nothing. `due_ms` is set while the activity waits to be handled (or is
            // leased by a worker) and NULL once it is finished.
            """
            CREATE TABLE inbox_activities (
                id TEXT PRIMARY KEY,
                actor TEXT NOT NULL,
                type TEXT NOT NULL,
                body \(dialect.bytesType) NOT NULL,
                received_ms BIGINT NOT NULL,
                due_ms BIGINT,
                attempts BIGINT NOT NULL,
                outcome TEXT,
                last_error TEXT,
                finished_ms BIGINT)
            """,
            "CREATE INDEX inbox_activities_due ON inbox_activities (due_ms) WHERE due_ms IS NOT NULL",
            "CREATE INDEX inbox_activities_by_actor ON inbox_activities (actor, received_ms)",
        ])
    }
}
