/// Version 9: refunds, one row per refund written before the provider is called (issue 8).
enum RefundSchema {
    static let migration = Migration(version: 9, name: "refunds") { sql, _ in
        try await sql.execute([
            """
            CREATE TABLE refunds (
                id TEXT PRIMARY KEY,
                order_id TEXT NOT NULL REFERENCES orders (id),
                seq BIGINT NOT NULL,
                transaction_id TEXT NOT NULL,
                amount_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                state TEXT NOT NULL,
                requested_by TEXT NOT NULL,
                attempts BIGINT NOT NULL,
                last_error TEXT,
                created_ms BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL,
                last_sent_ms BIGINT,
                next_check_ms BIGINT)
            """,
            "CREATE UNIQUE INDEX refunds_by_order ON refunds (order_id, seq)",
            "CREATE INDEX refunds_due ON refunds (next_check_ms) WHERE next_check_ms IS NOT NULL",
            // One refund without a final answer per order, even if a caller forgot the order lock.
            "CREATE UNIQUE INDEX refunds_one_open_per_order ON refunds (order_id) WHERE state IN ('requested', 'unknown')",
        ])
    }
}
