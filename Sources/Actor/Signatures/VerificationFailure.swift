/// Why a signature was refused, and what to answer.
public struct VerificationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure; every one is 401 except a transient key fetch failure (503).
    public enum Reason: Sendable, Equatable {
        /// No `Signature`/`Signature-Input` (or `Authorization: Signature`) header.
        case missingSignature
        /// The signature headers cannot be parsed, repeat a label, or lack `keyId`/`signature`.
        case malformedSignature
        /// An algorithm we do not accept (e.g. `hmac-sha256`, `rsa-pss-sha512`).
        case unsupportedAlgorithm(String)
        /// The named algorithm does not fit the key's kind (e.g. `rsa-sha256` with an Ed25519 key).
        case keyAlgorithmMismatch
        /// An RSA key shorter than the minimum (2048 bits).
        case weakKey(bits: Int)
        /// A request with a body carries no `Digest`/`Content-Digest`.
        case digestMissing
        /// The digest does not match the raw body (or names no algorithm we compute).
        case digestMismatch
        /// `Date` is covered but absent or not IMF-fixdate.
        case dateMissing
        /// `Date`/`created` outside the window, or `expires` passed.
        case outsideWindow
        /// `created` later than now plus the allowed skew.
        case createdInFuture
        /// A component the policy requires (or the signature lists) is not covered or not present.
        case requiredComponentMissing(String)
        /// `Host`/`@authority` is not our base URL's authority.
        case hostMismatch
        /// The path is not under our base URL's path.
        case pathMismatch
        /// The signature does not verify with the signer's key, even after refetching it.
        case badSignature
        /// The key could not be fetched; `transient` failures answer 503 + `Retry-After`.
        case keyUnavailable(transient: Bool)
        /// The key's owner is not the expected actor or not on the key's origin.
        case keyOwnerMismatch
    }

    /// Seconds a client should wait after a 503.
    public static let transientRetrySeconds = 30

    /// What went wrong.
    public let reason: Reason
    /// Detail for logs (never secrets; fine to return in a 401 body).
    public let detail: String

    /// A failure with a detail for the log.
    public init(_ reason: Reason, _ detail: String = "") {
        self.reason = reason
        self.detail = detail
    }

    /// 503 for a transient key fetch failure, else 401.
    public var httpStatus: Int {
        if case .keyUnavailable(transient: true) = reason { return 503 }
        return 401
    }

    /// `Retry-After` seconds for a 503, else nil.
    public var retryAfterSeconds: Int? {
        httpStatus == 503 ? Self.transientRetrySeconds : nil
    }

    /// One line for logs.
    public var description: String {
        detail.isEmpty ? "signature refused: \(reason)" : "signature refused: \(reason): \(detail)"
    }
}
