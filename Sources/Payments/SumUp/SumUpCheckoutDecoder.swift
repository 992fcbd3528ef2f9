import Commerce
import Foundation

/// Reads SumUp's checkout resources strictly into `ProviderCheckout`.
enum SumUpCheckoutDecoder {
    /// One checkout object (`Checkout` / `CheckoutSuccess`).
    static func checkout(_ json: WireJSON) throws(PaymentProviderError) -> ProviderCheckout {
        guard json.members != nil else { throw .malformed("checkout is not an object") }
        let id = try requiredString(json, "id")
        let reference = try requiredString(json, "checkout_reference")
        let merchant = try requiredString(json, "merchant_code")
        let currencyCode = try requiredString(json, "currency")
        guard let amountText = json["amount"]?.numberText else { throw .malformed("checkout \(id) has no numeric amount") }
        let amount: Money
        do {
            amount = try SumUpAmount.parse(amountText, currency: try SumUpAmount.currency(code: currencyCode))
        } catch {
            throw .malformed("checkout \(id): \(error)")
        }
        let statusText = try requiredString(json, "status")
        guard let status = ProviderCheckoutStatus(rawValue: statusText) else {
            throw .malformed("checkout \(id) has unknown status \(statusText)")
        }
        let transaction = try successfulTransaction(json)
        return ProviderCheckout(
            id: id, reference: reference, amount: amount, merchantCode: merchant, status: status,
            hostedCheckoutURL: try optionalString(json, "hosted_checkout_url"),
            transactionCode: transaction.code, transactionID: transaction.id,
            validUntil: try optionalDate(json, "valid_until"))
    }

    /// A `GET /v0.1/checkouts?checkout_reference=` answer: an array of checkouts.
    static func list(_ json: WireJSON) throws(PaymentProviderError) -> [ProviderCheckout] {
        guard let elements = json.arrayValue else { throw .malformed("checkout list is not an array") }
        var result: [ProviderCheckout] = []
        for element in elements { result.append(try checkout(element)) }
        return result
    }

    /// The transaction that took the money: the SUCCESSFUL (or since REFUNDED) one in
    /// `transactions[]`, else the top-level `transaction_code`/`transaction_id` of `CheckoutSuccess`.
    private static func successfulTransaction(_ json: WireJSON) throws(PaymentProviderError) -> (code: String?, id: String?) {
        if let list = json["transactions"], list != .null {
            guard let transactions = list.arrayValue else { throw .malformed("transactions is not an array") }
            for transaction in transactions {
                let status = try optionalString(transaction, "status")
                guard status == "SUCCESSFUL" || status == "REFUNDED" else { continue }
                return (try optionalString(transaction, "transaction_code"), try optionalString(transaction, "id"))
            }
        }
        return (try optionalString(json, "transaction_code"), try optionalString(json, "transaction_id"))
    }

    private static func requiredString(_ json: WireJSON, _ key: String) throws(PaymentProviderError) -> String {
        guard let value = json[key]?.stringValue, !value.isEmpty else { throw .malformed("checkout lacks \(key)") }
        return value
    }

    private static func optionalString(_ json: WireJSON, _ key: String) throws(PaymentProviderError) -> String? {
        guard let value = json[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw .malformed("\(key) is not a string") }
        return text
    }

    private static func optionalDate(_ json: WireJSON, _ key: String) throws(PaymentProviderError) -> Date? {
        guard let text = try optionalString(json, key) else { return nil }
        guard let date = SumUpDate.parse(text) else { throw .malformed("\(key) \(text) is not a date-time") }
        return date
    }
}
