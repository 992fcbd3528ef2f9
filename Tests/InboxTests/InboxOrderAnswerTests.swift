import ActorIdentity
import Commerce
import Foundation
import Storage
import Testing
import TestSupport

/// A calendar's Accept/Reject of an order's hold (contract §4).
@Suite("Inbox order answers")
struct InboxOrderAnswerTests {
    /// Runs `body` with an inbox whose calendars are `calendars[…]`, checkout against the fake SumUp.
    static func withShop(_ backend: Backend, _ kinds: [TestPeer.Kind],
                         _ body: @Sendable @escaping ([TestPeer], InboxHarness, OrderService) async throws -> Void) async throws {
        try await FakeSumUp.run { fake in
            try await TestPeers.run(kinds) { (peers: [TestPeer]) async throws in
                let factory = AnswersFactory { database in
                    OrderService(store: SQLCommerceStore(database: database), provider: fake.provider(),
                                 credentials: FixedCredentials(credentials: fake.credentials),
                                 settings: OrderSettings(holdMinutes: 15, baseURL: "http://127.0.0.1:1"))
                }
                try await InboxHarness.run(backend, calendars: peers, answers: factory) { (inbox: InboxHarness) async throws in
                    let orders = try #require(inbox.answers as? OrderService)
                    try await inbox.addSamplePage()
                    try await body(peers, inbox, orders)
                }
            }
        }
    }

    /// Books an entry of `calendar` for a visitor and checks out; returns the order id and the
    /// id of its `Create` activity.
    static func bookAndCheckout(_ calendar: TestPeer, _ inbox: InboxHarness, _ orders: OrderService) async throws -> (UUID, String) {
        let handle = "h-" + UUID().uuidString.lowercased()
        let owner = CartOwner.anonymous(sessionKey: "s-" + handle)
        try await inbox.carts.ensureCart(owner: owner, handle: handle)
        let add = Activities.add(from: calendar, object: Activities.entry(calendar, id: calendar.newID("entries")),
                                 target: Activities.cart(handle: handle))
        #expect(try await calendar.post(add, to: inbox.inboxURL).status == 202)
        await inbox.drain()
        let start = try await orders.checkout(pageSlug: "market-day", owner: owner)
        let created = try #require(try await inbox.events(DomainEventKind.orderCreated).first)
        return (start.orderID, inbox.base + "/activities/" + created.id.uuidString.lowercased())
    }

    @Test("a calendar's Reject of an unpaid order cancels it", arguments: Backend.available)
    func rejectUnpaidCancels(backend: Backend) async throws {
        try await Self.withShop(backend, [.calendar]) { peers, inbox, orders in
            let calendar = peers[0]
            let (orderID, createID) = try await Self.bookAndCheckout(calendar, inbox, orders)
            let reject = Activities.answer(from: calendar, accepted: false, object: .string(createID))
            #expect(try await calendar.post(reject, to: inbox.inboxURL).status == 202)
            await inbox.drain()
            #expect(try await orders.order(id: orderID, access: .operator)?.snapshot.status == .cancelled)
            #expect(try await inbox.outcome(of: try #require(reject["id"]?.stringValue))?.hasPrefix("done") == true)
        }
    }

    @Test("a Reject from a calendar that owns nothing in the order: 403", arguments: Backend.available)
    func rejectFromNonOwnerForbidden(backend: Backend) async throws {
        try await Self.withShop(backend, [.calendar, .stranger]) { peers, inbox, orders in
            let (calendar, otherCalendar) = (peers[0], peers[1])
            let (orderID, createID) = try await Self.bookAndCheckout(calendar, inbox, orders)
            let reject = Activities.answer(from: otherCalendar, accepted: false, object: .string(createID))
            #expect(try await otherCalendar.post(reject, to: inbox.inboxURL).status == 403)
            let embedded: JSONValue = ["id": .string(createID), "type": "Create",
                                       "object": ["id": .string(inbox.base + "/orders/" + orderID.uuidString.lowercased()), "type": "rose:Order"]]
            #expect(try await otherCalendar.post(Activities.answer(from: otherCalendar, accepted: false, object: embedded), to: inbox.inboxURL).status == 403)
            #expect(try await calendar.post(Activities.answer(from: calendar, accepted: true, object: embedded), to: inbox.inboxURL).status == 202)
            await inbox.drain()
            #expect(try await orders.order(id: orderID, access: .operator)?.snapshot.status == .awaitingPayment)
        }
    }
}
