import Foundation
import Testing

/// `orders refund` against a real `cart-actor demo`: paid in the sandbox, refunded in part then
/// in full from the command line, with clear lines and exit statuses; the buyer's page shows it.
@Suite("live refunds", .serialized)
struct RefundLiveTests {
    @Test func refundFromTheCommandLineInPartThenInFull() async throws {
        let demo = try await DemoProcess.start()
        defer { demo.stop() }
        let browser = Browser(baseURL: demo.baseURL)
        let orderPath = try await Self.buyAndPay(browser, on: demo)
        let orderID = String(orderPath.dropFirst("/orders/".count))

        let partial = try CommandRun.run(["orders", "refund", orderID, "--amount", "100", "--by", "cli:live-test"], in: demo.folder)
        #expect(partial.status == 0, "\(partial.stderr)")
        #expect(partial.stdout.hasPrefix("refunded 1.00 GBP of order \(orderID) (refund "), "\(partial.stdout)")
        #expect(partial.stdout.contains("order now paid"))

        let tooMuch = try CommandRun.run(["orders", "refund", orderID, "--amount", "99999999"], in: demo.folder)
        #expect(tooMuch.status == 1)
        #expect(tooMuch.stderr.hasPrefix("cart-actor: cannot refund 999999.99 GBP: at most "), "\(tooMuch.stderr)")
        #expect(tooMuch.stdout.isEmpty)

        let zero = try CommandRun.run(["orders", "refund", orderID, "--amount", "0"], in: demo.folder)
        #expect(zero.status != 0)
        #expect(zero.stderr.contains("--amount"))

        let rest = try CommandRun.run(["orders", "refund", orderID], in: demo.folder)
        #expect(rest.status == 0, "\(rest.stderr)")
        #expect(rest.stdout.contains("order now refunded"), "\(rest.stdout)")

        let again = try CommandRun.run(["orders", "refund", orderID], in: demo.folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("is refunded: only paid or owed orders can be refunded"), "\(again.stderr)")

        let shown = try CommandRun.run(["orders", "show", orderID], in: demo.folder)
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("status: refunded"))
        #expect(shown.stdout.contains("  refunds:"))
        #expect(shown.stdout.contains("1.00 GBP succeeded by cli:live-test"))
        #expect(shown.stdout.contains("  deliveries:"))

        let unpaid = try CommandRun.run(["orders", "refund", UUID().uuidString], in: demo.folder)
        #expect(unpaid.status != 0)
        #expect(unpaid.stderr.contains("no order"))

        let page = try await browser.get(orderPath)
        #expect(page.status == 200)
        #expect(page.body.contains("Refunded"))
        #expect(!demo.log.contains("error"), "the demo logged an error:\n\(demo.log)")
    }

    /// Adds a product, checks out, pays on the sandbox page; returns the order's path.
    static func buyAndPay(_ browser: Browser, on demo: DemoProcess) async throws -> String {
        let home = try await browser.get("/")
        let product = try #require(Browser.capture(#"name="product" value="([^"]+)""#, in: home.body))
        #expect(try await browser.post("/cart/items", form: [("product", product), ("quantity", "2")]).status == 303)
        let cart = try await browser.get("/cart")
        let csrf = try #require(Browser.capture(#"name="csrf" value="([^"]+)""#, in: cart.body))
        let checkout = try await browser.post("/pages/market-day/checkout", form: [("csrf", csrf)])
        let payPath = CheckoutLiveTests.path(try #require(checkout.location), on: demo)
        let payPage = try await browser.get(payPath)
        let payForm = try #require(Browser.capture(#"<form method="post" action="([^"]+)""#, in: payPage.body))
        let token = try #require(Browser.capture(#"name="csrf" value="([^"]+)""#, in: payPage.body))
        let paid = try await browser.post(CheckoutLiveTests.path(payForm, on: demo), form: [("csrf", token), ("action", "pay")])
        let back = try await browser.get(CheckoutLiveTests.path(try #require(paid.location), on: demo))
        return try #require(back.location)
    }
}
