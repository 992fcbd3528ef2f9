import Commerce
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing
import TestSupport

@Suite("Checkout routes")
struct CheckoutRoutesTests {
    @Test(arguments: Backend.available)
    func checkoutRedirectsToSumUpHostedPage(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, fake in
            var browser = Browser(client)
            let response = try await browser.addAndCheckOut()
            #expect(response.status == .seeOther)
            let id = try #require(response.hostedCheckoutID)
            #expect(response.location == fake.hostedPageURL(id))
            let created = try #require(await fake.checkout(id))
            #expect(created.amount == Money(700, try #require(Currency(code: "GBP"))))
            #expect(created.redirectURL?.hasPrefix(TestApp.base + "/orders/") == true)
            #expect(created.returnURL == TestApp.base + "/webhooks/sumup")
            let orders = try await browser.get("/orders").text
            #expect(orders.contains("Awaiting payment"))
            #expect(orders.contains("7.00 GBP"))
        }
    }

    @Test(arguments: Backend.available)
    func demoCheckoutGoesToTheSandbox(backend: Backend) async throws {
        try await TestApp.run(backend) { client in
            var browser = Browser(client)
            let response = try await browser.addAndCheckOut()
            #expect(response.status == .seeOther)
            #expect(response.location?.contains("/sandbox/pay/") == true)
        }
    }

    @Test(arguments: Backend.available)
    func emptyCartCheckoutIsRefused(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, fake in
            var browser = Browser(client)
            let response = try await browser.post("/pages/\(DemoIRIs.pageSlug)/checkout")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Add something to your cart first"))
            #expect(await fake.checkouts().isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func checkoutWithoutPaymentCredentialsIsRefused(backend: Backend) async throws {
        let page = try #require(IRI("https://shop.example/pages/fair"))
        let product = try #require(IRI("https://market.example/products/jam"))
        let gbp = try #require(Currency(code: "GBP"))
        try await TestApp.run(backend, TestApp.configuration(.serve), prepare: { database in
            let catalog = CatalogService(store: SQLCommerceStore(database: database))
            try await catalog.addPage(Page(slug: "fair", iri: page, title: "Fair", currency: gbp))
            try await catalog.upsertProduct(Product(iri: product, pageIRI: page, name: "Jam", price: Money(300, gbp)))
        }) { client in
            var browser = Browser(client)
            #expect(try await browser.post("/cart/items", [("product", product.value), ("quantity", "1")]).status == .seeOther)
            try await browser.refreshToken()
            let response = try await browser.post("/pages/fair/checkout")
            #expect(response.status == .serviceUnavailable)
            #expect(response.text.contains("cannot take payments yet"))
            #expect(try await browser.get("/orders").text.contains("You have no orders yet"))
        }
    }

    @Test(arguments: Backend.available)
    func checkoutWithoutFormTokenIsForbidden(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, fake in
            var browser = Browser(client)
            try await browser.addOatMilk()
            let response = try await browser.post("/pages/\(DemoIRIs.pageSlug)/checkout", csrf: false)
            #expect(response.status == .forbidden)
            #expect(await fake.checkouts().isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func sumUpDownShowsRetryButtonThatStartsPayment(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, fake in
            var browser = Browser(client)
            await fake.failNext(50, status: 503)
            let refused = try await browser.addAndCheckOut()
            #expect(refused.status == .serviceUnavailable)
            #expect(refused.text.contains("Retry payment"))
            let action = try #require(refused.text.range(of: #"action="(/orders/[0-9a-f-]{36}/pay)""#, options: .regularExpression))
            let path = String(refused.text[action].dropFirst(8).dropLast())
            await fake.failNext(0)
            let retried = try await browser.post(path)
            #expect(retried.status == .seeOther)
            let id = try #require(retried.hostedCheckoutID)
            #expect(await fake.checkout(id) != nil)
        }
    }
}
