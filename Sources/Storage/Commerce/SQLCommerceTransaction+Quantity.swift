import Commerce
import Foundation
import SQLKit

/// The quantity form's command in two statements (issue 2: the cart's hot write path), instead
/// of reading the cart and all its lines first.
extension SQLCommerceTransaction {
    func setLineQuantity(id: UUID, quantity: Int, owner: CartOwner, now: Date) async throws -> LineQuantityChange {
        // The owner's cart is an uncorrelated subquery: it runs before any line row is touched, so
        // on PostgreSQL the cart row is locked first, the order every other cart command takes.
        let line = id.uuidString
        let key = owner.storageKey
        let changed: (any SQLRow)?
        if quantity == 0 {
            changed = try await sql.raw("""
                DELETE FROM cart_lines
                WHERE id = \(bind: line) AND kind <> 'entry' AND order_id IS NULL
                  AND cart_id = (SELECT id FROM carts WHERE owner_key = \(bind: key)\(unsafeRaw: dialect.forUpdate))
                RETURNING cart_id, \(unsafeRaw: Self.lineColumns)
                """).first()
        } else {
            changed = try await sql.raw("""
                UPDATE cart_lines SET quantity = \(bind: Int64(quantity))
                WHERE id = \(bind: line) AND kind <> 'entry' AND order_id IS NULL
                  AND cart_id = (SELECT id FROM carts WHERE owner_key = \(bind: key)\(unsafeRaw: dialect.forUpdate))
                RETURNING cart_id, \(unsafeRaw: Self.lineColumns)
                """).first()
        }
        guard let changed else { return try await refusal(line: line, ownerKey: key) }
        let cartID = try changed.string("cart_id")
        try await sql.raw("UPDATE carts SET last_active_ms = \(bind: now.millis) WHERE id = \(bind: cartID)").run()
        return quantity == 0 ? .removed : .updated(try Self.line(from: changed))
    }

    /// Why nothing changed (the refusal path only): an entry line of this owner, a line locked
    /// to an open order, or no such line.
    func refusal(line: String, ownerKey: String) async throws -> LineQuantityChange {
        let row = try await sql.raw("""
            SELECT kind, order_id FROM cart_lines
            WHERE id = \(bind: line) AND cart_id = (SELECT id FROM carts WHERE owner_key = \(bind: ownerKey))
            """).first()
        guard let row else { return .notFound }
        if try row.string("kind") == "entry" { return .notSettable }
        if let order = try row.optionalString("order_id").flatMap(UUID.init(uuidString:)) { return .locked(orderID: order) }
        return .notFound
    }
}
