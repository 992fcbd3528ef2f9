import Commerce
import Foundation
import Testing
import Storage
import TestSupport

/// Editing lines locked to an open order: the order is released first, or the edit refused when paid.
@Suite("Cart edits while paying")
struct CartEditTests {
    @Test(arguments: Backend.available)
    func cartEditWhilePayingCancelsOrder(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            let start = try await h.checkout(owner)
            let checkoutID = try await h.checkoutID(start.orderID)
            let line = try #require(try await h.carts.view(.owner(owner)).groups.first?.lines.first)
            #expect(try await h.carts.setQuantity(line: line.id, to: 5, owner: owner)?.quantity == 5)
            let cancelled = try await h.details(start.orderID)
            #expect(cancelled.snapshot.status == .cancelled)
            #expect(cancelled.attempts.map(\.state) == [.deactivated])
            #expect(await h.fake.checkout(checkoutID)?.deactivated == true)
            #expect(try await h.events(DomainEventKind.orderCancelled, of: start.orderID).count == 1)
            // The lines are free again: a second checkout makes order number 2 with the new quantity.
            let again = try await h.checkout(owner)
            let second = try await h.details(again.orderID)
            #expect(second.snapshot.number == cancelled.snapshot.number + 1)
            #expect(second.snapshot.total == Money(5 * 350 + 350, OrderShop.gbp))
        }
    }

    @Test(arguments: Backend.available)
    func cartEditAfterPaymentInOtherTabIsRefused(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            let start = try await h.checkout(owner)
            await h.fake.loseWebhooks() // the other tab paid; we have not heard yet
            try await h.fake.pay(try await h.checkoutID(start.orderID))
            let line = try #require(try await h.carts.view(.owner(owner)).groups.first?.lines.first)
            await #expect(throws: LockedLineError.orderPaid(start.orderID)) {
                try await h.carts.removeLine(line.id, owner: owner)
            }
            #expect(try await h.details(start.orderID).snapshot.status == .paid)
            #expect(try await h.events(DomainEventKind.orderPaid, of: start.orderID).count == 1)
            #expect(try await h.events(DomainEventKind.orderCancelled, of: start.orderID).isEmpty)
            #expect(try await h.carts.view(.owner(owner)).groups.isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func doubleSubmittedCheckoutMakesOneOrder(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            await h.fake.setDelay(.milliseconds(300)) // the first create is still in flight when the second arrives
            async let first = try? await h.checkout(owner)
            async let second = try? await h.checkout(owner)
            let results = await [first, second]
            await h.fake.setDelay(.zero)
            let orders = try await h.orders.orders(owner: owner)
            #expect(orders.count == 1)
            #expect(await h.fake.requestCount("POST /v0.1/checkouts") == 1)
            #expect(results.contains { $0 != nil && $0?.orderID == orders.first?.snapshot.id })
        }
    }

    @Test(arguments: Backend.available)
    func addingTheSameProductReleasesTheOrder(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            let start = try await h.checkout(owner)
            try await h.carts.addProduct(OrderShop.product(2).iri, quantity: 1, owner: owner)
            #expect(try await h.details(start.orderID).snapshot.status == .cancelled)
        }
    }

    @Test(arguments: Backend.available)
    func editRefusedWhilePaymentCannotBeStopped(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            let start = try await h.checkout(owner)
            let line = try #require(try await h.carts.view(.owner(owner)).groups.first?.lines.first)
            await h.fake.failNext(1)
            await #expect(throws: LockedLineError.paymentNotStoppable(start.orderID)) {
                try await h.carts.setQuantity(line: line.id, to: 2, owner: owner)
            }
            #expect(try await h.details(start.orderID).snapshot.status == .awaitingPayment)
            #expect(try await h.carts.view(.owner(owner)).groups.first?.lines.first?.quantity == line.quantity)
        }
    }

    @Test(arguments: Backend.available)
    func editAfterProviderWasDownCancelsOrder(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            await h.fake.failNext(1)
            await #expect(throws: CheckoutError.self) { try await h.checkout(owner) }
            let order = try #require(try await h.orders.orders(owner: owner).first)
            #expect(order.attempts.map(\.state) == [.unconfirmed])
            let line = try #require(try await h.carts.view(.owner(owner)).groups.first?.lines.first)
            #expect(try await h.carts.setQuantity(line: line.id, to: 2, owner: owner)?.quantity == 2)
            let cancelled = try await h.details(order.snapshot.id)
            #expect(cancelled.snapshot.status == .cancelled)
            #expect(cancelled.attempts.map(\.state) == [.abandoned]) // looked up by reference: never created
            #expect(!cancelled.moneyUnknown)
        }
    }

    @Test(arguments: Backend.available)
    func checkoutAgainWithSameLinesReusesOpenOrder(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            let first = try await h.checkout(owner)
            let second = try await h.checkout(owner)
            #expect(second == first)
            #expect(await h.fake.requestCount("POST /v0.1/checkouts") == 1)
        }
    }

    @Test(arguments: Backend.available)
    func removingCalendarLineTellsItsCalendar(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = OrderShop.visitor()
            _ = try await h.carts.ensureCart(owner: owner, handle: "handle-1")
            let line = try await h.carts.addCalendarItem(OrderShop.entry(1), to: .owner(owner))
            try await h.carts.removeLine(line.id, owner: owner)
            let events = try await SQLEventLogReader.events(h, kind: DomainEventKind.calendarLineRemoved)
            let removal = try EventPayload.decode(CalendarLineRemoval.self, from: try #require(events.first).payload)
            #expect(events.count == 1)
            #expect(removal == CalendarLineRemoval(item: OrderShop.entry(1).iri, calendar: OrderShop.calendar,
                                                   customer: nil, handle: "handle-1"))
        }
    }
}

/// Reads events of one kind whatever their subject.
enum SQLEventLogReader {
    static func events(_ h: OrderHarness, kind: String) async throws -> [DomainEvent] {
        try await Storage.SQLEventLog(database: h.database).unpublished(limit: 10_000).filter { $0.kind == kind }
    }
}
