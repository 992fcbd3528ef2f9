import Foundation

/// A hosted-checkout payment provider (SumUp's Checkouts API, or the demo's sandbox speaking the
/// same model). Commerce calls it; the only truth about payment is `checkout(id:)`.
public protocol PaymentProvider: Sendable {
    /// Creates a hosted checkout. A 409 (reference already used) throws `.conflict`: look the
    /// attempt up with `checkouts(reference:)`.
    func createCheckout(_ request: CheckoutRequest, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderCheckout
    /// Reads one checkout (`GET /v0.1/checkouts/{id}`).
    func checkout(id: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderCheckout
    /// Finds checkouts by our reference (`GET /v0.1/checkouts?checkout_reference=`).
    func checkouts(reference: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> [ProviderCheckout]
    /// Deactivates a checkout (`DELETE /v0.1/checkouts/{id}`) so it can take no money. A 409
    /// throws `.alreadyPaid`: reconcile instead.
    func deactivate(id: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderCheckout
    /// Refunds a transaction in full (`amount` nil) or in part
    /// (`POST /v1.0/merchants/{merchant}/payments/{transaction}/refunds`).
    func refund(transactionID: String, amount: Money?, credentials: PaymentCredentials) async throws(PaymentProviderError)
    /// Reads a transaction with what was refunded of it (`GET /v2.1/merchants/{merchant}/transactions?id=`):
    /// how a refund whose answer was lost is settled. `.notFound` when the provider has no such transaction.
    func transaction(id: String, credentials: PaymentCredentials) async throws(PaymentProviderError) -> ProviderTransaction
}

/// What we ask the provider for: one attempt to pay one order.
public struct CheckoutRequest: Hashable, Sendable {
    /// `checkout_reference`: the attempt's id (≤ 64 characters).
    public var reference: String
    /// The order's total (converted exactly to major units on the wire).
    public var amount: Money
    /// The page's merchant.
    public var merchantCode: String
    /// Shown on the hosted page.
    public var description: String
    /// `return_url`: where the provider posts its webhook (`BASE/webhooks/sumup`).
    public var webhookURL: String
    /// `redirect_url`: where the browser goes afterwards (`BASE/orders/{id}/return`).
    public var redirectURL: String
    /// `valid_until`: the order's hold expiry.
    public var validUntil: Date

    /// A request; see the properties.
    public init(reference: String, amount: Money, merchantCode: String, description: String,
                webhookURL: String, redirectURL: String, validUntil: Date) {
        self.reference = reference
        self.amount = amount
        self.merchantCode = merchantCode
        self.description = description
        self.webhookURL = webhookURL
        self.redirectURL = redirectURL
        self.validUntil = validUntil
    }
}

/// A checkout as the provider reports it.
public struct ProviderCheckout: Hashable, Sendable {
    /// The provider's checkout id.
    public var id: String
    /// Our `checkout_reference`.
    public var reference: String
    /// Amount and currency as the provider holds them (compared with the attempt's).
    public var amount: Money
    /// The merchant the money goes to.
    public var merchantCode: String
    /// Where the money stands.
    public var status: ProviderCheckoutStatus
    /// Where to send the browser (hosted checkout), when the provider gave one.
    public var hostedCheckoutURL: String?
    /// The successful transaction's code (`rose:paymentReference`), once paid.
    public var transactionCode: String?
    /// The successful transaction's id (refunds name it), once paid.
    public var transactionID: String?
    /// Until when the hosted page can take money, if the provider says.
    public var validUntil: Date?

    /// A checkout; see the properties.
    public init(id: String, reference: String, amount: Money, merchantCode: String, status: ProviderCheckoutStatus,
                hostedCheckoutURL: String? = nil, transactionCode: String? = nil, transactionID: String? = nil,
                validUntil: Date? = nil) {
        self.id = id
        self.reference = reference
        self.amount = amount
        self.merchantCode = merchantCode
        self.status = status
        self.hostedCheckoutURL = hostedCheckoutURL
        self.transactionCode = transactionCode
        self.transactionID = transactionID
        self.validUntil = validUntil
    }
}

/// SumUp's checkout states. `failed` is not final while the hosted page can still take money.
public enum ProviderCheckoutStatus: String, Hashable, Sendable, Codable {
    case pending = "PENDING"
    case failed = "FAILED"
    case paid = "PAID"
    case expired = "EXPIRED"
}

/// The key and merchant a payment is made with. The key never appears in logs or descriptions.
public struct PaymentCredentials: Hashable, Sendable, CustomStringConvertible {
    /// Bearer API key (secret).
    public let apiKey: String
    /// Merchant code the money goes to.
    public let merchantCode: String

    /// Credentials; see the properties.
    public init(apiKey: String, merchantCode: String) {
        self.apiKey = apiKey
        self.merchantCode = merchantCode
    }

    /// The key shown as its last four characters only.
    public var redactedKey: String { "…" + String(apiKey.suffix(4)) }
    /// Never prints the key.
    public var description: String { "merchant \(merchantCode), key \(redactedKey)" }
}

/// Why a provider call failed.
public enum PaymentProviderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 409 on create: the reference exists already (look it up).
    case conflict
    /// 409 on deactivate: the checkout was paid (reconcile).
    case alreadyPaid
    /// 404: no such checkout.
    case notFound
    /// The provider could not be reached or answered 5xx / timed out: retry later.
    case unavailable(String)
    /// The provider refused the request (4xx other than the above), with its message.
    case rejected(status: Int, message: String)
    /// The provider's answer did not parse or did not match what we asked.
    case malformed(String)

    public var description: String {
        switch self {
        case .conflict: "the payment reference exists already"
        case .alreadyPaid: "the checkout was already paid"
        case .notFound: "no such checkout"
        case let .unavailable(reason): "payment provider unavailable: \(reason)"
        case let .rejected(status, message): "payment provider refused (\(status)): \(message)"
        case let .malformed(reason): "payment provider answer not understood: \(reason)"
        }
    }
}

/// Where a page's payment credentials come from: its own sealed key, else the global ones.
public protocol PaymentCredentialSource: Sendable {
    /// The credentials `page` pays with, or nil when it has none (checkout refused clearly).
    func credentials(for page: Page) async throws -> PaymentCredentials?
}
