import Commerce
import Foundation
import Testing

@Suite("IRI")
struct IRITests {
    @Test(arguments: ["https://market.example/products/7", "http://127.0.0.1:8080/users/alice",
                      "https://blog.example/pages/market-day?x=1#y"])
    func acceptsAbsoluteHTTP(text: String) {
        #expect(IRI(text)?.value == text)
    }

    @Test(arguments: ["", "market.example/products/7", "/products/7", "ftp://market.example/x", "mailto:a@b.example",
                      "https:///nohost", "https://market.example/a b", "javascript:alert(1)", "https://\n.example/"])
    func refusesOthers(text: String) {
        #expect(IRI(text) == nil)
    }

    @Test func refusesOverlongIRI() {
        #expect(IRI("https://a.example/" + String(repeating: "x", count: 2048)) == nil)
    }

    @Test func originIsLowerCasedWithPort() {
        #expect(IRI("HTTPS://Market.Example:8443/p/1")?.origin == "https://market.example:8443")
        #expect(IRI("https://market.example/p/1")?.origin == "https://market.example")
    }

    @Test func decodingRefusesNonIRI() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([IRI].self, from: Data(#"["not an iri"]"#.utf8)) }
    }
}
