/// An ISO 4217 currency that SumUp accepts, with its number of minor-unit digits.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The three-letter ISO code, upper case.
    public let code: String
    /// Digits after the decimal point in the major unit (GBP 2, CLP 0).
    public let minorUnitDigits: Int

    /// SumUp's published currency list (shared/reference/sumup-openapi.json, `Currency`) with
    /// ISO 4217 exponents. A page may only use one of these.
    public static let supported: [String: Currency] = {
        let twoDigits = ["BGN", "BRL", "CHF", "COP", "CZK", "DKK", "EUR", "GBP", "HRK", "HUF",
                         "NOK", "PLN", "RON", "SEK", "USD"]
        var table = Dictionary(uniqueKeysWithValues: twoDigits.map { ($0, Currency(code: $0, minorUnitDigits: 2)) })
        table["CLP"] = Currency(code: "CLP", minorUnitDigits: 0)
        return table
    }()

    private init(code: String, minorUnitDigits: Int) {
        self.code = code
        self.minorUnitDigits = minorUnitDigits
    }

    /// The supported currency with this code (case-insensitive), or nil.
    public init?(code: String) {
        guard let known = Currency.supported[code.uppercased()] else { return nil }
        self = known
    }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let known = Currency(code: code) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "currency \(code) is not one SumUp accepts"))
        }
        self = known
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
