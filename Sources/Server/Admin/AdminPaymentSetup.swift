import Commerce
import Foundation

/// What the service pays with apart from the pages' own credentials.
struct AdminPaymentSetup: Sendable {
    /// Demo without `SUMUP_API_KEY`: every page pays in the sandbox.
    let sandbox: Bool
    /// `SUMUP_API_KEY` + `SUMUP_MERCHANT_CODE`: the merchant of pages without their own credentials.
    let fallbackMerchant: String?
    /// Whether `CART_DATA_KEY` is set (sealed keys cannot be opened without it).
    let hasDataKey: Bool

    init(configuration: AppConfiguration) {
        sandbox = configuration.mode == .demo && configuration.sumupAPIKey == nil
        fallbackMerchant = configuration.sumupAPIKey == nil ? nil : configuration.sumupMerchantCode
        hasDataKey = configuration.dataKey != nil
    }

    /// Whether checkout can pay for `page`, and in words with what (the order SealedCredentialSource
    /// follows: own sealed key, own key file, then the service-wide key).
    func credentials(of page: Page) -> (set: Bool, text: String) {
        if sandbox { return (true, "Sandbox (demo): no real money moves") }
        if let merchant = page.sumupMerchantCode {
            if let lastFour = page.sumupKeyLastFour {
                let key = lastFour.isEmpty ? "own key, stored sealed" : "own key ending …\(lastFour), stored sealed"
                guard hasDataKey else {
                    return (false, "Merchant \(merchant), \(key), but CART_DATA_KEY is not set: it cannot be opened. Start the service with the data key it was stored with.")
                }
                return (true, "Merchant \(merchant), \(key)")
            }
            if let file = page.sumupKeyFile { return (true, "Merchant \(merchant), own key in file \(file)") }
        }
        if let fallbackMerchant {
            return (true, "Service-wide SUMUP_API_KEY (merchant \(fallbackMerchant))"
                + (page.sumupMerchantCode != nil ? "; the page's merchant code has no key of its own" : ""))
        }
        return (false, "None: checkout is refused. Set them with `cart-actor pages update \(page.slug) --sumup-merchant CODE --sumup-key-file PATH`.")
    }
}
