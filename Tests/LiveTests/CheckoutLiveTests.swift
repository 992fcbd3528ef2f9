import Foundation
import Testing

/// The checkout issue's end-to-end demo: a real `cart-actor demo` process, the sandbox as payment page.
@Suite("live checkout", .serialized)
struct CheckoutLiveTests {
    /// `path` of an absolute or relative `location` on this demo.
    static func path(_ location: String, on demo: DemoProcess) -> String {
        location.hasPrefix(demo.baseURL) ? String(location.dropFirst(demo.baseURL.count)) : location
    }

    @Test func addCheckOutPayInSandboxAndSeeThePaidOrder() async throws {
        let demo = try await DemoProcess.start()
        defer { demo.stop() }
        let browser = Browser(baseURL: demo.baseURL)

        let home = try await browser.get("/")
        let product = try #require(Browser.capture(#"name="product" value="([^"]+)""#, in: home.body))
        #expect(try await browser.post("/cart/items", form: [("product", product), ("quantity", "2")]).status == 303)
        let cart = try await browser.get("/cart")
        let csrf = try #require(Browser.capture(#"name="csrf" value="([^"]+)""#, in: cart.body))

        let checkout = try await browser.post("/pages/market-day/checkout", form: [("csrf", csrf)])
        #expect(checkout.status == 303)
        let payPath = Self.path(try #require(checkout.location), on: demo)
        #expect(payPath.hasPrefix("/sandbox/pay/"))

        let payPage = try await browser.get(payPath)
        #expect(payPage.status == 200)
        let payForm = try #require(Browser.capture(#"<form method="post" action="([^"]+)""#, in: payPage.body))
        let token = try #require(Browser.capture(#"name="csrf" value="([^"]+)""#, in: payPage.body))
        #expect(payPage.body.contains(#"name="action" value="pay""#))
        let paid = try await browser.post(Self.path(payForm, on: demo), form: [("csrf", token), ("action", "pay")])
        #expect(paid.status == 303)
        let returnPath = Self.path(try #require(paid.location), on: demo)
        #expect(returnPath.hasSuffix("/return"))

        let back = try await browser.get(returnPath)
        #expect(back.status == 303)
        let orderPath = try #require(back.location)
        let order = try await browser.get(orderPath)
        #expect(order.status == 200)
        #expect(order.body.contains("Paid"))
        #expect(order.body.contains("Oat milk"))
        #expect(try await browser.get("/cart").body.contains("Your cart is empty"))
        let list = try await browser.get("/orders")
        #expect(list.body.contains(#"href="\#(orderPath)""#))
        #expect(list.body.contains("Paid"))

        // The operators' view of the same order, from the demo's folder (its database by default).
        let orderID = String(orderPath.dropFirst("/orders/".count))
        let listed = try CommandRun.run(["orders", "list", "--state", "paid"], in: demo.folder)
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains(orderID))
        let shown = try CommandRun.run(["orders", "show", orderID], in: demo.folder)
        #expect(shown.stdout.contains("status: paid"))
        #expect(shown.stdout.contains("transaction SBX"))
        let rechecked = try CommandRun.run(["orders", "recheck", orderID], in: demo.folder)
        #expect(rechecked.stdout == "order \(orderID): paid\n", "\(rechecked.stderr)")
        let refused = try CommandRun.run(["orders", "list", "--state", "bogus"], in: demo.folder)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("--state must be one of"))
        #expect(!demo.log.contains("error"), "the demo logged an error:\n\(demo.log)")
    }
}
