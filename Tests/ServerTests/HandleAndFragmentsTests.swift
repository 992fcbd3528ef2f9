import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite("Cart handle and fragments")
struct HandleAndFragmentsTests {
    @Test(arguments: Backend.available)
    func cartHandleForeignReturnToRefused(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            for target in ["https://evil.example/back", "/cart", "", "//market.example/x"] {
                let response = try await browser.get("/cart/handle?return_to=\(target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
                #expect(response.status == .badRequest, "\(target)")
            }
            #expect(browser.cookies["cart_session"] == nil)
        }
    }

    @Test(arguments: Backend.available)
    func cartHandleSiblingAcceptedWithHandle(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let back = TestApp.sibling + "/events/31?x=1"
            let response = try await browser.get("/cart/handle?return_to=\(back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            #expect(response.status == .seeOther)
            let location = try #require(response.location)
            #expect(location.hasPrefix(back + "&cart_handle="))
            let handle = String(location.dropFirst((back + "&cart_handle=").count))
            #expect(handle.count >= 22)
            #expect(browser.cookies["cart_session"] != nil)
            // The same session keeps the same handle; the handle is not the cookie.
            let again = try await browser.get("/cart/handle?return_to=\(back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            #expect(again.location == location)
            #expect(!(browser.cookies["cart_session"] ?? "").contains(handle))
        }
    }

    @Test(arguments: Backend.available)
    func cartMiniCountsTheBrowsersCart(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let empty = try await browser.get("/fragments/cart-mini")
            #expect(empty.status == .ok)
            #expect(empty.text.contains("Cart (0)"))
            #expect(empty.text.contains(TestApp.base + "/cart"))
            #expect(!empty.text.contains("<html"))
            try await browser.addOatMilk("4")
            #expect(try await browser.get("/fragments/cart-mini").text.contains("Cart (4)"))
        }
    }

    @Test(arguments: Backend.available)
    func accountNavItemShowsSignInOrUser(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            #expect(try await browser.get("/fragments/account-nav-item").text.contains("Sign in"))
            try await browser.post("/auth/login", [("name", "alice"), ("return_to", "/")])
            let item = try await browser.get("/fragments/account-nav-item").text
            #expect(item.contains("Signed in as \(TestApp.base)/users/alice"))
        }
    }
}
