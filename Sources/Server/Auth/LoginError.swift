/// Why a login was refused; logged for operators, summarised for the user (contract §5).
enum LoginError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not three base64url parts of JSON objects, or over the size cap.
    case malformed(String)
    /// `alg` is not the one the account key fixes (EdDSA for Ed25519, RS256 for RSA).
    case algorithmNotAllowed(got: String?, expected: String)
    /// `crit` names extensions this service does not understand.
    case criticalExtension
    /// The signature does not verify with the account key.
    case badSignature
    /// `iss` is not `CART_ACCOUNT_ISSUER`.
    case wrongIssuer(String?)
    /// `aud` does not name `CART_BASE_URL`.
    case wrongAudience
    /// `sub` is missing or not a user IRI.
    case badSubject
    /// No `nonce` in the token.
    case missingNonce
    /// `nonce` differs from the state this browser was given.
    case wrongNonce
    /// No `iat`.
    case missingIssuedAt
    /// `iat` lies in the future beyond the allowed clock skew.
    case issuedInFuture
    /// No `exp`.
    case missingExpiry
    /// `exp` is more than 120 s after `iat`.
    case lifetimeTooLong(seconds: Double)
    /// `exp` has passed.
    case expired
    /// No `jti`.
    case missingTokenID
    /// This `jti` was used before.
    case replayed
    /// No (valid, unexpired) login state cookie: the login did not start here, or took too long.
    case noLoginInProgress
    /// No `token` parameter.
    case missingToken

    var description: String {
        switch self {
        case let .malformed(why): "malformed token: \(why)"
        case let .algorithmNotAllowed(got, expected): "algorithm \(got ?? "(none)") refused; the account key requires \(expected)"
        case .criticalExtension: "token has critical extensions"
        case .badSignature: "signature does not verify with CART_ACCOUNT_KEY"
        case let .wrongIssuer(iss): "iss \(iss ?? "(none)") is not CART_ACCOUNT_ISSUER"
        case .wrongAudience: "aud does not name CART_BASE_URL"
        case .badSubject: "sub is missing or not a user IRI"
        case .missingNonce: "nonce missing"
        case .wrongNonce: "nonce does not match the login state"
        case .missingIssuedAt: "iat missing"
        case .issuedInFuture: "iat is in the future"
        case .missingExpiry: "exp missing"
        case let .lifetimeTooLong(seconds): "exp is \(Int(seconds)) s after iat (at most 120 s allowed)"
        case .expired: "token expired"
        case .missingTokenID: "jti missing"
        case .replayed: "jti already used (replayed token)"
        case .noLoginInProgress: "no login state cookie (login not started here, or it took too long)"
        case .missingToken: "no token parameter"
        }
    }
}
