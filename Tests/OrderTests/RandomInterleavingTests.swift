import Commerce
import Foundation
import Testing
import TestSupport

/// Random mixes of payment, webhooks, return pages, sweeps, cart edits and expiry, run
/// concurrently: exactly one `order.paid` per paid order, none for the others.
@Suite("Randomized interleavings")
struct RandomInterleavingTests {
    /// Rounds per backend (`CART_RACE_ROUNDS`, default 10; 200 locally once).
    static let rounds = ProcessInfo.processInfo.environment["CART_RACE_ROUNDS"].flatMap(Int.init) ?? 10
    /// The seed (`CART_RACE_SEED`), printed so a failure can be replayed.
    static let seed = ProcessInfo.processInfo.environment["CART_RACE_SEED"].flatMap(UInt64.init) ?? 0x5eed_cafe

    enum Step: Sendable { case pay, webhook, returnPage, sweep, editCart, failCard, expire }

    @Test(arguments: Backend.available)
    func exactlyOnePaidEventPerPaidOrder(_ backend: Backend) async throws {
        var generator = SplitMix64(seed: Self.seed)
        let plans: [[Step]] = (0..<Self.rounds).map { _ in
            let all: [Step] = [.pay, .webhook, .webhook, .returnPage, .sweep, .editCart, .failCard, .expire]
            return all.filter { _ in Bool.random(using: &generator) } + (Bool.random(using: &generator) ? [.pay] : [])
        }
        try await OrderHarness.run(backend, window: .milliseconds(50)) { h in
            for (round, plan) in plans.enumerated() {
                let owner = try await h.fillCart()
                let start = try await h.checkout(owner)
                let checkoutID = try await h.checkoutID(start.orderID)
                await withTaskGroup(of: Void.self) { group in
                    for step in plan {
                        group.addTask { await Self.run(step, h: h, owner: owner, orderID: start.orderID, checkoutID: checkoutID) }
                    }
                }
                // Settle: a final operator read, then compare with what the provider holds.
                var status = try await h.orders.reconcile(orderID: start.orderID, trigger: .operator)
                if status == .awaitingPayment, let _ = try? await h.fake.pay(checkoutID) {
                    // Still open: paying now must pay it (and only once).
                    status = try await h.orders.reconcile(orderID: start.orderID, trigger: .operator)
                    #expect(status == .paid)
                }
                let paidEvents = try await h.events(DomainEventKind.orderPaid, of: start.orderID).count
                let providerPaid = await h.fake.checkout(checkoutID)?.status == .paid
                let context = "seed \(Self.seed) round \(round) plan \(plan) status \(status)"
                #expect(paidEvents == (status == .paid ? 1 : 0), "\(context)")
                #expect(providerPaid == (status == .paid || status == .owed), "\(context)")
                let endings = try await h.events(DomainEventKind.orderCancelled, of: start.orderID).count
                    + (try await h.events(DomainEventKind.orderExpired, of: start.orderID).count)
                #expect(endings <= 1, "\(context)")
                if status == .paid { #expect(endings == 0, "\(context)") }
            }
        }
    }

    private static func run(_ step: Step, h: OrderHarness, owner: CartOwner, orderID: UUID, checkoutID: String) async {
        switch step {
        case .pay: _ = try? await h.fake.pay(checkoutID)
        case .failCard: _ = await h.fake.fail(checkoutID)
        case .webhook: await h.fake.sendWebhook(checkoutID)
        case .returnPage: _ = try? await h.orders.reconcile(orderID: orderID, trigger: .returnPage)
        case .sweep: _ = try? await h.orders.sweep()
        case .expire:
            h.clock.advance(minutes: Double(OrderHarness.holdMinutes) + 1)
            _ = try? await h.orders.sweep()
        case .editCart:
            if let line = try? await h.carts.view(.owner(owner)).groups.first?.lines.first {
                _ = try? await h.carts.setQuantity(line: line.id, to: 7, owner: owner)
            }
        }
    }
}

/// A small seeded generator (SplitMix64) so a failing interleaving can be replayed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D4_9B63_133B_11EB
        return z ^ (z >> 31)
    }
}
