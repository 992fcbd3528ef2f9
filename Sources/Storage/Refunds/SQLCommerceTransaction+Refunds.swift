import Commerce
import Foundation
import SQLKit

/// Refunds (`RefundReader`/`RefundWriter`, migration 9).
extension SQLCommerceTransaction {
    static let refundColumns = """
        id, order_id, transaction_id, amount_minor, currency, state, requested_by, attempts, last_error, \
        created_ms, updated_ms, last_sent_ms, next_check_ms
        """

    func refunds(orderID: UUID) async throws -> [RefundRecord] {
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.refundColumns) FROM refunds WHERE order_id = \(bind: orderID.uuidString)
            ORDER BY seq
            """).all().map(Self.refund(from:))
    }

    func insertRefund(_ refund: RefundRecord) async throws {
        do {
            try await sql.raw("""
                INSERT INTO refunds (seq, \(unsafeRaw: Self.refundColumns))
                VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM refunds WHERE order_id = \(bind: refund.orderID.uuidString)),
                        \(bind: refund.id.uuidString), \(bind: refund.orderID.uuidString), \(bind: refund.transactionID),
                        \(bind: refund.amount.minorUnits), \(bind: refund.amount.currency.code), \(bind: refund.state.rawValue),
                        \(bind: refund.requestedBy), \(bind: Int64(refund.attempts)), \(bind: refund.lastError),
                        \(bind: refund.createdAt.millis), \(bind: refund.updatedAt.millis), \(bind: refund.lastSentAt?.millis),
                        \(bind: refund.nextCheckAt?.millis))
                """).run()
        } catch where isUniqueViolation(error) {
            throw CommerceStoreError.duplicate("open refund of order \(refund.orderID)")
        }
    }

    func updateRefund(_ refund: RefundRecord) async throws {
        let updated = try await sql.raw("""
            UPDATE refunds SET state = \(bind: refund.state.rawValue), attempts = \(bind: Int64(refund.attempts)),
                last_error = \(bind: refund.lastError), updated_ms = \(bind: refund.updatedAt.millis),
                last_sent_ms = \(bind: refund.lastSentAt?.millis), next_check_ms = \(bind: refund.nextCheckAt?.millis)
            WHERE id = \(bind: refund.id.uuidString) RETURNING id
            """).all()
        if updated.isEmpty { throw CommerceStoreError.notFound("refund \(refund.id)") }
    }

    func dueRefunds(now: Date, limit: Int) async throws -> [RefundRecord] {
        let skipLocked = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await sql.raw("""
            SELECT \(unsafeRaw: Self.refundColumns) FROM refunds
            WHERE next_check_ms IS NOT NULL AND next_check_ms <= \(bind: now.millis) AND state IN ('requested', 'unknown')
            ORDER BY next_check_ms LIMIT \(literal: max(1, limit))\(unsafeRaw: skipLocked)
            """).all().map(Self.refund(from:))
    }

    func ordersNeedingAttention(limit: Int) async throws -> [OrderRecord] {
        // The same tests as `OrderService.details` (moneyUnknown), plus owed, mismatched and open refunds.
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.orderColumns) FROM orders o
            WHERE o.status = 'owed' OR o.mismatch IS NOT NULL
               OR EXISTS (SELECT 1 FROM payment_attempts a WHERE a.order_id = o.id AND (
                    (a.state IN ('creating', 'unconfirmed', 'open') AND o.status <> 'awaiting_payment')
                    OR (a.state = 'paid' AND o.status <> 'refunded' AND (a.mismatch IS NOT NULL OR a.transaction_code <> o.payment_reference
                        OR (a.transaction_code IS NULL) <> (o.payment_reference IS NULL)))))
               OR EXISTS (SELECT 1 FROM refunds r WHERE r.order_id = o.id AND r.state IN ('requested', 'unknown'))
            ORDER BY o.created_ms DESC, o.id DESC LIMIT \(literal: max(0, limit))
            """).all().map(Self.order(from:))
    }

    static func refund(from row: any SQLRow) throws -> RefundRecord {
        let stateText = try row.string("state")
        guard let state = RefundState(rawValue: stateText) else { throw StoredValueError(column: "refunds.state", value: stateText) }
        let code = try row.string("currency")
        guard let currency = Currency(code: code) else { throw StoredValueError(column: "refunds.currency", value: code) }
        return RefundRecord(
            id: try row.uuid("id"), orderID: try row.uuid("order_id"), amount: Money(try row.int64("amount_minor"), currency),
            state: state, requestedBy: try row.string("requested_by"), attempts: try row.int("attempts"),
            lastError: try row.optionalString("last_error"), createdAt: try row.date("created_ms"),
            updatedAt: try row.date("updated_ms"), transactionID: try row.string("transaction_id"),
            lastSentAt: try row.optionalDate("last_sent_ms"), nextCheckAt: try row.optionalDate("next_check_ms"))
    }
}
