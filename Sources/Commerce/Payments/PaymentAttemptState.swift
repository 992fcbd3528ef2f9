/// Where one payment attempt stands on our side.
public enum PaymentAttemptState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Written before the provider call; the provider may or may not have it (look up by reference).
    case creating
    /// The create call ended without an answer (timeout, 5xx): the provider may hold it; look it up.
    case unconfirmed
    /// The provider has it and its hosted page may take money (PENDING or FAILED before valid_until).
    case open
    /// The provider reported it PAID.
    case paid
    /// We deactivated it: it can take no more money.
    case deactivated
    /// The provider ended it (EXPIRED), or its valid_until passed.
    case expired
    /// The provider never created it (refused, or not found by reference long after).
    case abandoned

    /// Whether the provider might still take (or have taken unseen) money through it.
    public var mayTakeMoney: Bool { self == .creating || self == .unconfirmed || self == .open }
}
