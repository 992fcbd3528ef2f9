import Commerce
import Foundation
import SQLKit

/// The shop's queries inside one transaction. Reads of a cart in a write transaction lock its
/// row on PostgreSQL, so two commands on one cart run one after the other.
struct SQLCommerceTransaction: CommerceWriter {
    let sql: any SQLDatabase
    let dialect: Dialect
    /// Whether this is a write transaction (row locks are taken only then).
    let writing: Bool

    private var lock: String { writing ? dialect.forUpdate : "" }

    // MARK: Pages and products

    func page(slug: String) async throws -> Page? {
        try await sql.raw("SELECT \(unsafeRaw: Self.pageColumns) FROM pages WHERE slug = \(bind: slug)")
            .first().map(Self.page(from:))
    }

    func page(iri: IRI) async throws -> Page? {
        try await sql.raw("SELECT \(unsafeRaw: Self.pageColumns) FROM pages WHERE iri = \(bind: iri.value)")
            .first().map(Self.page(from:))
    }

    func pages() async throws -> [Page] {
        try await sql.raw("SELECT \(unsafeRaw: Self.pageColumns) FROM pages ORDER BY slug").all().map(Self.page(from:))
    }

    func product(iri: IRI) async throws -> Product? {
        try await sql.raw("SELECT \(unsafeRaw: Self.productColumns) FROM products WHERE iri = \(bind: iri.value)")
            .first().map(Self.product(from:))
    }

    func products(pageIRI: IRI, includeWithdrawn: Bool) async throws -> [Product] {
        let filter = includeWithdrawn ? "" : " AND withdrawn = FALSE"
        return try await sql.raw("""
            SELECT \(unsafeRaw: Self.productColumns) FROM products
            WHERE page_iri = \(bind: pageIRI.value)\(unsafeRaw: filter) ORDER BY name, iri
            """).all().map(Self.product(from:))
    }

    // MARK: Carts

    func cart(owner: CartOwner) async throws -> CartRecord? {
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.cartColumns) FROM carts WHERE owner_key = \(bind: owner.storageKey)\(unsafeRaw: lock)
            """).first().map(Self.cart(from:))
    }

    func cart(handle: String, now: Date) async throws -> CartRecord? {
        // The cart's own handle wins over an alias left by adoption.
        if let own = try await sql.raw("""
            SELECT \(unsafeRaw: Self.cartColumns) FROM carts WHERE handle = \(bind: handle) ORDER BY id LIMIT 1\(unsafeRaw: lock)
            """).first() {
            return try Self.cart(from: own)
        }
        return try await sql.raw("""
            SELECT \(unsafeRaw: Self.cartColumns) FROM carts
            WHERE id = (SELECT cart_id FROM cart_handle_aliases WHERE handle = \(bind: handle) AND expires_ms > \(bind: now.millis))\(unsafeRaw: lock)
            """).first().map(Self.cart(from:))
    }

    func lines(cartID: UUID) async throws -> [CartLine] {
        try await sql.raw("""
            SELECT \(unsafeRaw: Self.lineColumns) FROM cart_lines WHERE cart_id = \(bind: cartID.uuidString) ORDER BY seq
            """).all().map(Self.line(from:))
    }
}
