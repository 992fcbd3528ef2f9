import Commerce
import Foundation
import Logging
import Payments
import Testing
import TestSupport
import Transport

/// Reading a transaction back (how a refund whose answer was lost is settled): against the fake
/// SumUp, whose answer is checked against the OpenAPI document, and against canned answers.
@Suite("SumUp transaction reads")
struct SumUpTransactionTests {
    @Test("a transaction read shows what was refunded of it")
    func transactionReadShowsRefunds() async throws {
        try await FakeSumUp.run { fake in
            let provider = fake.provider()
            let created = try await provider.createCheckout(try PaymentFixtures.request(fake, minor: 2000), credentials: fake.credentials)
            let id = try #require(try await fake.pay(created.id).transaction?.id)
            let euro = created.amount.currency
            var read = try await provider.transaction(id: id, credentials: fake.credentials)
            #expect(read == ProviderTransaction(id: id, amount: Money(2000, euro), status: "SUCCESSFUL", refunded: Money(0, euro)))
            try await provider.refund(transactionID: id, amount: Money(550, euro), credentials: fake.credentials)
            read = try await provider.transaction(id: id, credentials: fake.credentials)
            #expect(read.refunded == Money(550, euro))
            #expect(read.status == "REFUNDED")
            try await provider.refund(transactionID: id, amount: nil, credentials: fake.credentials)
            #expect(try await provider.transaction(id: id, credentials: fake.credentials).refunded == Money(2000, euro))
            await #expect(throws: PaymentProviderError.notFound) {
                try await provider.transaction(id: "no-such-transaction", credentials: fake.credentials)
            }
            #expect(await fake.violations().isEmpty)
        }
    }

    @Test("the fake's transaction answer is valid against SumUp's TransactionFull schema")
    func fakeTransactionAnswerMatchesOpenAPISchema() async throws {
        try await FakeSumUp.run { fake in
            let provider = fake.provider()
            let created = try await provider.createCheckout(try PaymentFixtures.request(fake, minor: 1250), credentials: fake.credentials)
            let id = try #require(try await fake.pay(created.id).transaction?.id)
            try await provider.refund(transactionID: id, amount: Money(250, created.amount.currency), credentials: fake.credentials)
            let url = try #require(URL(string: "\(fake.apiBase)/v2.1/merchants/\(fake.merchantCode)/transactions?id=\(id)"))
            let response = try await fake.transport.send(OutboundRequest(
                method: "GET", url: url, headers: [("Authorization", "Bearer \(fake.apiKey)")], body: nil))
            #expect(response.status == 200)
            let document = try OpenAPIDocument.shared()
            let schema = try #require(document.responseSchema(method: "GET", path: "/v2.1/merchants/{merchant_code}/transactions", status: 200))
            let json = try WireJSON.parse(response.body)
            #expect(SchemaValidator(document: document).violations(of: json, against: schema) == [])
            #expect(json["events"]?.arrayValue?.count == 1)
        }
    }

    @Test("refund events: failed ones do not count; transaction_events is read when events is absent")
    func refundEventsCounted() async throws {
        let answer = #"""
            {"id":"t1","amount":20.0,"currency":"EUR","status":"REFUNDED","transaction_events":[
             {"id":1,"event_type":"REFUND","status":"FAILED","amount":5},
             {"id":2,"event_type":"REFUND","status":"PENDING","amount":2.5},
             {"id":3,"event_type":"PAYOUT","status":"PAID_OUT","amount":20},
             {"id":4,"event_type":"REFUND","status":"REFUNDED","amount":1.25}]}
            """#
        let read = try await Self.read(answer, id: "t1")
        #expect(read.refunded.minorUnits == 375)
        #expect(read.amount.minorUnits == 2000)
    }

    @Test("a REFUNDED transaction without events, an id mismatch or an inexact amount is malformed")
    func unreadableTransactionsAreMalformed() async throws {
        for (answer, id) in [
            (#"{"id":"t1","amount":20,"currency":"EUR","status":"REFUNDED"}"#, "t1"),
            (#"{"id":"t2","amount":20,"currency":"EUR","status":"SUCCESSFUL","events":[]}"#, "t1"),
            (#"{"id":"t1","amount":20,"currency":"EUR","events":[{"type":"REFUND","status":"REFUNDED","amount":0.001}]}"#, "t1"),
            (#"{"id":"t1","amount":20,"currency":"EUR","events":[{"type":"REFUND","status":"REFUNDED"}]}"#, "t1"),
        ] {
            do {
                _ = try await Self.read(answer, id: id)
                Issue.record("accepted \(answer)")
            } catch let error as PaymentProviderError {
                guard case .malformed = error else { Issue.record("\(answer): \(error)"); continue }
            }
        }
    }

    /// The provider's reading of `answer` served as SumUp's 200.
    static func read(_ answer: String, id: String) async throws -> ProviderTransaction {
        try await LoopbackServer.run(handler: { _ in
            ServerResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(answer.utf8))
        }) { server in
            try await withLoopbackTransport { transport in
                let provider = SumUpProvider(transport: transport, apiBase: "http://127.0.0.1:\(server.port)",
                                             logger: Logger(label: "sumup-test"))
                return try await provider.transaction(id: id, credentials: PaymentCredentials(apiKey: "k", merchantCode: "M1"))
            }
        }
    }
}
