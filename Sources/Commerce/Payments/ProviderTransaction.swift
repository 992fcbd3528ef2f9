/// A payment transaction as the provider reports it: what was paid and what went back.
public struct ProviderTransaction: Hashable, Sendable {
    /// The provider's transaction id (refunds name it).
    public var id: String
    /// The amount paid.
    public var amount: Money
    /// The provider's status text (`SUCCESSFUL`, `REFUNDED`, …), for operators.
    public var status: String
    /// Refunded so far: the sum of the transaction's refund events that did not fail.
    public var refunded: Money

    /// A transaction; see the properties.
    public init(id: String, amount: Money, status: String, refunded: Money) {
        self.id = id
        self.amount = amount
        self.status = status
        self.refunded = refunded
    }
}
