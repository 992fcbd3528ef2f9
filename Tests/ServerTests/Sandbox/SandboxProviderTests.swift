import Commerce
import Foundation
import Server
import Storage
import TestSupport
import Testing

/// A clock fixed at one instant (the sandbox reads time only through its clock).
private struct FixedClock: WallClock {
    let instant: Date
    func now() -> Date { instant }
}

@Suite("The demo sandbox behaves like SumUp through the same protocol")
struct SandboxProviderTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func request(reference: String = UUID().uuidString.lowercased(), minor: Int64 = 2500) throws -> CheckoutRequest {
        CheckoutRequest(reference: reference, amount: Money(minor, try #require(Currency(code: "GBP"))), merchantCode: "SANDBOX",
                        description: "Order 1", webhookURL: "http://127.0.0.1:8080/webhooks/sumup",
                        redirectURL: "http://127.0.0.1:8080/orders/o1/return", validUntil: start.addingTimeInterval(900))
    }

    static func provider(_ database: Database, at date: Date = start) -> SandboxProvider {
        SandboxProvider(database: database, baseURL: "http://127.0.0.1:8080/", clock: FixedClock(instant: date))
    }

    @Test("create, read, look up by reference; a used reference is a conflict", arguments: Backend.available)
    func createAndRead(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let sandbox = Self.provider(database)
            let request = try Self.request()
            let created = try await sandbox.createCheckout(request, credentials: SandboxProvider.credentials)
            #expect(created.status == .pending)
            #expect(created.amount == request.amount)
            #expect(created.reference == request.reference)
            #expect(created.hostedCheckoutURL == "http://127.0.0.1:8080/sandbox/pay/\(created.id)")
            await #expect(throws: PaymentProviderError.conflict) {
                try await sandbox.createCheckout(request, credentials: SandboxProvider.credentials)
            }
            #expect(try await sandbox.checkouts(reference: request.reference, credentials: SandboxProvider.credentials).map(\.id) == [created.id])
            await #expect(throws: PaymentProviderError.notFound) { try await sandbox.checkout(id: "nope", credentials: SandboxProvider.credentials) }
            // Past valid_until an unpaid checkout reads EXPIRED and can no longer be paid.
            let later = Self.provider(database, at: Self.start.addingTimeInterval(3600))
            #expect(try await later.checkout(id: created.id, credentials: SandboxProvider.credentials).status == .expired)
            #expect(try await sandbox.store.pay(id: created.id, transactionCode: "T", transactionID: "t", now: Self.start.addingTimeInterval(3600)) == false)
        }
    }

    @Test("decline then pay (FAILED is not final); a paid checkout refuses deactivation", arguments: Backend.available)
    func payAfterDecline(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let sandbox = Self.provider(database)
            let created = try await sandbox.createCheckout(try Self.request(), credentials: SandboxProvider.credentials)
            #expect(try await sandbox.store.decline(id: created.id, now: Self.start))
            #expect(try await sandbox.checkout(id: created.id, credentials: SandboxProvider.credentials).status == .failed)
            #expect(try await sandbox.store.pay(id: created.id, transactionCode: "SBX1", transactionID: "txn-1", now: Self.start))
            #expect(try await sandbox.store.pay(id: created.id, transactionCode: "SBX2", transactionID: "txn-2", now: Self.start) == false)
            let paid = try await sandbox.checkout(id: created.id, credentials: SandboxProvider.credentials)
            #expect(paid.status == .paid && paid.transactionCode == "SBX1" && paid.transactionID == "txn-1")
            await #expect(throws: PaymentProviderError.alreadyPaid) {
                try await sandbox.deactivate(id: created.id, credentials: SandboxProvider.credentials)
            }
        }
    }

    @Test("a deactivated checkout cannot be paid", arguments: Backend.available)
    func deactivated(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let sandbox = Self.provider(database)
            let created = try await sandbox.createCheckout(try Self.request(), credentials: SandboxProvider.credentials)
            #expect(try await sandbox.deactivate(id: created.id, credentials: SandboxProvider.credentials).status == .expired)
            #expect(try await sandbox.store.pay(id: created.id, transactionCode: "T", transactionID: "t", now: Self.start) == false)
            #expect(try await sandbox.store.decline(id: created.id, now: Self.start) == false)
        }
    }

    @Test("refunds: partial, then the rest; never more than was paid", arguments: Backend.available)
    func refunds(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let sandbox = Self.provider(database)
            let created = try await sandbox.createCheckout(try Self.request(minor: 2500), credentials: SandboxProvider.credentials)
            await #expect(throws: PaymentProviderError.notFound) {
                try await sandbox.refund(transactionID: "txn-9", amount: nil, credentials: SandboxProvider.credentials)
            }
            #expect(try await sandbox.store.pay(id: created.id, transactionCode: "SBX9", transactionID: "txn-9", now: Self.start))
            try await sandbox.refund(transactionID: "txn-9", amount: Money(1000, created.amount.currency), credentials: SandboxProvider.credentials)
            await #expect(throws: PaymentProviderError.self) {
                try await sandbox.refund(transactionID: "txn-9", amount: Money(1501, created.amount.currency), credentials: SandboxProvider.credentials)
            }
            try await sandbox.refund(transactionID: "txn-9", amount: nil, credentials: SandboxProvider.credentials)
            #expect(try await sandbox.store.checkout(id: created.id)?.refundedMinor == 2500)
            await #expect(throws: PaymentProviderError.self) {
                try await sandbox.refund(transactionID: "txn-9", amount: nil, credentials: SandboxProvider.credentials)
            }
        }
    }

    @Test("concurrent Pay and Decline: exactly one wins", arguments: Backend.available)
    func concurrentAnswers(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let sandbox = Self.provider(database)
            let created = try await sandbox.createCheckout(try Self.request(), credentials: SandboxProvider.credentials)
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        try await sandbox.store.pay(id: created.id, transactionCode: "SBX\(index)", transactionID: "txn-\(index)", now: Self.start)
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 1)
        }
    }
}
