import Commerce
import Foundation
import Payments
import TestSupport
import Testing

@Suite("SumUpProvider against the fake SumUp")
struct SumUpProviderTests {
    @Test("create sends every contract field, schema-valid, and reads back PENDING")
    func createSendsEveryField() async throws {
        try await FakeSumUp.run { fake in
            let request = try PaymentFixtures.request(fake, minor: 1250)
            let created = try await fake.provider().createCheckout(request, credentials: fake.credentials)
            #expect(created.reference == request.reference)
            #expect(created.amount == request.amount)
            #expect(created.status == .pending)
            #expect(created.hostedCheckoutURL == fake.hostedPageURL(created.id))
            let stored = try #require(await fake.checkout(created.id))
            #expect(stored.returnURL == request.webhookURL)
            #expect(stored.redirectURL == request.redirectURL)
            #expect(stored.description == request.description)
            #expect(abs((stored.validUntil ?? .distantPast).timeIntervalSince(request.validUntil)) < 1)
            #expect(await fake.violations().isEmpty)
        }
    }

    @Test("a paid checkout reports its successful transaction")
    func paidCheckoutReportsTransaction() async throws {
        try await FakeSumUp.run { fake in
            let provider = fake.provider()
            let created = try await provider.createCheckout(try PaymentFixtures.request(fake), credentials: fake.credentials)
            let paid = try await fake.pay(created.id)
            let read = try await provider.checkout(id: created.id, credentials: fake.credentials)
            #expect(read.status == .paid)
            #expect(read.transactionCode == paid.transaction?.code)
            #expect(read.transactionID == paid.transaction?.id)
            #expect(read.amount.minorUnits == 1999)
        }
    }

    @Test("a 409 on create is answered by looking the reference up")
    func conflictOnCreateFoundByReference() async throws {
        try await FakeSumUp.run { fake in
            let provider = fake.provider()
            let request = try PaymentFixtures.request(fake)
            await fake.answer409OnCreate()
            await #expect(throws: PaymentProviderError.conflict) {
                try await provider.createCheckout(request, credentials: fake.credentials)
            }
            let found = try await provider.checkouts(reference: request.reference, credentials: fake.credentials)
            #expect(found.map(\.id) == (await fake.checkouts()).map(\.id))
            // The same reference again is SumUp's own duplicate answer.
            await #expect(throws: PaymentProviderError.conflict) {
                try await provider.createCheckout(request, credentials: fake.credentials)
            }
            #expect(try await provider.checkouts(reference: "no-such-reference", credentials: fake.credentials).isEmpty)
        }
    }

    @Test("deactivating an open checkout stops payment; a paid one answers alreadyPaid")
    func deactivate() async throws {
        try await FakeSumUp.run { fake in
            let provider = fake.provider()
            let open = try await provider.createCheckout(try PaymentFixtures.request(fake), credentials: fake.credentials)
            let closed = try await provider.deactivate(id: open.id, credentials: fake.credentials)
            #expect(closed.status == .expired)
            await #expect(throws: FakePaymentRefusal.deactivated) { try await fake.pay(open.id) }

            let paid = try await provider.createCheckout(try PaymentFixtures.request(fake), credentials: fake.credentials)
            try await fake.pay(paid.id)
            await #expect(throws: PaymentProviderError.alreadyPaid) {
                try await provider.deactivate(id: paid.id, credentials: fake.credentials)
            }
        }
    }

    @Test("FAILED is not final: the same checkout can be paid afterwards")
    func paymentAfterFailed() async throws {
        try await FakeSumUp.run { fake in
            let provider = fake.provider()
            let created = try await provider.createCheckout(try PaymentFixtures.request(fake), credentials: fake.credentials)
            _ = await fake.fail(created.id)
            #expect(try await provider.checkout(id: created.id, credentials: fake.credentials).status == .failed)
            try await fake.pay(created.id)
            #expect(try await provider.checkout(id: created.id, credentials: fake.credentials).status == .paid)
        }
    }

    @Test("partial then full refunds; more than was paid is refused")
    func refunds() async throws {
        try await FakeSumUp.run { fake in
            let provider = fake.provider()
            let created = try await provider.createCheckout(try PaymentFixtures.request(fake, minor: 2000), credentials: fake.credentials)
            let transaction = try #require(try await fake.pay(created.id).transaction?.id)
            try await provider.refund(transactionID: transaction, amount: Money(500, created.amount.currency), credentials: fake.credentials)
            try await provider.refund(transactionID: transaction, amount: nil, credentials: fake.credentials)
            #expect(await fake.refunds().map(\.amount) == [Money(500, created.amount.currency), nil])
            await #expect(throws: PaymentProviderError.rejected(status: 409, message: "The transaction is not refundable in its current state")) {
                try await provider.refund(transactionID: transaction, amount: nil, credentials: fake.credentials)
            }
            await #expect(throws: PaymentProviderError.notFound) {
                try await provider.refund(transactionID: "unknown", amount: nil, credentials: fake.credentials)
            }
            #expect(await fake.violations().isEmpty)
        }
    }

    @Test("the fake reporting another amount is seen as that amount")
    func reportedAmount() async throws {
        try await FakeSumUp.run { fake in
            let provider = fake.provider()
            let created = try await provider.createCheckout(try PaymentFixtures.request(fake), credentials: fake.credentials)
            await fake.reportAmount(Money(1, created.amount.currency), for: created.id)
            #expect(try await provider.checkout(id: created.id, credentials: fake.credentials).amount.minorUnits == 1)
        }
    }
    @Test("a create whose answer is lost (500 after storing) is found again by reference")
    func lostCreateAnswerFoundByReference() async throws {
        try await FakeSumUp.run { fake in
            let provider = fake.provider()
            let request = try PaymentFixtures.request(fake, reference: "attempt 1&2/ü")
            await fake.answerAfterCreate([500])
            await #expect(throws: PaymentProviderError.unavailable("SumUp answered 500 to POST /v0.1/checkouts")) {
                try await provider.createCheckout(request, credentials: fake.credentials)
            }
            let found = try await provider.checkouts(reference: request.reference, credentials: fake.credentials)
            #expect(found.count == 1)
            #expect(found.first?.reference == request.reference)
            #expect(found.first?.amount == request.amount)
            #expect(await fake.requestCount("POST /v0.1/checkouts") == 1)
        }
    }
}
