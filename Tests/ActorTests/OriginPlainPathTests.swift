import Testing
@testable import ActorIdentity

/// `Origin` reads plain http(s) IRIs from their bytes (the verifier builds four origins per
/// request); for every string it must answer exactly as the `URLComponents` reading does.
@Suite("Origin plain path")
struct OriginPlainPathTests {
    static let schemes = ["https://", "http://", "HTTPS://", "ftp://", "https:/", ""]
    static let hosts = ["a.example", "Shop.Example", "xn--bcher-kva.example", "a..b", "-a.example", "a-.example",
                        "localhost", "127.0.0.1", "[::1]", "a_b.example", "", "a.example.", "user@a.example"]
    static let ports = ["", ":443", ":80", ":8080", ":0", ":08080", ":65535", ":65536", ":", ":abc"]
    static let rests = ["", "/", "/users/a", "/users/a#main-key", "?x=1", "#k", "/a#b#c", "/a b", "/%41", "/a%zz",
                        "/é", "/[x]", "/a?b=c&d=e", "/~user/(x)*!$';,", "@x", "/a@b:c", "/a\\b", "/a\"b"]

    @Test func everyCombinationAgreesWithURLComponents() {
        var plainCount = 0
        for scheme in Self.schemes {
            for host in Self.hosts {
                for port in Self.ports {
                    for rest in Self.rests {
                        let iri = scheme + host + port + rest
                        if Origin.plain(iri) != nil { plainCount += 1 }
                        #expect(Origin(iri) == Origin(components: iri), "\(iri)")
                    }
                }
            }
        }
        // The byte path must actually be taken for ordinary IRIs, or this test proves nothing.
        #expect(plainCount > 300)
    }

    @Test func defaultPortsAndCaseAreNormalised() {
        #expect(Origin("https://Shop.Example/users/a#main-key") == Origin("https://shop.example:443/x"))
        #expect(Origin("http://shop.example/a") == Origin("http://shop.example:80"))
        #expect(Origin("http://shop.example/a") != Origin("https://shop.example/a"))
        #expect(Origin("https://shop.example:8443/a") != Origin("https://shop.example/a"))
    }
}
