import ActorIdentity
import Commerce
import Foundation
import Storage
import Testing
import TestSupport

/// The calendar's activities (contract §4, "From CART_CALENDAR_PEERS").
@Suite("Inbox calendar")
struct InboxCalendarTests {
    static let alice = "https://account.example/users/alice"

    @Test("the same Add five times makes one line", arguments: Backend.available)
    func sameAddFiveTimesOneLine(backend: Backend) async throws {
        try await TestPeers.run([.calendar]) { (peers: [TestPeer]) async throws in
            let calendar = peers[0]
            try await InboxHarness.run(backend, calendars: [calendar]) { (inbox: InboxHarness) async throws in
                try await inbox.addSamplePage()
                let entry = Activities.entry(calendar, id: calendar.newID("entries"))
                let add = Activities.add(from: calendar, object: entry, target: Activities.cart(customer: Self.alice))
                for _ in 0..<5 { #expect(try await calendar.post(add, to: inbox.inboxURL).status == 202) }
                await inbox.drain()
                let lines = try await inbox.lines(of: Self.alice)
                #expect(lines.count == 1)
                #expect(lines.first?.quantity == 1)
                #expect(lines.first?.calendarActor?.value == calendar.actor)
                #expect(try await inbox.inboxCounts().rows == 1)
                // A new Add of the same entry (another activity id) still makes no second line.
                let again = Activities.add(from: calendar, object: entry, target: Activities.cart(customer: Self.alice))
                #expect(try await calendar.post(again, to: inbox.inboxURL).status == 202)
                await inbox.drain()
                #expect(try await inbox.lines(of: Self.alice).count == 1)
            }
        }
    }

    @Test("a second Add of a ticket sets its quantity", arguments: Backend.available)
    func ticketAddSetsQuantity(backend: Backend) async throws {
        try await TestPeers.run([.calendar]) { (peers: [TestPeer]) async throws in
            let calendar = peers[0]
            try await InboxHarness.run(backend, calendars: [calendar]) { (inbox: InboxHarness) async throws in
                try await inbox.addSamplePage()
                let (ticket, entry) = (calendar.newID("tickets"), calendar.newID("entries"))
                for quantity in [2, 5] as [Int64] {
                    let add = Activities.add(from: calendar, object: Activities.ticket(calendar, id: ticket, entry: entry, quantity: quantity),
                                             target: Activities.cart(customer: Self.alice))
                    #expect(try await calendar.post(add, to: inbox.inboxURL).status == 202)
                    await inbox.drain()
                }
                #expect(try await inbox.lines(of: Self.alice).map(\.quantity) == [5])
            }
        }
    }

    @Test("Adopt twice leaves the lines in the same user cart", arguments: Backend.available)
    func adoptTwiceSameCart(backend: Backend) async throws {
        try await TestPeers.run([.calendar]) { (peers: [TestPeer]) async throws in
            let calendar = peers[0]
            try await InboxHarness.run(backend, calendars: [calendar]) { (inbox: InboxHarness) async throws in
                try await inbox.addSamplePage()
                let handle = "handle-\(UUID().uuidString.lowercased())"
                try await inbox.carts.ensureCart(owner: .anonymous(sessionKey: "session-1"), handle: handle)
                let add = Activities.add(from: calendar, object: Activities.entry(calendar, id: calendar.newID("entries")),
                                         target: Activities.cart(handle: handle))
                #expect(try await calendar.post(add, to: inbox.inboxURL).status == 202)
                await inbox.drain()
                for _ in 0..<2 {
                    #expect(try await calendar.post(Activities.adopt(from: calendar, handle: handle, user: Self.alice), to: inbox.inboxURL).status == 202)
                    await inbox.drain()
                    #expect(try await inbox.lines(of: Self.alice).count == 1)
                }
                #expect(try await inbox.carts.view(.owner(.anonymous(sessionKey: "session-1"))).isEmpty)
            }
        }
    }

    @Test("Remove of an unknown entry is accepted and changes nothing", arguments: Backend.available)
    func removeUnknownNoChange(backend: Backend) async throws {
        try await TestPeers.run([.calendar]) { (peers: [TestPeer]) async throws in
            let calendar = peers[0]
            try await InboxHarness.run(backend, calendars: [calendar]) { (inbox: InboxHarness) async throws in
                try await inbox.addSamplePage()
                let add = Activities.add(from: calendar, object: Activities.entry(calendar, id: calendar.newID("entries")),
                                         target: Activities.cart(customer: Self.alice))
                #expect(try await calendar.post(add, to: inbox.inboxURL).status == 202)
                let remove = Activities.remove(from: calendar, item: calendar.newID("entries"), target: Activities.cart(customer: Self.alice))
                #expect(try await calendar.post(remove, to: inbox.inboxURL).status == 202)
                await inbox.drain()
                #expect(try await inbox.lines(of: Self.alice).count == 1)
                #expect(try await inbox.outcome(of: try #require(remove["id"]?.stringValue))?.contains("nothing changed") == true)
            }
        }
    }

    @Test("a market sending a calendar Add, or a calendar item on another origin: 403", arguments: Backend.available)
    func rolesAndOrigins(backend: Backend) async throws {
        try await TestPeers.run([.calendar, .market]) { (peers: [TestPeer]) async throws in
            let (calendar, market) = (peers[0], peers[1])
            try await InboxHarness.run(backend, calendars: [calendar], markets: [market]) { (inbox: InboxHarness) async throws in
                try await inbox.addSamplePage()
                let fromMarket = Activities.add(from: market, object: Activities.entry(market, id: market.newID("entries")),
                                                target: Activities.cart(customer: Self.alice))
                #expect(try await market.post(fromMarket, to: inbox.inboxURL).status == 403)
                let elsewhere = Activities.add(from: calendar, object: Activities.entry(calendar, id: market.newID("entries")),
                                               target: Activities.cart(customer: Self.alice))
                #expect(try await calendar.post(elsewhere, to: inbox.inboxURL).status == 403)
                var offOrigin = Activities.add(from: calendar, object: Activities.entry(calendar, id: calendar.newID("entries")),
                                               target: Activities.cart(customer: Self.alice))
                offOrigin = offOrigin.replacing("id", with: .string(market.newID()))
                #expect(try await calendar.post(offOrigin, to: inbox.inboxURL).status == 403)
                await inbox.drain()
                #expect(try await inbox.lines(of: Self.alice).isEmpty)
                #expect(try await inbox.inboxCounts().rows == 0)
            }
        }
    }
}

extension JSONValue {
    /// The object with member `key` set to `value`.
    func replacing(_ key: String, with value: JSONValue) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.key != key } + [JSONMember(key, value)])
    }

    /// The object without member `key`.
    func removing(_ key: String) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.filter { $0.key != key })
    }
}
