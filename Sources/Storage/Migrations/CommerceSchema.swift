/// Version 1: pages, products, carts, cart lines, handle aliases.
enum CommerceSchema {
    static let migration = Migration(version: 1, name: "commerce") { sql, _ in
        try await sql.execute([
            """
            CREATE TABLE pages (
                slug TEXT PRIMARY KEY,
                iri TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                currency TEXT NOT NULL,
                sumup_merchant_code TEXT,
                sumup_key_file TEXT)
            """,
            // No foreign key to pages: a product of an unconfigured page is kept dormant.
            """
            CREATE TABLE products (
                iri TEXT PRIMARY KEY,
                page_iri TEXT NOT NULL,
                name TEXT NOT NULL,
                price_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                available BIGINT,
                withdrawn BOOLEAN NOT NULL,
                updated_ms BIGINT)
            """,
            "CREATE INDEX products_by_page ON products (page_iri, name)",
            """
            CREATE TABLE carts (
                id TEXT PRIMARY KEY,
                owner_key TEXT NOT NULL UNIQUE,
                owner_kind TEXT NOT NULL,
                handle TEXT,
                last_active_ms BIGINT NOT NULL)
            """,
            // Not unique: handles are HMACs of random session ids, and a unique index beside the
            // owner key would make concurrent first commands of one owner fail on PostgreSQL.
            "CREATE INDEX carts_by_handle ON carts (handle)",
            "CREATE INDEX carts_idle ON carts (owner_kind, last_active_ms)",
            """
            CREATE TABLE cart_lines (
                id TEXT PRIMARY KEY,
                cart_id TEXT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
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
                UNIQUE (cart_id, kind, item_iri))
            """,
            "CREATE INDEX cart_lines_by_cart ON cart_lines (cart_id, seq)",
            """
            CREATE TABLE cart_handle_aliases (
                handle TEXT PRIMARY KEY,
                cart_id TEXT NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
                expires_ms BIGINT NOT NULL)
            """,
            "CREATE INDEX cart_handle_aliases_by_cart ON cart_handle_aliases (cart_id)",
            "CREATE INDEX cart_handle_aliases_by_expiry ON cart_handle_aliases (expires_ms)",
        ])
    }
}
