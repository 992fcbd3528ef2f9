/// One frozen line of an order: what, how many, at what unit price.
public struct OrderItem: Hashable, Sendable, Codable {
    /// What was bought (product, entry or ticket type, with the ticket's entry).
    public var item: LineItem
    /// Name shown to buyers when the order was made.
    public var name: String
    /// Unit price frozen at checkout.
    public var unitPrice: Money
    /// How many (entries: 1).
    public var quantity: Int
    /// For entries and tickets: the calendar actor that owns them (`cc` of order activities).
    public var calendarActor: IRI?

    /// An item; see the properties.
    public init(item: LineItem, name: String, unitPrice: Money, quantity: Int, calendarActor: IRI? = nil) {
        self.item = item
        self.name = name
        self.unitPrice = unitPrice
        self.quantity = quantity
        self.calendarActor = calendarActor
    }
}
