import Commerce
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
@testable import Server
import ServiceLifecycle
import Storage
import Testing
import TestSupport

@Suite("Payment sweeper service")
struct PaymentSweeperServiceTests {
    /// Checks out through an app on `clock`, pays on the fake with the webhook lost, then hands a
    /// sweeper over the same database and clock to `body`.
    static func withLostPayment(_ backend: Backend,
                                _ body: @escaping @Sendable (Browser, String, PaymentSweeperService, ManualClock, FakeSumUp) async throws -> Void) async throws {
        try await FakeSumUp.run { fake in
            await fake.loseWebhooks()
            try await TestDatabases.withDatabase(backend) { database in
                let clock = ManualClock(Date())
                let configuration = OrderTestApp.configuration(fake)
                let app = try await buildApplication(configuration: configuration, database: database, logger: TestApp.logger, clock: clock)
                let payments = try await PaymentSetup.make(configuration: configuration, database: database, logger: TestApp.logger, clock: clock)
                let sweeper = PaymentSweeperService(orders: payments.orders, interval: 0.05, logger: TestApp.logger)
                try await app.test(.router) { client in
                    var browser = Browser(client)
                    let checkoutID = try #require(try await browser.addAndCheckOut().hostedCheckoutID)
                    let id = try #require(try await browser.firstOrderID())
                    _ = try await fake.pay(checkoutID)
                    try await body(browser, id, sweeper, clock, fake)
                }
                await payments.shutdown()
            }
        }
    }

    @Test(arguments: Backend.available)
    func sweepFindsPaymentWhoseWebhookWasLost(backend: Backend) async throws {
        try await Self.withLostPayment(backend) { browser, id, sweeper, clock, _ in
            var browser = browser
            clock.advance(5 * 60)
            let report = try #require(await sweeper.sweepOnce())
            #expect(report.moneyFound == 1)
            #expect(try await browser.get("/orders/\(id)").text.contains("Paid"))
            let again = try #require(await sweeper.sweepOnce())
            #expect(again.moneyFound == 0)
        }
    }

    @Test(arguments: Backend.available)
    func serviceKeepsSweepingThroughProviderErrorsAndStopsOnShutdown(backend: Backend) async throws {
        try await Self.withLostPayment(backend) { browser, id, sweeper, clock, fake in
            var browser = browser
            clock.advance(5 * 60)
            await fake.failNext(1_000, status: 503)
            let failed = await sweeper.sweepOnce()
            #expect(failed == nil || failed?.failures ?? 0 > 0)
            let group = ServiceGroup(services: [sweeper], gracefulShutdownSignals: [], logger: TestApp.logger)
            let running = Task { try await group.run() }
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await browser.get("/orders/\(id)").text.contains("Awaiting payment"))
            await fake.failNext(0)
            clock.advance(60 * 60)
            var paid = false
            for _ in 0..<100 where !paid {
                try await Task.sleep(for: .milliseconds(50))
                paid = try await browser.get("/orders/\(id)").text.contains("Paid")
            }
            #expect(paid)
            await group.triggerGracefulShutdown()
            try await running.value
        }
    }
}
