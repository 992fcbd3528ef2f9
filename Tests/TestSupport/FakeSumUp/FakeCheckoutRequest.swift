import Commerce
import Foundation
import Payments

/// The semantic checks SumUp makes beyond the schema, and the checkout a valid body creates.
enum FakeCheckoutRequest {
    struct Problem: Error {
        var status: Int
        var message: String
    }

    /// A new PENDING checkout from a schema-valid body, or why SumUp would refuse it.
    static func parse(_ json: WireJSON, merchant: String) -> Result<FakeCheckout, Problem> {
        guard let reference = json["checkout_reference"]?.stringValue, let code = json["currency"]?.stringValue,
              let amountText = json["amount"]?.numberText, let merchantCode = json["merchant_code"]?.stringValue else {
            return .failure(Problem(status: 400, message: "missing required fields"))
        }
        guard reference.count <= 64 else { return .failure(Problem(status: 400, message: "checkout_reference over 64 characters (contract §6)")) }
        guard merchantCode == merchant else { return .failure(Problem(status: 403, message: "merchant \(merchantCode) is not this key's merchant")) }
        let amount: Money
        do {
            amount = try SumUpAmount.parse(amountText, currency: try SumUpAmount.currency(code: code))
        } catch {
            return .failure(Problem(status: 400, message: "amount: \(error)"))
        }
        guard amount.minorUnits > 0 else { return .failure(Problem(status: 400, message: "amount must be positive")) }
        var validUntil: Date?
        if let text = json["valid_until"]?.stringValue {
            validUntil = SchemaValidator.dateTime(text)
        }
        return .success(FakeCheckout(
            id: UUID().uuidString.lowercased(), reference: reference, amount: amount, merchantCode: merchantCode,
            description: json["description"]?.stringValue ?? "", returnURL: json["return_url"]?.stringValue,
            redirectURL: json["redirect_url"]?.stringValue, validUntil: validUntil, status: .pending, created: Date()))
    }
}
