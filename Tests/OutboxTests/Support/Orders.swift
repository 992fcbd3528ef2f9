import Commerce
import Foundation
import Testing

/// Order snapshots for outbox tests.
enum Orders {
    static let page = IRI("https://blog.test/pages/market-day")
    static let gbp = Currency(code: "GBP")

    /// An order of one product (and an entry of `calendar` when given), in `status`.
    static func snapshot(id: UUID = UUID(), status: OrderStatus = .awaitingPayment, calendar: IRI? = nil,
                         reference: String? = nil) throws -> OrderSnapshot {
        let currency = try #require(gbp)
        var items = [OrderItem(item: .product(try #require(IRI("https://market.test/products/7"))), name: "Oat milk",
                               unitPrice: Money(350, currency), quantity: 1)]
        if let calendar {
            items.append(OrderItem(item: .entry(try #require(IRI(calendar.origin + "/entries/31"))), name: "Pottery class",
                                   unitPrice: Money(1200, currency), quantity: 1, calendarActor: calendar))
        }
        let total = Money(items.reduce(0) { $0 + $1.unitPrice.minorUnits * Int64($1.quantity) }, currency)
        return OrderSnapshot(id: id, number: 1042, pageIRI: try #require(page), status: status,
                             customer: IRI("https://account.test/users/alice"), holdUntil: Date(timeIntervalSince1970: 1_800_000_900),
                             total: total, items: items, paymentReference: reference, createdAt: Date(timeIntervalSince1970: 1_800_000_000))
    }

    /// The same order, paid.
    static func paid(_ order: OrderSnapshot) -> OrderSnapshot {
        var paid = order
        paid.status = .paid
        paid.paymentReference = "TX-\(order.id.uuidString.prefix(8))"
        return paid
    }
}
