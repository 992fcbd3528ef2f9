import Commerce
import Foundation
import Server
import Storage
import TestSupport
import Testing

/// The sandbox answers the transaction read refunds are settled with, like SumUp's.
@Suite("The demo sandbox reads transactions back")
struct SandboxRefundReadTests {
    @Test("a paid checkout's transaction shows what was refunded; unknown ones are not found", arguments: Backend.available)
    func transactionRead(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let sandbox = SandboxProvider(database: database, baseURL: "http://127.0.0.1:8080")
            let gbp = try #require(Currency(code: "GBP"))
            let request = CheckoutRequest(reference: UUID().uuidString.lowercased(), amount: Money(2500, gbp), merchantCode: "SANDBOX",
                                          description: "Order 1", webhookURL: "http://127.0.0.1:8080/webhooks/sumup",
                                          redirectURL: "http://127.0.0.1:8080/orders/o1/return", validUntil: Date().addingTimeInterval(900))
            let created = try await sandbox.createCheckout(request, credentials: SandboxProvider.credentials)
            await #expect(throws: PaymentProviderError.notFound) {
                try await sandbox.transaction(id: "txn-7", credentials: SandboxProvider.credentials)
            }
            #expect(try await sandbox.store.pay(id: created.id, transactionCode: "SBX7", transactionID: "txn-7", now: Date()))
            #expect(try await sandbox.transaction(id: "txn-7", credentials: SandboxProvider.credentials)
                == ProviderTransaction(id: "txn-7", amount: Money(2500, gbp), status: "SUCCESSFUL", refunded: Money(0, gbp)))
            try await sandbox.refund(transactionID: "txn-7", amount: Money(700, gbp), credentials: SandboxProvider.credentials)
            let read = try await sandbox.transaction(id: "txn-7", credentials: SandboxProvider.credentials)
            #expect(read.refunded == Money(700, gbp))
            #expect(read.status == "REFUNDED")
        }
    }
}
