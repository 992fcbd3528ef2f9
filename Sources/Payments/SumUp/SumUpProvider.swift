import Commerce
import Foundation
import Logging
import Transport

/// SumUp's Checkouts API (contract §6) over an `HTTPTransport` (the guarded transport in
/// production). Every answer is parsed strictly; 5xx, timeouts and network trouble are
/// `.unavailable` so callers retry later.
public struct SumUpProvider: PaymentProvider {
    let transport: any HTTPTransport
    let apiBase: String
    let logger: Logger
    let timeout: Duration

    /// A provider talking to `apiBase` (e.g. `https://api.sumup.com`); each call gives up after
    /// `timeout` (the transport's own deadlines still apply).
    public init(transport: any HTTPTransport, apiBase: String, logger: Logger, timeout: Duration = .seconds(10)) {
        self.transport = transport
        self.apiBase = apiBase.hasSuffix("/") ? String(apiBase.dropLast()) : apiBase
        self.logger = logger
        self.timeout = timeout
    }

    /// `POST /v0.1/checkouts`; 409 -> `.conflict` (look the reference up).
    public func createCheckout(_ request: CheckoutRequest, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderCheckout {
        guard request.amount.minorUnits > 0 else { throw .rejected(status: 0, message: "amount must be positive") }
        guard request.reference.count <= 64 else { throw .rejected(status: 0, message: "reference longer than 64 characters") }
        let answer = try await exchange(
            "POST", path: "/v0.1/checkouts", body: SumUpCheckoutBody.create(request), credentials: credentials)
        switch answer.status {
        case 200, 201:
            let checkout = try SumUpCheckoutDecoder.checkout(try answer.json())
            guard checkout.reference == request.reference else {
                throw .malformed("created checkout \(checkout.id) carries reference \(checkout.reference), not \(request.reference)")
            }
            logger.info("sumup checkout created", metadata: ["checkout": "\(checkout.id)", "reference": "\(request.reference)"])
            return checkout
        case 409: throw .conflict
        default: throw answer.failure()
        }
    }

    /// `GET /v0.1/checkouts/{id}`: the only truth about payment.
    public func checkout(id: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderCheckout {
        let answer = try await exchange("GET", path: "/v0.1/checkouts/" + Self.segment(id), credentials: credentials)
        guard answer.status == 200 else { throw answer.failure() }
        let checkout = try SumUpCheckoutDecoder.checkout(try answer.json())
        guard checkout.id == id else { throw .malformed("asked for checkout \(id), got \(checkout.id)") }
        return checkout
    }

    /// `GET /v0.1/checkouts?checkout_reference=`; only exact reference matches are returned.
    public func checkouts(reference: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> [ProviderCheckout] {
        let query = "?checkout_reference=" + Self.queryValue(reference)
        let answer = try await exchange("GET", path: "/v0.1/checkouts" + query, credentials: credentials)
        guard answer.status == 200 else { throw answer.failure() }
        return try SumUpCheckoutDecoder.list(try answer.json()).filter { $0.reference == reference }
    }

    /// `DELETE /v0.1/checkouts/{id}`; 409 -> `.alreadyPaid` (reconcile instead).
    public func deactivate(id: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderCheckout {
        let answer = try await exchange("DELETE", path: "/v0.1/checkouts/" + Self.segment(id), credentials: credentials)
        switch answer.status {
        case 200:
            let checkout = try SumUpCheckoutDecoder.checkout(try answer.json())
            logger.info("sumup checkout deactivated", metadata: ["checkout": "\(id)"])
            return checkout
        case 409: throw .alreadyPaid
        default: throw answer.failure()
        }
    }

    /// `POST /v1.0/merchants/{merchant}/payments/{transaction}/refunds`, full when `amount` is nil.
    public func refund(transactionID: String, amount: Money?, credentials: PaymentCredentials) async throws(PaymentProviderError) {
        if let amount, amount.minorUnits <= 0 { throw .rejected(status: 0, message: "refund amount must be positive") }
        let path = "/v1.0/merchants/\(Self.segment(credentials.merchantCode))/payments/\(Self.segment(transactionID))/refunds"
        let answer = try await exchange("POST", path: path, body: SumUpCheckoutBody.refund(amount: amount), credentials: credentials)
        guard (200..<300).contains(answer.status) else { throw answer.failure() }
        logger.info("sumup refund accepted", metadata: ["transaction": "\(transactionID)", "amount": "\(amount.map { "\($0)" } ?? "full")"])
    }

    /// `GET /v2.1/merchants/{merchant}/transactions?id=`: the transaction with its refund events
    /// (how a refund whose answer was lost is settled).
    public func transaction(id: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderTransaction {
        let path = "/v2.1/merchants/\(Self.segment(credentials.merchantCode))/transactions?id=" + Self.queryValue(id)
        let answer = try await exchange("GET", path: path, credentials: credentials)
        guard answer.status == 200 else { throw answer.failure() }
        let transaction = try SumUpTransactionDecoder.transaction(try answer.json())
        guard transaction.id == id else { throw .malformed("asked for transaction \(id), got \(transaction.id)") }
        return transaction
    }

    /// A path segment with everything but unreserved characters percent-encoded.
    static func segment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// A query value, encoded like a path segment.
    static func queryValue(_ value: String) -> String { segment(value) }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
