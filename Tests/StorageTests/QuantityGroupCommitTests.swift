import Commerce
import Foundation
import Storage
import Testing
import TestSupport

/// `CommerceStore.setLineQuantity`, the store-level quantity command that SQLite commits in
/// groups (`QuantityBatcher`): concurrent changes, refusals among them, and locked lines each get
/// their own outcome, and every change is stored. On PostgreSQL the same calls are one
/// transaction each, so the suite also pins that both paths agree.
@Suite("Quantity changes committed in groups")
struct QuantityGroupCommitTests {
    static let now = LineQuantityStoreTests.now
    /// Concurrent buyers per burst (`CART_TEST_QUANTITY_BUYERS`, default 40).
    static let buyers = ProcessInfo.processInfo.environment["CART_TEST_QUANTITY_BUYERS"].flatMap(Int.init) ?? 40

    /// One product line in each of `buyers` carts (owners `session:buyer-N`).
    static func buyerLines(_ store: SQLCommerceStore) async throws -> [(owner: CartOwner, line: CartLine)] {
        try await store.write { writer in
            var made: [(CartOwner, CartLine)] = []
            for index in 0..<buyers {
                let owner = CartOwner.anonymous(sessionKey: "buyer-\(index)")
                let cart = try await writer.createCart(owner: owner, handle: nil, now: now)
                let line = CartLine(item: .product(Shop.product(1).iri), pageIRI: Shop.marketDay.iri, name: "Product 1",
                                    unitPrice: Money(350, Shop.gbp), quantity: 1, addedAt: now)
                try await writer.insertLine(line, cartID: cart.id)
                made.append((owner, line))
            }
            return made
        }
    }

    @Test(arguments: Backend.available)
    func concurrentChangesAndRefusalsEachGetTheirOwnOutcome(backend: Backend) async throws {
        try await LineQuantityStoreTests.withLines(backend) { store, aliceLines in
            let buyers = try await Self.buyerLines(store)
            // Every buyer's change, plus refusals mixed into the same burst.
            let outcomes = try await withThrowingTaskGroup(of: (Int, LineQuantityChange).self) { group in
                for (index, buyer) in buyers.enumerated() {
                    group.addTask {
                        (index, try await store.setLineQuantity(id: buyer.line.id, quantity: index % 99 + 1, owner: buyer.owner,
                                                                now: Self.now + Double(index + 1)))
                    }
                }
                group.addTask { (-1, try await store.setLineQuantity(id: aliceLines[0].id, quantity: 9, owner: .user(Shop.bob), now: Self.now)) }
                group.addTask { (-2, try await store.setLineQuantity(id: aliceLines[1].id, quantity: 2, owner: .user(Shop.alice), now: Self.now)) }
                group.addTask { (-3, try await store.setLineQuantity(id: UUID(), quantity: 2, owner: .user(Shop.alice), now: Self.now)) }
                return try await group.reduce(into: [Int: LineQuantityChange]()) { $0[$1.0] = $1.1 }
            }
            #expect(outcomes[-1] == .notFound, "bob cannot change alice's line")
            #expect(outcomes[-2] == .notSettable, "an entry line keeps its one place")
            #expect(outcomes[-3] == .notFound, "an unknown line")
            for (index, buyer) in buyers.enumerated() {
                let expected = modified(buyer.line) { $0.quantity = index % 99 + 1 }
                #expect(outcomes[index] == .updated(expected), "buyer \(index)'s own line comes back")
                let (cart, lines) = try await store.read { reader in
                    let cart = try await reader.cart(owner: buyer.owner)
                    return (cart, try await reader.lines(cartID: try #require(cart).id))
                }
                #expect(lines == [expected], "buyer \(index)'s change is stored")
                #expect(cart?.lastActive == Self.now + Double(index + 1), "buyer \(index)'s cart is touched at its change")
            }
            let (alice, stored) = try await LineQuantityStoreTests.cart(store, Shop.alice)
            #expect(stored == aliceLines, "refused changes write nothing")
            #expect(alice?.lastActive == Self.now)
        }
    }

    @Test(arguments: Backend.available)
    func oneLineChangedManyTimesEndsAtItsLastChange(backend: Backend) async throws {
        try await LineQuantityStoreTests.withLines(backend) { store, aliceLines in
            let buyers = try await Self.buyerLines(store)
            // Other buyers keep the writer busy so alice's changes queue behind batches.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for buyer in buyers {
                    group.addTask {
                        for quantity in 2...6 { _ = try await store.setLineQuantity(id: buyer.line.id, quantity: quantity, owner: buyer.owner, now: Self.now) }
                    }
                }
                group.addTask {
                    for quantity in 10...30 {
                        let outcome = try await store.setLineQuantity(id: aliceLines[0].id, quantity: quantity, owner: .user(Shop.alice), now: Self.now)
                        #expect(outcome == .updated(modified(aliceLines[0]) { $0.quantity = quantity }))
                    }
                }
                try await group.waitForAll()
            }
            let (_, stored) = try await LineQuantityStoreTests.cart(store, Shop.alice)
            #expect(stored.first?.quantity == 30)
        }
    }

    @Test(arguments: Backend.available)
    func aLockedLineAmongOthersIsReportedAndLeftAlone(backend: Backend) async throws {
        try await LineQuantityStoreTests.withLines(backend) { store, aliceLines in
            let buyers = try await Self.buyerLines(store)
            let order = CommerceStoreConformanceTests.sampleOrder(number: 1, owner: .user(Shop.alice))
            try await store.write { writer in
                try await writer.insertOrder(order)
                try await writer.lockLines(ids: [aliceLines[0].id], orderID: order.id)
            }
            let locked = try await withThrowingTaskGroup(of: LineQuantityChange?.self) { group in
                for buyer in buyers {
                    group.addTask { _ = try await store.setLineQuantity(id: buyer.line.id, quantity: 4, owner: buyer.owner, now: Self.now); return nil }
                }
                group.addTask { try await store.setLineQuantity(id: aliceLines[0].id, quantity: 5, owner: .user(Shop.alice), now: Self.now) }
                return try await group.reduce(into: [LineQuantityChange]()) { all, outcome in if let outcome { all.append(outcome) } }
            }
            #expect(locked == [.locked(orderID: order.id)])
            let (_, stored) = try await LineQuantityStoreTests.cart(store, Shop.alice)
            #expect(stored.first?.quantity == aliceLines[0].quantity)
        }
    }

    @Test(arguments: Backend.available)
    func aChangeAloneTouchesTheCartOnlyWhenTheLineChanges(backend: Backend) async throws {
        try await LineQuantityStoreTests.withLines(backend) { store, lines in
            let later = LineQuantityStoreTests.later
            #expect(try await store.setLineQuantity(id: lines[1].id, quantity: 2, owner: .user(Shop.alice), now: later) == .notSettable)
            #expect(try await store.setLineQuantity(id: lines[0].id, quantity: 5, owner: .user(Shop.bob), now: later) == .notFound)
            #expect(try await LineQuantityStoreTests.cart(store, Shop.alice).0?.lastActive == Self.now, "refusals touch nothing")
            #expect(try await store.setLineQuantity(id: lines[0].id, quantity: 5, owner: .user(Shop.alice), now: later)
                == .updated(modified(lines[0]) { $0.quantity = 5 }))
            var (cart, stored) = try await LineQuantityStoreTests.cart(store, Shop.alice)
            #expect(cart?.lastActive == later)
            #expect(stored.map(\.quantity) == [5, 1, 3])
            let order = CommerceStoreConformanceTests.sampleOrder(number: 1, owner: .user(Shop.alice))
            try await store.write { writer in
                try await writer.insertOrder(order)
                try await writer.lockLines(ids: [lines[2].id], orderID: order.id)
            }
            #expect(try await store.setLineQuantity(id: lines[2].id, quantity: 1, owner: .user(Shop.alice), now: later + 60)
                == .locked(orderID: order.id))
            (cart, stored) = try await LineQuantityStoreTests.cart(store, Shop.alice)
            #expect(cart?.lastActive == later, "a locked line's refusal touches nothing")
            #expect(stored.map(\.quantity) == [5, 1, 3])
        }
    }

    @Test(arguments: Backend.available)
    func zeroThroughTheStoreRemovesTheLine(backend: Backend) async throws {
        try await LineQuantityStoreTests.withLines(backend) { store, aliceLines in
            #expect(try await store.setLineQuantity(id: aliceLines[0].id, quantity: 0, owner: .user(Shop.alice), now: Self.now + 5) == .removed)
            let (cart, stored) = try await LineQuantityStoreTests.cart(store, Shop.alice)
            #expect(stored == Array(aliceLines.dropFirst()))
            #expect(cart?.lastActive == Self.now + 5)
        }
    }
}
