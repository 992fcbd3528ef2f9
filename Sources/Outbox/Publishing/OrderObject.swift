import ActorIdentity
import Commerce
import Foundation

/// The `rose:Order` object and money values of contract §4.
public enum OrderObject {
    /// The full `rose:Order` of `order`.
    public static func json(_ order: OrderSnapshot, urls: ActorURLs) -> JSONValue {
        .object(omittingNil: [
            ("id", .string(urls.orderIRI(order.id))),
            ("type", "rose:Order"),
            ("attributedTo", .string(urls.actor)),
            ("rose:orderNumber", .integer(Int64(order.number))),
            ("rose:page", .string(order.pageIRI.value)),
            ("rose:status", .string(order.status.rawValue)),
            ("rose:customer", order.customer.map { .string($0.value) }),
            ("rose:holdUntil", .string(timestamp(order.holdUntil))),
            ("rose:total", money(order.total)),
            ("rose:items", .array(order.items.map(item))),
        ])
    }

    /// `{"type": "rose:Money", "rose:currency": …, "rose:minorUnits": …}`.
    public static func money(_ money: Money) -> JSONValue {
        ["type": "rose:Money", "rose:currency": .string(money.currency.code), "rose:minorUnits": .integer(money.minorUnits)]
    }

    /// One `rose:OrderItem`: the product, entry or ticket (with its entry) IRI.
    static func item(_ item: OrderItem) -> JSONValue {
        var what: [(String, JSONValue?)]
        switch item.item {
        case .product(let iri): what = [("rose:product", .string(iri.value))]
        case .entry(let iri): what = [("rose:entry", .string(iri.value))]
        case .ticket(let iri, let entry): what = [("rose:ticket", .string(iri.value)), ("rose:entry", .string(entry.value))]
        }
        return .object(omittingNil: [("type", "rose:OrderItem")] + what + [
            ("name", .string(item.name)),
            ("rose:quantity", .integer(Int64(item.quantity))),
            ("rose:unitPrice", money(item.unitPrice)),
        ])
    }

    /// ISO 8601 UTC with seconds (`2026-12-01T10:15:00Z`).
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 0) ?? .current))
    }
}
