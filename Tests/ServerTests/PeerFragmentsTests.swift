import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

/// Contract §5: `cart-mini` and `account-nav-item` answer a signed GET from a configured peer for
/// `?handle=H` or `?customer=IRI`; the same query unsigned, from a stranger or with a broken
/// signature is refused. The peers are real loopback servers serving their keys.
@Suite("Fragments for peers")
struct PeerFragmentsTests {
    @Test(arguments: Backend.available)
    func peersSignedFragmentRequestsAnswerTheVisitorsSnippet(backend: Backend) async throws {
        try await TestPeers.run([.calendar, .market]) { peers in
            let (calendar, market) = (peers[0], peers[1])
            try await TestApp.run(backend, Self.configuration(peers)) { client in
                var browser = Browser(client)
                try await browser.addOatMilk("3")
                let handle = try await Self.handle(&browser)
                let mini = try await Self.get("/fragments/cart-mini?handle=\(handle)", as: calendar, client)
                #expect(mini.status == .ok)
                #expect(String(buffer: mini.body).contains("Cart (3)"))
                #expect(String(buffer: mini.body).contains(TestApp.base + "/cart"))

                try await browser.refreshToken()
                #expect(try await browser.post("/auth/login", [("name", "bea"), ("return_to", "/")]).status == .seeOther)
                let customer = TestApp.base + "/users/bea"
                let query = customer.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? customer
                let nav = try await Self.get("/fragments/account-nav-item?customer=\(query)", as: market, client)
                #expect(nav.status == .ok)
                #expect(String(buffer: nav.body).contains("Signed in as \(customer)"))
                // The signed-in user's cart (adopted at login) is what the peer sees for the customer.
                let theirs = try await Self.get("/fragments/cart-mini?customer=\(query)", as: calendar, client)
                #expect(theirs.status == .ok)
                #expect(String(buffer: theirs.body).contains("Cart (3)"))
            }
        }
    }

    @Test(arguments: Backend.available)
    func unsignedStrangerOrBrokenFragmentRequestsAreRefused(backend: Backend) async throws {
        try await TestPeers.run([.calendar, .market, .stranger]) { peers in
            let (calendar, stranger) = (peers[0], peers[2])
            try await TestApp.run(backend, Self.configuration(Array(peers.prefix(2)))) { client in
                var browser = Browser(client)
                try await browser.addOatMilk("2")
                let handle = try await Self.handle(&browser)
                let path = "/fragments/cart-mini?handle=\(handle)"
                let unsigned = try await client.executeRequest(uri: path, method: .get, headers: [:], body: nil)
                #expect(unsigned.status == .forbidden)
                #expect(!String(buffer: unsigned.body).contains("Cart (2)"))
                #expect(try await Self.get(path, as: stranger, client).status == .forbidden)
                let nav = "/fragments/account-nav-item?customer=\(stranger.actor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                #expect(try await Self.get(nav, as: stranger, client).status == .forbidden)
                // Signed by the calendar for another visitor's handle: the query is covered.
                let forged = try SignedGet.headers("/fragments/cart-mini?handle=someone-else", keyID: calendar.keyID,
                                                   accept: "text/html", key: calendar.key)
                let replayed = try await client.executeRequest(uri: path, method: .get, headers: forged, body: nil)
                #expect(replayed.status == .forbidden)
                // The same request signed properly is answered: the refusals above are about the signer.
                #expect(try await Self.get(path, as: calendar, client).status == .ok)
            }
        }
    }

    /// The test app with `peers` as its calendar and market (in that order).
    static func configuration(_ peers: [TestPeer]) -> AppConfiguration {
        var configuration = TestApp.configuration()
        configuration.calendarPeers = peers.filter { $0.kind == .calendar }.map(\.actor)
        configuration.marketPeers = peers.filter { $0.kind == .market }.map(\.actor)
        return configuration
    }

    /// The browser's cart handle, as a sibling site obtains it (`/cart/handle`).
    static func handle(_ browser: inout Browser) async throws -> String {
        let back = TestApp.sibling + "/events/1?x=1"
        let response = try await browser.get("/cart/handle?return_to=\(back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        let location = try #require(response.location)
        return String(location.dropFirst((back + "&cart_handle=").count))
    }

    /// A GET of `path` signed by `peer`'s actor key.
    static func get(_ path: String, as peer: TestPeer, _ client: any TestClientProtocol) async throws -> TestResponse {
        let headers = try SignedGet.headers(path, keyID: peer.keyID, accept: "text/html", key: peer.key)
        return try await client.executeRequest(uri: path, method: .get, headers: headers, body: nil)
    }
}
