import Commerce
import Foundation
import SQLKit
import Storage
import Testing
import TestSupport

/// Every `CommerceReader`/`CommerceWriter` method, on every backend.
@Suite("Commerce store conformance")
struct CommerceStoreConformanceTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: Backend.available)
    func pagesRoundTripAndDuplicateSlugIsRefused(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let page = modified(Shop.marketDay) {
                $0.sumupMerchantCode = "MC123"
                $0.sumupKeyFile = "/etc/cart/sumup-market-day.key"
            }
            try await store.write { try await $0.insertPage(page) }
            try await store.write { try await $0.insertPage(Shop.feria) }
            #expect(try await store.read { try await $0.page(slug: "market-day") } == page)
            #expect(try await store.read { try await $0.page(iri: Shop.feria.iri) } == Shop.feria)
            #expect(try await store.read { try await $0.pages() }.map(\.slug) == ["feria", "market-day"])
            #expect(try await store.read { try await $0.page(slug: "nope") } == nil)

            let sameSlug = modified(Shop.marche) { $0.slug = "market-day" }
            await #expect(throws: CommerceStoreError.duplicate("page market-day")) {
                try await store.write { try await $0.insertPage(sameSlug) }
            }
            let sameIRI = modified(Shop.marche) { $0.iri = Shop.feria.iri }
            await #expect(throws: CommerceStoreError.self) { try await store.write { try await $0.insertPage(sameIRI) } }
            #expect(try await store.read { try await $0.pages() }.count == 2)
        }
    }

    @Test(arguments: Backend.available)
    func updatePageChangesItAndUnknownPageIsNotFound(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            try await store.write { try await $0.insertPage(Shop.marketDay) }
            let changed = modified(Shop.marketDay) {
                $0.title = "Market day (winter)"
                $0.currency = Shop.eur
                $0.sumupMerchantCode = "M2"
            }
            try await store.write { try await $0.updatePage(changed) }
            #expect(try await store.read { try await $0.page(slug: "market-day") } == changed)
            await #expect(throws: CommerceStoreError.notFound("page feria")) {
                try await store.write { try await $0.updatePage(Shop.feria) }
            }
        }
    }

    @Test(arguments: Backend.available)
    func olderProductUpdateIsIgnored(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let product = modified(Shop.product(1, updated: Self.now)) { $0.available = 7 }
            let inserted = try await store.write { try await $0.upsertProduct(product) }
            #expect(inserted)
            #expect(try await store.read { try await $0.product(iri: product.iri) } == product)

            let older = modified(product) {
                $0.name = "Stale name"
                $0.updated = Self.now.addingTimeInterval(-60)
            }
            #expect(try await store.write { try await $0.upsertProduct(older) } == false)
            #expect(try await store.read { try await $0.product(iri: product.iri) }?.name == "Product 1")

            let newer = modified(product) {
                $0.name = "Oat milk"
                $0.available = nil
                $0.updated = Self.now.addingTimeInterval(60)
            }
            #expect(try await store.write { try await $0.upsertProduct(newer) })
            #expect(try await store.read { try await $0.product(iri: product.iri) } == newer)

            let sameTime = modified(newer) { $0.withdrawn = true }
            #expect(try await store.write { try await $0.upsertProduct(sameTime) }, "an equal `updated` applies (withdrawal)")
            #expect(try await store.read { try await $0.product(iri: product.iri) }?.withdrawn == true)
        }
    }

    @Test(arguments: Backend.available)
    func productsOfAPageAreListedByNameWithdrawnOnlyWhenAsked(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let zucchini = modified(Shop.product(1)) { $0.name = "Zucchini" }
            let apples = modified(Shop.product(2)) { $0.name = "Apples" }
            let withdrawn = modified(Shop.product(3)) {
                $0.name = "Bread"
                $0.withdrawn = true
            }
            let elsewhere = Shop.product(4, page: Shop.feria, minor: 990)
            try await store.write { writer in
                for product in [zucchini, apples, withdrawn, elsewhere] { try await writer.upsertProduct(product) }
            }
            let onSale = try await store.read { try await $0.products(pageIRI: Shop.marketDay.iri, includeWithdrawn: false) }
            #expect(onSale.map(\.name) == ["Apples", "Zucchini"])
            let all = try await store.read { try await $0.products(pageIRI: Shop.marketDay.iri, includeWithdrawn: true) }
            #expect(all.map(\.name) == ["Apples", "Bread", "Zucchini"])
            #expect(try await store.read { try await $0.product(iri: IRI("https://market.example/products/99")!) } == nil)
        }
    }

    @Test(arguments: Backend.available)
    func cartsAreFoundByOwnerAndHandleAndTouched(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let owner = CartOwner.anonymous(sessionKey: "k1")
            let created = try await store.write { try await $0.createCart(owner: owner, handle: "h1", now: Self.now) }
            #expect(created.owner == owner && created.handle == "h1" && created.lastActive == Self.now)
            #expect(try await store.read { try await $0.cart(owner: owner) } == created)
            #expect(try await store.read { try await $0.cart(handle: "h1", now: Self.now) } == created)
            #expect(try await store.read { try await $0.cart(handle: "h2", now: Self.now) } == nil)

            let again = try await store.write { try await $0.createCart(owner: owner, handle: "h1", now: Self.now + 5) }
            #expect(again.id == created.id && again.lastActive == Self.now + 5, "a second create returns the existing cart, touched")

            try await store.write { try await $0.touchCart(id: created.id, now: Self.now + 60) }
            #expect(try await store.read { try await $0.cart(owner: owner) }?.lastActive == Self.now + 60)

            let user = try await store.write { try await $0.createCart(owner: .user(Shop.alice), handle: "ignored", now: Self.now) }
            #expect(user.handle == nil, "user carts have no handle")
        }
    }

    @Test(arguments: Backend.available)
    func handleAliasPointsAtCartUntilItExpires(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let user = try await store.write { try await $0.createCart(owner: .user(Shop.alice), handle: nil, now: Self.now) }
            try await store.write { try await $0.addHandleAlias(handle: "old", cartID: user.id, expires: Self.now + 3600) }
            #expect(try await store.read { try await $0.cart(handle: "old", now: Self.now + 3599) }?.id == user.id)
            #expect(try await store.read { try await $0.cart(handle: "old", now: Self.now + 3600) } == nil)
            try await store.write { try await $0.addHandleAlias(handle: "later", cartID: user.id, expires: Self.now + 7200) }
            try await store.write { try await $0.deleteExpiredHandleAliases(now: Self.now + 3600) }
            let aliases = try await database.read { sql in
                try await sql.raw("SELECT handle FROM cart_handle_aliases").all().map { try $0.decode(column: "handle", as: String.self) }
            }
            #expect(aliases == ["later"], "expired aliases are deleted, live ones kept")

            // An anonymous cart's own handle wins over an alias of the same handle.
            let anonymous = try await store.write {
                try await $0.createCart(owner: .anonymous(sessionKey: "s"), handle: "old", now: Self.now)
            }
            #expect(try await store.read { try await $0.cart(handle: "old", now: Self.now) }?.id == anonymous.id)

            try await store.write { try await $0.deleteCart(id: user.id) }
            try await store.write { try await $0.deleteCart(id: anonymous.id) }
            #expect(try await store.read { try await $0.cart(handle: "old", now: Self.now) } == nil)
        }
    }

    @Test(arguments: Backend.available)
    func linesRoundTripInOrderAndGoWithTheirCart(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let cart = try await store.write { try await $0.createCart(owner: .user(Shop.alice), handle: nil, now: Self.now) }
            let entry = Shop.entry(31)
            let ticket = Shop.ticket(4)
            let lines = [
                CartLine(item: .product(Shop.product(1).iri), pageIRI: Shop.marketDay.iri, name: "Oat milk",
                         unitPrice: Money(350, Shop.gbp), quantity: 2, addedAt: Self.now + 10),
                CartLine(item: .entry(entry.iri), pageIRI: Shop.marketDay.iri, name: entry.name, unitPrice: entry.price,
                         quantity: 1, startTime: entry.startTime, endTime: entry.endTime, calendarActor: entry.calendarActor,
                         addedAt: Self.now),
                CartLine(item: .ticket(ticket.iri, entry: ticket.entryIRI!), pageIRI: Shop.marketDay.iri, name: ticket.name,
                         unitPrice: ticket.price, quantity: 3, calendarActor: ticket.calendarActor, addedAt: Self.now),
            ]
            try await store.write { writer in for line in lines { try await writer.insertLine(line, cartID: cart.id) } }
            #expect(try await store.read { try await $0.lines(cartID: cart.id) } == lines)

            let changed = modified(lines[0]) {
                $0.quantity = 5
                $0.name = "Oat milk 1l"
                $0.unitPrice = Money(399, Shop.gbp)
            }
            try await store.write { try await $0.updateLine(changed, cartID: cart.id) }
            try await store.write { try await $0.deleteLine(id: lines[1].id, cartID: cart.id) }
            #expect(try await store.read { try await $0.lines(cartID: cart.id) } == [changed, lines[2]])

            let other = try await store.write { try await $0.createCart(owner: .user(Shop.bob), handle: nil, now: Self.now) }
            await #expect(throws: CommerceStoreError.self, "a line is only updated in its own cart") {
                try await store.write { try await $0.updateLine(changed, cartID: other.id) }
            }
            try await store.write { try await $0.deleteLine(id: lines[2].id, cartID: other.id) }
            #expect(try await store.read { try await $0.lines(cartID: cart.id) }.count == 2, "deleting via another cart does nothing")

            try await store.write { try await $0.deleteCart(id: cart.id) }
            #expect(try await store.read { try await $0.lines(cartID: cart.id) }.isEmpty)
            #expect(try await store.read { try await $0.cart(owner: .user(Shop.alice)) } == nil)
        }
    }

    @Test(arguments: Backend.available)
    func idleCartDeletionTakesOnlyAnonymousCarts(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let old = Self.now - 40 * 86_400
            try await store.write { writer in
                _ = try await writer.createCart(owner: .anonymous(sessionKey: "idle"), handle: "h-idle", now: old)
                _ = try await writer.createCart(owner: .anonymous(sessionKey: "fresh"), handle: "h-fresh", now: Self.now)
                _ = try await writer.createCart(owner: .user(Shop.alice), handle: nil, now: old)
            }
            let deleted = try await store.write { try await $0.deleteIdleAnonymousCarts(before: Self.now - 30 * 86_400) }
            #expect(deleted == 1)
            #expect(try await store.read { try await $0.cart(owner: .anonymous(sessionKey: "idle")) } == nil)
            #expect(try await store.read { try await $0.cart(owner: .anonymous(sessionKey: "fresh")) } != nil)
            #expect(try await store.read { try await $0.cart(owner: .user(Shop.alice)) } != nil)
        }
    }

    @Test(arguments: Backend.available)
    func recordedEventIsCommittedWithTheChange(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let event = DomainEvent(kind: "order.created", subject: "order-1", payload: Array(#"{"n":1}"#.utf8), occurredAt: Self.now)
            struct Abort: Error {}
            await #expect(throws: Abort.self) {
                try await store.write { writer in
                    try await writer.recordEvent(DomainEvent(kind: "order.created", subject: "lost", payload: [], occurredAt: Self.now))
                    throw Abort()
                }
            }
            try await store.write { try await $0.recordEvent(event) }
            #expect(try await SQLEventLog(database: database).unpublished(limit: 10) == [event])
        }
    }

    // MARK: Orders and payment attempts (OrderReader / OrderWriter)

    static func sampleOrder(number: Int, owner: CartOwner, hold: Date = now.addingTimeInterval(900)) -> OrderRecord {
        let items = [OrderItem(item: .product(Shop.product(1).iri), name: "Product 1", unitPrice: Money(350, Shop.gbp), quantity: 2),
                     OrderItem(item: .entry(Shop.entry(1).iri), name: "Pottery class 1", unitPrice: Money(1200, Shop.gbp),
                               quantity: 1, calendarActor: Shop.calendarActor)]
        let snapshot = OrderSnapshot(id: UUID(), number: number, pageIRI: Shop.marketDay.iri, status: .awaitingPayment,
                                     customer: nil, holdUntil: hold, total: Money(1900, Shop.gbp), items: items, createdAt: now)
        return OrderRecord(snapshot: snapshot, pageSlug: Shop.marketDay.slug, owner: owner, merchantCode: "MC1",
                           receiptKey: "key-\(number)", updatedAt: now)
    }

    @Test(arguments: Backend.available)
    func ordersRoundTripNumberPerPageAndMoveToUser(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let visitor = CartOwner.anonymous(sessionKey: "k1")
            let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 { group.addTask { try await store.write { try await $0.nextOrderNumber(pageIRI: Shop.marketDay.iri) } } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(numbers.sorted() == Array(1...8))
            #expect(try await store.write { try await $0.nextOrderNumber(pageIRI: Shop.feria.iri) } == 1)
            let fresh = Self.sampleOrder(number: 9, owner: visitor)
            try await store.write { try await $0.insertOrder(fresh) }
            #expect(try await store.read { try await $0.order(id: fresh.id) } == fresh)
            var changed = fresh
            changed.status = .paid
            changed.snapshot.paymentReference = "TX1"
            changed.mismatch = "amount"
            changed.calendarConfirmed = [Shop.calendarActor]
            changed.calendarRefused = true
            changed.refundedTotal = Money(100, Shop.gbp)
            let order = changed
            try await store.write { try await $0.updateOrder(order) }
            #expect(try await store.write { try await $0.lockOrder(id: order.id) } == order)
            #expect(try await store.read { try await $0.orders(page: Shop.marketDay.iri, status: .paid, limit: 10) } == [order])
            #expect(try await store.read { try await $0.orders(page: nil, status: .expired, limit: 10) }.isEmpty)
            #expect(try await store.write { try await $0.moveOrders(from: visitor, to: .user(Shop.alice)) } == 1)
            let moved = try await store.read { try await $0.orders(owner: .user(Shop.alice)) }
            #expect(moved.map(\.id) == [order.id])
            #expect(moved.first?.snapshot.customer == Shop.alice)
            #expect(try await store.read { try await $0.orders(owner: visitor) }.isEmpty)
            let ghost = Self.sampleOrder(number: 10, owner: visitor)
            await #expect(throws: CommerceStoreError.notFound("order \(ghost.id)")) {
                try await store.write { try await $0.updateOrder(ghost) }
            }
        }
    }

    @Test(arguments: Backend.available)
    func lockedLinesRefuseQuantityAndArchiveOnPayment(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let owner = CartOwner.anonymous(sessionKey: "k2")
            let order = Self.sampleOrder(number: 1, owner: owner)
            let line = CartLine(item: .product(Shop.product(1).iri), pageIRI: Shop.marketDay.iri, name: "Product 1",
                                unitPrice: Money(350, Shop.gbp), quantity: 2, addedAt: Self.now)
            let cart = try await store.write { writer in
                let cart = try await writer.createCart(owner: owner, handle: "h", now: Self.now)
                try await writer.insertLine(line, cartID: cart.id)
                try await writer.insertOrder(order)
                try await writer.lockLines(ids: [line.id], orderID: order.id)
                return cart
            }
            #expect(try await store.read { try await $0.lineLocks(cartID: cart.id) } == [line.id: order.id])
            #expect(try await store.write { try await $0.setLineQuantity(id: line.id, quantity: 5, owner: owner, now: Self.now) }
                == .locked(orderID: order.id))
            try await store.write { try await $0.unlockLines(orderID: order.id) }
            #expect(try await store.read { try await $0.lineLocks(cartID: cart.id) }.isEmpty)
            try await store.write { try await $0.lockLines(ids: [line.id], orderID: order.id) }
            try await store.write { try await $0.archiveLines(orderID: order.id, at: Self.now) }
            #expect(try await store.read { try await $0.lines(cartID: cart.id) }.isEmpty)
            // The same product can be added again after its line was archived.
            try await store.write { try await $0.insertLine(modified(line) { $0.id = UUID() }, cartID: cart.id) }
            #expect(try await store.read { try await $0.lines(cartID: cart.id) }.count == 1)
        }
    }

    @Test(arguments: Backend.available)
    func attemptsRoundTripAndDueOnesAreClaimed(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let order = Self.sampleOrder(number: 1, owner: .user(Shop.alice), hold: Self.now.addingTimeInterval(-1))
            let attempt = PaymentAttempt(orderID: order.id, amount: order.snapshot.total, merchantCode: "MC1",
                                         validUntil: order.snapshot.holdUntil, createdAt: Self.now,
                                         nextCheckAt: Self.now.addingTimeInterval(60))
            try await store.write { writer in
                try await writer.insertOrder(order)
                try await writer.insertAttempt(attempt)
            }
            #expect(try await store.read { try await $0.attempts(orderID: order.id) } == [attempt])
            #expect(try await store.write { try await $0.dueAttempts(now: Self.now, limit: 10) }.isEmpty)
            #expect(try await store.write { try await $0.dueAttempts(now: Self.now.addingTimeInterval(60), limit: 10) } == [attempt])
            let paid = modified(attempt) {
                $0.state = .paid
                $0.providerCheckoutID = "chk_1"
                $0.hostedCheckoutURL = "https://pay.example/chk_1"
                $0.providerStatus = .paid
                $0.transactionCode = "TX1"
                $0.transactionID = "tid"
                $0.lastReadAt = Self.now
                $0.nextCheckAt = nil
            }
            try await store.write { try await $0.updateAttempt(paid) }
            #expect(try await store.read { try await $0.attempt(providerCheckoutID: "chk_1") } == paid)
            #expect(try await store.read { try await $0.attempt(providerCheckoutID: "nope") } == nil)
            // Expired open orders are claimed once per claim period.
            #expect(try await store.write { try await $0.claimExpiredOrders(now: Self.now, claimFor: 60, limit: 10) } == [order.id])
            #expect(try await store.write { try await $0.claimExpiredOrders(now: Self.now, claimFor: 60, limit: 10) }.isEmpty)
            #expect(try await store.write {
                try await $0.claimExpiredOrders(now: Self.now.addingTimeInterval(61), claimFor: 60, limit: 10)
            } == [order.id])
        }
    }
}

