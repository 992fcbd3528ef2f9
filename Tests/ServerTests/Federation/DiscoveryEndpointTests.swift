import ActorIdentity
import Foundation
import HummingbirdTesting
import Testing

@Suite("WebFinger, NodeInfo and /ns over HTTP")
struct DiscoveryEndpointTests {
    @Test("webfinger answers acct:cart@HOST (port included) with a self link")
    func webFingerForTheActor() async throws {
        try await FederationTestApp.application().test(.router) { client in
            try await client.execute(uri: "/.well-known/webfinger?resource=acct%3Acart%40cart.example%3A8443", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/jrd+json")
                #expect(response.headers[.accessControlAllowOrigin] == "*")
                let jrd = try FederationTestApp.object(response.body)
                #expect(jrd["subject"] as? String == "acct:cart@cart.example:8443")
                let links = try #require(jrd["links"] as? [[String: String]])
                #expect(links.contains(["rel": "self", "type": "application/activity+json", "href": "https://cart.example:8443/actor"]))
            }
        }
    }

    @Test("webfinger also answers the actor IRI as resource")
    func webFingerForTheActorIRI() async throws {
        try await FederationTestApp.application().test(.router) { client in
            try await client.execute(uri: "/.well-known/webfinger?resource=https://cart.example:8443/actor", method: .get) { response in
                #expect(response.status == .ok)
                let subject = try FederationTestApp.object(response.body)["subject"] as? String
                #expect(subject == "acct:cart@cart.example:8443")
            }
        }
    }

    @Test("webfinger is 404 for other users, hosts, ports, malformed or missing resources", arguments: [
        "?resource=acct:alice@cart.example:8443", "?resource=acct:cart@other.example:8443",
        "?resource=acct:cart@cart.example", "?resource=acct:cart", "?resource=", "", "?resource=%ZZ",
        "?rel=self",
    ])
    func webFingerRefusesOthers(query: String) async throws {
        try await FederationTestApp.application().test(.router) { client in
            try await client.execute(uri: "/.well-known/webfinger" + query, method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("nodeinfo discovery links to the 2.1 document, which has the profiled content type")
    func nodeInfo() async throws {
        try await FederationTestApp.application().test(.router) { client in
            let href = try await client.execute(uri: "/.well-known/nodeinfo", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let links = try #require(try FederationTestApp.object(response.body)["links"] as? [[String: String]])
                #expect(links.first?["rel"] == "http://nodeinfo.diaspora.software/ns/schema/2.1")
                return links.first?["href"] ?? ""
            }
            #expect(href == "https://cart.example:8443/nodeinfo/2.1")
            try await client.execute(uri: "/nodeinfo/2.1", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]
                    == #"application/json; profile="http://nodeinfo.diaspora.software/ns/schema/2.1#""#)
                let document = try FederationTestApp.object(response.body)
                #expect(document["version"] as? String == "2.1")
                #expect((document["software"] as? [String: String])?["version"] == "9.8.7")
                #expect(document["openRegistrations"] as? Bool == false)
            }
        }
    }

    @Test("/ns is the rose context document, as application/ld+json")
    func namespace() async throws {
        try await FederationTestApp.application().test(.router) { client in
            try await client.execute(uri: "/ns", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/ld+json")
                #expect(String(buffer: response.body) == ActivityContext.namespaceDocument.serialized())
                let context = try #require(try FederationTestApp.object(response.body)["@context"] as? [String: Any])
                #expect(context["rose"] as? String == "https://rose-ash.com/ns#")
            }
        }
    }
}
