import Commerce
import Foundation
import Storage
import Testing
import TestSupport

/// Every `RefundReader`/`RefundWriter` method, on every backend (migration 9).
@Suite("Refund store conformance")
struct RefundStoreConformanceTests {
    static let now = CommerceStoreConformanceTests.now

    static func refund(_ orderID: UUID, minor: Int64, state: RefundState, at offset: TimeInterval = 0) -> RefundRecord {
        RefundRecord(orderID: orderID, amount: Money(minor, Shop.gbp), state: state, requestedBy: "cli:test", attempts: 1,
                     createdAt: now.addingTimeInterval(offset), updatedAt: now.addingTimeInterval(offset), transactionID: "txn-1",
                     lastSentAt: now.addingTimeInterval(offset), nextCheckAt: state.isOpen ? now.addingTimeInterval(offset + 60) : nil)
    }

    @Test(arguments: Backend.available)
    func refundsRoundTripInOrderAndOneOpenPerOrder(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let order = CommerceStoreConformanceTests.sampleOrder(number: 1, owner: .anonymous(sessionKey: "k1"))
            try await store.write { try await $0.insertOrder(order) }
            // Same instant: the order they were written in is kept.
            let first = Self.refund(order.id, minor: 500, state: .succeeded)
            let second = Self.refund(order.id, minor: 200, state: .failed)
            let open = Self.refund(order.id, minor: 300, state: .requested)
            for row in [first, second, open] { try await store.write { try await $0.insertRefund(row) } }
            #expect(try await store.read { try await $0.refunds(orderID: order.id) } == [first, second, open])
            await #expect(throws: CommerceStoreError.self, "a second open refund of one order") {
                try await store.write { try await $0.insertRefund(Self.refund(order.id, minor: 1, state: .unknown)) }
            }
            var settled = open
            settled.state = .unknown
            settled.attempts = 2
            settled.lastError = "SumUp answered 500"
            settled.updatedAt = Self.now.addingTimeInterval(5)
            settled.nextCheckAt = Self.now.addingTimeInterval(180)
            let changed = settled
            try await store.write { try await $0.updateRefund(changed) }
            #expect(try await store.read { try await $0.refunds(orderID: order.id) }.last == changed)
            await #expect(throws: CommerceStoreError.self) {
                try await store.write { try await $0.updateRefund(Self.refund(order.id, minor: 9, state: .failed)) }
            }
        }
    }

    @Test(arguments: Backend.available)
    func dueRefundsAreOpenOnesWhoseCheckCame(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let a = CommerceStoreConformanceTests.sampleOrder(number: 1, owner: .anonymous(sessionKey: "k1"))
            let b = CommerceStoreConformanceTests.sampleOrder(number: 2, owner: .anonymous(sessionKey: "k2"))
            try await store.write { writer in
                try await writer.insertOrder(a)
                try await writer.insertOrder(b)
            }
            let soon = Self.refund(a.id, minor: 100, state: .unknown)
            let later = Self.refund(b.id, minor: 100, state: .requested, at: 600)
            let done = Self.refund(b.id, minor: 100, state: .succeeded)
            for row in [soon, later, done] { try await store.write { try await $0.insertRefund(row) } }
            #expect(try await store.write { try await $0.dueRefunds(now: Self.now.addingTimeInterval(59), limit: 10) }.isEmpty)
            #expect(try await store.write { try await $0.dueRefunds(now: Self.now.addingTimeInterval(60), limit: 10) } == [soon])
            #expect(try await store.write { try await $0.dueRefunds(now: Self.now.addingTimeInterval(7200), limit: 10) } == [soon, later])
            #expect(try await store.write { try await $0.dueRefunds(now: Self.now.addingTimeInterval(7200), limit: 1) } == [soon])
        }
    }

    @Test(arguments: Backend.available)
    func ordersNeedingAttentionAreOwedUnknownOrWithOpenRefunds(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            let owner = CartOwner.anonymous(sessionKey: "k1")
            var orders: [String: OrderRecord] = [:]
            for (n, name) in ["paid", "owed", "refunding", "unknownMoney", "waiting", "mismatch"].enumerated() {
                var order = CommerceStoreConformanceTests.sampleOrder(number: n + 1, owner: owner)
                order.snapshot.createdAt = Self.now.addingTimeInterval(Double(n))
                order.status = ["paid": .paid, "owed": .owed, "refunding": .paid, "unknownMoney": .expired,
                                "waiting": .awaitingPayment, "mismatch": .awaitingPayment][name] ?? .paid
                if name == "mismatch" { order.mismatch = "amount 1 is not 1900 minor units" }
                orders[name] = order
                let stored = order
                try await store.write { try await $0.insertOrder(stored) }
            }
            let openAttempts = ["unknownMoney", "waiting"].compactMap { orders[$0] }.map { order in
                PaymentAttempt(orderID: order.id, state: .open, amount: order.snapshot.total, merchantCode: "MC1",
                               validUntil: Self.now, createdAt: Self.now)
            }
            let refunding = try #require(orders["refunding"])
            try await store.write { writer in
                for attempt in openAttempts { try await writer.insertAttempt(attempt) }
                try await writer.insertRefund(Self.refund(refunding.id, minor: 100, state: .unknown))
            }
            let found = try await store.read { try await $0.ordersNeedingAttention(limit: 10) }.map(\.id)
            let expected = ["mismatch", "unknownMoney", "refunding", "owed"].compactMap { orders[$0]?.id }
            #expect(found == expected)
            #expect(try await store.read { try await $0.ordersNeedingAttention(limit: 2) }.map(\.id) == Array(expected.prefix(2)))
        }
    }
}
