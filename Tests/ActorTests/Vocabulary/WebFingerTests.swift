import ActorIdentity
import Testing

@Suite("WebFinger resources and JRD")
struct WebFingerTests {
    @Test("the JRD names the actor", arguments: ["https://cart.example:8443", "http://[::1]:8080"])
    func jrd(base: String) throws {
        let urls = try ActorURLs(baseURL: base)
        let jrd = try #require(WebFinger.document(resource: "acct:\(urls.handle)", urls: urls))
        #expect(jrd["subject"] == .string("acct:" + urls.handle))
        #expect(jrd["aliases"] == [.string(urls.actor)])
        let links = try #require(jrd["links"]?.arrayValue)
        #expect(links.first == ["rel": "self", "type": "application/activity+json", "href": .string(urls.actor)])
        #expect(links.last?["rel"] == "http://webfinger.net/rel/profile-page")
        #expect(links.last?["href"] == .string(base + "/"))
    }

    @Test("resources that name the actor", arguments: [
        "acct:cart@cart.example:8443", "ACCT:Cart@CART.example:8443", "cart@cart.example:8443",
        "https://cart.example:8443/actor",
    ])
    func accepted(resource: String) throws {
        let urls = try ActorURLs(baseURL: "https://cart.example:8443")
        #expect(WebFinger.names(resource: resource, urls: urls))
    }

    @Test("a default port may be written out", arguments: ["acct:cart@cart.example", "acct:cart@cart.example:443"])
    func defaultPort(resource: String) throws {
        #expect(WebFinger.names(resource: resource, urls: try ActorURLs(baseURL: "https://cart.example")))
    }

    @Test("anything else is not ours", arguments: [
        "acct:alice@cart.example:8443", "acct:cart@cart.example", "acct:cart@cart.example:9999",
        "acct:cart@other.example:8443", "acct:cart@", "acct:", "", "cart", "acct:cart@cart.example:8443@evil",
        "https://cart.example:8443/actor/", "https://other.example/actor", "mailto:cart@cart.example:8443x",
    ])
    func refused(resource: String) throws {
        let urls = try ActorURLs(baseURL: "https://cart.example:8443")
        #expect(!WebFinger.names(resource: resource, urls: urls))
        #expect(WebFinger.document(resource: resource, urls: urls) == nil)
    }

    @Test("no resource, no document")
    func missing() throws {
        #expect(WebFinger.document(resource: nil, urls: try ActorURLs(baseURL: "https://cart.example")) == nil)
    }

    @Test("rel parameters filter the links")
    func relFilter() throws {
        let urls = try ActorURLs(baseURL: "https://cart.example")
        let jrd = try #require(WebFinger.document(resource: urls.acct, urls: urls, rels: ["self"]))
        #expect(jrd["links"]?.arrayValue?.count == 1)
        #expect(jrd["links"]?.arrayValue?.first?["rel"] == "self")
    }
}
