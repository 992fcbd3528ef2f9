import Commerce
import Foundation

/// The pages, products and calendar items the order scenarios buy.
enum OrderShop {
    static let gbp = Currency(code: "GBP")!
    static let marketDay = Page(slug: "market-day", iri: IRI("https://blog.example/pages/market-day")!,
                                title: "Market day", currency: gbp)
    static let calendar = IRI("https://calendar.example/actor")!
    static let otherCalendar = IRI("https://other-calendar.example/actor")!
    static let alice = IRI("https://account.example/users/alice")!

    static func product(_ n: Int, minor: Int64 = 350) -> Product {
        Product(iri: IRI("https://market.example/products/\(n)")!, pageIRI: marketDay.iri, name: "Product \(n)",
                price: Money(minor, gbp))
    }

    static func entry(_ n: Int) -> CalendarItem {
        CalendarItem(iri: IRI("https://calendar.example/entries/\(n)")!, pageIRI: marketDay.iri, name: "Pottery class \(n)",
                     price: Money(1200, gbp), calendarActor: calendar)
    }

    /// A fresh anonymous buyer.
    static func visitor() -> CartOwner { .anonymous(sessionKey: "s-" + UUID().uuidString.lowercased()) }
}
