import Commerce
import Foundation
import SQLKit

extension SQLCommerceTransaction {
    func insertPage(_ page: Page) async throws {
        do {
            try await sql.raw("""
                INSERT INTO pages (slug, iri, title, currency, sumup_merchant_code, sumup_key_file)
                VALUES (\(bind: page.slug), \(bind: page.iri.value), \(bind: page.title), \(bind: page.currency.code),
                        \(bind: page.sumupMerchantCode), \(bind: page.sumupKeyFile))
                """).run()
        } catch where isUniqueViolation(error) {
            throw CommerceStoreError.duplicate("page \(page.slug)")
        }
    }

    func updatePage(_ page: Page) async throws {
        let updated = try await sql.raw("""
            UPDATE pages SET title = \(bind: page.title), currency = \(bind: page.currency.code),
                sumup_merchant_code = \(bind: page.sumupMerchantCode), sumup_key_file = \(bind: page.sumupKeyFile)
            WHERE slug = \(bind: page.slug) RETURNING slug
            """).all()
        if updated.isEmpty { throw CommerceStoreError.notFound("page \(page.slug)") }
    }

    func upsertProduct(_ product: Product) async throws -> Bool {
        // One statement: the WHERE of DO UPDATE keeps a stored product with a newer `updated`,
        // and then no row comes back.
        let rows = try await sql.raw("""
            INSERT INTO products (iri, page_iri, name, price_minor, currency, available, withdrawn, updated_ms)
            VALUES (\(bind: product.iri.value), \(bind: product.pageIRI.value), \(bind: product.name),
                    \(bind: product.price.minorUnits), \(bind: product.price.currency.code),
                    \(bind: product.available.map(Int64.init)), \(bind: product.withdrawn), \(bind: product.updated?.millis))
            ON CONFLICT (iri) DO UPDATE SET page_iri = excluded.page_iri, name = excluded.name,
                price_minor = excluded.price_minor, currency = excluded.currency, available = excluded.available,
                withdrawn = excluded.withdrawn, updated_ms = excluded.updated_ms
            WHERE products.updated_ms IS NULL OR excluded.updated_ms IS NULL OR products.updated_ms <= excluded.updated_ms
            RETURNING iri
            """).all()
        return !rows.isEmpty
    }

    func createCart(owner: CartOwner, handle: String?, now: Date) async throws -> CartRecord {
        let handle: String? = if case .anonymous = owner { handle } else { nil }
        // One statement creates the cart or marks the existing one active; a concurrent first
        // command of the same owner waits for the other and then updates (PostgreSQL).
        let row = try await sql.raw("""
            INSERT INTO carts (id, owner_key, owner_kind, handle, last_active_ms)
            VALUES (\(bind: UUID().uuidString), \(bind: owner.storageKey), \(bind: Self.ownerKind(owner)),
                    \(bind: handle), \(bind: now.millis))
            ON CONFLICT (owner_key) DO UPDATE SET last_active_ms = excluded.last_active_ms
            RETURNING \(unsafeRaw: Self.cartColumns)
            """).first()
        guard let row else { throw CommerceStoreError.notFound("cart of \(owner.storageKey)") }
        return try Self.cart(from: row)
    }

    func touchCart(id: UUID, now: Date) async throws {
        try await sql.raw("UPDATE carts SET last_active_ms = \(bind: now.millis) WHERE id = \(bind: id.uuidString)").run()
    }

    func deleteCart(id: UUID) async throws {
        // Lines and aliases go with it (ON DELETE CASCADE).
        try await sql.raw("DELETE FROM carts WHERE id = \(bind: id.uuidString)").run()
    }

    func addHandleAlias(handle: String, cartID: UUID, expires: Date) async throws {
        try await sql.raw("""
            INSERT INTO cart_handle_aliases (handle, cart_id, expires_ms)
            VALUES (\(bind: handle), \(bind: cartID.uuidString), \(bind: expires.millis))
            ON CONFLICT (handle) DO UPDATE SET cart_id = excluded.cart_id, expires_ms = excluded.expires_ms
            """).run()
    }

    func insertLine(_ line: CartLine, cartID: UUID) async throws {
        let entry: String? = if case let .ticket(_, entry) = line.item { entry.value } else { nil }
        let cart = cartID.uuidString
        do {
            try await sql.raw("""
                INSERT INTO cart_lines (id, cart_id, seq, kind, item_iri, entry_iri, page_iri, name, unit_minor, currency,
                                        quantity, start_ms, end_ms, calendar_actor, added_ms)
                VALUES (\(bind: line.id.uuidString), \(bind: cart),
                        (SELECT COALESCE(MAX(seq), 0) + 1 FROM cart_lines WHERE cart_id = \(bind: cart)),
                        \(bind: line.item.kind), \(bind: line.item.iri.value), \(bind: entry), \(bind: line.pageIRI.value),
                        \(bind: line.name), \(bind: line.unitPrice.minorUnits), \(bind: line.unitPrice.currency.code),
                        \(bind: Int64(line.quantity)), \(bind: line.startTime?.millis), \(bind: line.endTime?.millis),
                        \(bind: line.calendarActor?.value), \(bind: line.addedAt.millis))
                """).run()
        } catch where isUniqueViolation(error) {
            throw CommerceStoreError.duplicate("line \(line.item.iri.value)")
        }
    }

    func updateLine(_ line: CartLine, cartID: UUID) async throws {
        let updated = try await sql.raw("""
            UPDATE cart_lines SET quantity = \(bind: Int64(line.quantity)), name = \(bind: line.name),
                unit_minor = \(bind: line.unitPrice.minorUnits), currency = \(bind: line.unitPrice.currency.code)
            WHERE id = \(bind: line.id.uuidString) AND cart_id = \(bind: cartID.uuidString) RETURNING id
            """).all()
        if updated.isEmpty { throw CommerceStoreError.notFound("line \(line.id)") }
    }

    func deleteLine(id: UUID, cartID: UUID) async throws {
        try await sql.raw("DELETE FROM cart_lines WHERE id = \(bind: id.uuidString) AND cart_id = \(bind: cartID.uuidString)").run()
    }

    func deleteIdleAnonymousCarts(before cutoff: Date) async throws -> Int {
        try await sql.raw("""
            DELETE FROM carts WHERE owner_kind = 'session' AND last_active_ms < \(bind: cutoff.millis) RETURNING id
            """).all().count
    }

    func deleteExpiredHandleAliases(now: Date) async throws {
        try await sql.raw("DELETE FROM cart_handle_aliases WHERE expires_ms <= \(bind: now.millis)").run()
    }

    func recordEvent(_ event: DomainEvent) async throws {
        try await SQLEventLog.insert(event, into: sql)
    }

    static func ownerKind(_ owner: CartOwner) -> String {
        switch owner {
        case .user: "user"
        case .anonymous: "session"
        }
    }
}
