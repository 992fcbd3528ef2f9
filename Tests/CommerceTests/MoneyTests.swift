import Commerce
import Testing

@Suite("Money")
struct MoneyTests {
    static let gbp = Currency(code: "GBP")!
    static let eur = Currency(code: "EUR")!
    static let clp = Currency(code: "CLP")!
    static let huf = Currency(code: "HUF")!

    @Test func addingSameCurrencySums() throws {
        #expect(try Money(1250, Self.gbp).adding(Money(300, Self.gbp)) == Money(1550, Self.gbp))
    }

    @Test func mixedCurrencySumIsRefused() {
        #expect(throws: MoneyError.mixedCurrencies(Self.gbp, Self.eur)) {
            try Money(1, Self.gbp).adding(Money(1, Self.eur))
        }
        #expect(throws: MoneyError.self) { try Money.sum([Money(1, Self.gbp), Money(1, Self.eur)], in: Self.gbp) }
    }

    @Test func overflowIsRefused() {
        #expect(throws: MoneyError.overflow) { try Money(.max, Self.gbp).adding(Money(1, Self.gbp)) }
        #expect(throws: MoneyError.overflow) { try Money(.max / 2 + 1, Self.gbp).times(2) }
        #expect(throws: MoneyError.overflow) { try Money(.min, Self.gbp).adding(Money(-1, Self.gbp)) }
    }

    @Test func timesMultipliesExactly() throws {
        #expect(try Money(350, Self.gbp).times(99) == Money(34_650, Self.gbp))
    }

    @Test(arguments: [
        (Int64(1250), "GBP", "12.50"), (5, "GBP", "0.05"), (0, "EUR", "0.00"), (100_000, "EUR", "1000.00"),
        (990, "CLP", "990"), (-990, "CLP", "-990"), (123_456, "HUF", "1234.56"),
        (-5, "EUR", "-0.05"), (-1250, "GBP", "-12.50"), (.min, "GBP", "-92233720368547758.08"),
    ])
    func decimalStringIsExact(minor: Int64, code: String, expected: String) throws {
        let currency = try #require(Currency(code: code))
        #expect(Money(minor, currency).decimalString == expected)
    }

    @Test func descriptionNamesCurrency() {
        #expect(Money(1250, Self.gbp).description == "12.50 GBP")
    }
}
