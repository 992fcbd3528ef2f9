/// Version 7: followers, our follows, remote actors' inboxes, activities, deliveries, hosts
/// (outbox issue). Activity ids are the ids of the domain events they publish.
enum FederationLedgerSchema {
    static let migration = Migration(version: 7, name: "federation ledger") { sql, dialect in
        try await sql.execute([
            """
            CREATE TABLE followers (
                actor TEXT PRIMARY KEY,
                follow_id TEXT NOT NULL,
                state TEXT NOT NULL,
                since_ms BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX followers_by_state ON followers (state, actor)",
            """
            CREATE TABLE our_follows (
                actor TEXT PRIMARY KEY,
                follow_id TEXT NOT NULL,
                state TEXT NOT NULL,
                since_ms BIGINT NOT NULL,
                answered_ms BIGINT)
            """,
            // Inbox URLs of remote actors, from a signed GET of their documents at fan-out.
            """
            CREATE TABLE remote_actors (
                actor TEXT PRIMARY KEY,
                inbox TEXT NOT NULL,
                shared_inbox TEXT,
                fetched_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX remote_actors_by_inbox ON remote_actors (inbox)",
            "CREATE INDEX remote_actors_by_shared_inbox ON remote_actors (shared_inbox)",
            // order_key: the order id for order activities (ordering and `deliveries --order`);
            // order_seq: 0 for the order's Create, then increasing in publishing order.
            """
            CREATE TABLE activities (
                id TEXT PRIMARY KEY,
                event_kind TEXT NOT NULL,
                type TEXT NOT NULL,
                order_key TEXT,
                order_seq BIGINT,
                to_followers BOOLEAN NOT NULL,
                body \(dialect.bytesType) NOT NULL,
                published_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX activities_by_published ON activities (published_ms, id)",
            "CREATE INDEX activities_by_order ON activities (order_key, order_seq)",
            // state: pending | in_flight | delivered | failed (retry scheduled) | dead; held: put
            // back by an open breaker (released when it closes).
            """
            CREATE TABLE deliveries (
                id TEXT PRIMARY KEY,
                activity_id TEXT NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
                inbox TEXT NOT NULL,
                host TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts BIGINT NOT NULL,
                next_attempt_ms BIGINT NOT NULL,
                lease_until_ms BIGINT,
                claimed_by TEXT,
                held BOOLEAN NOT NULL,
                last_status BIGINT,
                last_error TEXT,
                created_ms BIGINT NOT NULL,
                first_attempt_ms BIGINT,
                last_attempt_ms BIGINT,
                finished_ms BIGINT,
                order_key TEXT,
                order_seq BIGINT,
                UNIQUE (activity_id, inbox))
            """,
            "CREATE INDEX deliveries_due ON deliveries (state, next_attempt_ms)",
            "CREATE INDEX deliveries_by_order_inbox ON deliveries (order_key, inbox, order_seq)",
            "CREATE INDEX deliveries_by_host ON deliveries (host, state)",
            // failing_days: distinct UTC days with a failed attempt since the last success.
            """
            CREATE TABLE hosts (
                host TEXT PRIMARY KEY,
                consecutive_failures BIGINT NOT NULL,
                failing_days BIGINT NOT NULL,
                last_failing_day TEXT,
                last_failure_ms BIGINT,
                last_success_ms BIGINT,
                unavailable BOOLEAN NOT NULL,
                unavailable_since_ms BIGINT,
                last_error TEXT)
            """,
        ])
    }
}
