import Foundation

/// A product published by the market service for one page.
public struct Product: Hashable, Sendable, Codable {
    /// The product's IRI on the market's origin.
    public var iri: IRI
    /// The page selling it.
    public var pageIRI: IRI
    /// Name shown to buyers.
    public var name: String
    /// Unit price, in the page's currency.
    public var price: Money
    /// How many the market says are left; nil when it does not say.
    public var available: Int?
    /// Withdrawn by the market (`Delete`): stays in carts, flagged, and cannot be checked out.
    public var withdrawn: Bool
    /// The market's `updated` time; an older update never overwrites a newer one.
    public var updated: Date?

    /// A product; see the properties.
    public init(iri: IRI, pageIRI: IRI, name: String, price: Money, available: Int? = nil,
                withdrawn: Bool = false, updated: Date? = nil) {
        self.iri = iri
        self.pageIRI = pageIRI
        self.name = name
        self.price = price
        self.available = available
        self.withdrawn = withdrawn
        self.updated = updated
    }
}

/// A calendar entry or ticket type offered by the calendar service, as it arrives in a cart.
public struct CalendarItem: Hashable, Sendable, Codable {
    /// The entry's or ticket type's IRI on the calendar's origin.
    public var iri: IRI
    /// For a ticket: the entry it admits to. Nil for an entry.
    public var entryIRI: IRI?
    /// The page selling it.
    public var pageIRI: IRI
    /// Name shown to buyers.
    public var name: String
    /// Unit price.
    public var price: Money
    /// When the entry starts and ends.
    public var startTime: Date?
    /// See `startTime`.
    public var endTime: Date?
    /// The calendar actor that owns it (answers holds for it).
    public var calendarActor: IRI

    /// A calendar item; see the properties.
    public init(iri: IRI, entryIRI: IRI? = nil, pageIRI: IRI, name: String, price: Money,
                startTime: Date? = nil, endTime: Date? = nil, calendarActor: IRI) {
        self.iri = iri
        self.entryIRI = entryIRI
        self.pageIRI = pageIRI
        self.name = name
        self.price = price
        self.startTime = startTime
        self.endTime = endTime
        self.calendarActor = calendarActor
    }

    /// True for a ticket type (bought in a quantity), false for an entry (booked once).
    public var isTicket: Bool { entryIRI != nil }
}
