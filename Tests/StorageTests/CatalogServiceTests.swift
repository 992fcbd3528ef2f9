import Commerce
import Foundation
import Storage
import Testing
import TestSupport

@Suite("Catalog service")
struct CatalogServiceTests {
    @Test(arguments: Backend.available)
    func pagesAreAddedOnceWithValidSlug(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let (_, catalog, _) = Shop.services(database)
            try await catalog.addPage(Shop.marketDay)
            await #expect(throws: CatalogError.pageExists("market-day")) { try await catalog.addPage(Shop.marketDay) }
            let sameIRI = modified(Shop.feria) { $0.iri = Shop.marketDay.iri }
            await #expect(throws: CatalogError.pageExists(Shop.marketDay.iri.value)) { try await catalog.addPage(sameIRI) }
            let badSlug = modified(Shop.feria) { $0.slug = "Feria!" }
            await #expect(throws: CatalogError.invalidSlug("Feria!")) { try await catalog.addPage(badSlug) }
            #expect(try await catalog.pages().map(\.slug) == ["market-day"])
        }
    }

    @Test(arguments: Backend.available)
    func updatePageKeepsSlugAndIRI(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let (_, catalog, _) = Shop.services(database)
            try await catalog.addPage(Shop.marketDay)
            let updated = try await catalog.updatePage(slug: "market-day") { page in
                page.title = "Summer market"
                page.slug = "hijacked"
                page.iri = IRI("https://evil.example/")!
            }
            #expect(updated.slug == "market-day" && updated.iri == Shop.marketDay.iri && updated.title == "Summer market")
            #expect(try await catalog.page(slug: "market-day") == updated)
            await #expect(throws: CatalogError.unknownPage("nope")) { try await catalog.updatePage(slug: "nope") { _ in } }
        }
    }

    @Test(arguments: Backend.available)
    func olderMarketUpdateNeverOverwritesNewer(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let (_, catalog, _) = Shop.services(database)
            try await catalog.addPage(Shop.marketDay)
            let t = Date(timeIntervalSince1970: 1_800_000_000)
            #expect(try await catalog.upsertProduct(Shop.product(1, minor: 400, updated: t)))
            #expect(try await catalog.upsertProduct(Shop.product(1, minor: 300, updated: t - 1)) == false)
            #expect(try await catalog.products(pageIRI: Shop.marketDay.iri).first?.price == Money(400, Shop.gbp))
        }
    }
}
