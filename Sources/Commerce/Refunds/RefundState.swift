/// Where one refund stands (contract §6, refunds).
public enum RefundState: String, Sendable, Codable, CaseIterable {
    /// The row is written and the provider is being (or was about to be) asked; no answer recorded yet.
    case requested
    /// The provider accepted it: the money is on its way back.
    case succeeded
    /// The provider refused it: no money moved.
    case failed
    /// The answer was lost (timeout, network, 5xx): the sweeper reads the transaction and settles it;
    /// it is never re-sent blindly.
    case unknown

    /// Whether the refund may still take money back (it counts against what is refundable, and
    /// no second refund of the order may start while it is open).
    public var isOpen: Bool { self == .requested || self == .unknown }

    /// Whether its amount counts against what is left to refund.
    public var countsAgainstPaid: Bool { self != .failed }
}
