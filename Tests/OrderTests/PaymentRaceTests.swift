import Commerce
import Foundation
import Testing
import TestSupport

/// Webhook, return page and sweeper racing over one payment: effects exactly once, both backends,
/// the real SumUp provider against the fake SumUp over loopback.
@Suite("Payment races")
struct PaymentRaceTests {
    @Test(arguments: Backend.available)
    func webhookBeforeReturn(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            let start = try await h.checkout(owner)
            let checkoutID = try await h.checkoutID(start.orderID)
            #expect(start.paymentURL.contains(checkoutID))
            #expect(try await h.details(start.orderID).snapshot.total == Money(1400, OrderShop.gbp))
            try await h.fake.pay(checkoutID) // the webhook arrives and reconciles before pay returns
            #expect(try await h.details(start.orderID).snapshot.status == .paid)
            #expect(try await h.orders.reconcile(orderID: start.orderID, trigger: .returnPage) == .paid)
            #expect(try await h.events(DomainEventKind.orderPaid, of: start.orderID).count == 1)
            #expect(try await h.carts.view(.owner(owner)).groups.isEmpty)
            let paid = try await h.details(start.orderID)
            #expect(paid.snapshot.paymentReference != nil)
            #expect(paid.snapshot.paymentReference == (await h.fake.checkout(checkoutID))?.transaction?.code)
            #expect(paid.paymentURL == nil)
        }
    }

    @Test(arguments: Backend.available)
    func returnBeforeWebhook(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let start = try await h.checkout(try await h.fillCart())
            let checkoutID = try await h.checkoutID(start.orderID)
            await h.fake.loseWebhooks()
            try await h.fake.pay(checkoutID)
            #expect(try await h.details(start.orderID).snapshot.status == .awaitingPayment)
            #expect(try await h.orders.reconcile(orderID: start.orderID, trigger: .returnPage) == .paid)
            await h.fake.loseWebhooks(false)
            await h.fake.sendWebhook(checkoutID)
            #expect(try await h.details(start.orderID).snapshot.status == .paid)
            #expect(try await h.events(DomainEventKind.orderPaid, of: start.orderID).count == 1)
        }
    }

    @Test(arguments: Backend.available)
    func tenDuplicateWebhooksReturnAndSweeperEmitOnePaid(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let start = try await h.checkout(try await h.fillCart())
            let checkoutID = try await h.checkoutID(start.orderID)
            await h.fake.loseWebhooks()
            try await h.fake.pay(checkoutID)
            await h.fake.loseWebhooks(false)
            h.clock.advance(seconds: 61) // the attempt's first sweeper read is due
            let readsBefore = await h.fake.requestCount("GET /v0.1/checkouts/")
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<10 { group.addTask { await h.fake.sendWebhook(checkoutID) } }
                group.addTask { _ = try await h.orders.reconcile(orderID: start.orderID, trigger: .returnPage) }
                group.addTask { _ = try await h.orders.sweep() }
                try await group.waitForAll()
            }
            #expect(try await h.details(start.orderID).snapshot.status == .paid)
            #expect(try await h.events(DomainEventKind.orderPaid, of: start.orderID).count == 1)
            // Coalesced: twelve triggers, a handful of provider reads (one in flight, one queued, sweeper).
            let reads = await h.fake.requestCount("GET /v0.1/checkouts/") - readsBefore
            #expect(reads >= 1 && reads <= 4, "provider reads: \(reads)")
        }
    }

    @Test(arguments: Backend.available)
    func lostWebhookRecoveredBySweeper(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let start = try await h.checkout(try await h.fillCart())
            await h.fake.loseWebhooks()
            try await h.fake.pay(try await h.checkoutID(start.orderID))
            #expect(try await h.orders.sweep().reread == 0) // nothing due yet
            #expect(try await h.details(start.orderID).snapshot.status == .awaitingPayment)
            h.clock.advance(seconds: 61)
            let report = try await h.orders.sweep()
            #expect(report.reread == 1)
            #expect(report.moneyFound == 1)
            #expect(try await h.details(start.orderID).snapshot.status == .paid)
            #expect(try await h.events(DomainEventKind.orderPaid, of: start.orderID).count == 1)
            h.clock.advance(minutes: 5)
            #expect(try await h.orders.sweep().reread == 0) // paid attempts are not read again
        }
    }

    @Test(arguments: Backend.available)
    func crashAfterProviderCreatedBeforeCommitFindsAttemptByReference(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            // SumUp stores the checkout but our side never hears the answer (as if we crashed).
            await h.fake.answerAfterCreate([503])
            var orderID: UUID?
            do {
                _ = try await h.checkout(owner)
                Issue.record("checkout should report the provider unavailable")
            } catch let CheckoutError.providerUnavailable(id, _) {
                orderID = id
            }
            let id = try #require(orderID)
            #expect(try await h.details(id).attempts.map(\.state) == [.unconfirmed])
            let created = try #require(await h.fake.checkouts().last)
            #expect(created.reference == (try await h.details(id)).attempts[0].reference)
            try await h.fake.pay(created.id) // its webhook names a checkout we never stored
            #expect(await h.webhooks.unknown == 1)
            h.clock.advance(seconds: 61)
            _ = try await h.orders.sweep()
            let details = try await h.details(id)
            #expect(details.snapshot.status == .paid)
            #expect(details.attempts[0].providerCheckoutID == created.id)
            #expect(try await h.events(DomainEventKind.orderPaid, of: id).count == 1)
        }
    }

    @Test(arguments: Backend.available)
    func createAnswered409FindsCheckoutByReference(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            await h.fake.answer409OnCreate()
            let start = try await h.checkout(try await h.fillCart())
            let created = try #require(await h.fake.checkouts().last)
            #expect(try await h.checkoutID(start.orderID) == created.id)
            #expect(start.paymentURL.contains(created.id))
            #expect(await h.fake.requestCount("POST /v0.1/checkouts") == 1)
        }
    }

    @Test(arguments: Backend.available)
    func paymentAfterFailedOnSameAttemptIsPaid(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let start = try await h.checkout(try await h.fillCart())
            let checkoutID = try await h.checkoutID(start.orderID)
            #expect(await h.fake.fail(checkoutID) != nil)
            try await Task.sleep(for: .milliseconds(250)) // past the coalescing window
            #expect(try await h.orders.reconcile(orderID: start.orderID, trigger: .returnPage) == .awaitingPayment)
            let failed = try await h.details(start.orderID)
            #expect(failed.attempts.last?.providerStatus == .failed)
            #expect(failed.paymentURL != nil) // FAILED is not final: the page can still take money
            try await h.fake.pay(checkoutID)
            #expect(try await h.orders.reconcile(orderID: start.orderID, trigger: .returnPage) == .paid)
            #expect(try await h.events(DomainEventKind.orderPaid, of: start.orderID).count == 1)
            #expect(try await h.events(DomainEventKind.orderCancelled, of: start.orderID).isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func latePaymentAfterExpiryIsOwed(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let owner = try await h.fillCart()
            let start = try await h.checkout(owner)
            let checkoutID = try await h.checkoutID(start.orderID)
            h.clock.advance(minutes: Double(OrderHarness.holdMinutes) + 1)
            await h.fake.failNext(1) // the deactivation fails: the hosted page may still take money
            let report = try await h.orders.sweep()
            #expect(report.expired == 1)
            let expired = try await h.details(start.orderID)
            #expect(expired.snapshot.status == .expired)
            #expect(expired.moneyUnknown)
            #expect(try await h.events(DomainEventKind.orderExpired, of: start.orderID).count == 1)
            // Lines are unlocked: editing one needs no order released.
            let line = try #require(try await h.carts.view(.owner(owner)).groups.first?.lines.first)
            #expect(try await h.carts.setQuantity(line: line.id, to: 2, owner: owner)?.quantity == 2)
            try await h.fake.pay(checkoutID)
            let owed = try await h.details(start.orderID)
            #expect(owed.snapshot.status == .owed)
            #expect(try await h.events(DomainEventKind.orderPaid, of: start.orderID).isEmpty)
            #expect(try await h.orders.sweep().expired == 0)
        }
    }

    @Test(arguments: Backend.available)
    func expiryDeactivatesAttemptSoNoMoneyCanCome(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let start = try await h.checkout(try await h.fillCart())
            let checkoutID = try await h.checkoutID(start.orderID)
            h.clock.advance(minutes: Double(OrderHarness.holdMinutes) + 1)
            #expect(try await h.orders.sweep().expired == 1)
            let expired = try await h.details(start.orderID)
            #expect(expired.attempts.map(\.state) == [.deactivated])
            #expect(!expired.moneyUnknown)
            #expect(await h.fake.checkout(checkoutID)?.deactivated == true)
            await #expect(throws: FakePaymentRefusal.deactivated) { try await h.fake.pay(checkoutID) }
        }
    }

    @Test(arguments: Backend.available)
    func amountMismatchIsFlaggedNotPaid(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let start = try await h.checkout(try await h.fillCart())
            let checkoutID = try await h.checkoutID(start.orderID)
            await h.fake.reportAmount(Money(100, OrderShop.gbp), for: checkoutID)
            try await h.fake.pay(checkoutID)
            let details = try await h.details(start.orderID)
            #expect(details.snapshot.status == .awaitingPayment)
            #expect(details.mismatch?.contains("amount") == true)
            #expect(details.moneyUnknown)
            #expect(try await h.events(DomainEventKind.orderPaid, of: start.orderID).isEmpty)
        }
    }
}

/// Several instances (each its own `OrderService`, as separate processes would be) sweeping one database.
@Suite("Sweepers sharing a database")
struct SharedSweeperTests {
    @Test(arguments: Backend.available)
    func twoInstancesSweepingEmitOnePaid(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let start = try await h.checkout(try await h.fillCart())
            await h.fake.loseWebhooks()
            try await h.fake.pay(try await h.checkoutID(start.orderID))
            h.clock.advance(seconds: 61)
            let other = h.secondInstance()
            async let first = h.orders.sweep()
            async let second = other.sweep()
            let reports = try await [first, second]
            #expect(reports.map(\.reread).reduce(0, +) >= 1)
            #expect(try await h.details(start.orderID).snapshot.status == .paid)
            #expect(try await h.events(DomainEventKind.orderPaid, of: start.orderID).count == 1)
        }
    }
}
