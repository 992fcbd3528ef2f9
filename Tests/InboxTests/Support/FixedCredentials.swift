import Commerce

/// Every page pays with the fake SumUp's credentials (the app's sealed per-page store is the
/// payments suite's subject, not this one's).
struct FixedCredentials: PaymentCredentialSource {
    let credentials: PaymentCredentials

    func credentials(for page: Page) async throws -> PaymentCredentials? { credentials }
}
