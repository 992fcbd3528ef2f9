import Commerce
import Foundation
import Testing
import TestSupport

/// When the provider is read: coalescing windows and the 48-hour horizon of unknown money.
@Suite("Reconcile schedule")
struct ReconcileScheduleTests {
    @Test(arguments: Backend.available)
    func triggersWithinWindowShareOneReadAtItsEnd(_ backend: Backend) async throws {
        // A wide window keeps this test about coalescing, not about how busy the machine is: the
        // two triggers start well inside it, and the operator's read (bounded below by 14 s, well
        // short of the 20 s a coalesced read would wait) has room on a loaded 2-core CI machine.
        try await OrderHarness.run(backend, window: .seconds(20)) { h in
            let start = try await h.checkout(try await h.fillCart())
            let before = await h.fake.requestCount("GET /v0.1/checkouts/")
            #expect(try await h.orders.reconcile(orderID: start.orderID, trigger: .returnPage) == .awaitingPayment)
            let clock = ContinuousClock()
            let began = clock.now
            async let second = h.orders.reconcile(orderID: start.orderID, trigger: .webhook)
            async let third = h.orders.reconcile(orderID: start.orderID, trigger: .returnPage)
            _ = try await (second, third)
            let waited = clock.now - began
            #expect(waited >= .seconds(2), "the coalesced read waits for the window's end: \(waited)")
            #expect(await h.fake.requestCount("GET /v0.1/checkouts/") - before == 2)
            // An operator recheck reads at once, inside the new window, instead of waiting ~20 s.
            let operatorBegan = clock.now
            _ = try await h.orders.reconcile(orderID: start.orderID, trigger: .operator)
            #expect(clock.now - operatorBegan < .seconds(14))
            #expect(await h.fake.requestCount("GET /v0.1/checkouts/") - before == 3)
        }
    }

    @Test(arguments: Backend.available)
    func unknownMoneyIsReReadFor48Hours(_ backend: Backend) async throws {
        try await OrderHarness.run(backend) { h in
            let start = try await h.checkout(try await h.fillCart())
            h.clock.advance(minutes: Double(OrderHarness.holdMinutes) + 1)
            await h.fake.failNext(1) // deactivation fails: money state unknown
            #expect(try await h.orders.sweep().expired == 1)
            let reads = { await h.fake.requestCount("GET /v0.1/checkouts/") }
            let afterExpiry = await reads()
            h.clock.advance(minutes: 60)
            _ = try await h.orders.sweep()
            #expect(await reads() == afterExpiry + 1) // re-read hourly while unknown
            h.clock.advance(minutes: 48 * 60)
            _ = try await h.orders.sweep()
            let last = await reads()
            #expect(last == afterExpiry + 2)
            h.clock.advance(minutes: 120)
            _ = try await h.orders.sweep()
            #expect(await reads() == last) // past 48 hours: given up, left for operators
            #expect(try await h.details(start.orderID).moneyUnknown)
        }
    }
}
