import Foundation
import Testing

/// Issue 8's live demo: a real `cart-actor demo` process; the buyer pays in the sandbox, the
/// operator signs in as `admin` through the demo form and refunds from `/admin`, and the buyer's
/// order page shows the refund.
@Suite("live admin", .serialized)
struct AdminLiveTests {
    static func path(_ location: String, on demo: DemoProcess) -> String {
        location.hasPrefix(demo.baseURL) ? String(location.dropFirst(demo.baseURL.count)) : location
    }

    static func token(_ page: Browser.Page) throws -> String {
        try #require(Browser.capture(#"name="csrf" value="([^"]+)""#, in: page.body))
    }

    @Test func payInSandboxRefundFromAdminBuyerSeesRefund() async throws {
        let demo = try await DemoProcess.start()
        defer { demo.stop() }

        // The buyer pays in the sandbox.
        let buyer = Browser(baseURL: demo.baseURL)
        let product = try #require(Browser.capture(#"name="product" value="([^"]+)""#, in: try await buyer.get("/").body))
        #expect(try await buyer.post("/cart/items", form: [("product", product), ("quantity", "2")]).status == 303)
        let checkout = try await buyer.post("/pages/market-day/checkout", form: [("csrf", try Self.token(try await buyer.get("/cart")))])
        let payPage = try await buyer.get(Self.path(try #require(checkout.location), on: demo))
        let payForm = try #require(Browser.capture(#"<form method="post" action="([^"]+)""#, in: payPage.body))
        let paid = try await buyer.post(Self.path(payForm, on: demo), form: [("csrf", try Self.token(payPage)), ("action", "pay")])
        let back = try await buyer.get(Self.path(try #require(paid.location), on: demo))
        let orderPath = try #require(back.location)
        #expect(try await buyer.get(orderPath).body.contains("Paid"))
        let orderID = String(orderPath.dropFirst("/orders/".count))

        // The buyer is no operator: /admin is a 404 for them.
        #expect(try await buyer.get("/admin").status == 404)

        // The operator signs in as admin through the demo form and refunds from the order's admin page.
        let admin = Browser(baseURL: demo.baseURL)
        let form = try await admin.get("/auth/login?return_to=%2Fadmin")
        var fields = [("name", "admin"), ("return_to", "/admin")]
        if let csrf = Browser.capture(#"name="csrf" value="([^"]+)""#, in: form.body) { fields.append(("csrf", csrf)) }
        let signedIn = try await admin.post("/auth/login", form: fields)
        #expect(signedIn.status == 303)
        #expect(signedIn.location == "/admin")
        #expect(try await admin.get("/admin").status == 200)
        let orderAdmin = try await admin.get("/admin/orders/\(orderID)")
        #expect(orderAdmin.status == 200)
        #expect(orderAdmin.body.contains("Refund all 7.00 GBP"))
        let refunded = try await admin.post("/admin/orders/\(orderID)/refund",
                                             form: [("csrf", try Self.token(orderAdmin)), ("full", "1"), ("back", "/admin/orders/\(orderID)")])
        #expect(refunded.status == 303)
        #expect(refunded.location == "/admin/orders/\(orderID)")
        let after = try await admin.get("/admin/orders/\(orderID)").body
        #expect(after.contains("Refunded 7.00 GBP of order"))
        #expect(after.contains("Status: <strong>Refunded</strong>"))

        // The buyer's order page shows it.
        let order = try await buyer.get(orderPath).body
        #expect(order.contains("Refunded"))
        #expect(order.contains("7.00 GBP refunded on"))
        #expect(!demo.log.contains("error"), "the demo logged an error:\n\(demo.log)")
    }
}
