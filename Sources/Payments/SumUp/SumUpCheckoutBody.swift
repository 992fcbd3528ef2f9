import Commerce
import Foundation

/// The JSON bodies SumUpProvider sends (contract §6).
enum SumUpCheckoutBody {
    /// `POST /v0.1/checkouts`: every field of the contract, amount in exact major units.
    static func create(_ request: CheckoutRequest) -> WireJSON {
        .object([
            WireMember("checkout_reference", .string(request.reference)),
            WireMember("amount", .number(SumUpAmount.wire(request.amount))),
            WireMember("currency", .string(request.amount.currency.code)),
            WireMember("merchant_code", .string(request.merchantCode)),
            WireMember("description", .string(request.description)),
            WireMember("return_url", .string(request.webhookURL)),
            WireMember("redirect_url", .string(request.redirectURL)),
            WireMember("valid_until", .string(SumUpDate.format(request.validUntil))),
            WireMember("hosted_checkout", .object([WireMember("enabled", .bool(true))])),
        ])
    }

    /// The refund body: empty for a full refund, else the exact partial amount.
    static func refund(amount: Money?) -> WireJSON {
        .object(omittingNil: [("amount", amount.map { .number(SumUpAmount.wire($0)) })])
    }
}
