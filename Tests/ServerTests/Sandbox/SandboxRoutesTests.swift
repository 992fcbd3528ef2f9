import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing
import TestSupport

@Suite("The demo sandbox's payment page")
struct SandboxRoutesTests {
    /// Checks the demo page out and returns the sandbox page's path (`/sandbox/pay/{id}`).
    static func checkOut(_ browser: inout Browser) async throws -> String {
        let response = try await browser.addAndCheckOut()
        #expect(response.status == .seeOther)
        let location = try #require(response.location)
        let range = try #require(location.range(of: "/sandbox/pay/"))
        return String(location[range.lowerBound...])
    }

    @Test("Pay marks the checkout paid and sends the browser back to the order", arguments: Backend.available)
    func payReturnsToTheOrder(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let path = try await Self.checkOut(&browser)
            let page = try await browser.get(path)
            #expect(page.status == .ok)
            #expect(page.text.contains(">Pay ") && page.text.contains(">Decline the card</button>"))
            #expect(page.text.contains("PENDING"))

            let paid = try await browser.post(path, [("action", "pay")])
            #expect(paid.status == .seeOther)
            let back = try #require(paid.location)
            #expect(back.contains("/orders/") && back.hasSuffix("/return"))
            let after = try await browser.get(path).text
            #expect(after.contains("PAID"))
            #expect(after.contains("This payment is complete."))
            #expect(!after.contains(">Decline the card</button>"))
            // A second answer to a closed payment is refused, not applied again.
            #expect(try await browser.post(path, [("action", "decline")]).status == .conflict)
        }
    }

    @Test("Decline leaves the checkout payable, as SumUp's FAILED is not final", arguments: Backend.available)
    func declineThenPay(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let path = try await Self.checkOut(&browser)
            try await browser.get(path)
            #expect(try await browser.post(path, [("action", "decline")]).status == .seeOther)
            let failed = try await browser.get(path).text
            #expect(failed.contains("FAILED"))
            #expect(failed.contains(">Pay "))
            #expect(try await browser.post(path, [("action", "pay")]).status == .seeOther)
            #expect(try await browser.get(path).text.contains("PAID"))
        }
    }

    @Test("forms without the session's token or from another site are refused", arguments: Backend.available)
    func csrfRules(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let path = try await Self.checkOut(&browser)
            try await browser.get(path)
            #expect(try await browser.post(path, [("action", "pay")], csrf: false).status == .forbidden)
            browser.origin = "https://evil.example"
            #expect(try await browser.post(path, [("action", "pay")]).status == .forbidden)
            browser.origin = TestApp.base
            #expect(try await browser.post(path, [("action", "steal")]).status == .badRequest)
            #expect(try await browser.get(path).text.contains("PENDING"))
        }
    }

    @Test("an unknown sandbox payment is not found", arguments: Backend.available)
    func unknownCheckout(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let unknown = try await browser.get("/sandbox/pay/no-such-checkout")
            #expect(unknown.status == .notFound)
            let long = try await browser.get("/sandbox/pay/" + String(repeating: "a", count: 200))
            #expect(long.status == .notFound)
        }
    }
}
