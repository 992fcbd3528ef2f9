import Commerce
import Foundation
import Hummingbird
import HummingbirdTesting
import Outbox
import Storage
import Testing
import TestSupport

/// `/admin/deliveries`: failing hosts, and retrying them.
@Suite("Admin deliveries")
struct AdminDeliveriesTests {
    /// An app whose receiver answers 500, with an accepted follower whose Accept goes out at once
    /// and fails; `body` gets the receiver, the client, the ledger and the failing host.
    static func withFailedAccept(
        _ backend: Backend, actorNumber: Int,
        _ body: @escaping @Sendable (ReceiverHost, any TestClientProtocol, SQLOutboxStore, String) async throws -> Void
    ) async throws {
        try await AdminTestApp.withReceiver { receiver in
            receiver.answerByDefault(.status(500))
            let actor = receiver.actor(actorNumber)
            let host = String(receiver.origin.dropFirst("http://".count))
            try await AdminTestApp.run(backend, prepare: { database in
                _ = try await AdminTestApp.ledger(database).receiveFollow(
                    actor: try #require(IRI(actor)), followID: try #require(IRI(actor + "/follows/1")), autoAccept: true, now: Date())
            }) { client, database in
                try await body(receiver, client, try AdminTestApp.ledger(database), host)
            }
        }
    }

    @Test(arguments: Backend.available)
    func deliveriesRetryHost(backend: Backend) async throws {
        try await Self.withFailedAccept(backend, actorNumber: 1) { receiver, client, ledger, host in
            let failed = try await AdminTestApp.eventually {
                try await ledger.deliveries(DeliveryFilter(state: .failed, host: host)).count == 1
            }
            #expect(failed, "the Accept never failed: \(receiver.received)")
            var admin = Browser(client)
            try await admin.signInAsAdmin()
            let page = try await admin.get("/admin/deliveries").text
            #expect(page.contains(#"<a href="/admin/deliveries?host=\#(AdminQuery.escape(host))">\#(host)</a>"#))
            #expect(page.contains("HTTP 500"))
            #expect(page.contains(#"<input type="hidden" name="host" value="\#(host)"><button type="submit">Retry host"#))
            let filtered = try await admin.get("/admin/deliveries?host=\(AdminQuery.escape(host))").text
            #expect(filtered.contains("Failing and dead deliveries to \(host)"))
            #expect(filtered.contains("Accept"))

            // The receiver is back; without the retry the next attempt would be minutes away.
            receiver.answerByDefault(.accepted)
            let retried = try await admin.post("/admin/deliveries/retry-host", [("host", host), ("back", "/admin/deliveries")])
            #expect(retried.status == .seeOther)
            #expect(retried.location == "/admin/deliveries")
            #expect(Browser.notice(in: try await admin.get("/admin/deliveries").text)?.contains("Retrying \(host): 1 delivery due now") == true)
            let delivered = try await AdminTestApp.eventually { receiver.accepted.contains { $0.type == "Accept" } }
            #expect(delivered, "the retried Accept did not arrive: \(receiver.received)")
            #expect(try await AdminTestApp.eventually {
                try await admin.get("/admin/deliveries").text.contains("Every host is healthy.")
            })

            // Retrying a delivered one is a notice, not an error.
            let done = try #require(try await ledger.deliveries(DeliveryFilter(host: host)).first)
            #expect(try await admin.post("/admin/deliveries/\(done.id.uuidString.lowercased())/retry").status == .seeOther)
            #expect(Browser.notice(in: try await admin.get("/admin/deliveries").text)?.contains("nothing to retry") == true)
        }
    }

    @Test(arguments: Backend.available)
    func retryOneDeliveryFromAdmin(backend: Backend) async throws {
        try await Self.withFailedAccept(backend, actorNumber: 2) { receiver, client, ledger, host in
            #expect(try await AdminTestApp.eventually {
                try await ledger.deliveries(DeliveryFilter(state: .failed, host: host)).count == 1
            })
            let failed = try #require(try await ledger.deliveries(DeliveryFilter(state: .failed, host: host)).first)
            let id = failed.id.uuidString.lowercased()
            var admin = Browser(client)
            try await admin.signInAsAdmin()
            #expect(try await admin.get("/admin/deliveries").text.contains(#"action="/admin/deliveries/\#(id)/retry""#))
            receiver.answerByDefault(.accepted)
            let retried = try await admin.post("/admin/deliveries/\(id)/retry", [("back", "/admin/deliveries?host=\(AdminQuery.escape(host))")])
            #expect(retried.location == "/admin/deliveries?host=\(AdminQuery.escape(host))")
            #expect(Browser.notice(in: try await admin.get("/admin/deliveries").text)?.contains("is due now") == true)
            #expect(try await AdminTestApp.eventually { receiver.accepted.contains { $0.type == "Accept" } })
        }
    }
}

/// Query escaping as the admin pages do it.
enum AdminQuery {
    static func escape(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? ""
    }
}
