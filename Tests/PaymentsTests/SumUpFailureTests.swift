import Commerce
import Foundation
import Payments
import TestSupport
import Testing
import Transport

@Suite("SumUpProvider when SumUp misbehaves")
struct SumUpFailureTests {
    @Test("5xx is unavailable, and the next try succeeds")
    func serverErrorIsUnavailable() async throws {
        try await FakeSumUp.run { fake in
            let provider = fake.provider()
            await fake.failNext(2, status: 503)
            let request = try PaymentFixtures.request(fake)
            await #expect(throws: PaymentProviderError.unavailable("SumUp answered 503 to POST /v0.1/checkouts")) {
                try await provider.createCheckout(request, credentials: fake.credentials)
            }
            await #expect(throws: PaymentProviderError.self) {
                try await provider.checkout(id: "x", credentials: fake.credentials)
            }
            #expect(try await provider.createCheckout(request, credentials: fake.credentials).status == .pending)
        }
    }

    @Test("a SumUp that never answers times out as unavailable")
    func slowProviderTimesOut() async throws {
        // A socket that accepts in the kernel and never answers (the fake's delay knob is for
        // benchmarks; cutting its answers short would test NIO's shutdown, not our deadline).
        let silent = try #require(SilentServer())
        try await withLoopbackTransport { transport in
            let provider = SumUpProvider(transport: transport, apiBase: "http://127.0.0.1:\(silent.port)",
                                         logger: .init(label: "t"), timeout: .milliseconds(200))
            let started = ContinuousClock.now
            do {
                _ = try await provider.checkouts(reference: "r", credentials: PaymentCredentials(apiKey: "k", merchantCode: "M"))
                Issue.record("expected a timeout")
            } catch {
                guard case .unavailable? = error as? PaymentProviderError else { Issue.record("expected unavailable, got \(error)"); return }
            }
            // Our 200 ms deadline, not the transport's 15 s one, ended the call.
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test("the fake's fixed delay slows every answer")
    func fixedDelay() async throws {
        try await FakeSumUp.run { fake in
            await fake.setDelay(.milliseconds(100))
            let started = ContinuousClock.now
            let found = try await fake.provider().checkouts(reference: "r", credentials: fake.credentials)
            #expect(found.isEmpty)
            #expect(ContinuousClock.now - started >= .milliseconds(100))
        }
    }

    @Test("unknown checkouts are notFound; a wrong key is rejected with SumUp's status")
    func notFoundAndUnauthorized() async throws {
        try await FakeSumUp.run { fake in
            let provider = fake.provider()
            await #expect(throws: PaymentProviderError.notFound) {
                try await provider.checkout(id: "missing", credentials: fake.credentials)
            }
            let wrong = PaymentCredentials(apiKey: TestSecrets.apiKey(), merchantCode: fake.merchantCode)
            await #expect(throws: PaymentProviderError.rejected(status: 401, message: "Unauthorized")) {
                try await provider.createCheckout(try PaymentFixtures.request(fake), credentials: wrong)
            }
        }
    }

    @Test("an unreachable SumUp is unavailable")
    func unreachable() async throws {
        let port = try await LoopbackServer.run(handler: { _ in .text("") }) { $0.port }  // closed once run returns
        try await withLoopbackTransport { transport in
            let provider = SumUpProvider(transport: transport, apiBase: "http://127.0.0.1:\(port)", logger: .init(label: "t"),
                                         timeout: .seconds(3))
            let credentials = PaymentCredentials(apiKey: "k", merchantCode: "M")
            do {
                _ = try await provider.checkout(id: "a", credentials: credentials)
                Issue.record("expected unavailable")
            } catch {
                guard case .unavailable? = error as? PaymentProviderError else { Issue.record("expected unavailable, got \(error)"); return }
            }
        }
    }

    @Test("answers that are not SumUp's shape are malformed", arguments: [
        #"not json"#, #"[]"#, #"{"id":"a"}"#,
        #"{"id":"a","checkout_reference":"r","amount":"12.50","currency":"EUR","merchant_code":"M","status":"PAID"}"#,
        #"{"id":"a","checkout_reference":"r","amount":12.505,"currency":"EUR","merchant_code":"M","status":"PAID"}"#,
        #"{"id":"a","checkout_reference":"r","amount":12.5,"currency":"MXN","merchant_code":"M","status":"PAID"}"#,
        #"{"id":"a","checkout_reference":"r","amount":12.5,"currency":"EUR","merchant_code":"M","status":"DONE"}"#,
        #"{"id":"b","checkout_reference":"r","amount":12.5,"currency":"EUR","merchant_code":"M","status":"PAID"}"#,
    ])
    func malformedAnswers(body: String) async throws {
        let answer = ServerResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(body.utf8))
        try await LoopbackServer.run(handler: { _ in answer }) { server in
            try await withLoopbackTransport { transport in
                let provider = SumUpProvider(transport: transport, apiBase: "http://127.0.0.1:\(server.port)", logger: .init(label: "t"))
                do {
                    _ = try await provider.checkout(id: "a", credentials: PaymentCredentials(apiKey: "k", merchantCode: "M"))
                    Issue.record("expected malformed for \(body)")
                } catch {
                    guard case .malformed? = error as? PaymentProviderError else { Issue.record("expected malformed, got \(error)"); return }
                }
            }
        }
    }

    @Test("the wire body carries exact decimals, the bearer key and hosted checkout")
    func exactWireBody() async throws {
        let log = RequestLog()
        let answer = #"{"id":"c1","checkout_reference":"ref-1","amount":12.5,"currency":"GBP","merchant_code":"M1","status":"PENDING","hosted_checkout_url":"https://pay.example/c1"}"#
        try await LoopbackServer.run(handler: { request in
            await log.record(request)
            return ServerResponse(status: 201, headers: [("Content-Type", "application/json")], body: Array(answer.utf8))
        }) { server in
          try await withLoopbackTransport { transport in
            let provider = SumUpProvider(transport: transport, apiBase: "http://127.0.0.1:\(server.port)/", logger: .init(label: "t"))
            let request = CheckoutRequest(
                reference: "ref-1", amount: Money(1250, try SumUpAmount.currency(code: "GBP")), merchantCode: "M1",
                description: "Two tickets", webhookURL: "https://shop.example/webhooks/sumup",
                redirectURL: "https://shop.example/orders/o1/return", validUntil: Date(timeIntervalSince1970: 1_800_000_000))
            let apiKey = TestSecrets.apiKey()
            let created = try await provider.createCheckout(request, credentials: PaymentCredentials(apiKey: apiKey, merchantCode: "M1"))
            #expect(created.amount.minorUnits == 1250)
            let seen = try #require(await log.requests.first)
            #expect(seen.path == "/v0.1/checkouts")
            #expect(seen.header("Authorization") == "Bearer \(apiKey)")
            #expect(String(decoding: seen.body, as: UTF8.self) == #"{"checkout_reference":"ref-1","amount":12.50,"currency":"GBP","merchant_code":"M1","description":"Two tickets","return_url":"https://shop.example/webhooks/sumup","redirect_url":"https://shop.example/orders/o1/return","valid_until":"2027-01-15T08:00:00+00:00","hosted_checkout":{"enabled":true}}"#)
          }
        }
    }

    @Test("credentials never print the key")
    func credentialsRedacted() {
        let apiKey = TestSecrets.apiKey()
        let credentials = PaymentCredentials(apiKey: apiKey, merchantCode: "M1")
        #expect(!"\(credentials)".contains(apiKey.dropLast(4)))
        #expect("\(credentials)".contains(apiKey.suffix(4)))
    }
}
