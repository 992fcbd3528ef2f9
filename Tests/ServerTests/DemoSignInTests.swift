import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport

@Suite("Demo sign-in and logout")
struct DemoSignInTests {
    @Test(arguments: Backend.available)
    func demoSignInFormIsShown(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let page = try await browser.get("/auth/login?return_to=%2Fcart")
            #expect(page.status == .ok)
            #expect(page.text.contains("<label for=\"name\">"))
            #expect(page.text.contains("value=\"/cart\""))
        }
    }

    @Test(arguments: Backend.available)
    func demoSignInRotatesSessionAndMergesCarts(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var phone = Browser(client)
            try await phone.addOatMilk("2")
            try await phone.refreshToken()
            let anonymousCookie = try #require(phone.cookies["cart_session"])
            let signIn = try await phone.post("/auth/login", [("name", "alice"), ("return_to", "/cart")])
            #expect(signIn.status == .seeOther)
            #expect(signIn.location == "/cart")
            #expect(signIn.headers[.referrerPolicyField] == "no-referrer")
            #expect(phone.cookies["cart_session"] != anonymousCookie)

            var laptop = Browser(client)
            try await laptop.addOatMilk("3")
            try await laptop.refreshToken()
            try await laptop.post("/auth/login", [("name", "alice"), ("return_to", "/")])
            let cart = try await laptop.get("/cart").text
            #expect(cart.contains("Signed in as \(TestApp.base)/users/alice"))
            #expect(cart.contains("value=\"5\""))

            var stale = Browser(client)
            stale.cookies["cart_session"] = anonymousCookie
            #expect(try await stale.get("/cart").text.contains("Your cart is empty"))
        }
    }

    @Test(arguments: Backend.available)
    func demoSignInRefusesBadNames(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            for name in ["", "Alice", "a/b", String(repeating: "a", count: 33), "../admin"] {
                let response = try await browser.post("/auth/login", [("name", name)])
                #expect(response.status == .badRequest, "\(name)")
            }
        }
    }

    @Test(arguments: Backend.available)
    func logoutEndsTheSession(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            try await browser.post("/auth/login", [("name", "bob")])
            try await browser.refreshToken()
            let cookie = try #require(browser.cookies["cart_session"])
            let logout = try await browser.post("/auth/logout")
            #expect(logout.status == .seeOther)
            #expect(browser.cookies["cart_session"] == nil)
            var stale = Browser(client)
            stale.cookies["cart_session"] = cookie
            #expect(!(try await stale.get("/cart").text.contains("Signed in as")))
        }
    }
}
