import ActorIdentity
import Commerce
import Foundation
import Storage

/// Demo only: a payment provider that behaves like SumUp's Checkouts API through the same
/// protocol (status readable, deactivation, 409s, refunds), with its hosted page at
/// `BASE/sandbox/pay/{checkout}` and its checkouts in SQL so demo restarts keep them.
public struct SandboxProvider: PaymentProvider {
    /// Where the checkouts live (the sandbox page changes them directly).
    public let store: SQLSandboxStore
    /// The service origin, e.g. `http://127.0.0.1:8080` (no trailing slash).
    let baseURL: String
    let clock: any WallClock

    /// A sandbox over `database`, its pages under `baseURL`.
    public init(database: Database, baseURL: String, clock: any WallClock = SystemWallClock()) {
        self.store = SQLSandboxStore(database: database)
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.clock = clock
    }

    /// The credentials sandbox attempts carry (nothing secret: the sandbox checks no key).
    public static let credentials = PaymentCredentials(apiKey: "sandbox-key", merchantCode: "SANDBOX")

    /// Stores a PENDING checkout; a used reference is `.conflict`, like SumUp's 409.
    public func createCheckout(_ request: CheckoutRequest, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderCheckout {
        guard request.amount.minorUnits > 0 else { throw .rejected(status: 400, message: "amount must be positive") }
        let id = UUID().uuidString.lowercased()
        let inserted = try await guarded { try await store.insert(request, id: id, now: clock.now()) }
        guard inserted else { throw .conflict }
        return try await checkout(id: id, credentials: credentials)
    }

    /// Reads a checkout; unpaid ones past `valid_until` read EXPIRED.
    public func checkout(id: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderCheckout {
        guard let record = try await guarded({ try await store.checkout(id: id) }) else { throw .notFound }
        return reported(record)
    }

    /// Checkouts carrying `reference`.
    public func checkouts(reference: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> [ProviderCheckout] {
        try await guarded { try await store.checkouts(reference: reference) }.map(reported)
    }

    /// Deactivates an unpaid checkout; a paid one is `.alreadyPaid`, like SumUp's 409.
    public func deactivate(id: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderCheckout {
        let done = try await guarded { try await store.deactivate(id: id) }
        guard done else {
            guard let record = try await guarded({ try await store.checkout(id: id) }) else { throw .notFound }
            guard record.checkout.status != .paid else { throw .alreadyPaid }
            return reported(record)
        }
        return try await checkout(id: id, credentials: credentials)
    }

    /// Records a full or partial refund of a paid checkout.
    public func refund(transactionID: String, amount: Money?, credentials: PaymentCredentials) async throws(PaymentProviderError) {
        let outcome = try await guarded { try await store.refund(transactionID: transactionID, amountMinor: amount?.minorUnits) }
        switch outcome {
        case .refunded: return
        case .unknownTransaction: throw .notFound
        case .exceedsPaid: throw .rejected(status: 409, message: "The transaction is not refundable in its current state")
        }
    }

    /// The paid checkout with this transaction id as a transaction, its refunded sum as the
    /// sandbox keeps it.
    public func transaction(id: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderTransaction {
        guard let record = try await guarded({ try await store.checkout(transactionID: id) }) else { throw .notFound }
        let amount = record.checkout.amount
        return ProviderTransaction(id: id, amount: amount, status: record.refundedMinor > 0 ? "REFUNDED" : "SUCCESSFUL",
                                   refunded: Money(record.refundedMinor, amount.currency))
    }

    /// The hosted page of a checkout.
    public func payURL(_ id: String) -> String { "\(baseURL)/sandbox/pay/\(id)" }

    /// The record as a read reports it now (expiry applied, hosted page filled in).
    public func reported(_ record: SandboxCheckoutRecord) -> ProviderCheckout {
        var checkout = record.checkout
        checkout.status = record.status(at: clock.now())
        checkout.hostedCheckoutURL = payURL(checkout.id)
        return checkout
    }

    /// Database trouble is the provider being unavailable: callers retry as they would for SumUp.
    private func guarded<T>(_ body: () async throws -> T) async throws(PaymentProviderError) -> T {
        do {
            return try await body()
        } catch {
            throw .unavailable("sandbox storage: \(error)")
        }
    }
}
