import Foundation

/// The result of checking a request's signature.
public enum VerificationOutcome: Sendable {
    /// The signature is valid; who signed it.
    case verified(VerifiedSigner)
    /// Why the request is refused.
    case failed(VerificationFailure)

    /// The same outcome, failed with `keyOwnerMismatch` unless the signer is `actor`
    /// (the activity's `actor`, checked by the inbox once the body is parsed).
    public func requiringSigner(_ actor: String) -> VerificationOutcome {
        guard case .verified(let signer) = self, !signer.signerMatches(actor: actor) else { return self }
        return .failed(VerificationFailure(.keyOwnerMismatch, "key \(signer.keyID) belongs to \(signer.ownerIRI), not \(actor)"))
    }
}

/// Who signed a verified request.
public struct VerifiedSigner: Sendable, Equatable {
    /// Which format the signature used (remembered per origin for outgoing requests).
    public var scheme: SignatureScheme
    /// The key id the signature named.
    public var keyID: String
    /// The actor IRI owning the key.
    public var ownerIRI: String
    /// The key's algorithm.
    public var algorithm: KeyAlgorithm

    /// True when `actor` is the key's owner and on the key's origin (FEP-fe34).
    public func signerMatches(actor: String) -> Bool {
        guard actor == ownerIRI, let actorOrigin = Origin(actor), let keyOrigin = Origin(keyID) else { return false }
        return actorOrigin == keyOrigin
    }
}
