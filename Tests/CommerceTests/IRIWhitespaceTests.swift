import Commerce
import Testing

/// `IRI.init` checks ASCII text byte by byte and anything else by `Character`: both paths must
/// refuse every kind of whitespace and accept non-ASCII text without it.
@Suite("IRI whitespace")
struct IRIWhitespaceTests {
    @Test(arguments: ["\t", "\n", "\r", "\u{0B}", "\u{0C}", " ", "\r\n", "\u{85}", "\u{A0}", "\u{2028}", "\u{3000}"])
    func refusesEveryWhitespace(space: String) {
        #expect(IRI("https://market.example/a\(space)b") == nil)
        #expect(IRI("https://market.example/café\(space)b") == nil)
    }

    @Test func acceptsNonASCIIWithoutWhitespace() {
        #expect(IRI("https://market.example/produits/café")?.value == "https://market.example/produits/café")
    }
}
