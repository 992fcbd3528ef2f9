import ActorIdentity
import Commerce
import Foundation

/// Checks an account-service login token against contract §5, in order: algorithm fixed by
/// the key, signature, `iss`, `aud`, `sub`, `nonce`, `iat`, `exp`. The caller claims `jti` last,
/// so a refused token never burns one.
struct LoginTokenVerifier: Sendable {
    /// The account service's public key.
    let key: VerificationKey
    /// `CART_ACCOUNT_ISSUER`.
    let issuer: String
    /// `CART_BASE_URL` as configured (the expected `aud`).
    let audience: String
    /// Longest allowed `exp - iat`.
    static let maxLifetime: Double = 120
    /// Tolerated clock difference for `iat` in the future.
    static let clockSkew: Double = 60

    /// What a verified token says.
    struct Verified: Sendable, Equatable {
        let user: IRI
        let tokenID: String
        let expires: Date
    }

    /// The only `alg` the key allows.
    var expectedAlgorithm: String {
        switch key.algorithm {
        case .ed25519: "EdDSA"
        case .rsa: "RS256"
        }
    }

    func verify(_ token: String, nonce expectedNonce: String, now: Date) throws(LoginError) -> Verified {
        let jwt = try CompactJWT(token)
        guard jwt.header.alg == expectedAlgorithm else { throw .algorithmNotAllowed(got: jwt.header.alg, expected: expectedAlgorithm) }
        guard jwt.header.crit == nil else { throw .criticalExtension }
        guard key.verify(signature: jwt.signature, message: jwt.signingInput) else { throw .badSignature }
        let claims = jwt.claims
        guard claims.iss == issuer else { throw .wrongIssuer(claims.iss) }
        guard let aud = claims.aud, aud.contains(audience) || aud.contains(Self.trimmed(audience)) else { throw .wrongAudience }
        guard let sub = claims.sub, let user = IRI(sub) else { throw .badSubject }
        guard let nonce = claims.nonce else { throw .missingNonce }
        guard SessionSecrets.matches(nonce, expectedNonce) else { throw .wrongNonce }
        guard let iat = claims.iat else { throw .missingIssuedAt }
        let nowSeconds = now.timeIntervalSince1970
        guard iat <= nowSeconds + Self.clockSkew else { throw .issuedInFuture }
        guard let exp = claims.exp else { throw .missingExpiry }
        guard exp - iat <= Self.maxLifetime else { throw .lifetimeTooLong(seconds: exp - iat) }
        guard exp > nowSeconds else { throw .expired }
        guard let jti = claims.jti, !jti.isEmpty, jti.utf8.count <= 256 else { throw .missingTokenID }
        return Verified(user: user, tokenID: jti, expires: Date(timeIntervalSince1970: exp))
    }

    /// The base URL with or without its trailing slash, whichever it was not configured with.
    private static func trimmed(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url + "/"
    }
}
