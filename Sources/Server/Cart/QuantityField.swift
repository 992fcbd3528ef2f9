import Commerce

/// Strict parsing of a `quantity` form field: 1-3 ASCII digits and nothing else (no sign, no
/// decimals, no spaces), then the range check the command needs.
enum QuantityField {
    /// The quantity in `range`; a 400 page for text that is not a whole number, and
    /// `CartError.quantityOutOfRange` for a number outside `range`.
    static func parse(_ text: String?, range: ClosedRange<Int>) throws -> Int {
        guard let text, (1...3).contains(text.utf8.count),
              text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let value = Int(text)
        else {
            throw PageError.badRequest("Quantity must be a whole number from \(range.lowerBound) to \(range.upperBound). Go back and try again.")
        }
        guard range.contains(value) else { throw CartError.quantityOutOfRange(value) }
        return value
    }
}
