import Commerce
import Foundation
import Payments
import Testing

@Suite("SumUp amounts are exact")
struct SumUpAmountTests {
    static func currency(_ code: String) throws -> Currency { try #require(Currency(code: code)) }

    @Test("minor units become major-unit JSON numbers", arguments: [
        ("GBP", Int64(1250), "12.50"), ("GBP", 1, "0.01"), ("EUR", 1999, "19.99"), ("EUR", 100, "1.00"),
        ("CLP", 990, "990"), ("CLP", 1, "1"), ("HUF", 123_450, "1234.50"), ("HUF", 5, "0.05"),
    ])
    func wire(code: String, minor: Int64, expected: String) throws {
        #expect(SumUpAmount.wire(Money(minor, try Self.currency(code))) == expected)
    }

    @Test("SumUp's float-looking numbers read back exactly", arguments: [
        ("GBP", "12.5", Int64(1250)), ("GBP", "12", 1200), ("GBP", "0.1", 10), ("EUR", "10.1", 1010),
        ("EUR", "19.990", 1999), ("EUR", "1.25e1", 1250), ("EUR", "125E-2", 125), ("CLP", "990", 990),
        ("CLP", "990.0", 990), ("CLP", "9.9e2", 990), ("HUF", "1234.5", 123_450), ("HUF", "0", 0),
    ])
    func parse(code: String, text: String, minor: Int64) throws {
        #expect(try SumUpAmount.parse(text, currency: try Self.currency(code)) == Money(minor, try Self.currency(code)))
    }

    @Test("finer than the minor unit is refused, never rounded", arguments: [
        ("EUR", "10.001"), ("GBP", "0.005"), ("CLP", "990.5"), ("HUF", "1.999"), ("CLP", "1e-1"),
    ])
    func tooPrecise(code: String, text: String) throws {
        #expect(throws: SumUpAmountError.tooPrecise(text, code)) {
            try SumUpAmount.parse(text, currency: try Self.currency(code))
        }
    }

    @Test("non-numbers and overflow are refused", arguments: ["", "-", "1.", ".5", "1.e5", "1e", "1e+", "--1", "1.2.3", "abc", "1,5", "+1", "92233720368547758.08", "1e30"])
    func refused(text: String) throws {
        #expect(throws: SumUpAmountError.self) { try SumUpAmount.parse(text, currency: try Self.currency("EUR")) }
    }

    @Test("currencies outside SumUp's list are refused", arguments: ["MXN", "JPY", "XBT", "gbp", ""])
    func unsupportedCurrency(code: String) {
        #expect(throws: SumUpAmountError.unsupportedCurrency(code)) { try SumUpAmount.currency(code: code) }
    }

    @Test("every listed currency converts both ways", arguments: ["GBP", "EUR", "CLP", "HUF"])
    func roundTrip(code: String) throws {
        let currency = try SumUpAmount.currency(code: code)
        let count = Int(ProcessInfo.processInfo.environment["CART_MONEY_ROUNDTRIPS"] ?? "") ?? 2000
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<count {
            let money = Money(Int64.random(in: 0...9_999_999_999, using: &generator), currency)
            #expect(try SumUpAmount.parse(SumUpAmount.wire(money), currency: currency) == money)
        }
        #expect(try SumUpAmount.parse(SumUpAmount.wire(Money(Int64.max, currency)), currency: currency).minorUnits == Int64.max)
    }
}
