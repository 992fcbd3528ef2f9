import Commerce
import Foundation

/// The demo's sample page: products (stored in the catalog at start) and calendar entries and a
/// ticket type (offered by `POST /demo/calendar/book`, acting as the calendar would).
struct DemoCatalog: Sendable {
    let page: Page
    let products: [Product]
    /// Bookable items by form key.
    let calendarItems: [(key: String, item: CalendarItem)]

    /// The sample catalog under `base` (IRIs on the demo's own origin, under `/demo/`).
    init(base: BaseOrigin) throws {
        guard let gbp = Currency(code: "GBP"),
              let pageIRI = IRI(base.url("/demo/pages/market-day")),
              let calendar = IRI(base.url("/demo/calendar")),
              let milk = IRI(base.url("/demo/products/oat-milk")),
              let bread = IRI(base.url("/demo/products/sourdough")),
              let honey = IRI(base.url("/demo/products/honey")),
              let pottery = IRI(base.url("/demo/entries/pottery-class")),
              let breadClass = IRI(base.url("/demo/entries/bread-workshop")),
              let concert = IRI(base.url("/demo/entries/evening-concert")),
              let concertTicket = IRI(base.url("/demo/tickets/evening-concert-standard"))
        else { throw ConfigurationError(problems: ["the demo catalog cannot be built on \(base.origin)"]) }
        page = Page(slug: "market-day", iri: pageIRI, title: "Market day", currency: gbp)
        products = [
            Product(iri: milk, pageIRI: pageIRI, name: "Oat milk", price: Money(350, gbp), available: 40),
            Product(iri: bread, pageIRI: pageIRI, name: "Sourdough loaf", price: Money(420, gbp), available: 12),
            Product(iri: honey, pageIRI: pageIRI, name: "Wildflower honey", price: Money(675, gbp)),
        ]
        let start = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 86_400).rounded(.down) * 86_400 + 7 * 86_400 + 10 * 3_600)
        calendarItems = [
            ("pottery", CalendarItem(iri: pottery, pageIRI: pageIRI, name: "Pottery class", price: Money(1200, gbp),
                                     startTime: start, endTime: start.addingTimeInterval(7_200), calendarActor: calendar)),
            ("bread-workshop", CalendarItem(iri: breadClass, pageIRI: pageIRI, name: "Bread-making workshop",
                                            price: Money(1500, gbp), startTime: start.addingTimeInterval(86_400),
                                            endTime: start.addingTimeInterval(86_400 + 10_800), calendarActor: calendar)),
            ("concert", CalendarItem(iri: concertTicket, entryIRI: concert, pageIRI: pageIRI, name: "Evening concert, standard ticket",
                                     price: Money(800, gbp), startTime: start.addingTimeInterval(9 * 3_600),
                                     endTime: start.addingTimeInterval(11 * 3_600), calendarActor: calendar)),
        ]
    }

    /// Stores the page and products if missing (idempotent: a restart changes nothing).
    func seed(catalog: CatalogService) async throws {
        if try await catalog.page(slug: page.slug) == nil { try await catalog.addPage(page) }
        for product in products { try await catalog.upsertProduct(product) }
    }
}
