import ActorIdentity
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("GET /actor and GET /keys/{id}")
struct ActorEndpointTests {
    static let activityAccepts = [
        "application/activity+json",
        #"application/ld+json; profile="https://www.w3.org/ns/activitystreams""#,
        "application/json",
        "*/*",
    ]

    @Test("fetchers get the Service document with the current key and the Multikey", arguments: activityAccepts)
    func actorJSON(accept: String) async throws {
        let keys = try FederationTestApp.sharedKeys.get()
        try await FederationTestApp.application().test(.router) { client in
            try await client.execute(uri: "/actor", method: .get, headers: [.accept: accept]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/activity+json")
                #expect(response.headers[.vary] == "Accept")
                let actor = try FederationTestApp.object(response.body)
                #expect(actor["id"] as? String == "https://cart.example:8443/actor")
                #expect(actor["type"] as? String == "Service")
                #expect(actor["preferredUsername"] as? String == "cart")
                #expect(actor["webfinger"] as? String == "cart@cart.example:8443")
                #expect(actor["manuallyApprovesFollowers"] as? Bool == true)
                let key = try #require(actor["publicKey"] as? [String: String])
                #expect(key["id"] == "https://cart.example:8443/keys/\(keys.current.id)")
                #expect(key["owner"] == "https://cart.example:8443/actor")
                #expect(key["publicKeyPem"] == (try keys.current.key.publicKey.pem()))
                // The published PEM verifies what the private key signs.
                let published = try VerificationKey(pem: key["publicKeyPem"] ?? "")
                let message = Array("GET /actor".utf8)
                #expect(published.verify(signature: try keys.current.key.sign(message), message: message))
                let method = try #require((actor["assertionMethod"] as? [[String: String]])?.first)
                let raw = try #require(keys.ed25519.key.publicKey.ed25519Raw)
                #expect(method["publicKeyMultibase"] == Multikey.ed25519PublicKeyMultibase(raw))
                #expect(method["id"] == "https://cart.example:8443/actor#ed25519-key")
            }
        }
    }

    @Test("browsers get a small escaped HTML page")
    func actorHTML() async throws {
        let profile = ActorProfile(name: "<script>alert(1)</script> & Co", summary: "\"quoted\"")
        try await FederationTestApp.application(profile: profile).test(.router) { client in
            try await client.execute(
                uri: "/actor", method: .get,
                headers: [.accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"]
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.vary] == "Accept")
                let page = String(buffer: response.body)
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
                #expect(!page.contains("<script>"))
                #expect(page.contains("&quot;quoted&quot;"))
                #expect(page.contains("@cart@cart.example:8443"))
                #expect(page.contains(#"href="https://cart.example:8443/""#))
            }
        }
    }

    @Test("a key document is served for the current key, as JSON or HTML")
    func keyDocument() async throws {
        let keys = try FederationTestApp.sharedKeys.get()
        try await FederationTestApp.application().test(.router) { client in
            try await client.execute(uri: "/keys/\(keys.current.id)", method: .get, headers: [.accept: "application/activity+json"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/activity+json")
                #expect(response.headers[.vary] == "Accept")
                let key = try FederationTestApp.object(response.body)
                #expect(key["id"] as? String == "https://cart.example:8443/keys/\(keys.current.id)")
                #expect(key["type"] as? String == "CryptographicKey")
                #expect(key["owner"] as? String == "https://cart.example:8443/actor")
                #expect(key["publicKeyPem"] as? String == (try keys.current.key.publicKey.pem()))
            }
            try await client.execute(uri: "/keys/\(keys.current.id)", method: .get, headers: [.accept: "text/html"]) { response in
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: response.body).contains("BEGIN PUBLIC KEY"))
            }
        }
    }

    @Test("the Ed25519 key is resolvable at /keys/ed25519 too, for RFC 9421 key ids")
    func ed25519KeyDocument() async throws {
        let keys = try FederationTestApp.sharedKeys.get()
        try await FederationTestApp.application().test(.router) { client in
            try await client.execute(uri: "/keys/\(keys.ed25519.id)", method: .get) { response in
                #expect(response.status == .ok)
                let document = try FederationTestApp.object(response.body)
                let published = try VerificationKey(pem: document["publicKeyPem"] as? String ?? "")
                #expect(published.algorithm == .ed25519)
                #expect(published == keys.ed25519.key.publicKey)
            }
        }
    }

    @Test("unknown key ids are 404", arguments: ["k99", "k0", "rsa-k1.pem", "..%2Fcurrent-key", "%00", "K1"])
    func unknownKey(id: String) async throws {
        try await FederationTestApp.application().test(.router) { client in
            try await client.execute(uri: "/keys/\(id)", method: .get, headers: [.accept: "application/activity+json"]) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("after keys rotate, /actor names the new key and the old key stays resolvable")
    func rotationKeepsOldKeysResolvable() async throws {
        let directory = try FederationTestApp.temporaryDirectory().appendingPathComponent("keys")
        let before = try ActorKeyring.generate(in: directory)
        try ReloadingKeyringTests.backdate(directory) // as in a running service: cached until rotated
        let oldPem = try before.current.key.publicKey.pem()
        try await FederationTestApp.application(keysDirectory: directory).test(.router) { client in
            let firstID = try await Self.currentKeyID(client)
            #expect(firstID == "https://cart.example:8443/keys/\(before.current.id)")

            let after = try before.rotate()
            #expect(after.current.id != before.current.id)

            let secondID = try await Self.currentKeyID(client)
            #expect(secondID == "https://cart.example:8443/keys/\(after.current.id)")
            try await client.execute(uri: "/keys/\(before.current.id)", method: .get) { response in
                #expect(response.status == .ok)
                let pem = try FederationTestApp.object(response.body)["publicKeyPem"] as? String
                #expect(pem == oldPem)
            }
            try await client.execute(uri: "/keys/\(after.current.id)", method: .get) { response in
                #expect(response.status == .ok)
                let pem = try FederationTestApp.object(response.body)["publicKeyPem"] as? String
                #expect(pem == (try after.current.key.publicKey.pem()))
            }
        }
    }

    @Test("the actor is served over a real loopback socket without a signature")
    func liveFetch() async throws {
        try await FederationTestApp.application().test(.live) { client in
            try await client.execute(uri: "/actor", method: .get, headers: [.accept: "application/activity+json"]) { response in
                #expect(response.status == .ok)
                let type = try FederationTestApp.object(response.body)["type"] as? String
                #expect(type == "Service")
            }
        }
    }

    /// `publicKey.id` of `/actor` as served now.
    static func currentKeyID(_ client: some TestClientProtocol) async throws -> String? {
        try await client.execute(uri: "/actor", method: .get, headers: [.accept: "application/activity+json"]) { response in
            (try FederationTestApp.object(response.body)["publicKey"] as? [String: Any])?["id"] as? String
        }
    }
}
