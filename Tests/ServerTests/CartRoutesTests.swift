import Hummingbird
import Server
import HummingbirdTesting
import Testing
import TestSupport

@Suite("Cart routes")
struct CartRoutesTests {
    // MARK: Helpers

    /// Posts an add with `quantity` and expects a 400 page saying what to do.
    static func expectQuantityRefused(_ quantity: String, backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let response = try await browser.addOatMilk(quantity)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Quantity"))
            #expect(try await browser.get("/cart").text.contains("Your cart is empty"))
        }
    }

    // MARK: Tests

    @Test(arguments: Backend.available)
    func emptyCartNeedsNoSession(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let response = try await browser.get("/cart")
            #expect(response.status == .ok)
            #expect(response.text.contains("Your cart is empty"))
            #expect(response.headers[.setCookie] == nil)
            #expect(try await browser.get("/").headers[.setCookie] == nil)
        }
    }

    @Test(arguments: Backend.available)
    func addProductRedirectsAndShowsLine(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let response = try await browser.addOatMilk("3")
            #expect(response.status == .seeOther)
            #expect(response.location == "/cart")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("cart_session="))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            #expect(!cookie.lowercased().contains("domain="))
            let page = try await browser.get("/cart").text
            #expect(page.contains("Oat milk"))
            #expect(page.contains("value=\"3\""))
            #expect(page.contains("10.50 GBP"))
            #expect(page.contains("/pages/market-day/checkout"))
            #expect(page.contains("Cart (3)"))
        }
    }

    @Test(arguments: Backend.available)
    func addQuantityAbcRefused(backend: Backend) async throws { try await Self.expectQuantityRefused("abc", backend: backend) }

    @Test(arguments: Backend.available)
    func addQuantityZeroRefused(backend: Backend) async throws { try await Self.expectQuantityRefused("0", backend: backend) }

    @Test(arguments: Backend.available)
    func addQuantityMinusOneRefused(backend: Backend) async throws { try await Self.expectQuantityRefused("-1", backend: backend) }

    @Test(arguments: Backend.available)
    func addQuantityHundredRefused(backend: Backend) async throws { try await Self.expectQuantityRefused("100", backend: backend) }

    @Test(arguments: Backend.available)
    func addQuantityDecimalRefused(backend: Backend) async throws { try await Self.expectQuantityRefused("1.5", backend: backend) }

    @Test(arguments: Backend.available)
    func addQuantityEmptyRefused(backend: Backend) async throws { try await Self.expectQuantityRefused("", backend: backend) }

    @Test(arguments: Backend.available)
    func unknownProductRefused(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let response = try await browser.post("/cart/items", [("product", "https://market.example/products/nope"), ("quantity", "1")])
            #expect(response.status == .badRequest)
            #expect(response.text.contains("not on sale"))
        }
    }

    @Test(arguments: Backend.available)
    func crossSitePostWithoutTokenRefused(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            try await browser.addOatMilk()
            browser.origin = "https://evil.example"
            let response = try await browser.post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", "1")], csrf: false)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("another site"))
            let line = try #require(try await browser.firstLineID())
            let remove = try await browser.post("/cart/items/\(line)/delete", csrf: false)
            #expect(remove.status == .forbidden)
        }
    }

    @Test(arguments: Backend.available)
    func sameOriginPostWithoutTokenRefusedOnceSessionExists(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            try await browser.addOatMilk()
            let response = try await browser.post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", "1")], csrf: false)
            #expect(response.status == .forbidden)
            let wrong = try await browser.post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", "1"), ("csrf", "forged")])
            #expect(wrong.status == .forbidden)
        }
    }

    @Test(arguments: Backend.available)
    func postWithoutSessionOriginOrRefererRefused(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            browser.origin = nil
            let response = try await browser.addOatMilk()
            #expect(response.status == .forbidden)
            let withReferer = try await browser.post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", "1")],
                                                     headers: [.referer: TestApp.base + "/"])
            #expect(withReferer.status == .seeOther)
        }
    }

    @Test(arguments: Backend.available)
    func siblingOriginAddAllowed(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            browser.origin = TestApp.sibling
            let back = TestApp.sibling + "/products/7"
            // No cookie yet: the add finishes on our origin through a signed ticket.
            let response = try await browser.post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", "2"), ("return_to", back)])
            #expect(response.status == .seeOther)
            let pending = try #require(response.location)
            #expect(pending.hasPrefix("/cart/items/pending?t="))
            #expect(response.headers[.setCookie] == nil, "no second session is started by the cross-site POST")
            let finished = try await browser.get(pending)
            #expect(finished.status == .seeOther)
            #expect(finished.location == back)
            // A sibling on the same site (its POST carries the Lax cookie) adds directly.
            let again = try await browser.post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", "1")], csrf: false)
            #expect(again.status == .seeOther)
            #expect(again.location == "/cart")
            #expect(try await browser.get("/cart").text.contains("value=\"3\""))
        }
    }

    @Test(arguments: Backend.available)
    func siblingAddWithoutCookieLandsInTheVisitorsExistingCart(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            try await browser.addOatMilk("1")
            let cookies = browser.cookies
            // The browser withholds the SameSite=Lax cookie from the sibling's cross-site POST...
            browser.cookies = [:]
            browser.origin = TestApp.sibling
            let response = try await browser.post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", "2")], csrf: false)
            let pending = try #require(response.location)
            // ...and sends it with the top-level GET that follows.
            browser.cookies = cookies
            browser.origin = TestApp.base
            let finished = try await browser.get(pending)
            #expect(finished.status == .seeOther)
            #expect(finished.headers[.setCookie] == nil, "the visitor keeps their session")
            #expect(try await browser.get("/cart").text.contains("value=\"3\""))
        }
    }

    @Test(arguments: Backend.available)
    func siblingAddTicketForgedOrAlteredRefused(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            browser.origin = TestApp.sibling
            let response = try await browser.post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", "2")], csrf: false)
            let pending = try #require(response.location)
            let ticket = String(pending.dropFirst("/cart/items/pending?t=".count))
            let altered = "x" + ticket.dropFirst()
            for uri in ["/cart/items/pending", "/cart/items/pending?t=abc.def", "/cart/items/pending?t=\(altered)"] {
                let refused = try await browser.get(uri)
                #expect(refused.status == .badRequest, "\(uri)")
                #expect(refused.text.contains("press the button again"))
            }
            #expect(try await browser.get("/cart").text.contains("Your cart is empty"))
        }
    }

    @Test(arguments: Backend.available)
    func returnToForeignOriginRefused(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            for target in ["https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"] {
                let response = try await browser.addOatMilk(extra: [("return_to", target)])
                #expect(response.status == .badRequest, "\(target)")
                #expect(response.text.contains("return_to"))
            }
            let local = try await browser.addOatMilk(extra: [("return_to", "/pages/market-day/cart")])
            #expect(local.location == "/pages/market-day/cart")
        }
    }

    @Test(arguments: Backend.available)
    func setQuantityChangesAndZeroRemoves(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            try await browser.addOatMilk()
            let line = try #require(try await browser.firstLineID())
            let set = try await browser.post("/cart/items/\(line)", [("quantity", "7")])
            #expect(set.status == .seeOther)
            #expect(try await browser.get("/cart").text.contains("value=\"7\""))
            for bad in ["abc", "-1", "100", "1.5", ""] {
                #expect(try await browser.post("/cart/items/\(line)", [("quantity", bad)]).status == .badRequest, "\(bad)")
            }
            #expect(try await browser.post("/cart/items/\(line)", [("quantity", "0")]).status == .seeOther)
            #expect(try await browser.get("/cart").text.contains("Your cart is empty"))
        }
    }

    @Test(arguments: Backend.available)
    func removeLineDeletesIt(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            try await browser.addOatMilk()
            let line = try #require(try await browser.firstLineID())
            #expect(try await browser.post("/cart/items/\(line)/delete").status == .seeOther)
            #expect(try await browser.get("/cart").text.contains("Your cart is empty"))
            #expect(try await browser.post("/cart/items/\(line)/delete").status == .notFound)
        }
    }

    @Test(arguments: Backend.available)
    func otherSessionsLineIsNotFound(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var alice = Browser(client)
            try await alice.addOatMilk()
            let line = try #require(try await alice.firstLineID())
            var bob = Browser(client)
            try await bob.addOatMilk()
            try await bob.refreshToken()
            #expect(try await bob.post("/cart/items/\(line)", [("quantity", "5")]).status == .notFound)
            #expect(try await bob.post("/cart/items/\(line)/delete").status == .notFound)
            #expect(try await bob.post("/cart/items/not-a-uuid", [("quantity", "5")]).status == .notFound)
            #expect(try await alice.get("/cart").text.contains("value=\"1\""))
        }
    }

    @Test(arguments: Backend.available)
    func bodyOverLimitIsTooLarge(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let padding = String(repeating: "a", count: 17 * 1024)
            let response = try await browser.post("/cart/items", [("product", DemoIRIs.oatMilk), ("quantity", "1"), ("pad", padding)])
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test(arguments: Backend.available)
    func pageCartShowsThatPage(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            try await browser.addOatMilk()
            let page = try await browser.get("/pages/market-day/cart")
            #expect(page.status == .ok)
            #expect(page.text.contains("Oat milk"))
            #expect(try await browser.get("/pages/no-such-page/cart").status == .notFound)
        }
    }

    @Test(arguments: Backend.available)
    func demoBookingAddsEntryAndTickets(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            #expect(try await browser.post("/demo/calendar/book", [("item", "pottery")]).status == .seeOther)
            try await browser.refreshToken()
            #expect(try await browser.post("/demo/calendar/book", [("item", "concert"), ("quantity", "2")]).status == .seeOther)
            #expect(try await browser.post("/demo/calendar/book", [("item", "nope")]).status == .badRequest)
            let page = try await browser.get("/cart").text
            #expect(page.contains("Pottery class"))
            #expect(page.contains("Evening concert"))
            #expect(page.contains("Cart (3)"))
        }
    }

    @Test(arguments: Backend.available)
    func badCookieIsIgnored(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            try await browser.addOatMilk()
            let genuine = try #require(browser.cookies["cart_session"])
            browser.cookies["cart_session"] = String(genuine.dropLast(2)) + "AA"
            #expect(try await browser.get("/cart").text.contains("Your cart is empty"))
            browser.cookies["cart_session"] = "garbage"
            #expect(try await browser.get("/cart").text.contains("Your cart is empty"))
        }
    }

    @Test(arguments: Backend.available)
    func sessionCreationIsRateLimited(backend: Backend) async throws {
        var configuration = TestApp.configuration()
        configuration.limits.sessionCreation = RateLimit(count: 2, perSeconds: 60)
        try await TestApp.run(backend, configuration) { client in
            for _ in 0..<2 {
                var fresh = Browser(client)
                #expect(try await fresh.addOatMilk().status == .seeOther)
            }
            var third = Browser(client)
            let refused = try await third.addOatMilk()
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter].flatMap(Int.init) != nil)
        }
    }

    @Test
    func cookieIsSecureOnHTTPS() async throws {
        var configuration = TestApp.configuration()
        configuration.baseURL = "https://cart.example"
        try await TestApp.run(.sqlite, configuration) { client in
            var browser = Browser(client)
            browser.origin = "https://cart.example"
            let product = [("product", "https://cart.example/demo/products/oat-milk"), ("quantity", "1")]
            let response = try await browser.post("/cart/items", product)
            #expect(response.status == .seeOther)
            #expect(response.headers[.setCookie]?.contains("Secure") == true)
            browser.origin = "http://cart.example"
            let downgraded = try await browser.post("/cart/items", product)
            #expect(downgraded.status == .forbidden)
        }
    }

    @Test(arguments: Backend.available)
    func unknownPathIsNotFoundPage(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let response = try await browser.get("/no/such/thing")
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }
}

@Suite("Federation routes mounted")
struct FederationMountTests {
    @Test
    func actorAndWebFingerAreServed() async throws {
        try await TestApp.run(.sqlite) { client in
            let actor = try await client.executeRequest(uri: "/actor", method: .get,
                                                        headers: [.accept: "application/activity+json"], body: nil)
            #expect(actor.status == .ok)
            #expect(String(buffer: actor.body).contains("\"preferredUsername\""))
            let finger = try await client.executeRequest(uri: "/.well-known/webfinger?resource=acct:cart@127.0.0.1:8080",
                                                         method: .get, headers: [:], body: nil)
            #expect(finger.status == .ok)
        }
    }
}
