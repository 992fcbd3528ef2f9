import Commerce
import Foundation
import Storage
import Testing
import TestSupport

/// The cart issue's scenarios through `CartService` and `CatalogService`, on every backend.
@Suite("Cart service")
struct CartServiceTests {
    static let visitor = CartOwner.anonymous(sessionKey: "session-hash-1")
    static let handle = "handle-1"

    /// A database with the market-day page and products 1-3 on sale.
    static func withShop(_ backend: Backend, clock: ManualClock = ManualClock(),
                         _ body: (SQLCommerceStore, CatalogService, CartService) async throws -> Void) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let (store, catalog, carts) = Shop.services(database, clock: clock)
            try await catalog.addPage(Shop.marketDay)
            for n in 1...3 { try await catalog.upsertProduct(Shop.product(n)) }
            try await body(store, catalog, carts)
        }
    }

    static func lineCount(_ store: SQLCommerceStore, _ owner: CartOwner) async throws -> Int {
        try await store.read { reader in
            guard let cart = try await reader.cart(owner: owner) else { return 0 }
            return try await reader.lines(cartID: cart.id).count
        }
    }

    // MARK: Adding products

    @Test(arguments: Backend.available, [0, -1, 100])
    func addWithQuantityOutsideOneTo99IsRefused(backend: Backend, quantity: Int) async throws {
        try await Self.withShop(backend) { store, _, carts in
            await #expect(throws: CartError.quantityOutOfRange(quantity)) {
                try await carts.addProduct(Shop.product(1).iri, quantity: quantity, owner: Self.visitor, handle: Self.handle)
            }
            let cart = try await store.read { try await $0.cart(owner: Self.visitor) }
            #expect(cart == nil, "nothing stored")
        }
    }

    @Test(arguments: Backend.available)
    func addingTwiceRaisesQuantityCappedAt99(backend: Backend) async throws {
        try await Self.withShop(backend) { store, _, carts in
            let first = try await carts.addProduct(Shop.product(1).iri, quantity: 60, owner: Self.visitor, handle: Self.handle)
            let second = try await carts.addProduct(Shop.product(1).iri, quantity: 60, owner: Self.visitor, handle: Self.handle)
            #expect(second.id == first.id && second.quantity == 99)
            #expect(try await Self.lineCount(store, Self.visitor) == 1)
        }
    }

    @Test(arguments: Backend.available)
    func unknownProductIsRefused(backend: Backend) async throws {
        try await Self.withShop(backend) { store, _, carts in
            let iri = IRI("https://market.example/products/404")!
            await #expect(throws: CartError.unknownProduct(iri)) {
                try await carts.addProduct(iri, quantity: 1, owner: Self.visitor, handle: Self.handle)
            }
            let cart = try await store.read { try await $0.cart(owner: Self.visitor) }
            #expect(cart == nil)
        }
    }

    @Test(arguments: Backend.available)
    func withdrawnProductIsRefusedAndFlaggedInCarts(backend: Backend) async throws {
        try await Self.withShop(backend) { store, catalog, carts in
            try await carts.addProduct(Shop.product(2).iri, quantity: 1, owner: Self.visitor, handle: Self.handle)
            try await catalog.withdrawProduct(Shop.product(2).iri)
            await #expect(throws: CartError.productWithdrawn(Shop.product(2).iri)) {
                try await carts.addProduct(Shop.product(2).iri, quantity: 1, owner: Self.visitor, handle: Self.handle)
            }
            let view = try await carts.view(.owner(Self.visitor))
            #expect(view.groups.first?.withdrawn == [Shop.product(2).iri])
            #expect(try await catalog.products(pageIRI: Shop.marketDay.iri).map(\.iri) == [1, 3].map { Shop.product($0).iri })
            #expect(try await Self.lineCount(store, Self.visitor) == 1)
        }
    }

    @Test(arguments: Backend.available)
    func productOfUnconfiguredPageIsDormantUntilPageAdded(backend: Backend) async throws {
        try await Self.withShop(backend) { _, catalog, carts in
            let dormant = modified(Shop.product(9, page: Shop.marche, minor: 250)) { $0.name = "Baguette" }
            try await catalog.upsertProduct(dormant)
            await #expect(throws: CartError.pageNotConfigured(Shop.marche.iri)) {
                try await carts.addProduct(dormant.iri, quantity: 1, owner: Self.visitor, handle: Self.handle)
            }
            try await catalog.addPage(Shop.marche)
            let line = try await carts.addProduct(dormant.iri, quantity: 1, owner: Self.visitor, handle: Self.handle)
            #expect(line.name == "Baguette" && line.unitPrice == Money(250, Shop.eur))
        }
    }

    @Test(arguments: Backend.available)
    func productPricedInAnotherCurrencyThanItsPageIsRefused(backend: Backend) async throws {
        try await Self.withShop(backend) { _, catalog, _ in
            let wrong = Product(iri: IRI("https://market.example/products/77")!, pageIRI: Shop.marketDay.iri,
                                name: "Euro thing", price: Money(100, Shop.eur))
            await #expect(throws: CatalogError.currencyMismatch(expected: Shop.gbp, got: Shop.eur)) {
                try await catalog.upsertProduct(wrong)
            }
        }
    }

    @Test(arguments: Backend.available)
    func hundredFirstLineIsRefused(backend: Backend) async throws {
        try await Self.withShop(backend) { store, catalog, carts in
            try await store.write { writer in
                for n in 10..<111 { try await writer.upsertProduct(Shop.product(n)) }
            }
            for n in 10..<110 {
                try await carts.addProduct(Shop.product(n).iri, quantity: 1, owner: Self.visitor, handle: Self.handle)
            }
            await #expect(throws: CartError.tooManyLines) {
                try await carts.addProduct(Shop.product(110).iri, quantity: 1, owner: Self.visitor, handle: Self.handle)
            }
            await #expect(throws: CartError.tooManyLines) {
                try await carts.addCalendarItem(Shop.entry(1), to: .owner(Self.visitor))
            }
            // A product already in the full cart can still be raised.
            let raised = try await carts.addProduct(Shop.product(10).iri, quantity: 1, owner: Self.visitor)
            #expect(raised.quantity == 2)
            #expect(try await Self.lineCount(store, Self.visitor) == 100)
            _ = catalog
        }
    }

    // MARK: Changing lines

    @Test(arguments: Backend.available)
    func setQuantityZeroRemovesTheLine(backend: Backend) async throws {
        try await Self.withShop(backend) { store, _, carts in
            let line = try await carts.addProduct(Shop.product(1).iri, quantity: 2, owner: Self.visitor, handle: Self.handle)
            #expect(try await carts.setQuantity(line: line.id, to: 7, owner: Self.visitor)?.quantity == 7)
            await #expect(throws: CartError.quantityOutOfRange(100)) {
                try await carts.setQuantity(line: line.id, to: 100, owner: Self.visitor)
            }
            #expect(try await carts.setQuantity(line: line.id, to: 0, owner: Self.visitor) == nil)
            #expect(try await Self.lineCount(store, Self.visitor) == 0)
        }
    }

    @Test(arguments: Backend.available)
    func anotherOwnersLineIsUnknown(backend: Backend) async throws {
        try await Self.withShop(backend) { store, _, carts in
            let line = try await carts.addProduct(Shop.product(1).iri, quantity: 2, owner: .user(Shop.alice))
            try await carts.addProduct(Shop.product(2).iri, quantity: 1, owner: .user(Shop.bob))
            await #expect(throws: CartError.unknownLine) { try await carts.setQuantity(line: line.id, to: 5, owner: .user(Shop.bob)) }
            await #expect(throws: CartError.unknownLine) { try await carts.removeLine(line.id, owner: .user(Shop.bob)) }
            await #expect(throws: CartError.unknownLine) { try await carts.removeLine(line.id, owner: Self.visitor) }
            #expect(try await Self.lineCount(store, .user(Shop.alice)) == 1)
            let removed = try await carts.removeLine(line.id, owner: .user(Shop.alice))
            #expect(removed.id == line.id)
        }
    }

    @Test(arguments: Backend.available)
    func entryQuantityCannotBeSet(backend: Backend) async throws {
        try await Self.withShop(backend) { _, _, carts in
            try await carts.ensureCart(owner: Self.visitor, handle: Self.handle)
            let line = try await carts.addCalendarItem(Shop.entry(31), to: .handle(Self.handle))
            await #expect(throws: CartError.quantityNotSettable) { try await carts.setQuantity(line: line.id, to: 2, owner: Self.visitor) }
        }
    }

    // MARK: Calendar items

    @Test(arguments: Backend.available)
    func calendarEntryAddedTwiceIsOneLine(backend: Backend) async throws {
        try await Self.withShop(backend) { store, _, carts in
            try await carts.ensureCart(owner: Self.visitor, handle: Self.handle)
            let first = try await carts.addCalendarItem(Shop.entry(31), quantity: 3, to: .handle(Self.handle))
            let second = try await carts.addCalendarItem(Shop.entry(31), to: .handle(Self.handle))
            #expect(first.quantity == 1 && second.id == first.id)
            #expect(first.startTime == Shop.entry(31).startTime && first.calendarActor == Shop.calendarActor)
            #expect(try await Self.lineCount(store, Self.visitor) == 1)
        }
    }

    @Test(arguments: Backend.available)
    func ticketReAddSetsQuantity(backend: Backend) async throws {
        try await Self.withShop(backend) { store, _, carts in
            try await carts.ensureCart(owner: Self.visitor, handle: Self.handle)
            let first = try await carts.addCalendarItem(Shop.ticket(4), quantity: 2, to: .handle(Self.handle))
            let second = try await carts.addCalendarItem(Shop.ticket(4), quantity: 5, to: .handle(Self.handle))
            #expect(second.id == first.id && second.quantity == 5)
            await #expect(throws: CartError.quantityOutOfRange(0)) {
                try await carts.addCalendarItem(Shop.ticket(4), quantity: 0, to: .handle(Self.handle))
            }
            let lines = try await carts.view(.owner(Self.visitor)).groups.first?.lines
            #expect(lines?.map(\.quantity) == [5])
            #expect(try await Self.lineCount(store, Self.visitor) == 1)
        }
    }

    @Test(arguments: Backend.available)
    func calendarItemsNeedAKnownCartAndConfiguredPage(backend: Backend) async throws {
        try await Self.withShop(backend) { store, _, carts in
            await #expect(throws: CartError.unknownHandle) { try await carts.addCalendarItem(Shop.entry(1), to: .handle("nobody")) }
            await #expect(throws: CartError.pageNotConfigured(Shop.feria.iri)) {
                try await carts.addCalendarItem(Shop.entry(1, page: Shop.feria), to: .owner(.user(Shop.alice)))
            }
            // A signed-in user's cart is created on first booking.
            try await carts.addCalendarItem(Shop.entry(1), to: .owner(.user(Shop.alice)))
            #expect(try await Self.lineCount(store, .user(Shop.alice)) == 1)
            #expect(try await carts.removeCalendarItem(Shop.entry(1).iri, from: .owner(.user(Shop.alice))))
            #expect(try await carts.removeCalendarItem(Shop.entry(1).iri, from: .owner(.user(Shop.alice))) == false)
        }
    }

    // MARK: Adoption at login

    /// Visitor's anonymous cart with product 1 × `anonymousQuantity`, entry 31 and ticket 4 × 2;
    /// Alice's cart with product 1 × `userQuantity`, entry 31 and ticket 4 × 3.
    static func fillBothCarts(_ carts: CartService, anonymousQuantity: Int, userQuantity: Int) async throws {
        try await carts.addProduct(Shop.product(1).iri, quantity: anonymousQuantity, owner: Self.visitor, handle: Self.handle)
        try await carts.addProduct(Shop.product(2).iri, quantity: 1, owner: Self.visitor, handle: Self.handle)
        try await carts.addCalendarItem(Shop.entry(31), to: .handle(Self.handle))
        try await carts.addCalendarItem(Shop.ticket(4), quantity: 2, to: .handle(Self.handle))
        try await carts.addProduct(Shop.product(1).iri, quantity: userQuantity, owner: .user(Shop.alice))
        try await carts.addCalendarItem(Shop.entry(31), to: .owner(.user(Shop.alice)))
        try await carts.addCalendarItem(Shop.ticket(4), quantity: 3, to: .owner(.user(Shop.alice)))
    }

    static func quantities(_ carts: CartService, _ reference: CartReference) async throws -> [String: Int] {
        let lines = try await carts.view(reference).groups.flatMap(\.lines)
        return Dictionary(lines.map { ($0.item.iri.value, $0.quantity) }, uniquingKeysWith: +)
    }

    @Test(arguments: Backend.available)
    func adoptSumsProductsKeepsEntryOnceSumsTickets(backend: Backend) async throws {
        try await Self.withShop(backend) { store, _, carts in
            try await Self.fillBothCarts(carts, anonymousQuantity: 2, userQuantity: 3)
            try await carts.adopt(.handle(Self.handle), into: Shop.alice)
            let expected = [Shop.product(1).iri.value: 5, Shop.product(2).iri.value: 1,
                            Shop.entry(31).iri.value: 1, Shop.ticket(4).iri.value: 5]
            #expect(try await Self.quantities(carts, .owner(.user(Shop.alice))) == expected)
            #expect(try await store.read { try await $0.cart(owner: Self.visitor) } == nil, "the anonymous cart is gone")
            #expect(try await Self.lineCount(store, .user(Shop.alice)) == 4)

            try await carts.adopt(.handle(Self.handle), into: Shop.alice)
            try await carts.adopt(.owner(Self.visitor), into: Shop.alice)
            #expect(try await Self.quantities(carts, .owner(.user(Shop.alice))) == expected, "adopting twice changes nothing")
        }
    }

    @Test(arguments: Backend.available)
    func adoptCapsSummedQuantityAt99(backend: Backend) async throws {
        try await Self.withShop(backend) { _, _, carts in
            try await Self.fillBothCarts(carts, anonymousQuantity: 60, userQuantity: 50)
            try await carts.adopt(.owner(Self.visitor), into: Shop.alice)
            #expect(try await Self.quantities(carts, .owner(.user(Shop.alice)))[Shop.product(1).iri.value] == 99)
        }
    }

    @Test(arguments: Backend.available)
    func adoptIntoUserWithoutCartMovesEverything(backend: Backend) async throws {
        try await Self.withShop(backend) { _, _, carts in
            try await carts.addProduct(Shop.product(3).iri, quantity: 4, owner: Self.visitor, handle: Self.handle)
            try await carts.adopt(.handle(Self.handle), into: Shop.bob)
            #expect(try await Self.quantities(carts, .owner(.user(Shop.bob))) == [Shop.product(3).iri.value: 4])
        }
    }

    @Test(arguments: Backend.available)
    func handleAliasPointsAtUsersCartForADayThenNot(backend: Backend) async throws {
        let clock = ManualClock()
        try await Self.withShop(backend, clock: clock) { _, _, carts in
            try await carts.addProduct(Shop.product(1).iri, quantity: 1, owner: Self.visitor, handle: Self.handle)
            try await carts.adopt(.handle(Self.handle), into: Shop.alice)
            clock.advance(hours: 23)
            try await carts.addCalendarItem(Shop.entry(31), to: .handle(Self.handle))
            #expect(try await Self.quantities(carts, .handle(Self.handle)).count == 2, "the handle names Alice's cart")
            #expect(try await Self.quantities(carts, .owner(.user(Shop.alice))).count == 2)
            clock.advance(hours: 1)
            #expect(try await carts.view(.handle(Self.handle)).isEmpty, "after a day the handle names nothing")
            await #expect(throws: CartError.unknownHandle) { try await carts.addCalendarItem(Shop.entry(32), to: .handle(Self.handle)) }
        }
    }

    // MARK: Totals

    @Test(arguments: Backend.available)
    func totalsPerPageAndPerCurrency(backend: Backend) async throws {
        try await Self.withShop(backend) { _, catalog, carts in
            let winter = modified(Shop.marketDay) {
                $0.slug = "winter-market"
                $0.iri = IRI("https://blog.example/pages/winter-market")!
                $0.title = "Winter market"
            }
            for page in [Shop.feria, Shop.marche, winter] { try await catalog.addPage(page) }
            try await catalog.upsertProduct(Shop.product(20, page: Shop.feria, minor: 4990))
            try await catalog.upsertProduct(Shop.product(21, page: Shop.marche, minor: 275))
            try await catalog.upsertProduct(Shop.product(22, page: winter, minor: 1000))
            let owner = CartOwner.user(Shop.alice)
            try await carts.addProduct(Shop.product(1).iri, quantity: 2, owner: owner)       // 2 × 3.50 GBP
            try await carts.addCalendarItem(Shop.entry(31), to: .owner(owner))              // 12.00 GBP
            try await carts.addProduct(Shop.product(20).iri, quantity: 3, owner: owner)      // 3 × 4990 CLP
            try await carts.addProduct(Shop.product(21).iri, quantity: 4, owner: owner)      // 4 × 2.75 EUR
            try await carts.addProduct(Shop.product(22).iri, quantity: 1, owner: owner)      // 10.00 GBP

            let view = try await carts.view(.owner(owner))
            // Ordered by title: "Marché" sorts before "Market day".
            #expect(view.groups.map(\.page.slug) == ["feria", "marche", "market-day", "winter-market"])
            #expect(view.groups.map(\.total) == [Money(14_970, Shop.clp), Money(1_100, Shop.eur),
                                                 Money(1_900, Shop.gbp), Money(1_000, Shop.gbp)])
            #expect(view.totalsByCurrency == [Money(14_970, Shop.clp), Money(1_100, Shop.eur), Money(2_900, Shop.gbp)])
            #expect(view.itemCount == 11)
        }
    }

    // MARK: Housekeeping

    @Test(arguments: Backend.available)
    func idleAnonymousCartsExpireAfter30Days(backend: Backend) async throws {
        let clock = ManualClock()
        try await Self.withShop(backend, clock: clock) { store, _, carts in
            try await carts.addProduct(Shop.product(1).iri, quantity: 1, owner: Self.visitor, handle: Self.handle)
            try await carts.addProduct(Shop.product(1).iri, quantity: 1, owner: .user(Shop.alice))
            clock.advance(days: 29)
            try await carts.addProduct(Shop.product(2).iri, quantity: 1, owner: .anonymous(sessionKey: "active"), handle: "h-active")
            clock.advance(days: 1, seconds: -1)
            #expect(try await carts.expireIdleCarts() == 0, "not yet 30 days idle")
            clock.advance(seconds: 2)
            #expect(try await carts.expireIdleCarts() == 1)
            #expect(try await store.read { try await $0.cart(owner: Self.visitor) } == nil)
            #expect(try await carts.view(.handle(Self.handle)).isEmpty)
            #expect(try await store.read { try await $0.cart(owner: .anonymous(sessionKey: "active")) } != nil)
            #expect(try await store.read { try await $0.cart(owner: .user(Shop.alice)) } != nil, "user carts never expire")
        }
    }
}
