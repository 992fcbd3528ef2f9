import Foundation

/// The shop's storage. Every command runs in one `write` transaction (all or nothing);
/// implementations (Storage target) serialise writers as their database requires.
public protocol CommerceStore: Sendable {
    /// Runs `body` in one read-write transaction; commits when it returns, rolls back when it throws.
    func write<T: Sendable>(_ body: @Sendable (any CommerceWriter) async throws -> T) async throws -> T
    /// Runs `body` against a consistent read view.
    func read<T: Sendable>(_ body: @Sendable (any CommerceReader) async throws -> T) async throws -> T
    /// The quantity form's command on its own, committed before it returns (the cart's hot write
    /// path): a store may group concurrent ones into one transaction. Default: one `write`.
    func setLineQuantity(id: UUID, quantity: Int, owner: CartOwner, now: Date) async throws -> LineQuantityChange
}

extension CommerceStore {
    /// One transaction per quantity change.
    public func setLineQuantity(id: UUID, quantity: Int, owner: CartOwner, now: Date) async throws -> LineQuantityChange {
        try await write { try await $0.setLineQuantity(id: id, quantity: quantity, owner: owner, now: now) }
    }
}

/// Reads of the shop's records (orders too) inside a transaction.
public protocol CommerceReader: OrderReader, RefundReader {
    /// The page with this slug.
    func page(slug: String) async throws -> Page?
    /// The page with this IRI.
    func page(iri: IRI) async throws -> Page?
    /// All pages, by slug.
    func pages() async throws -> [Page]
    /// The product with this IRI (withdrawn ones too).
    func product(iri: IRI) async throws -> Product?
    /// Products of a page, by name; withdrawn ones only when asked.
    func products(pageIRI: IRI, includeWithdrawn: Bool) async throws -> [Product]
    /// The cart of this owner.
    func cart(owner: CartOwner) async throws -> CartRecord?
    /// The cart a handle names: an anonymous cart's own handle, or an unexpired alias left by adoption.
    func cart(handle: String, now: Date) async throws -> CartRecord?
    /// The lines of a cart, in the order they were added.
    func lines(cartID: UUID) async throws -> [CartLine]
}

/// Writes of the shop's records (orders too) inside a transaction.
public protocol CommerceWriter: CommerceReader, OrderWriter, RefundWriter {
    /// Stores a new page; `CommerceStoreError.duplicate` if the slug or IRI is taken.
    func insertPage(_ page: Page) async throws
    /// Replaces the page with `page.slug`.
    func updatePage(_ page: Page) async throws
    /// Inserts or replaces a product. Returns false (and changes nothing) when the stored
    /// product has a newer `updated` than this one.
    @discardableResult
    func upsertProduct(_ product: Product) async throws -> Bool
    /// Creates the cart of `owner` (with `handle` for anonymous carts), or, when it exists,
    /// marks it active and returns it (one statement: the hot path of every cart command).
    func createCart(owner: CartOwner, handle: String?, now: Date) async throws -> CartRecord
    /// Records activity on a cart (resets the idle clock).
    func touchCart(id: UUID, now: Date) async throws
    /// Deletes a cart and its lines.
    func deleteCart(id: UUID) async throws
    /// Keeps `handle` pointing at cart `cartID` until `expires`.
    func addHandleAlias(handle: String, cartID: UUID, expires: Date) async throws
    /// Adds a line to a cart.
    func insertLine(_ line: CartLine, cartID: UUID) async throws
    /// Replaces a line's quantity, name and price (same id).
    func updateLine(_ line: CartLine, cartID: UUID) async throws
    /// Removes a line.
    func deleteLine(id: UUID, cartID: UUID) async throws
    /// Sets line `id`'s quantity in `owner`'s cart (0 deletes the line) and marks the cart active,
    /// without reading the cart first (the quantity form's hot path). Entry lines are never changed
    /// (`.notSettable`); a line of another owner's cart is `.notFound`. Nothing is written unless
    /// the answer is `.updated` or `.removed`.
    func setLineQuantity(id: UUID, quantity: Int, owner: CartOwner, now: Date) async throws -> LineQuantityChange
    /// Deletes anonymous carts idle since before `cutoff`; returns how many.
    func deleteIdleAnonymousCarts(before cutoff: Date) async throws -> Int
    /// Deletes handle aliases that expired at or before `now` (they name nothing any more).
    func deleteExpiredHandleAliases(now: Date) async throws
    /// Records a domain event in this transaction (published later by the outbox).
    func recordEvent(_ event: DomainEvent) async throws
}

/// Storage-level failures the shop understands.
public enum CommerceStoreError: Error, Equatable, Sendable {
    /// A unique key already exists (page slug or IRI, cart owner).
    case duplicate(String)
    /// The record to update does not exist.
    case notFound(String)
}
