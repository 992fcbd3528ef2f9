import Foundation

/// An order as the outside may see it: the payload of every `order.*` domain event and the
/// source of the `rose:Order` object. Holds no buyer data beyond the user IRI (never the
/// anonymous session key).
public struct OrderSnapshot: Hashable, Sendable, Codable {
    /// The order's id (`BASE/orders/{id}`).
    public var id: UUID
    /// Per-page order number, for people.
    public var number: Int
    /// The page that sells everything in the order.
    public var pageIRI: IRI
    /// State when the event happened.
    public var status: OrderStatus
    /// The signed-in buyer, nil for anonymous buyers.
    public var customer: IRI?
    /// Until when entries and tickets are held for payment.
    public var holdUntil: Date
    /// Sum of the items, in the page's currency.
    public var total: Money
    /// Frozen lines, in cart order.
    public var items: [OrderItem]
    /// SumUp's transaction code once paid (`rose:paymentReference`).
    public var paymentReference: String?
    /// For `order.refunded`: the amount this refund gave back.
    public var refunded: Money?
    /// When the order was made.
    public var createdAt: Date

    /// A snapshot; see the properties.
    public init(id: UUID, number: Int, pageIRI: IRI, status: OrderStatus, customer: IRI?, holdUntil: Date,
                total: Money, items: [OrderItem], paymentReference: String? = nil, refunded: Money? = nil,
                createdAt: Date) {
        self.id = id
        self.number = number
        self.pageIRI = pageIRI
        self.status = status
        self.customer = customer
        self.holdUntil = holdUntil
        self.total = total
        self.items = items
        self.paymentReference = paymentReference
        self.refunded = refunded
        self.createdAt = createdAt
    }

    /// The calendar actors whose entries or tickets the order holds (`cc` of its activities), sorted.
    public var calendarActors: [IRI] {
        Array(Set(items.compactMap(\.calendarActor))).sorted()
    }

    /// JSON bytes for a domain event's payload (dates ISO 8601, keys sorted).
    public func payload() throws -> [UInt8] { try EventPayload.encode(self) }

    /// Decodes a payload written by `payload()`.
    public init(payload: [UInt8]) throws { self = try EventPayload.decode(OrderSnapshot.self, from: payload) }
}
