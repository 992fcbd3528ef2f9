/// The actors trusted by configuration (`CART_CALENDAR_PEERS`, `CART_MARKET_PEERS`); each role may
/// send only its own activities.
public struct InboxPeers: Sendable, Equatable {
    /// Calendar actor IRIs.
    public var calendars: Set<String>
    /// Market actor IRIs.
    public var markets: Set<String>

    /// Peers from the configured lists.
    public init(calendars: [String] = [], markets: [String] = []) {
        self.calendars = Set(calendars)
        self.markets = Set(markets)
    }

    /// Whether `actor` is any configured peer (its Follow is accepted at once).
    public func isPeer(_ actor: String) -> Bool { calendars.contains(actor) || markets.contains(actor) }
}
