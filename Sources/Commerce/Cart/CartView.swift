/// A cart as a buyer sees it: lines grouped by page, a total per page, a total per currency.
public struct CartView: Sendable, Equatable {
    /// One page's part of the cart.
    public struct PageGroup: Sendable, Equatable {
        /// The page, when configured (lines of unconfigured pages cannot exist; see `CartError`).
        public var page: Page
        /// Lines in the order they were added.
        public var lines: [CartLine]
        /// Products of these lines that the market withdrew (checkout refuses them).
        public var withdrawn: Set<IRI>
        /// Sum of `lines`, in the page's currency.
        public var total: Money
    }

    /// Groups ordered by page title.
    public var groups: [PageGroup]
    /// One total per currency, ordered by currency code.
    public var totalsByCurrency: [Money]

    /// Number of items (quantities summed), for the cart-mini fragment.
    public var itemCount: Int { groups.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.quantity } } }
    /// Whether there is nothing in the cart.
    public var isEmpty: Bool { groups.isEmpty }

    /// A view; see the properties.
    public init(groups: [PageGroup], totalsByCurrency: [Money]) {
        self.groups = groups
        self.totalsByCurrency = totalsByCurrency
    }
}
