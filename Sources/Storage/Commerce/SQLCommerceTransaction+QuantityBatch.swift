import Commerce
import Foundation
import SQLKit

/// A batch of quantity changes (see `QuantityBatcher`) inside one write transaction: one
/// `UPDATE … FROM (VALUES …) RETURNING` for every line, one statement touching their carts, and
/// the refusal read only for lines that did not change. Quantities are 1-99 (removal, quantity 0,
/// takes the single-command path).
extension SQLCommerceTransaction {
    func setLineQuantities(_ commands: [QuantityBatcher.Command]) async throws -> [LineQuantityChange] {
        guard !commands.isEmpty else { return [] }
        var query: SQLQueryString = """
            UPDATE cart_lines SET quantity = CAST(v.column2 AS BIGINT)
            FROM (VALUES
            """
        for (index, command) in commands.enumerated() {
            query += index == 0 ? " " : ", "
            query += "(\(bind: command.line.uuidString), \(bind: Int64(command.quantity)), \(bind: command.ownerKey))"
        }
        // Same conditions as the single command; the owner's cart is looked up per row.
        query += """
            ) AS v
            WHERE cart_lines.id = v.column1 AND cart_lines.kind <> 'entry' AND cart_lines.order_id IS NULL
              AND cart_lines.cart_id = (SELECT id FROM carts WHERE owner_key = v.column3)
            RETURNING cart_id, \(unsafeRaw: Self.lineColumns)
            """
        var updated: [String: (cartID: String, line: CartLine)] = [:]
        for row in try await sql.raw(query).all() {
            let line = try Self.line(from: row)
            updated[line.id.uuidString] = (try row.string("cart_id"), line)
        }
        var changes: [LineQuantityChange] = []
        var touched: [String: Date] = [:]
        for command in commands {
            if let (cartID, line) = updated[command.line.uuidString] {
                changes.append(.updated(line))
                touched[cartID] = max(touched[cartID] ?? command.now, command.now)
            } else {
                changes.append(try await refusal(line: command.line.uuidString, ownerKey: command.ownerKey))
            }
        }
        try await touchCarts(touched)
        return changes
    }

    /// A change alone (the usual case below capacity) in autocommit mode (`Database.writeStatements`):
    /// two statements, each safe to commit alone, instead of four. The cart is touched first and
    /// only if the line is settable, so a refusal touches nothing, and a crash between the two
    /// leaves a touched cart with its old quantity and no 303 sent. Plain statements, as the
    /// `VALUES` form costs more to parse.
    func setLineQuantityAlone(_ command: QuantityBatcher.Command) async throws -> LineQuantityChange {
        let line = command.line.uuidString
        try await sql.raw("""
            UPDATE carts SET last_active_ms = \(bind: command.now.millis)
            WHERE owner_key = \(bind: command.ownerKey) AND EXISTS (
              SELECT 1 FROM cart_lines WHERE cart_lines.id = \(bind: line) AND cart_lines.cart_id = carts.id
                AND cart_lines.kind <> 'entry' AND cart_lines.order_id IS NULL)
            """).run()
        guard let changed = try await sql.raw("""
            UPDATE cart_lines SET quantity = \(bind: Int64(command.quantity))
            WHERE id = \(bind: line) AND kind <> 'entry' AND order_id IS NULL
              AND cart_id = (SELECT id FROM carts WHERE owner_key = \(bind: command.ownerKey))
            RETURNING \(unsafeRaw: Self.lineColumns)
            """).first()
        else { return try await refusal(line: line, ownerKey: command.ownerKey) }
        return .updated(try Self.line(from: changed))
    }

    /// Marks each cart active at its latest change in the batch.
    private func touchCarts(_ touched: [String: Date]) async throws {
        guard !touched.isEmpty else { return }
        var query: SQLQueryString = "UPDATE carts SET last_active_ms = CAST(v.column2 AS BIGINT) FROM (VALUES"
        for (index, (cartID, now)) in touched.enumerated() {
            query += index == 0 ? " " : ", "
            query += "(\(bind: cartID), \(bind: now.millis))"
        }
        query += ") AS v WHERE carts.id = v.column1"
        try await sql.raw(query).run()
    }
}
