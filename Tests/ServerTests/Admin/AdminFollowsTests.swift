import Commerce
import Foundation
import Hummingbird
import HummingbirdTesting
import Outbox
import Storage
import Testing
import TestSupport

/// `/admin/follows`: decisions on follow requests reach the requester through the outbox.
@Suite("Admin follows")
struct AdminFollowsTests {
    @Test(arguments: Backend.available)
    func approveFromAdminDeliversAccept(backend: Backend) async throws {
        try await AdminTestApp.withReceiver { receiver in
        let actor = receiver.actor(1)
        let followID = actor + "/follows/1"
        try await AdminTestApp.run(backend, prepare: { database in
            _ = try await AdminTestApp.ledger(database).receiveFollow(
                actor: try #require(IRI(actor)), followID: try #require(IRI(followID)), autoAccept: false, now: Date())
        }) { client, database in
            var admin = Browser(client)
            try await admin.signInAsAdmin()
            let page = try await admin.get("/admin/follows")
            #expect(page.text.contains("Follow requests (1)"))
            #expect(page.text.contains(#"<input type="hidden" name="actor" value="\#(actor)"><button type="submit">Approve"#))
            let approved = try await admin.post("/admin/follows/approve", [("actor", actor)])
            #expect(approved.status == .seeOther)
            #expect(approved.location == "/admin/follows")
            let after = try await admin.get("/admin/follows").text
            #expect(Browser.notice(in: after)?.contains("Accepted \(actor)") == true)
            #expect(after.contains("Followers (1)"))
            #expect(after.contains("No follow requests are waiting."))
            // Shown once: the next load has no notice.
            #expect(Browser.notice(in: try await admin.get("/admin/follows").text) == nil)

            let delivered = try await AdminTestApp.eventually {
                receiver.accepted.contains { $0.type == "Accept" }
            }
            #expect(delivered, "no Accept arrived: \(receiver.received)")
            let accept = try #require(receiver.accepted.first { $0.type == "Accept" })
            #expect(accept.verified)
            #expect(try await AdminTestApp.ledger(database).follower(actor: try #require(IRI(actor)))?.state == .accepted)

            // Approving again is a notice, not an error page, and sends nothing new.
            let again = try await admin.post("/admin/follows/approve", [("actor", actor)])
            #expect(again.status == .seeOther)
            #expect(Browser.notice(in: try await admin.get("/admin/follows").text)?.contains("no pending follow request") == true)
        }
        }
    }

    @Test(arguments: Backend.available)
    func rejectAndRemoveFromAdmin(backend: Backend) async throws {
        let asking = "https://stranger.example/users/eve"
        let following = "https://peer.example/users/bob"
        try await AdminTestApp.run(backend, prepare: { database in
            let ledger = try AdminTestApp.ledger(database)
            _ = try await ledger.receiveFollow(actor: try #require(IRI(asking)), followID: try #require(IRI(asking + "#f")),
                                               autoAccept: false, now: Date())
            _ = try await ledger.receiveFollow(actor: try #require(IRI(following)), followID: try #require(IRI(following + "#f")),
                                               autoAccept: true, now: Date())
        }) { client, database in
            var admin = Browser(client)
            try await admin.signInAsAdmin()
            let ledger = try AdminTestApp.ledger(database)
            #expect(try await admin.post("/admin/follows/reject", [("actor", asking)]).status == .seeOther)
            #expect(try await ledger.follower(actor: try #require(IRI(asking))) == nil)
            #expect(try await admin.post("/admin/follows/remove", [("actor", following)]).status == .seeOther)
            #expect(try await ledger.follower(actor: try #require(IRI(following))) == nil)
            let page = try await admin.get("/admin/follows").text
            #expect(Browser.notice(in: page)?.contains("Removed \(following)") == true)
            // A form without a usable actor is reported on the page.
            #expect(try await admin.post("/admin/follows/remove", [("actor", "not an iri")]).status == .seeOther)
            #expect(Browser.notice(in: try await admin.get("/admin/follows").text)?.contains("named no actor IRI") == true)
        }
    }
}
