import Foundation
import Payments
import TestSupport
import Testing
import Transport

@Suite("The fake SumUp validates and delivers like SumUp")
struct FakeSumUpTests {
    @Test("bodies that break SumUp's schema are refused and recorded", arguments: [
        #"{"checkout_reference":"r","amount":1,"currency":"EUR"}"#,
        #"{"checkout_reference":"r","amount":"1.00","currency":"EUR","merchant_code":"MFAKE001"}"#,
        #"{"checkout_reference":"r","amount":1,"currency":"XXX","merchant_code":"MFAKE001"}"#,
        #"{"checkout_reference":"r","amount":1,"currency":"EUR","merchant_code":"MFAKE001","redirectUrl":"https://x"}"#,
        #"{"checkout_reference":"r","amount":1,"currency":"EUR","merchant_code":"MFAKE001","valid_until":"tomorrow"}"#,
        #"{"checkout_reference":"r","amount":1,"currency":"EUR","merchant_code":"MFAKE001","hosted_checkout":{}}"#,
        #"{"checkout_reference":"r","amount":1,"currency":"EUR","merchant_code":"MFAKE001","id":"mine"}"#,
        #"{"checkout_reference":"r","amount":1.001,"currency":"EUR","merchant_code":"MFAKE001"}"#,
    ])
    func schemaViolations(body: String) async throws {
        try await FakeSumUp.run { fake in
            let transport = fake.transport
            let request = OutboundRequest(method: "POST", url: try #require(URL(string: fake.apiBase + "/v0.1/checkouts")),
                                          headers: [("Authorization", "Bearer \(fake.apiKey)"), ("Content-Type", "application/json")],
                                          body: Array(body.utf8))
            let response = try await transport.send(request)
            #expect(response.status == 400)
            #expect(await fake.violations().count >= 1)
            #expect(await fake.checkouts().isEmpty)
        }
    }

    @Test("paying sends CHECKOUT_STATUS_CHANGED to return_url; lost webhooks are not sent")
    func webhooks() async throws {
        let log = RequestLog()
        try await LoopbackServer.run(handler: { request in
            await log.record(request)
            return .text("ok")
        }) { receiver in
            try await FakeSumUp.run { fake in
                let provider = fake.provider()
                let hook = receiver.url("/webhooks/sumup").absoluteString
                let first = try await provider.createCheckout(try PaymentFixtures.request(fake, webhookURL: hook), credentials: fake.credentials)
                try await fake.pay(first.id)
                let seen = try #require(await log.requests.first)
                #expect(seen.method == "POST" && seen.path == "/webhooks/sumup")
                let body = try WireJSON.parse(seen.body)
                #expect(body["event_type"]?.stringValue == "CHECKOUT_STATUS_CHANGED")
                #expect(body["id"]?.stringValue == first.id)

                await fake.loseWebhooks()
                let second = try await provider.createCheckout(try PaymentFixtures.request(fake, webhookURL: hook), credentials: fake.credentials)
                try await fake.pay(second.id)
                #expect(await log.requests.count == 1)
                #expect(await fake.webhooks().map(\.status) == [200, nil])
            }
        }
    }

    @Test("the hosted page pays on POST and sends the browser to redirect_url")
    func hostedPage() async throws {
        try await FakeSumUp.run { fake in
            let created = try await fake.provider().createCheckout(try PaymentFixtures.request(fake), credentials: fake.credentials)
            let transport = fake.transport
            let hosted = try #require(created.hostedCheckoutURL)
            let url = try #require(URL(string: hosted))
            let page = try await transport.send(OutboundRequest(url: url))
            #expect(String(decoding: page.body, as: UTF8.self).contains(">Pay</button>"))
            let post = try await transport.send(OutboundRequest(method: "POST", url: url,
                                                                headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                                                body: Array("action=pay".utf8)))
            #expect(post.status == 303)
            #expect(post.header("Location") == (await fake.checkout(created.id))?.redirectURL)
            #expect(await fake.checkout(created.id)?.status == .paid)
        }
    }

    @Test("an expired checkout cannot be paid")
    func expired() async throws {
        try await FakeSumUp.run { fake in
            let created = try await fake.provider().createCheckout(try PaymentFixtures.request(fake), credentials: fake.credentials)
            await fake.expire(created.id)
            await #expect(throws: FakePaymentRefusal.expired) { try await fake.pay(created.id) }
        }
    }
}
