import Foundation
import Testing

/// `cart-actor demo` as a real process on a free port, driven over HTTP like a browser.
@Suite("live demo", .serialized)
struct LiveDemoTests {
    @Test func anonymousLineIsMergedIntoTheCartOfWhoeverSignsIn() async throws {
        let demo = try await DemoProcess.start()
        defer { demo.stop() }
        let browser = Browser(baseURL: demo.baseURL)

        let home = try await browser.get("/")
        #expect(home.status == 200)
        let product = try #require(Browser.capture(#"name="product" value="([^"]+)""#, in: home.body))

        let added = try await browser.post("/cart/items", form: [("product", product), ("quantity", "2")])
        #expect(added.status == 303)
        let anonymousCookie = try #require(browser.cookies["cart_session"])

        let anonymousCart = try await browser.get("/cart")
        #expect(anonymousCart.body.contains("Oat milk"))
        #expect(anonymousCart.body.contains(#"value="2""#))

        let signIn = try await browser.get("/auth/login?return_to=/cart")
        let csrf = Browser.capture(#"name="csrf" value="([^"]+)""#, in: signIn.body) ?? ""
        let signedIn = try await browser.post("/auth/login", form: [("name", "alice"), ("return_to", "/cart"), ("csrf", csrf)])
        #expect(signedIn.status == 303)
        #expect(signedIn.location == "/cart")
        let userCookie = try #require(browser.cookies["cart_session"])
        #expect(userCookie != anonymousCookie, "the session id must rotate at sign-in")

        let merged = try await browser.get("/cart")
        #expect(merged.body.contains("Oat milk"))
        #expect(merged.body.contains(#"value="2""#))
        let nav = try await browser.get("/fragments/account-nav-item")
        #expect(nav.body.contains("alice"))

        // The pre-login cookie no longer opens anything: it names a deleted session.
        browser.setCookies(["cart_session": anonymousCookie])
        let stale = try await browser.get("/cart")
        #expect(!stale.body.contains("Oat milk"))
        #expect(!demo.log.contains("error"), "the demo logged an error:\n\(demo.log)")
    }

    @Test func demoStopsCleanlyOnSIGTERM() async throws {
        let demo = try await DemoProcess.start()
        demo.stop()
        #expect(!demo.isRunning)
        #expect(demo.exitStatus == 0, "exit status after SIGTERM: \(demo.exitStatus)")
    }
}
