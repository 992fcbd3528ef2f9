import Commerce
import Foundation
import Storage
import Testing
import TestSupport

/// `CommerceWriter.setLineQuantity` (the quantity form's one-pass command), on every backend.
@Suite("Line quantity store command")
struct LineQuantityStoreTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let later = now + 600

    /// A cart of alice with a product, an entry and a ticket line, and bob's empty cart.
    static func withLines(_ backend: Backend,
                          _ body: @Sendable (SQLCommerceStore, [CartLine]) async throws -> Void) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let entry = Shop.entry(31)
            let ticket = Shop.ticket(4)
            let lines = [
                CartLine(item: .product(Shop.product(1).iri), pageIRI: Shop.marketDay.iri, name: "Oat milk",
                         unitPrice: Money(350, Shop.gbp), quantity: 2, addedAt: now),
                CartLine(item: .entry(entry.iri), pageIRI: Shop.marketDay.iri, name: entry.name, unitPrice: entry.price,
                         quantity: 1, startTime: entry.startTime, endTime: entry.endTime, calendarActor: entry.calendarActor,
                         addedAt: now),
                CartLine(item: .ticket(ticket.iri, entry: try #require(ticket.entryIRI)), pageIRI: Shop.marketDay.iri,
                         name: ticket.name, unitPrice: ticket.price, quantity: 3, calendarActor: ticket.calendarActor, addedAt: now),
            ]
            try await store.write { writer in
                let cart = try await writer.createCart(owner: .user(Shop.alice), handle: nil, now: now)
                for line in lines { try await writer.insertLine(line, cartID: cart.id) }
                _ = try await writer.createCart(owner: .user(Shop.bob), handle: nil, now: now)
            }
            try await body(store, lines)
        }
    }

    static func cart(_ store: SQLCommerceStore, _ user: IRI) async throws -> (CartRecord?, [CartLine]) {
        try await store.read { reader in
            guard let cart = try await reader.cart(owner: .user(user)) else { return (nil, []) }
            return (cart, try await reader.lines(cartID: cart.id))
        }
    }

    @Test(arguments: Backend.available)
    func productAndTicketQuantitiesAreSetAndTheCartTouched(backend: Backend) async throws {
        try await Self.withLines(backend) { store, lines in
            let product = try await store.write { try await $0.setLineQuantity(id: lines[0].id, quantity: 7, owner: .user(Shop.alice), now: Self.later) }
            #expect(product == .updated(modified(lines[0]) { $0.quantity = 7 }))
            let ticket = try await store.write { try await $0.setLineQuantity(id: lines[2].id, quantity: 1, owner: .user(Shop.alice), now: Self.later + 1) }
            #expect(ticket == .updated(modified(lines[2]) { $0.quantity = 1 }))
            let (cart, stored) = try await Self.cart(store, Shop.alice)
            #expect(stored.map(\.quantity) == [7, 1, 1], "only the two lines changed, order kept")
            #expect(cart?.lastActive == Self.later + 1)
        }
    }

    @Test(arguments: Backend.available)
    func zeroRemovesOnlyThatLine(backend: Backend) async throws {
        try await Self.withLines(backend) { store, lines in
            let outcome = try await store.write { try await $0.setLineQuantity(id: lines[0].id, quantity: 0, owner: .user(Shop.alice), now: Self.later) }
            #expect(outcome == .removed)
            let (cart, stored) = try await Self.cart(store, Shop.alice)
            #expect(stored == [lines[1], lines[2]])
            #expect(cart?.lastActive == Self.later)
        }
    }

    @Test(arguments: Backend.available)
    func entryLineIsNotSettableAndNothingIsWritten(backend: Backend) async throws {
        try await Self.withLines(backend) { store, lines in
            for quantity in [2, 0] {
                let outcome = try await store.write { try await $0.setLineQuantity(id: lines[1].id, quantity: quantity, owner: .user(Shop.alice), now: Self.later) }
                #expect(outcome == .notSettable, "quantity \(quantity)")
            }
            let (cart, stored) = try await Self.cart(store, Shop.alice)
            #expect(stored == lines)
            #expect(cart?.lastActive == Self.now, "a refused command does not touch the cart")
        }
    }

    @Test(arguments: Backend.available)
    func anotherOwnersOrAnUnknownLineIsNotFound(backend: Backend) async throws {
        try await Self.withLines(backend) { store, lines in
            let owners: [CartOwner] = [.user(Shop.bob), .anonymous(sessionKey: "no-cart")]
            for owner in owners {
                for quantity in [5, 0] {
                    let outcome = try await store.write { try await $0.setLineQuantity(id: lines[0].id, quantity: quantity, owner: owner, now: Self.later) }
                    #expect(outcome == .notFound, "\(owner) quantity \(quantity)")
                }
            }
            // Alice's own entry line, asked for by bob, is not found either (never reveal it exists).
            let entry = try await store.write { try await $0.setLineQuantity(id: lines[1].id, quantity: 2, owner: .user(Shop.bob), now: Self.later) }
            #expect(entry == .notFound)
            let unknown = try await store.write { try await $0.setLineQuantity(id: UUID(), quantity: 5, owner: .user(Shop.alice), now: Self.later) }
            #expect(unknown == .notFound)
            let (alice, stored) = try await Self.cart(store, Shop.alice)
            #expect(stored == lines)
            #expect(alice?.lastActive == Self.now)
            #expect(try await Self.cart(store, Shop.bob).0?.lastActive == Self.now)
        }
    }
}
