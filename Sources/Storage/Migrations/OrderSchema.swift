/// Version 5: orders, payment attempts, per-page order numbers, cart lines locked to an order,
/// and the soft-deleted lines of paid orders (checkout issue).
enum OrderSchema {
    static let migration = Migration(version: 5, name: "orders") { sql, _ in
        try await sql.execute([
            // Items are the frozen `[OrderItem]` as JSON text: read with the order, never queried.
            """
            CREATE TABLE orders (
                id TEXT PRIMARY KEY,
                page_iri TEXT NOT NULL,
                page_slug TEXT NOT NULL,
                number BIGINT NOT NULL,
                owner_key TEXT NOT NULL,
                customer TEXT,
                status TEXT NOT NULL,
                hold_until_ms BIGINT NOT NULL,
                total_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                merchant_code TEXT NOT NULL,
                items TEXT NOT NULL,
                receipt_key TEXT NOT NULL,
                current_attempt TEXT,
                payment_reference TEXT,
                mismatch TEXT,
                calendar_confirmed TEXT NOT NULL,
                calendar_refused BOOLEAN NOT NULL,
                refunded_minor BIGINT,
                created_ms BIGINT NOT NULL,
                updated_ms BIGINT NOT NULL,
                expiry_claim_ms BIGINT,
                UNIQUE (page_iri, number))
            """,
            "CREATE INDEX orders_by_owner ON orders (owner_key, created_ms)",
            "CREATE INDEX orders_by_status ON orders (status, created_ms)",
            "CREATE INDEX orders_open_by_hold ON orders (hold_until_ms) WHERE status = 'awaiting_payment'",
            // One row per page; the upsert's row lock hands out numbers one at a time.
            "CREATE TABLE order_numbers (page_iri TEXT PRIMARY KEY, last_number BIGINT NOT NULL)",
            """
            CREATE TABLE payment_attempts (
                id TEXT PRIMARY KEY,
                order_id TEXT NOT NULL REFERENCES orders (id),
                seq BIGINT NOT NULL,
                state TEXT NOT NULL,
                amount_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                merchant_code TEXT NOT NULL,
                provider_checkout_id TEXT UNIQUE,
                hosted_url TEXT,
                valid_until_ms BIGINT NOT NULL,
                provider_status TEXT,
                transaction_code TEXT,
                transaction_id TEXT,
                mismatch TEXT,
                created_ms BIGINT NOT NULL,
                last_read_ms BIGINT,
                next_check_ms BIGINT)
            """,
            "CREATE UNIQUE INDEX payment_attempts_by_order ON payment_attempts (order_id, seq)",
            "CREATE INDEX payment_attempts_due ON payment_attempts (next_check_ms) WHERE next_check_ms IS NOT NULL",
            "ALTER TABLE cart_lines ADD COLUMN order_id TEXT",
            "CREATE INDEX cart_lines_by_order ON cart_lines (order_id) WHERE order_id IS NOT NULL",
            // Lines of paid orders leave the cart but are kept, with their order (soft delete).
            """
            CREATE TABLE paid_cart_lines (
                id TEXT PRIMARY KEY,
                cart_id TEXT NOT NULL,
                order_id TEXT NOT NULL,
                seq BIGINT NOT NULL,
                kind TEXT NOT NULL,
                item_iri TEXT NOT NULL,
                entry_iri TEXT,
                page_iri TEXT NOT NULL,
                name TEXT NOT NULL,
                unit_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                quantity BIGINT NOT NULL,
                start_ms BIGINT,
                end_ms BIGINT,
                calendar_actor TEXT,
                added_ms BIGINT NOT NULL,
                deleted_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX paid_cart_lines_by_order ON paid_cart_lines (order_id)",
        ])
    }
}
