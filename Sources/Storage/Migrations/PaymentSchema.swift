/// Version 6: sealed page credentials, sandbox checkouts (checkout issue).
enum PaymentSchema {
    static let migration = Migration(version: 6, name: "payments") { sql, dialect in
        try await sql.execute([
            // AES-256-GCM box of the page's SumUp key (SecretBox, CART_DATA_KEY) and the last four
            // characters shown by `pages list`; the key itself is never stored in clear.
            "ALTER TABLE pages ADD COLUMN sumup_key_sealed \(dialect.bytesType)",
            "ALTER TABLE pages ADD COLUMN sumup_key_last_four TEXT",
            // The demo's sandbox provider keeps its checkouts here so a demo restart keeps them.
            """
            CREATE TABLE sandbox_checkouts (
                id TEXT PRIMARY KEY,
                reference TEXT NOT NULL UNIQUE,
                amount_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                merchant_code TEXT NOT NULL,
                description TEXT NOT NULL,
                return_url TEXT NOT NULL,
                redirect_url TEXT NOT NULL,
                valid_until_ms BIGINT NOT NULL,
                status TEXT NOT NULL,
                deactivated BOOLEAN NOT NULL,
                transaction_code TEXT,
                transaction_id TEXT UNIQUE,
                refunded_minor BIGINT NOT NULL,
                created_ms BIGINT NOT NULL)
            """,
        ])
    }
}
