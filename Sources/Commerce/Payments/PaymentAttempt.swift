import Foundation

/// One try to pay one order: a provider checkout whose `checkout_reference` is `id`.
public struct PaymentAttempt: Hashable, Sendable, Identifiable {
    /// Our id, sent as `checkout_reference`.
    public var id: UUID
    /// The order it pays.
    public var orderID: UUID
    /// Where it stands on our side.
    public var state: PaymentAttemptState
    /// What it asks for (the order's total).
    public var amount: Money
    /// Where the money must go.
    public var merchantCode: String
    /// The provider's checkout id, once known.
    public var providerCheckoutID: String?
    /// The hosted page, once known.
    public var hostedCheckoutURL: String?
    /// `valid_until` sent to the provider (the order's hold expiry).
    public var validUntil: Date
    /// The provider's last reported status.
    public var providerStatus: ProviderCheckoutStatus?
    /// The successful transaction's code, once paid.
    public var transactionCode: String?
    /// The successful transaction's id (for refunds), once paid.
    public var transactionID: String?
    /// Why the provider's report did not match this attempt, if it did not.
    public var mismatch: String?
    /// When it was written.
    public var createdAt: Date
    /// When the provider was last read for it.
    public var lastReadAt: Date?
    /// When the sweeper should read it next (nil: never again).
    public var nextCheckAt: Date?

    /// An attempt; see the properties.
    public init(id: UUID = UUID(), orderID: UUID, state: PaymentAttemptState = .creating, amount: Money, merchantCode: String,
                providerCheckoutID: String? = nil, hostedCheckoutURL: String? = nil, validUntil: Date,
                providerStatus: ProviderCheckoutStatus? = nil, transactionCode: String? = nil, transactionID: String? = nil,
                mismatch: String? = nil, createdAt: Date, lastReadAt: Date? = nil, nextCheckAt: Date? = nil) {
        self.id = id
        self.orderID = orderID
        self.state = state
        self.amount = amount
        self.merchantCode = merchantCode
        self.providerCheckoutID = providerCheckoutID
        self.hostedCheckoutURL = hostedCheckoutURL
        self.validUntil = validUntil
        self.providerStatus = providerStatus
        self.transactionCode = transactionCode
        self.transactionID = transactionID
        self.mismatch = mismatch
        self.createdAt = createdAt
        self.lastReadAt = lastReadAt
        self.nextCheckAt = nextCheckAt
    }

    /// `checkout_reference`: the id, lower-case (≤ 64 characters).
    public var reference: String { id.uuidString.lowercased() }
}
