import Foundation

/// Pages and the product catalog: what operators (`pages add`) and the market service change.
public struct CatalogService: Sendable {
    let store: any CommerceStore

    /// A service over `store`.
    public init(store: any CommerceStore) { self.store = store }

    /// Adds a page; refuses a bad slug or a taken slug/IRI. Dormant products of the page wake up
    /// (they were stored already; lines can now be added).
    public func addPage(_ page: Page) async throws {
        guard Page.isValidSlug(page.slug) else { throw CatalogError.invalidSlug(page.slug) }
        try await store.write { writer in
            if try await writer.page(slug: page.slug) != nil { throw CatalogError.pageExists(page.slug) }
            if try await writer.page(iri: page.iri) != nil { throw CatalogError.pageExists(page.iri.value) }
            try await writer.insertPage(page)
        }
    }

    /// Changes a page's title, currency or merchant (its slug and IRI stay).
    public func updatePage(slug: String, _ change: @Sendable (inout Page) -> Void) async throws -> Page {
        try await store.write { writer in
            guard var page = try await writer.page(slug: slug) else { throw CatalogError.unknownPage(slug) }
            let (iri, slugBefore) = (page.iri, page.slug)
            change(&page)
            page.iri = iri
            page.slug = slugBefore
            try await writer.updatePage(page)
            return page
        }
    }

    /// All pages, by slug.
    public func pages() async throws -> [Page] { try await store.read { try await $0.pages() } }

    /// The page with this slug.
    public func page(slug: String) async throws -> Page? { try await store.read { try await $0.page(slug: slug) } }

    /// A page's products on sale, by name.
    public func products(pageIRI: IRI) async throws -> [Product] {
        try await store.read { try await $0.products(pageIRI: pageIRI, includeWithdrawn: false) }
    }

    /// Creates or updates a product. A product of an unconfigured page is kept dormant; a price
    /// in another currency than its page's is refused; an older `updated` never overwrites a newer
    /// one (returns false then).
    @discardableResult
    public func upsertProduct(_ product: Product) async throws -> Bool {
        try await store.write { writer in
            if let page = try await writer.page(iri: product.pageIRI), page.currency != product.price.currency {
                throw CatalogError.currencyMismatch(expected: page.currency, got: product.price.currency)
            }
            return try await writer.upsertProduct(product)
        }
    }

    /// Withdraws a product: lines holding it stay, flagged, and checkout refuses them.
    public func withdrawProduct(_ iri: IRI) async throws {
        try await store.write { writer in
            guard var product = try await writer.product(iri: iri), !product.withdrawn else { return }
            product.withdrawn = true
            try await writer.upsertProduct(product)
        }
    }
}

/// Why a catalog command was refused.
public enum CatalogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Slug not of `a-z0-9-`, 1-64 characters.
    case invalidSlug(String)
    /// A page with this slug or IRI exists.
    case pageExists(String)
    /// No page with this slug.
    case unknownPage(String)
    /// A currency SumUp does not accept.
    case unsupportedCurrency(String)
    /// A price in another currency than its page's.
    case currencyMismatch(expected: Currency, got: Currency)

    public var description: String {
        switch self {
        case let .invalidSlug(slug): "slug '\(slug)' must be 1-64 lower-case letters, digits or dashes"
        case let .pageExists(key): "a page '\(key)' exists already; use `pages update`"
        case let .unknownPage(slug): "no page '\(slug)'; see `pages list`"
        case let .unsupportedCurrency(code):
            "SumUp does not accept \(code); use one of \(Currency.supported.keys.sorted().joined(separator: ", "))"
        case let .currencyMismatch(expected, got): "price in \(got.code) for a page selling in \(expected.code)"
        }
    }
}
