import ActorIdentity
import Commerce
import Foundation
import HummingbirdTesting
import Server
import Storage
import TestSupport

/// Login tokens as the account service would mint them, and a serve-mode app that trusts it.
enum LoginTokens {
    static let issuer = "https://account.example"
    static let loginURL = "https://account.example/login"
    static let user = "https://account.example/users/alice"

    /// Serve mode with the account service's Ed25519 key configured.
    static func configuration() throws -> AppConfiguration {
        var configuration = TestApp.configuration(.serve)
        configuration.accountKey = try TestKeys.ed25519.publicKey.pem()
        configuration.accountIssuer = issuer
        configuration.accountLoginURL = loginURL
        return configuration
    }

    /// Stores a page and the oat milk product (serve mode has no sample catalog).
    static func seedCatalog(_ database: Database) async throws {
        let catalog = CatalogService(store: SQLCommerceStore(database: database))
        guard let gbp = Currency(code: "GBP"), let page = IRI(TestApp.base + "/demo/pages/market-day"),
              let milk = IRI(DemoIRIs.oatMilk) else { return }
        try await catalog.addPage(Page(slug: "market-day", iri: page, title: "Market day", currency: gbp))
        try await catalog.upsertProduct(Product(iri: milk, pageIRI: page, name: "Oat milk", price: Money(350, gbp)))
    }

    /// Good claims for `nonce`; tests change one thing each.
    static func claims(nonce: String?, now: Date = Date()) -> [String: Any] {
        var claims: [String: Any] = [
            "iss": issuer, "aud": TestApp.base, "sub": user,
            "iat": Int(now.timeIntervalSince1970), "exp": Int(now.timeIntervalSince1970) + 60,
            "jti": UUID().uuidString,
        ]
        if let nonce { claims["nonce"] = nonce }
        return claims
    }

    /// A compact JWS of `claims` with header `alg`, signed as that algorithm says
    /// (`none` unsigned; HS256 with `hmacKey`).
    static func token(_ claims: [String: Any], alg: String = "EdDSA", hmacKey: [UInt8] = Array("k".utf8)) throws -> String {
        let header = try JSONSerialization.data(withJSONObject: ["alg": alg, "typ": "JWT"])
        let payload = try JSONSerialization.data(withJSONObject: claims)
        let input = Base64URL.encode([UInt8](header)) + "." + Base64URL.encode([UInt8](payload))
        let signature: [UInt8]
        switch alg {
        case "EdDSA": signature = try TestKeys.ed25519.sign(Array(input.utf8))
        case "RS256": signature = try TestKeys.rsa.sign(Array(input.utf8))
        case "HS256": signature = HMACSHA256.authenticate(key: hmacKey, message: Array(input.utf8))
        default: signature = []
        }
        return input + "." + Base64URL.encode(signature)
    }
}

extension Browser {
    /// Starts a login at `/auth/login` and returns the `state` sent to the account service.
    mutating func startLogin(returnTo: String = "/cart") async throws -> String? {
        let response = try await get("/auth/login?return_to=\(returnTo.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
        guard response.status == .seeOther, let location = response.location,
              let state = URLComponents(string: location)?.queryItems?.first(where: { $0.name == "state" })?.value
        else { return nil }
        return state
    }

    /// Sends `token` to the callback.
    @discardableResult
    mutating func callback(_ token: String) async throws -> TestResponse {
        try await get("/auth/callback?token=\(token)")
    }
}
