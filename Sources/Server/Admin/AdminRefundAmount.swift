import Commerce
import Foundation

/// Reads the refund form's amount: `full` means everything still refundable (nil), else a
/// positive whole number of minor units.
enum AdminRefundAmount {
    /// Why the form's amount was not usable, in words for the operator.
    struct Problem: Error {
        let text: String
    }

    /// The amount to refund (nil: everything still refundable), or what is wrong with the form.
    static func parse(full: String?, amount: String?, currency: Currency) -> Result<Money?, Problem> {
        if full != nil { return .success(nil) }
        guard let text = amount?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return .failure(Problem(text: "Give an amount to refund in minor units of \(currency.code), or use Refund all."))
        }
        guard text.count <= 18, text.allSatisfy(\.isASCII), let minor = Int64(text), minor > 0 else {
            return .failure(Problem(text: "\"\(text.prefix(40))\" is not an amount: give a whole number of minor units of \(currency.code) (e.g. 250 for \(Money(250, currency).decimalString)), more than 0."))
        }
        return .success(Money(minor, currency))
    }
}
