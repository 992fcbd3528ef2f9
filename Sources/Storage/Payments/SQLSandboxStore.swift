import Commerce
import Foundation
import SQLKit

/// A demo sandbox checkout as stored (migration 6 `sandbox_checkouts`).
public struct SandboxCheckoutRecord: Sendable, Hashable {
    /// The checkout as a provider reports it (status as stored; see `status(at:)`).
    public var checkout: ProviderCheckout
    /// Shown on the sandbox page.
    public var description: String
    /// Where the sandbox "webhook" is meant to go (kept for parity with SumUp).
    public var returnURL: String
    /// Where the browser goes after Pay or Decline.
    public var redirectURL: String
    /// Deactivated with `deactivate`.
    public var deactivated: Bool
    /// Refunded so far, in minor units.
    public var refundedMinor: Int64

    /// The status a read reports at `now`: an unpaid checkout past `valid_until` is EXPIRED.
    public func status(at now: Date) -> ProviderCheckoutStatus {
        if checkout.status != .paid, let until = checkout.validUntil, until <= now { return .expired }
        return checkout.status
    }
}

/// What a sandbox refund did.
public enum SandboxRefundOutcome: Sendable, Equatable {
    /// Recorded.
    case refunded
    /// No paid checkout has this transaction.
    case unknownTransaction
    /// More than what is left to refund.
    case exceedsPaid
}

/// The sandbox provider's checkouts in SQL, so a demo restart keeps them. Every state change is
/// one conditional UPDATE, so concurrent Pay / Decline / deactivate cannot both win.
public struct SQLSandboxStore: Sendable {
    /// The database holding sandbox checkouts.
    public let database: Database

    /// A store over `database`.
    public init(database: Database) { self.database = database }

    /// Stores a new PENDING checkout; false when the reference exists already.
    public func insert(_ request: CheckoutRequest, id: String, now: Date) async throws -> Bool {
        do {
            try await database.write { sql in
                try await sql.raw("""
                    INSERT INTO sandbox_checkouts (id, reference, amount_minor, currency, merchant_code, description,
                        return_url, redirect_url, valid_until_ms, status, deactivated, refunded_minor, created_ms)
                    VALUES (\(bind: id), \(bind: request.reference), \(bind: request.amount.minorUnits),
                        \(bind: request.amount.currency.code), \(bind: request.merchantCode), \(bind: request.description),
                        \(bind: request.webhookURL), \(bind: request.redirectURL), \(bind: request.validUntil.millis),
                        'PENDING', \(bind: false), 0, \(bind: now.millis))
                    """).run()
            }
            return true
        } catch where isUniqueViolation(error) {
            return false
        }
    }

    /// The checkout with this id.
    public func checkout(id: String) async throws -> SandboxCheckoutRecord? {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM sandbox_checkouts WHERE id = \(bind: id)").first().map(Self.record)
        }
    }

    /// The paid checkout whose transaction has this id.
    public func checkout(transactionID: String) async throws -> SandboxCheckoutRecord? {
        try await database.read { sql in
            try await sql.raw("""
                SELECT * FROM sandbox_checkouts WHERE transaction_id = \(bind: transactionID) AND status = 'PAID'
                """).first().map(Self.record)
        }
    }

    /// Checkouts carrying `reference` (at most one: the column is unique).
    public func checkouts(reference: String) async throws -> [SandboxCheckoutRecord] {
        try await database.read { sql in
            try await sql.raw("SELECT * FROM sandbox_checkouts WHERE reference = \(bind: reference)").all().map(Self.record)
        }
    }

    /// Takes the money: PENDING or FAILED, not deactivated, before `valid_until`. False otherwise.
    public func pay(id: String, transactionCode: String, transactionID: String, now: Date) async throws -> Bool {
        try await database.write { sql in
            try await sql.raw("""
                UPDATE sandbox_checkouts SET status = 'PAID', transaction_code = \(bind: transactionCode),
                    transaction_id = \(bind: transactionID)
                WHERE id = \(bind: id) AND status IN ('PENDING', 'FAILED') AND deactivated = \(bind: false)
                    AND valid_until_ms > \(bind: now.millis)
                RETURNING id
                """).all().count == 1
        }
    }

    /// A declined card: FAILED, still payable later (like SumUp). False when not open.
    public func decline(id: String, now: Date) async throws -> Bool {
        try await database.write { sql in
            try await sql.raw("""
                UPDATE sandbox_checkouts SET status = 'FAILED'
                WHERE id = \(bind: id) AND status IN ('PENDING', 'FAILED') AND deactivated = \(bind: false)
                    AND valid_until_ms > \(bind: now.millis)
                RETURNING id
                """).all().count == 1
        }
    }

    /// Deactivates an unpaid checkout (EXPIRED). False when it is paid or missing.
    public func deactivate(id: String) async throws -> Bool {
        try await database.write { sql in
            try await sql.raw("""
                UPDATE sandbox_checkouts SET status = 'EXPIRED', deactivated = \(bind: true)
                WHERE id = \(bind: id) AND status <> 'PAID' RETURNING id
                """).all().count == 1
        }
    }

    /// Refunds `amountMinor` (nil: all that is left) of the paid checkout with `transactionID`.
    public func refund(transactionID: String, amountMinor: Int64?) async throws -> SandboxRefundOutcome {
        try await database.write { sql in
            let updated: Int
            if let amountMinor {
                guard amountMinor > 0 else { return .exceedsPaid }
                updated = try await sql.raw("""
                    UPDATE sandbox_checkouts SET refunded_minor = refunded_minor + \(bind: amountMinor)
                    WHERE transaction_id = \(bind: transactionID) AND status = 'PAID'
                        AND refunded_minor + \(bind: amountMinor) <= amount_minor
                    RETURNING id
                    """).all().count
            } else {
                updated = try await sql.raw("""
                    UPDATE sandbox_checkouts SET refunded_minor = amount_minor
                    WHERE transaction_id = \(bind: transactionID) AND status = 'PAID' AND refunded_minor < amount_minor
                    RETURNING id
                    """).all().count
            }
            if updated == 1 { return .refunded }
            let exists = try await sql.raw("""
                SELECT id FROM sandbox_checkouts WHERE transaction_id = \(bind: transactionID) AND status = 'PAID'
                """).first() != nil
            return exists ? .exceedsPaid : .unknownTransaction
        }
    }

    private static func record(_ row: any SQLRow) throws -> SandboxCheckoutRecord {
        let code = try row.string("currency")
        guard let currency = Currency(code: code) else { throw StoredValueError(column: "sandbox_checkouts.currency", value: code) }
        let statusText = try row.string("status")
        guard let status = ProviderCheckoutStatus(rawValue: statusText) else {
            throw StoredValueError(column: "sandbox_checkouts.status", value: statusText)
        }
        let checkout = ProviderCheckout(
            id: try row.string("id"), reference: try row.string("reference"),
            amount: Money(try row.int64("amount_minor"), currency), merchantCode: try row.string("merchant_code"),
            status: status, hostedCheckoutURL: nil, transactionCode: try row.optionalString("transaction_code"),
            transactionID: try row.optionalString("transaction_id"), validUntil: try row.date("valid_until_ms"))
        return SandboxCheckoutRecord(
            checkout: checkout, description: try row.string("description"), returnURL: try row.string("return_url"),
            redirectURL: try row.string("redirect_url"), deactivated: try row.bool("deactivated"),
            refundedMinor: try row.int64("refunded_minor"))
    }
}
