import Commerce
import Foundation
import Testing
import TestSupport

/// Checkouts refused with typed errors, nothing stored.
@Suite("Checkout refusals")
struct CheckoutRefusalTests {
    @Test(arguments: Backend.available)
    func refusalsStoreNothing(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = OrderShop.visitor()
            await #expect(throws: CheckoutError.emptyCart) { try await h.checkout(owner) }
            _ = try await h.fillCart(owner)
            await #expect(throws: CheckoutError.unknownPage) {
                try await h.orders.checkout(pageSlug: "no-such-page", owner: owner)
            }
            // Price changed since added.
            _ = try await CatalogService(store: h.store).upsertProduct(OrderShop.product(2, minor: 400))
            await #expect(throws: CheckoutError.priceChanged("Product 2")) { try await h.checkout(owner) }
            _ = try await CatalogService(store: h.store).upsertProduct(OrderShop.product(2))
            // Withdrawn.
            try await CatalogService(store: h.store).withdrawProduct(OrderShop.product(1).iri)
            await #expect(throws: CheckoutError.productWithdrawn("Product 1")) { try await h.checkout(owner) }
            #expect(try await h.orders.orders(owner: owner).isEmpty)
            #expect(try await SQLEventLogReader.events(h, kind: DomainEventKind.orderCreated).isEmpty)
            #expect(await h.fake.requestCount("POST") == 0)
        }
    }

    @Test(arguments: Backend.available)
    func pageWithoutCredentialsIsRefused(_ backend: Backend) async throws {
        try await OrderHarness.run(backend, withCredentials: false) { h in
            let owner = try await h.fillCart()
            await #expect(throws: CheckoutError.noPaymentCredentials) { try await h.checkout(owner) }
            #expect(try await h.orders.orders(owner: owner).isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func providerDownKeepsOrderAndRetryStartsNewAttempt(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            await h.fake.failNext(1)
            var orderID: UUID?
            do { _ = try await h.checkout(owner) } catch let CheckoutError.providerUnavailable(id, _) { orderID = id }
            let id = try #require(orderID)
            // The first attempt never reached SumUp; the retry looks it up, finds nothing, makes a new one.
            let retry = try await h.orders.retryPayment(orderID: id, owner: owner)
            let details = try await h.details(id)
            #expect(details.attempts.count == 2)
            #expect(details.attempts.last?.state == .open)
            #expect(retry.paymentURL == details.paymentURL)
            await #expect(throws: CheckoutError.unknownOrder) {
                try await h.orders.retryPayment(orderID: id, owner: OrderShop.visitor())
            }
        }
    }

    @Test(arguments: Backend.available)
    func orderOpensOnlyForOwnerOrReceiptKey(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            let start = try await h.checkout(owner)
            let key = try await h.details(start.orderID).receiptKey
            #expect(key.count >= 22)
            #expect(try await h.orders.order(id: start.orderID, access: .owner(owner)) != nil)
            #expect(try await h.orders.order(id: start.orderID, access: .receipt(key)) != nil)
            #expect(try await h.orders.order(id: start.orderID, access: .owner(OrderShop.visitor())) == nil)
            let wrong = String(key.dropLast()) + (key.hasSuffix("x") ? "y" : "x")
            #expect(try await h.orders.order(id: start.orderID, access: .receipt(wrong)) == nil)
            #expect(try await h.orders.order(id: start.orderID, access: .receipt("")) == nil)
        }
    }
}
