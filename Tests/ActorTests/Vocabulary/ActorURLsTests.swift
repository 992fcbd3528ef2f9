import ActorIdentity
import Testing

@Suite("IRIs and handle derived from CART_BASE_URL")
struct ActorURLsTests {
    @Test("host and port: default ports dropped, others kept, case folded", arguments: [
        ("https://Cart.Example", "https://cart.example", "cart.example"),
        ("https://cart.example:443/", "https://cart.example", "cart.example"),
        ("http://cart.example:80", "http://cart.example", "cart.example"),
        ("https://cart.example:8443", "https://cart.example:8443", "cart.example:8443"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080", "127.0.0.1:8080"),
        ("http://[::1]:8080/", "http://[::1]:8080", "[::1]:8080"),
    ])
    func authority(input: String, base: String, authority: String) throws {
        let urls = try ActorURLs(baseURL: input)
        #expect(urls.base == base)
        #expect(urls.authority == authority)
        #expect(urls.handle == "cart@\(authority)")
        #expect(urls.actor == base + "/actor")
    }

    @Test("every published IRI hangs off the origin")
    func iris() throws {
        let urls = try ActorURLs(baseURL: "https://cart.example/")
        #expect(urls.inbox == "https://cart.example/inbox")
        #expect(urls.outbox == "https://cart.example/outbox")
        #expect(urls.followers == "https://cart.example/followers")
        #expect(urls.profilePage == "https://cart.example/")
        #expect(urls.ed25519KeyID == "https://cart.example/actor#ed25519-key")
        #expect(urls.key(id: "k2") == "https://cart.example/keys/k2")
        #expect(urls.key(id: "a b/c") == "https://cart.example/keys/a%20b%2Fc")
        #expect(urls.acct == "acct:cart@cart.example")
    }

    @Test("anything but an http(s) origin is refused with a reason", arguments: [
        ("cart.example", ActorURLsError.Problem.notAnHTTPOrigin),
        ("ftp://cart.example", .notAnHTTPOrigin),
        ("https://", .notAnHTTPOrigin),
        ("https://cart.example/shop", .hasMoreThanAnOrigin),
        ("https://cart.example/?x=1", .hasMoreThanAnOrigin),
        ("https://cart.example/#top", .hasMoreThanAnOrigin),
        ("https://user:pw@cart.example", .hasMoreThanAnOrigin),
    ])
    func refused(input: String, problem: ActorURLsError.Problem) {
        let error = #expect(throws: ActorURLsError.self) { try ActorURLs(baseURL: input) }
        #expect(error?.problem == problem)
        #expect(error?.baseURL == input)
        #expect(error?.description.contains("CART_BASE_URL") == true)
    }
}
