import Commerce
import Foundation
import Testing
import TestSupport

/// Login adopting orders, and calendars answering the holds of an order.
@Suite("Adoption and calendar answers")
struct AdoptAndCalendarTests {
    @Test(arguments: Backend.available)
    func adoptMovesOrders(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let visitor = OrderShop.visitor()
            _ = try await h.carts.ensureCart(owner: visitor, handle: "adopt-handle")
            _ = try await h.fillCart(visitor)
            let start = try await h.checkout(visitor)
            try await h.carts.adopt(.owner(visitor), into: OrderShop.alice)
            #expect(try await h.orders.orders(owner: visitor).isEmpty)
            let adopted = try await h.orders.orders(owner: .user(OrderShop.alice))
            #expect(adopted.map(\.snapshot.id) == [start.orderID])
            #expect(adopted.first?.snapshot.customer == OrderShop.alice)
            // The moved lines are still locked: editing one releases the order.
            let line = try #require(try await h.carts.view(.owner(.user(OrderShop.alice))).groups.first?.lines.first)
            try await h.carts.setQuantity(line: line.id, to: 4, owner: .user(OrderShop.alice))
            #expect(try await h.details(start.orderID).snapshot.status == .cancelled)
        }
    }

    /// A cart with one calendar entry and one product, checked out.
    private static func calendarOrder(_ h: OrderHarness) async throws -> (CartOwner, CheckoutStart) {
        let owner = OrderShop.visitor()
        _ = try await h.carts.ensureCart(owner: owner, handle: "cal-\(UUID().uuidString)")
        try await h.carts.addCalendarItem(OrderShop.entry(1), to: .owner(owner))
        try await h.carts.addProduct(OrderShop.product(1).iri, quantity: 1, owner: owner)
        let start = try await h.checkout(owner)
        #expect(try await h.details(start.orderID).snapshot.calendarActors == [OrderShop.calendar])
        return (owner, start)
    }

    @Test(arguments: Backend.available)
    func calendarAnswersOnlyFromOwningCalendar(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let (_, start) = try await Self.calendarOrder(h)
            #expect(try await h.orders.calendarAnswered(orderID: start.orderID, calendar: OrderShop.otherCalendar,
                                                        accepted: false) == .notOwner)
            #expect(try await h.orders.calendarAnswered(orderID: UUID(), calendar: OrderShop.calendar, accepted: true) == .notOwner)
            #expect(try await h.details(start.orderID).snapshot.status == .awaitingPayment)
            #expect(try await h.orders.calendarAnswered(orderID: start.orderID, calendar: OrderShop.calendar, accepted: true) == .applied)
            #expect(try await h.orders.calendarAnswered(orderID: start.orderID, calendar: OrderShop.calendar, accepted: true) == .unchanged)
            #expect(try await h.details(start.orderID).snapshot.status == .awaitingPayment)
        }
    }

    @Test(arguments: Backend.available)
    func calendarRejectOfUnpaidOrderCancelsItAndDeactivatesAttempt(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let (owner, start) = try await Self.calendarOrder(h)
            let checkoutID = try await h.checkoutID(start.orderID)
            #expect(try await h.orders.calendarAnswered(orderID: start.orderID, calendar: OrderShop.calendar, accepted: false) == .applied)
            let details = try await h.details(start.orderID)
            #expect(details.snapshot.status == .cancelled)
            #expect(details.calendarRefused)
            #expect(await h.fake.checkout(checkoutID)?.deactivated == true)
            #expect(try await h.events(DomainEventKind.orderCancelled, of: start.orderID).count == 1)
            #expect(try await h.carts.view(.owner(owner)).groups.first?.lines.count == 2) // unlocked, still in the cart
            #expect(try await h.orders.calendarAnswered(orderID: start.orderID, calendar: OrderShop.calendar, accepted: false) == .unchanged)
        }
    }

    @Test(arguments: Backend.available)
    func calendarRejectOfPaidOrderMakesItOwed(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let (_, start) = try await Self.calendarOrder(h)
            try await h.fake.pay(try await h.checkoutID(start.orderID))
            #expect(try await h.details(start.orderID).snapshot.status == .paid)
            #expect(try await h.orders.calendarAnswered(orderID: start.orderID, calendar: OrderShop.calendar, accepted: false) == .applied)
            let details = try await h.details(start.orderID)
            #expect(details.snapshot.status == .owed)
            #expect(details.calendarRefused)
            #expect(try await h.events(DomainEventKind.orderPaid, of: start.orderID).count == 1)
            #expect(try await h.events(DomainEventKind.orderCancelled, of: start.orderID).isEmpty)
        }
    }
}
