import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

@Suite("Order pages")
struct OrderPagesTests {
    @Test(arguments: Backend.available)
    func awaitingOrderRefreshesItselfAndOffersPayment(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, fake in
            var browser = Browser(client)
            let checkout = try await browser.addAndCheckOut()
            let hosted = try #require(checkout.location)
            let id = try #require(try await browser.firstOrderID())
            let page = try await browser.get("/orders/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"<meta http-equiv="refresh" content="5">"#))
            #expect(page.text.contains("refreshes itself every 5 seconds"))
            #expect(page.text.contains(#"<a href="\#(hosted)">Pay now</a>"#))
            #expect(page.text.contains(#"action="/orders/\#(id)/pay""#))
            #expect(page.text.contains("Oat milk"))
            #expect(!page.text.contains("Receipt link"))
        }
    }

    @Test(arguments: Backend.available)
    func anotherSessionAndNoSessionGet404(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, _ in
            var owner = Browser(client)
            try await owner.addAndCheckOut()
            let id = try #require(try await owner.firstOrderID())
            var stranger = Browser(client)
            try await stranger.addOatMilk()
            #expect(try await stranger.get("/orders/\(id)").status == .notFound)
            #expect(try await stranger.get("/orders/\(id)/return").status == .notFound)
            #expect(!(try await stranger.get("/orders").text.contains(id)))
            var nobody = Browser(client)
            #expect(try await nobody.get("/orders/\(id)").status == .notFound)
            #expect(try await nobody.get("/orders/not-a-uuid").status == .notFound)
        }
    }

    @Test(arguments: Backend.available)
    func returnPageReconcilesAndReceiptKeyOpensPaidOrder(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, fake in
            var browser = Browser(client)
            let checkoutID = try #require(try await browser.addAndCheckOut().hostedCheckoutID)
            let id = try #require(try await browser.firstOrderID())
            _ = try await fake.pay(checkoutID) // the webhook is lost: only the return page can tell us
            let back = try await browser.get("/orders/\(id)/return")
            #expect(back.status == .seeOther)
            #expect(back.location == "/orders/\(id)")
            let page = try await browser.get("/orders/\(id)").text
            #expect(page.contains("Paid"))
            #expect(!page.contains("http-equiv=\"refresh\""))
            #expect(try await browser.get("/cart").text.contains("Your cart is empty"))
            let receipt = try #require(page.range(of: #"\#(TestApp.base)/orders/\#(id)\?key=[^"<]+"#, options: .regularExpression))
            let path = String(page[receipt].dropFirst(TestApp.base.count))
            var stranger = Browser(client)
            let opened = try await stranger.get(path)
            #expect(opened.status == .ok)
            #expect(opened.text.contains("Paid"))
            #expect(opened.text.contains("Oat milk"))
            #expect(try await stranger.get("/orders/\(id)?key=wrong-key").status == .notFound)
            #expect(try await browser.get("/orders/\(id)?key=").status == .notFound)
        }
    }

    @Test(arguments: Backend.available)
    func returnPageDoesNotWaitLongForASlowSumUpAndThePaymentStillLands(backend: Backend) async throws {
        try await OrderTestApp.run(backend, configure: { $0.limits.paymentReturnWaitSeconds = 0.1 }) { client, fake in
            var browser = Browser(client)
            let checkoutID = try #require(try await browser.addAndCheckOut().hostedCheckoutID)
            let id = try #require(try await browser.firstOrderID())
            _ = try await fake.pay(checkoutID) // webhook lost
            await fake.setDelay(.seconds(5))
            #expect(try await browser.get("/orders/\(id)/return").status == .seeOther)
            // Had the return page waited for SumUp's 5 s answer, the order would read Paid here.
            #expect(try await browser.get("/orders/\(id)").text.contains("<strong>Awaiting payment</strong>"))
            // The reconcile the return page started goes on; the page's refresh shows its result.
            var paid = false
            for _ in 0..<60 where !paid {
                try await Task.sleep(for: .milliseconds(500))
                paid = try await browser.get("/orders/\(id)").text.contains("<strong>Paid</strong>")
            }
            #expect(paid)
        }
    }

    @Test(arguments: Backend.available)
    func retryWhileTheAttemptIsOpenGoesBackToItsPaymentPage(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, fake in
            var browser = Browser(client)
            let first = try #require(try await browser.addAndCheckOut().hostedCheckoutID)
            let id = try #require(try await browser.firstOrderID())
            try await browser.get("/orders/\(id)")
            let retried = try await browser.post("/orders/\(id)/pay")
            #expect(retried.status == .seeOther)
            #expect(retried.hostedCheckoutID == first)
            #expect(await fake.checkouts().count == 1)
            #expect(try await browser.post("/orders/\(id)/pay", csrf: false).status == .forbidden)
            var stranger = Browser(client)
            try await stranger.addOatMilk()
            try await stranger.refreshToken()
            #expect(try await stranger.post("/orders/\(id)/pay").status == .notFound)
        }
    }

    @Test(arguments: Backend.available)
    func ordersListNewestFirst(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, fake in
            var browser = Browser(client)
            #expect(try await browser.get("/orders").text.contains("You have no orders yet"))
            let first = try #require(try await browser.addAndCheckOut().hostedCheckoutID)
            let firstOrder = try #require(try await browser.firstOrderID())
            _ = try await fake.pay(first)
            try await browser.get("/orders/\(firstOrder)/return")
            try await browser.addAndCheckOut()
            let list = try await browser.get("/orders").text
            let newer = try #require(list.range(of: "Order 2"))
            let older = try #require(list.range(of: "Order 1"))
            #expect(newer.lowerBound < older.lowerBound)
            #expect(list.contains("Paid"))
            #expect(list.contains("Awaiting payment"))
        }
    }

    @Test(arguments: Backend.available)
    func signInAdoptsTheSessionsOrders(backend: Backend) async throws {
        try await OrderTestApp.run(backend) { client, _ in
            var browser = Browser(client)
            try await browser.addAndCheckOut()
            let id = try #require(try await browser.firstOrderID())
            try await browser.refreshToken()
            #expect(try await browser.post("/auth/login", [("name", "alice"), ("return_to", "/orders")]).status == .seeOther)
            #expect(try await browser.get("/orders").text.contains(id))
            #expect(try await browser.get("/orders/\(id)").status == .ok)
        }
    }
}
