import Commerce
import Foundation
import Hummingbird
import HummingbirdTesting
import Outbox
import Storage
import Testing
import TestSupport

/// Who gets into `/admin` and which forms it accepts (contract §5).
@Suite("Admin access")
struct AdminAccessTests {
    static let someID = UUID().uuidString.lowercased()
    static let pages = ["/admin", "/admin/orders", "/admin/orders?state=paid", "/admin/orders/\(someID)",
                        "/admin/follows", "/admin/deliveries", "/admin/pages"]
    static let actions = ["/admin/orders/\(someID)/refund", "/admin/orders/\(someID)/recheck", "/admin/follows/approve",
                          "/admin/follows/reject", "/admin/follows/remove", "/admin/deliveries/retry-host",
                          "/admin/deliveries/\(someID)/retry"]

    @Test(arguments: Backend.available)
    func nonAdminGets404OnEveryAdminPage(backend: Backend) async throws {
        try await AdminTestApp.run(backend) { client, _ in
            var anonymous = Browser(client)
            var alice = Browser(client)
            try await alice.signIn("alice")
            let token = try #require(alice.csrf)
            for path in Self.pages {
                #expect(try await anonymous.get(path).status == .notFound, "anonymous GET \(path)")
                let page = try await alice.get(path)
                #expect(page.status == .notFound, "alice GET \(path)")
                #expect(!page.text.contains("Needs attention"))
            }
            for path in Self.actions {
                let fields = [("actor", "https://peer.example/actor"), ("host", "peer.example"), ("full", "1")]
                #expect(try await anonymous.post(path, fields).status == .notFound, "anonymous POST \(path)")
                // A valid token and the shop's own origin change nothing: still the 404 of a missing page.
                #expect(try await alice.post(path, fields + [("csrf", token)]).status == .notFound, "alice POST \(path)")
            }
            #expect(!(try await alice.get("/cart").text.contains(#"<a href="/admin">Admin</a>"#)))
            // The same pages open for the operator (the gate is not simply closed).
            var admin = Browser(client)
            try await admin.signInAsAdmin()
            #expect(try await admin.get("/cart").text.contains(#"<a href="/admin">Admin</a>"#))
            for path in Self.pages where !path.contains(Self.someID) {
                let page = try await admin.get(path)
                #expect(page.status == .ok, "admin GET \(path)")
                #expect(page.text.contains(#"<nav aria-label="Admin sections">"#), "admin GET \(path)")
            }
            #expect(try await admin.get("/admin/orders/\(Self.someID)").status == .notFound)
        }
    }

    @Test(arguments: Backend.available)
    func crossSitePostRefused(backend: Backend) async throws {
        let stranger = "https://stranger.example/users/eve"
        try await AdminTestApp.run(backend, prepare: { database in
            let ledger = try AdminTestApp.ledger(database)
            _ = try await ledger.receiveFollow(actor: try #require(IRI(stranger)), followID: try #require(IRI(stranger + "#follow")),
                                               autoAccept: false, now: Date())
        }) { client, database in
            var admin = Browser(client)
            try await admin.signInAsAdmin()
            let token = try #require(admin.csrf)
            let form = [("actor", stranger)]
            // No token.
            #expect(try await admin.post("/admin/follows/approve", form, csrf: false).status == .forbidden)
            // A wrong token.
            #expect(try await admin.post("/admin/follows/approve", form + [("csrf", "forged")]).status == .forbidden)
            // A foreign origin, even with the right token.
            #expect(try await admin.post("/admin/follows/approve", form + [("csrf", token)],
                                         headers: [.origin: "https://evil.example"]).status == .forbidden)
            // A sibling origin is no exception here.
            #expect(try await admin.post("/admin/follows/approve", form + [("csrf", token)],
                                         headers: [.origin: TestApp.sibling]).status == .forbidden)
            // A foreign Referer without Origin.
            var noOrigin = admin
            noOrigin.origin = nil
            #expect(try await noOrigin.post("/admin/follows/approve", form + [("csrf", token)],
                                            headers: [.referer: "https://evil.example/page"]).status == .forbidden)
            #expect(try await AdminTestApp.ledger(database).follower(actor: try #require(IRI(stranger)))?.state == .pending)
            // The same form from the admin page itself works.
            let approved = try await admin.post("/admin/follows/approve", form)
            #expect(approved.status == .seeOther)
            #expect(approved.location == "/admin/follows")
            #expect(try await AdminTestApp.ledger(database).follower(actor: try #require(IRI(stranger)))?.state == .accepted)
        }
    }

    @Test(arguments: Backend.available)
    func noticeOfAnotherSessionIsNotShown(backend: Backend) async throws {
        try await AdminTestApp.run(backend) { client, _ in
            var first = Browser(client)
            try await first.signInAsAdmin()
            #expect(try await first.post("/admin/follows/approve", [("actor", "https://nobody.example/actor")]).status == .seeOther)
            let planted = try #require(first.cookies["cart_admin_notice"])
            var second = Browser(client)
            try await second.signInAsAdmin()
            second.cookies["cart_admin_notice"] = planted
            #expect(Browser.notice(in: try await second.get("/admin/follows").text) == nil)
            second.cookies["cart_admin_notice"] = "ZG9uZTpoaQ.forged"
            #expect(Browser.notice(in: try await second.get("/admin/follows").text) == nil)
            #expect(Browser.notice(in: try await first.get("/admin/follows").text)?.contains("no pending follow request") == true)
        }
    }
}

