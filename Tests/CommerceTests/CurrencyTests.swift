import Commerce
import Foundation
import Testing

@Suite("Currency")
struct CurrencyTests {
    @Test func sumUpListIsSupported() {
        let codes = ["BGN", "BRL", "CHF", "CLP", "COP", "CZK", "DKK", "EUR", "GBP", "HRK", "HUF",
                     "NOK", "PLN", "RON", "SEK", "USD"]
        #expect(Currency.supported.keys.sorted() == codes)
        for code in codes { #expect(Currency(code: code)?.code == code) }
    }

    @Test func chileanPesoHasNoMinorDigits() {
        #expect(Currency(code: "CLP")?.minorUnitDigits == 0)
        #expect(Currency(code: "GBP")?.minorUnitDigits == 2)
    }

    @Test(arguments: ["JPY", "XXX", "", "GB", "GBPP", "€"])
    func unknownCodeIsRefused(code: String) {
        #expect(Currency(code: code) == nil)
    }

    @Test func codeIsCaseInsensitive() {
        #expect(Currency(code: "gbp") == Currency(code: "GBP"))
        #expect(Currency(code: "eUr")?.code == "EUR")
    }

    @Test func decodingRefusesUnknownCurrency() throws {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Currency].self, from: Data(#"["JPY"]"#.utf8)) }
        #expect(try JSONDecoder().decode([Currency].self, from: Data(#"["gbp"]"#.utf8)) == [Currency(code: "GBP")!])
    }
}
