import Foundation
import Hummingbird
import HummingbirdTesting
@testable import Server
import Testing
import TestSupport

@Suite("SumUp webhook")
struct WebhookRoutesTests {
    static func post(_ client: any TestClientProtocol, _ body: String) async throws -> TestResponse {
        try await client.executeRequest(uri: "/webhooks/sumup", method: .post,
                                        headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
    }

    static func event(_ id: String, type: String = "CHECKOUT_STATUS_CHANGED") -> String {
        #"{"event_type":"\#(type)","id":"\#(id)"}"#
    }

    @Test(arguments: Backend.available)
    func webhookOfPaidCheckoutReconciles(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, fake in
            var browser = Browser(client)
            let checkoutID = try #require(try await browser.addAndCheckOut().hostedCheckoutID)
            let id = try #require(try await browser.firstOrderID())
            _ = try await fake.pay(checkoutID)
            let answer = try await Self.post(client, Self.event(checkoutID))
            #expect(answer.status == .ok)
            #expect(try await browser.get("/orders/\(id)").text.contains("Paid"))
        }
    }

    @Test(arguments: Backend.available)
    func webhookNeverTrustsTheBodysStatus(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, _ in
            var browser = Browser(client)
            let checkoutID = try #require(try await browser.addAndCheckOut().hostedCheckoutID)
            let id = try #require(try await browser.firstOrderID())
            let body = #"{"event_type":"CHECKOUT_STATUS_CHANGED","id":"\#(checkoutID)","status":"PAID"}"#
            #expect(try await Self.post(client, body).status == .ok)
            let page = try await browser.get("/orders/\(id)").text
            #expect(page.contains("Awaiting payment"))
        }
    }

    @Test(arguments: Backend.available)
    func malformedBodiesAre400(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, _ in
            for body in ["not json", "[]", #"{"event_type":"CHECKOUT_STATUS_CHANGED"}"#, #"{"event_type":1,"id":"x"}"#,
                         #"{"event_type":"CHECKOUT_STATUS_CHANGED","id":"../x"}"#, ""] {
                let status = try await Self.post(client, body).status
                #expect(status == .badRequest, "body: \(body)")
            }
        }
    }

    @Test(arguments: Backend.available)
    func oversizeBodyIs413(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, _ in
            let padding = String(repeating: "x", count: 5_000)
            let answer = try await Self.post(client, #"{"event_type":"CHECKOUT_STATUS_CHANGED","id":"a","pad":"\#(padding)"}"#)
            #expect(answer.status == .contentTooLarge)
        }
    }

    @Test(arguments: Backend.available)
    func otherEventTypesAreAcknowledgedAndIgnored(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, _ in
            let answer = try await Self.post(client, Self.event("no-such-checkout", type: "PAYOUT_CREATED"))
            #expect(answer.status == .ok)
            #expect(String(buffer: answer.body) == "ignored\n")
        }
    }

    @Test(arguments: Backend.available)
    func unknownCheckoutGetsTheFixedRetryableAnswer(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, _ in
            let first = try await Self.post(client, Self.event("no-such-checkout"))
            let second = try await Self.post(client, Self.event("another-unknown-one"))
            #expect(first.status == .notFound)
            #expect(String(buffer: first.body) == WebhookController.unknownCheckoutBody)
            #expect(second.status == first.status)
            #expect(String(buffer: second.body) == String(buffer: first.body))
        }
    }

    @Test(arguments: Backend.available)
    func webhooksAreRateLimitedPerAddress(backend: Backend) async throws {
        try await OrderTestApp.run(backend, configure: { $0.limits.webhook = RateLimit(count: 3, perSeconds: 60) }) { client, _ in
            for _ in 0..<3 { #expect(try await Self.post(client, Self.event("x", type: "OTHER")).status == .ok) }
            let limited = try await Self.post(client, Self.event("x", type: "OTHER"))
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
        }
    }

    @Test
    func eventParserAcceptsSumUpsShapeOnly() throws {
        let event = try SumUpWebhookEvent(bytes: Array(#"{"event_type":"CHECKOUT_STATUS_CHANGED","id":"4e425463-3e1b-431d-83fa-1e51c2925e99","extra":true}"#.utf8))
        #expect(event.isCheckoutStatusChange)
        #expect(event.checkoutID == "4e425463-3e1b-431d-83fa-1e51c2925e99")
        #expect(throws: SumUpWebhookEvent.ParseError.missing("id")) { try SumUpWebhookEvent(bytes: Array(#"{"event_type":"X","id":7}"#.utf8)) }
        #expect(throws: SumUpWebhookEvent.ParseError.notJSONObject) { try SumUpWebhookEvent(bytes: Array("[1]".utf8)) }
        #expect(throws: SumUpWebhookEvent.ParseError.invalid("id")) { try SumUpWebhookEvent(bytes: Array(#"{"event_type":"X","id":""}"#.utf8)) }
    }
}
