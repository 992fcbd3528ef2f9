import ActorIdentity
import Commerce
import Foundation
import Storage
import Testing
import TestSupport

/// The market's activities (contract §4, "From CART_MARKET_PEERS").
@Suite("Inbox market")
struct InboxMarketTests {
    @Test("an Update older than the stored product is ignored", arguments: Backend.available)
    func olderUpdateIgnored(backend: Backend) async throws {
        try await TestPeers.run([.market]) { (peers: [TestPeer]) async throws in
            let market = peers[0]
            try await InboxHarness.run(backend, markets: [market]) { (inbox: InboxHarness) async throws in
                try await inbox.addSamplePage()
                let id = market.newID("products")
                let newer = Activities.product(market, id: id, name: "Oat milk", price: 350, updated: "2026-11-02T00:00:00Z")
                let older = Activities.product(market, id: id, name: "Old name", price: 300, updated: "2026-11-01T00:00:00Z")
                #expect(try await market.post(Activities.create(from: market, object: newer), to: inbox.inboxURL).status == 202)
                await inbox.drain()
                let update = Activities.create(from: market, object: older, type: "Update")
                #expect(try await market.post(update, to: inbox.inboxURL).status == 202)
                await inbox.drain()
                let stored = try await inbox.catalog.products(pageIRI: try #require(IRI(Activities.pageIRI)))
                #expect(stored.map(\.name) == ["Oat milk"])
                #expect(stored.first?.price.minorUnits == 350)
                #expect(try await inbox.outcome(of: try #require(update["id"]?.stringValue))?.contains("older update ignored") == true)
            }
        }
    }

    @Test("a product of an unknown page stays dormant until the page is added", arguments: Backend.available)
    func dormantThenLive(backend: Backend) async throws {
        try await TestPeers.run([.market]) { (peers: [TestPeer]) async throws in
            let market = peers[0]
            try await InboxHarness.run(backend, markets: [market]) { (inbox: InboxHarness) async throws in
                let page = "https://blog.example/pages/later"
                let id = market.newID("products")
                let create = Activities.create(from: market, object: Activities.product(market, id: id, page: page))
                #expect(try await market.post(create, to: inbox.inboxURL).status == 202)
                await inbox.drain()
                let alice = CartOwner.user(try #require(IRI("https://account.example/users/alice")))
                await #expect(throws: CartError.self) { try await inbox.carts.addProduct(try #require(IRI(id)), quantity: 1, owner: alice) }
                try await inbox.addSamplePage(slug: "later", iri: page)
                try await inbox.carts.addProduct(try #require(IRI(id)), quantity: 1, owner: alice)
                #expect(try await inbox.carts.view(.owner(alice)).itemCount == 1)
            }
        }
    }

    @Test("a price in another currency than the page's is refused; Delete withdraws", arguments: Backend.available)
    func wrongCurrencyAndDelete(backend: Backend) async throws {
        try await TestPeers.run([.market]) { (peers: [TestPeer]) async throws in
            let market = peers[0]
            try await InboxHarness.run(backend, markets: [market]) { (inbox: InboxHarness) async throws in
                try await inbox.addSamplePage()
                let euros = Activities.create(from: market, object: Activities.product(market, id: market.newID("products"), currency: "EUR"))
                #expect(try await market.post(euros, to: inbox.inboxURL).status == 202)
                let id = market.newID("products")
                #expect(try await market.post(Activities.create(from: market, object: Activities.product(market, id: id)), to: inbox.inboxURL).status == 202)
                await inbox.drain()
                #expect(try await inbox.outcome(of: try #require(euros["id"]?.stringValue))?.hasPrefix("refused") == true)
                let pageIRI = try #require(IRI(Activities.pageIRI))
                #expect(try await inbox.catalog.products(pageIRI: pageIRI).count == 1)

                #expect(try await market.post(Activities.delete(from: market, object: id), to: inbox.inboxURL).status == 202)
                await inbox.drain()
                #expect(try await inbox.catalog.products(pageIRI: pageIRI).isEmpty)
            }
        }
    }

    @Test("a calendar publishing a product: 403", arguments: Backend.available)
    func calendarCannotPublishProducts(backend: Backend) async throws {
        try await TestPeers.run([.calendar]) { (peers: [TestPeer]) async throws in
            let calendar = peers[0]
            try await InboxHarness.run(backend, calendars: [calendar]) { (inbox: InboxHarness) async throws in
                let create = Activities.create(from: calendar, object: Activities.product(calendar, id: calendar.newID("products")))
                #expect(try await calendar.post(create, to: inbox.inboxURL).status == 403)
            }
        }
    }
}
