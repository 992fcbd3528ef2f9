import Hummingbird
import Server
import HummingbirdTesting
import Testing
import TestSupport

/// The session layer remembers what a genuine cookie value stands for (ID, storage key, form
/// token) so HMAC and SHA-256 run once per cookie. These pin that the memory never lets an
/// altered cookie or another session's form token through.
@Suite("Session cookie memory")
struct SessionCookieMemoTests {
    @Test(arguments: Backend.available)
    func alteredCookieOfAKnownSessionIsNoSession(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            #expect(try await browser.addOatMilk("2").status == .seeOther)
            let cookie = try #require(browser.cookies["cart_session"])
            #expect(try await browser.get("/cart").text.contains("Oat milk"), "the genuine cookie, now remembered")
            let (id, signature) = try #require(cookie.split(separator: ".").map(String.init).pairIfTwo)
            let flipped = String(signature.dropLast()) + (signature.hasSuffix("A") ? "B" : "A")
            for altered in [id + "." + flipped, id + "x." + signature, id] {
                var stranger = Browser(client)
                stranger.cookies["cart_session"] = altered
                #expect(try await stranger.get("/cart").text.contains("Your cart is empty"), "\(altered)")
            }
            #expect(try await browser.get("/cart").text.contains("Oat milk"), "the genuine cookie still works")
        }
    }

    @Test(arguments: Backend.available)
    func anotherSessionsFormTokenIsRefused(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var first = Browser(client)
            var second = Browser(client)
            #expect(try await first.addOatMilk("1").status == .seeOther)
            #expect(try await second.addOatMilk("1").status == .seeOther)
            try await first.refreshToken()
            try await second.refreshToken()
            let foreign = try #require(first.csrf)
            #expect(foreign != second.csrf)
            let refused = try await second.post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", "1"), ("csrf", foreign)],
                                                csrf: false)
            #expect(refused.status == .forbidden)
            let accepted = try await second.post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", "1")])
            #expect(accepted.status == .seeOther)
        }
    }
}

private extension Array {
    /// The two elements of a two-element array.
    var pairIfTwo: (Element, Element)? { count == 2 ? (self[0], self[1]) : nil }
}
