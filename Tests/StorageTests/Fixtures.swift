import Commerce
import Foundation
import Storage
import TestSupport

/// A clock tests move by hand; starts at a whole millisecond (storage keeps milliseconds).
final class ManualClock: WallClock, @unchecked Sendable {
    // @unchecked Sendable: `current` is only touched under `lock`.
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = start }

    func now() -> Date { lock.withLock { current } }

    func advance(days: Double = 0, hours: Double = 0, seconds: Double = 0) {
        lock.withLock { current = current.addingTimeInterval(days * 86_400 + hours * 3_600 + seconds) }
    }
}

/// Sample pages, products and calendar items named for what they stand for.
enum Shop {
    static let gbp = Currency(code: "GBP")!
    static let eur = Currency(code: "EUR")!
    static let clp = Currency(code: "CLP")!

    static let marketDay = Page(slug: "market-day", iri: IRI("https://blog.example/pages/market-day")!,
                                title: "Market day", currency: gbp)
    static let feria = Page(slug: "feria", iri: IRI("https://blog.example/pages/feria")!, title: "Feria", currency: clp)
    static let marche = Page(slug: "marche", iri: IRI("https://blog.example/pages/marche")!, title: "Marché", currency: eur)
    static let unconfiguredPage = IRI("https://blog.example/pages/not-yet")!

    static func product(_ n: Int, page: Page = marketDay, minor: Int64 = 350, updated: Date? = nil) -> Product {
        Product(iri: IRI("https://market.example/products/\(n)")!, pageIRI: page.iri, name: "Product \(n)",
                price: Money(minor, page.currency), updated: updated)
    }

    static let calendarActor = IRI("https://calendar.example/actor")!

    static func entry(_ n: Int, page: Page = marketDay) -> CalendarItem {
        CalendarItem(iri: IRI("https://calendar.example/entries/\(n)")!, pageIRI: page.iri, name: "Pottery class \(n)",
                     price: Money(1200, page.currency), startTime: Date(timeIntervalSince1970: 1_800_100_000),
                     endTime: Date(timeIntervalSince1970: 1_800_103_600), calendarActor: calendarActor)
    }

    static func ticket(_ n: Int, page: Page = marketDay) -> CalendarItem {
        CalendarItem(iri: IRI("https://calendar.example/tickets/\(n)")!, entryIRI: IRI("https://calendar.example/entries/\(n)")!,
                     pageIRI: page.iri, name: "Concert ticket \(n)", price: Money(500, page.currency),
                     calendarActor: calendarActor)
    }

    static let alice = IRI("https://account.example/users/alice")!
    static let bob = IRI("https://account.example/users/bob")!

    /// A page, its store and services over a fresh database.
    static func services(_ database: Database, clock: ManualClock = ManualClock())
        -> (store: SQLCommerceStore, catalog: CatalogService, carts: CartService) {
        let store = SQLCommerceStore(database: database)
        return (store, CatalogService(store: store), CartService(store: store, clock: clock))
    }
}

/// A copy of `value` with `change` applied (keeps test values `let`, as Sendable closures need).
func modified<T>(_ value: T, _ change: (inout T) -> Void) -> T {
    var copy = value
    change(&copy)
    return copy
}
