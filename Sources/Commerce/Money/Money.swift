/// An exact amount: integer minor units of one currency. Arithmetic refuses mixed currencies
/// and overflow instead of rounding or trapping.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The currency of the amount.
    public let currency: Currency
    /// The amount in minor units (pence, cents; whole pesos for CLP).
    public let minorUnits: Int64

    /// An amount of `minorUnits` in `currency`.
    public init(_ minorUnits: Int64, _ currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(0, currency) }

    /// The sum, or `MoneyError.mixedCurrencies` / `.overflow`.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard currency == other.currency else { throw .mixedCurrencies(currency, other.currency) }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw .overflow }
        return Money(sum, currency)
    }

    /// The amount times a quantity, or `MoneyError.overflow`.
    public func times(_ quantity: Int) throws(MoneyError) -> Money {
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: Int64(quantity))
        guard !overflow else { throw .overflow }
        return Money(product, currency)
    }

    /// The sum of `amounts`, all in `currency`.
    public static func sum(_ amounts: some Sequence<Money>, in currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in amounts { total = try total.adding(amount) }
        return total
    }

    /// The major-unit decimal string, exact: 1250 GBP -> "12.50", 990 CLP -> "990", -5 EUR -> "-0.05".
    public var decimalString: String {
        let digits = currency.minorUnitDigits
        guard digits > 0 else { return String(minorUnits) }
        let magnitude = minorUnits.magnitude
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let major = magnitude / scale
        let minor = String(magnitude % scale)
        let padded = String(repeating: "0", count: digits - minor.count) + minor
        return (minorUnits < 0 ? "-" : "") + "\(major).\(padded)"
    }

    /// For people: "12.50 GBP".
    public var description: String { "\(decimalString) \(currency.code)" }
}

/// Why an amount could not be computed.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two currencies met in one sum.
    case mixedCurrencies(Currency, Currency)
    /// The amount does not fit in 64 bits of minor units.
    case overflow

    public var description: String {
        switch self {
        case let .mixedCurrencies(a, b): "cannot add \(a.code) to \(b.code)"
        case .overflow: "amount too large"
        }
    }
}
