import Commerce
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing
import TestSupport

/// `/admin` orders: refunds and re-checks against the fake SumUp.
@Suite("Admin orders")
struct AdminOrdersTests {
    /// A buyer's paid order (paid at the fake, confirmed by the return page); its id.
    static func paidOrder(_ buyer: inout Browser, fake: FakeSumUp) async throws -> String {
        let checkoutID = try #require(try await buyer.addAndCheckOut().hostedCheckoutID)
        let id = try #require(try await buyer.firstOrderID())
        _ = try await fake.pay(checkoutID)
        #expect(try await buyer.get("/orders/\(id)/return").status == .seeOther)
        // The fake's webhook and the return page may coalesce into one read at the window's end;
        // the order page refreshes itself until then, as this loop does.
        var page = ""
        let paid = try await AdminTestApp.eventually {
            page = try await buyer.get("/orders/\(id)").text
            return page.contains("Paid")
        }
        #expect(paid, "the order never showed as paid: \(page)")
        return id
    }

    @Test(arguments: Backend.available)
    func refundFromAdminRefundsOrder(backend: Backend) async throws {
        try await AdminTestApp.runPaying(backend) { client, fake, _ in
            var buyer = Browser(client)
            let id = try await Self.paidOrder(&buyer, fake: fake)
            var admin = Browser(client)
            try await admin.signInAsAdmin()
            let page = try await admin.get("/admin/orders/\(id)")
            #expect(page.status == .ok)
            #expect(page.text.contains("Refund all 7.00 GBP"))
            #expect(page.text.contains(#"<label for="amount-\#(id)">"#))
            let back = "/admin/orders/\(id)"

            // Part of it.
            let part = try await admin.post("/admin/orders/\(id)/refund", [("amount", "150"), ("back", back)])
            #expect(part.status == .seeOther)
            #expect(part.location == back)
            let afterPart = try await admin.get(back).text
            #expect(Browser.notice(in: afterPart)?.contains("Refunded 1.50 GBP of order") == true)
            #expect(afterPart.contains("Refund all 5.50 GBP"))
            #expect(await fake.refunds().map(\.amount?.minorUnits) == [150])

            // More than is left: refused with what to do, nothing sent.
            #expect(try await admin.post("/admin/orders/\(id)/refund", [("amount", "600"), ("back", back)]).status == .seeOther)
            #expect(Browser.notice(in: try await admin.get(back).text)?.contains("at most 5.50 GBP is left") == true)
            // Not a number: refused before anything is recorded.
            #expect(try await admin.post("/admin/orders/\(id)/refund", [("amount", "1.5"), ("back", back)]).status == .seeOther)
            #expect(Browser.notice(in: try await admin.get(back).text)?.contains("is not an amount") == true)
            #expect(await fake.refunds().count == 1)

            // The rest.
            #expect(try await admin.post("/admin/orders/\(id)/refund", [("full", "1"), ("back", back)]).status == .seeOther)
            let refunded = try await admin.get(back).text
            #expect(Browser.notice(in: refunded)?.contains("Refunded 5.50 GBP of order") == true)
            #expect(refunded.contains("Status: <strong>Refunded</strong>"))
            #expect(!refunded.contains("Refund all"))
            #expect(await fake.refunds().count == 2)

            // The buyer sees both refunds on the order page.
            let order = try await buyer.get("/orders/\(id)").text
            #expect(order.contains("<h2>Refunds</h2>"))
            #expect(order.contains("1.50 GBP refunded on"))
            #expect(order.contains("5.50 GBP refunded on"))
            #expect(order.contains("Refunded"))
        }
    }

    @Test(arguments: Backend.available)
    func recheckFromAdmin(backend: Backend) async throws {
        try await AdminTestApp.runPaying(backend) { client, fake, _ in
            var buyer = Browser(client)
            let checkoutID = try #require(try await buyer.addAndCheckOut().hostedCheckoutID)
            let id = try #require(try await buyer.firstOrderID())
            _ = try await fake.pay(checkoutID) // webhook lost, buyer never returns
            var admin = Browser(client)
            try await admin.signInAsAdmin()
            let before = try await admin.get("/admin/orders?state=awaiting_payment").text
            #expect(before.contains(#"href="/admin/orders/\#(id)""#))
            #expect(try await admin.get("/admin/orders?state=paid").text.contains("No orders match."))

            let rechecked = try await admin.post("/admin/orders/\(id)/recheck", [("back", "/admin/orders?state=paid")])
            #expect(rechecked.status == .seeOther)
            #expect(rechecked.location == "/admin/orders?state=paid")
            let after = try await admin.get("/admin/orders?state=paid").text
            #expect(Browser.notice(in: after)?.contains("re-checked with the payment provider: paid") == true)
            #expect(after.contains(#"href="/admin/orders/\#(id)""#))
            #expect(try await buyer.get("/orders/\(id)").text.contains("Paid"))

            // An order that does not exist: 404, and a redirect never leaves /admin.
            #expect(try await admin.post("/admin/orders/\(UUID().uuidString.lowercased())/recheck").status == .notFound)
            let outside = try await admin.post("/admin/orders/\(id)/recheck", [("back", "https://evil.example/")])
            #expect(outside.location == "/admin/orders/\(id)")
            let sneaky = try await admin.post("/admin/orders/\(id)/recheck", [("back", "/admin//evil.example")])
            #expect(sneaky.location == "/admin/orders/\(id)")
        }
    }

    @Test(arguments: Backend.available)
    func attentionListsRefundWithoutAnswer(backend: Backend) async throws {
        try await AdminTestApp.runPaying(backend) { client, fake, _ in
            var buyer = Browser(client)
            let id = try await Self.paidOrder(&buyer, fake: fake)
            var admin = Browser(client)
            try await admin.signInAsAdmin()
            #expect(try await admin.get("/admin").text.contains("Nothing needs attention."))
            await fake.answerAfterRefund([500]) // the refund happens, its answer is lost
            #expect(try await admin.post("/admin/orders/\(id)/refund", [("full", "1"), ("back", "/admin")]).status == .seeOther)
            let home = try await admin.get("/admin").text
            #expect(Browser.notice(in: home)?.contains("outcome is not known yet") == true)
            #expect(home.contains(#"href="/admin/orders/\#(id)""#))
            #expect(home.contains("a refund has no answer from the provider yet"))
            #expect(!home.contains("Refund all"))
            #expect(home.contains(#"action="/admin/orders/\#(id)/recheck""#))
            #expect(try await buyer.get("/orders/\(id)").text.contains("A refund of 7.00 GBP was started"))
        }
    }
}
