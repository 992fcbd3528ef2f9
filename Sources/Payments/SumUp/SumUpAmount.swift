import Commerce

/// Money on SumUp's wire: a JSON number in major units, converted exactly from and to integer
/// minor units by writing and reading the decimal digits (never through `Double`).
public enum SumUpAmount {
    /// The JSON number text for `money`: 1250 GBP -> `12.50`, 990 CLP -> `990`.
    public static func wire(_ money: Money) -> String { money.decimalString }

    /// The currency SumUp accepts with this code, or `.unsupportedCurrency`.
    public static func currency(code: String) throws(SumUpAmountError) -> Currency {
        guard code == code.uppercased(), let currency = Currency(code: code) else { throw .unsupportedCurrency(code) }
        return currency
    }

    /// The exact amount a JSON number's text denotes in `currency`. Refuses digits finer than the
    /// currency's minor unit (`10.001` EUR), values that do not fit in 64 bits, and non-numbers.
    public static func parse(_ text: String, currency: Currency) throws(SumUpAmountError) -> Money {
        let parts = try DecimalText(text)
        // Value = digits × 10^(exponent); minor units = digits × 10^(exponent + minorUnitDigits).
        let shift = parts.exponent + currency.minorUnitDigits
        var digits = parts.digits
        if shift < 0 {
            let dropped = digits.suffix(min(-shift, digits.count))
            guard dropped.allSatisfy({ $0 == 0 }) else { throw .tooPrecise(text, currency.code) }
            digits.removeLast(min(-shift, digits.count))
        } else {
            guard shift <= 19 else {
                if digits.allSatisfy({ $0 == 0 }) { return Money(0, currency) }
                throw .outOfRange(text)
            }
            digits.append(contentsOf: repeatElement(0, count: shift))
        }
        var value: Int64 = 0
        for digit in digits {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { throw .outOfRange(text) }
            value = sum
        }
        return Money(parts.negative ? -value : value, currency)
    }
}

/// Why an amount could not be put on or read from SumUp's wire.
public enum SumUpAmountError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a JSON number.
    case notANumber(String)
    /// More decimals than the currency has minor units.
    case tooPrecise(String, String)
    /// Does not fit in 64 bits of minor units.
    case outOfRange(String)
    /// A currency outside SumUp's published list.
    case unsupportedCurrency(String)

    public var description: String {
        switch self {
        case .notANumber(let text): "\(text) is not a number"
        case .tooPrecise(let text, let code): "\(text) has more decimals than \(code) allows"
        case .outOfRange(let text): "\(text) is too large an amount"
        case .unsupportedCurrency(let code): "\(code) is not a currency SumUp accepts (see its Currency list)"
        }
    }
}

/// A JSON number split into sign, decimal digits and a power of ten.
struct DecimalText {
    var negative: Bool
    var digits: [UInt8]
    var exponent: Int

    init(_ text: String) throws(SumUpAmountError) {
        var bytes = Array(text.utf8)[...]
        negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var digits: [UInt8] = []
        var exponent = 0
        var sawPoint = false
        var sawDigit = false
        var fractionDigits = 0
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                guard !sawPoint, sawDigit else { throw .notANumber(text) }
                sawPoint = true
            } else if (0x30...0x39).contains(byte) {
                digits.append(byte - 0x30)
                sawDigit = true
                if sawPoint { exponent -= 1; fractionDigits += 1 }
            } else {
                throw .notANumber(text)
            }
        }
        // JSON's grammar: digits before the point, and at least one after it when there is one.
        guard sawDigit, !sawPoint || fractionDigits > 0 else { throw .notANumber(text) }
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            guard let power = Int(String(decoding: bytes, as: UTF8.self)), abs(power) <= 400 else { throw .notANumber(text) }
            exponent += power
        }
        // Leading zeros carry no value; trimming keeps the overflow check meaningful.
        while digits.count > 1, digits.first == 0 { digits.removeFirst() }
        self.digits = digits
        self.exponent = exponent
    }
}
