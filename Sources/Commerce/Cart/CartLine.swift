import Foundation

/// What a cart line is for.
public enum LineItem: Hashable, Sendable {
    /// A product from the market, in a quantity.
    case product(IRI)
    /// A calendar entry: one booking, quantity always 1.
    case entry(IRI)
    /// A ticket type of an entry, in a quantity.
    case ticket(IRI, entry: IRI)

    /// The IRI of the product, entry or ticket type.
    public var iri: IRI {
        switch self {
        case let .product(iri), let .entry(iri), let .ticket(iri, _): iri
        }
    }

    /// True for entries and tickets, which the calendar owns.
    public var isCalendarItem: Bool {
        if case .product = self { return false }
        return true
    }

    /// `product`, `entry` or `ticket`, for storage and display.
    public var kind: String {
        switch self {
        case .product: "product"
        case .entry: "entry"
        case .ticket: "ticket"
        }
    }
}

/// One line of a cart.
public struct CartLine: Hashable, Sendable, Identifiable {
    /// Stable id, used in `/cart/items/{line}`.
    public var id: UUID
    /// What the line is for.
    public var item: LineItem
    /// The page selling it.
    public var pageIRI: IRI
    /// Name shown to buyers (copied when added; products are refreshed from the catalog).
    public var name: String
    /// Unit price when added.
    public var unitPrice: Money
    /// 1-99 (entries: always 1).
    public var quantity: Int
    /// For calendar lines: when the entry starts and ends.
    public var startTime: Date?
    /// See `startTime`.
    public var endTime: Date?
    /// For calendar lines: the calendar actor that owns the item.
    public var calendarActor: IRI?
    /// When the line was first added.
    public var addedAt: Date

    /// A line; see the properties.
    public init(id: UUID = UUID(), item: LineItem, pageIRI: IRI, name: String, unitPrice: Money,
                quantity: Int, startTime: Date? = nil, endTime: Date? = nil, calendarActor: IRI? = nil,
                addedAt: Date) {
        self.id = id
        self.item = item
        self.pageIRI = pageIRI
        self.name = name
        self.unitPrice = unitPrice
        self.quantity = quantity
        self.startTime = startTime
        self.endTime = endTime
        self.calendarActor = calendarActor
        self.addedAt = addedAt
    }

    /// `unitPrice × quantity`.
    public func lineTotal() throws(MoneyError) -> Money { try unitPrice.times(quantity) }
}
