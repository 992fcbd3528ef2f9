import Commerce
import Foundation
import SQLKit

/// Orders and their locked cart lines (`OrderReader`/`OrderWriter`).
extension SQLCommerceTransaction {
    func order(id: UUID) async throws -> OrderRecord? {
        try await sql.raw("SELECT \(unsafeRaw: Self.orderColumns) FROM orders WHERE id = \(bind: id.uuidString)")
            .first().map(Self.order(from:))
    }

    func lockOrder(id: UUID) async throws -> OrderRecord? {
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.orderColumns) FROM orders WHERE id = \(bind: id.uuidString)\(unsafeRaw: dialect.forUpdate)
            """).first().map(Self.order(from:))
    }

    func orders(owner: CartOwner) async throws -> [OrderRecord] {
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.orderColumns) FROM orders WHERE owner_key = \(bind: owner.storageKey)
            ORDER BY created_ms DESC, id DESC
            """).all().map(Self.order(from:))
    }

    func orders(page: IRI?, status: OrderStatus?, limit: Int) async throws -> [OrderRecord] {
        var query = SQLQueryString("SELECT \(unsafeRaw: Self.orderColumns) FROM orders WHERE 1 = 1")
        if let page { query += " AND page_iri = \(bind: page.value)" }
        if let status { query += " AND status = \(bind: status.rawValue)" }
        query += " ORDER BY created_ms DESC, id DESC LIMIT \(literal: max(0, limit))"
        return try await sql.raw(query).all().map(Self.order(from:))
    }

    func nextOrderNumber(pageIRI: IRI) async throws -> Int {
        let row = try await sql.raw("""
            INSERT INTO order_numbers (page_iri, last_number) VALUES (\(bind: pageIRI.value), 1)
            ON CONFLICT (page_iri) DO UPDATE SET last_number = order_numbers.last_number + 1
            RETURNING last_number
            """).first()
        guard let row else { throw CommerceStoreError.notFound("order number of \(pageIRI.value)") }
        return try row.int("last_number")
    }

    func insertOrder(_ order: OrderRecord) async throws {
        let snapshot = order.snapshot
        do {
            try await sql.raw("""
                INSERT INTO orders (\(unsafeRaw: Self.orderColumns))
                VALUES (\(bind: order.id.uuidString), \(bind: snapshot.pageIRI.value), \(bind: order.pageSlug),
                        \(bind: Int64(snapshot.number)), \(bind: order.owner.storageKey), \(bind: snapshot.customer?.value),
                        \(bind: snapshot.status.rawValue), \(bind: snapshot.holdUntil.millis), \(bind: snapshot.total.minorUnits),
                        \(bind: snapshot.total.currency.code), \(bind: order.merchantCode), \(bind: try Self.itemsText(snapshot.items)),
                        \(bind: order.receiptKey), \(bind: order.currentAttemptID?.uuidString), \(bind: snapshot.paymentReference),
                        \(bind: order.mismatch), \(bind: order.calendarConfirmed.map(\.value).joined(separator: "\n")),
                        \(bind: order.calendarRefused), \(bind: order.refundedTotal?.minorUnits),
                        \(bind: snapshot.createdAt.millis), \(bind: order.updatedAt.millis))
                """).run()
        } catch where isUniqueViolation(error) {
            throw CommerceStoreError.duplicate("order \(order.id)")
        }
    }

    func updateOrder(_ order: OrderRecord) async throws {
        let updated = try await sql.raw("""
            UPDATE orders SET status = \(bind: order.status.rawValue), owner_key = \(bind: order.owner.storageKey),
                customer = \(bind: order.snapshot.customer?.value), current_attempt = \(bind: order.currentAttemptID?.uuidString),
                payment_reference = \(bind: order.snapshot.paymentReference), mismatch = \(bind: order.mismatch),
                calendar_confirmed = \(bind: order.calendarConfirmed.map(\.value).joined(separator: "\n")),
                calendar_refused = \(bind: order.calendarRefused), refunded_minor = \(bind: order.refundedTotal?.minorUnits),
                updated_ms = \(bind: order.updatedAt.millis)
            WHERE id = \(bind: order.id.uuidString) RETURNING id
            """).all()
        if updated.isEmpty { throw CommerceStoreError.notFound("order \(order.id)") }
    }

    func moveOrders(from: CartOwner, to: CartOwner) async throws -> Int {
        let customer: String? = if case let .user(iri) = to { iri.value } else { nil }
        return try await sql.raw("""
            UPDATE orders SET owner_key = \(bind: to.storageKey), customer = \(bind: customer)
            WHERE owner_key = \(bind: from.storageKey) RETURNING id
            """).all().count
    }

    func claimExpiredOrders(now: Date, claimFor: TimeInterval, limit: Int) async throws -> [UUID] {
        let skipLocked = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw("""
            SELECT id FROM orders
            WHERE status = 'awaiting_payment' AND hold_until_ms <= \(bind: now.millis)
              AND (expiry_claim_ms IS NULL OR expiry_claim_ms <= \(bind: now.millis))
            ORDER BY hold_until_ms LIMIT \(literal: max(1, limit))\(unsafeRaw: skipLocked)
            """).all()
        let ids = try rows.map { try $0.string("id") }
        guard !ids.isEmpty else { return [] }
        try await sql.raw("""
            UPDATE orders SET expiry_claim_ms = \(bind: now.addingTimeInterval(claimFor).millis) WHERE id IN (\(binds: ids))
            """).run()
        return try rows.map { try $0.uuid("id") }
    }

    // MARK: Locked lines

    func lineLocks(cartID: UUID) async throws -> [UUID: UUID] {
        let rows = try await sql.raw("""
            SELECT id, order_id FROM cart_lines WHERE cart_id = \(bind: cartID.uuidString) AND order_id IS NOT NULL
            """).all()
        var locks: [UUID: UUID] = [:]
        for row in rows { locks[try row.uuid("id")] = try row.uuid("order_id") }
        return locks
    }

    func lockLines(ids: [UUID], orderID: UUID) async throws {
        guard !ids.isEmpty else { return }
        try await sql.raw("""
            UPDATE cart_lines SET order_id = \(bind: orderID.uuidString) WHERE id IN (\(binds: ids.map(\.uuidString)))
            """).run()
    }

    func unlockLines(orderID: UUID) async throws {
        try await sql.raw("UPDATE cart_lines SET order_id = NULL WHERE order_id = \(bind: orderID.uuidString)").run()
    }

    func archiveLines(orderID: UUID, at: Date) async throws {
        let order = orderID.uuidString
        try await sql.raw("""
            INSERT INTO paid_cart_lines (id, cart_id, order_id, seq, kind, item_iri, entry_iri, page_iri, name, unit_minor,
                                         currency, quantity, start_ms, end_ms, calendar_actor, added_ms, deleted_ms)
            SELECT id, cart_id, order_id, seq, kind, item_iri, entry_iri, page_iri, name, unit_minor,
                   currency, quantity, start_ms, end_ms, calendar_actor, added_ms, \(bind: at.millis)
            FROM cart_lines WHERE order_id = \(bind: order)
            """).run()
        try await sql.raw("DELETE FROM cart_lines WHERE order_id = \(bind: order)").run()
    }
}
