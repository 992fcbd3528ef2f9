import Commerce
import Foundation
import SQLKit

/// Payment attempts (`OrderReader`/`OrderWriter`).
extension SQLCommerceTransaction {
    func attempts(orderID: UUID) async throws -> [PaymentAttempt] {
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.attemptColumns) FROM payment_attempts
            WHERE order_id = \(bind: orderID.uuidString) ORDER BY seq
            """).all().map(Self.attempt(from:))
    }

    func attempt(providerCheckoutID: String) async throws -> PaymentAttempt? {
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.attemptColumns) FROM payment_attempts WHERE provider_checkout_id = \(bind: providerCheckoutID)
            """).first().map(Self.attempt(from:))
    }

    func insertAttempt(_ attempt: PaymentAttempt) async throws {
        do {
            try await sql.raw("""
                INSERT INTO payment_attempts (seq, \(unsafeRaw: Self.attemptColumns))
                VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM payment_attempts WHERE order_id = \(bind: attempt.orderID.uuidString)),
                        \(bind: attempt.id.uuidString), \(bind: attempt.orderID.uuidString), \(bind: attempt.state.rawValue),
                        \(bind: attempt.amount.minorUnits), \(bind: attempt.amount.currency.code), \(bind: attempt.merchantCode),
                        \(bind: attempt.providerCheckoutID), \(bind: attempt.hostedCheckoutURL), \(bind: attempt.validUntil.millis),
                        \(bind: attempt.providerStatus?.rawValue), \(bind: attempt.transactionCode), \(bind: attempt.transactionID),
                        \(bind: attempt.mismatch), \(bind: attempt.createdAt.millis), \(bind: attempt.lastReadAt?.millis),
                        \(bind: attempt.nextCheckAt?.millis))
                """).run()
        } catch where isUniqueViolation(error) {
            throw CommerceStoreError.duplicate("payment attempt \(attempt.id)")
        }
    }

    func updateAttempt(_ attempt: PaymentAttempt) async throws {
        let updated = try await sql.raw("""
            UPDATE payment_attempts SET state = \(bind: attempt.state.rawValue),
                provider_checkout_id = \(bind: attempt.providerCheckoutID), hosted_url = \(bind: attempt.hostedCheckoutURL),
                provider_status = \(bind: attempt.providerStatus?.rawValue), transaction_code = \(bind: attempt.transactionCode),
                transaction_id = \(bind: attempt.transactionID), mismatch = \(bind: attempt.mismatch),
                last_read_ms = \(bind: attempt.lastReadAt?.millis), next_check_ms = \(bind: attempt.nextCheckAt?.millis)
            WHERE id = \(bind: attempt.id.uuidString) RETURNING id
            """).all()
        if updated.isEmpty { throw CommerceStoreError.notFound("payment attempt \(attempt.id)") }
    }

    func dueAttempts(now: Date, limit: Int) async throws -> [PaymentAttempt] {
        let skipLocked = dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await sql.raw("""
            SELECT \(unsafeRaw: Self.attemptColumns) FROM payment_attempts
            WHERE next_check_ms IS NOT NULL AND next_check_ms <= \(bind: now.millis)
            ORDER BY next_check_ms LIMIT \(literal: max(1, limit))\(unsafeRaw: skipLocked)
            """).all().map(Self.attempt(from:))
    }
}
