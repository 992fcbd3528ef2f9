import Commerce

/// Demo sandbox credentials: every page pays with the same made-up key and merchant, since the
/// sandbox takes no real money and checks no key.
struct FixedCredentialSource: PaymentCredentialSource {
    let credentials: PaymentCredentials

    func credentials(for page: Page) async throws -> PaymentCredentials? { credentials }
}
