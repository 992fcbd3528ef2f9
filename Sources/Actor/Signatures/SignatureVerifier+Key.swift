extension SignatureVerifier {
    /// Resolves the key and verifies; on any failure resolves once more with `refresh: true`
    /// (the signer may have rotated its key) before giving up.
    func checkSignature(_ prepared: PreparedSignature) async -> VerificationOutcome {
        var failure = VerificationFailure(.badSignature)
        for refresh in [false, true] {
            let resolved: ResolvedKey
            do {
                resolved = try await resolver.resolve(keyID: prepared.keyID, refresh: refresh)
            } catch {
                let transient = if case .transient = error { true } else { false }
                return .failed(VerificationFailure(.keyUnavailable(transient: transient), "\(prepared.keyID): \(error)"))
            }
            if let problem = keyProblem(resolved, prepared) {
                failure = problem
                continue
            }
            if resolved.key.verify(signature: prepared.signature, message: prepared.message) {
                return .verified(VerifiedSigner(
                    scheme: prepared.scheme, keyID: prepared.keyID, ownerIRI: resolved.ownerIRI,
                    algorithm: resolved.key.algorithm))
            }
            failure = VerificationFailure(.badSignature, "signature does not verify with \(prepared.keyID)")
        }
        return .failed(failure)
    }

    /// A key that cannot have made this signature: owner on another origin than the key id
    /// (FEP-fe34; opaque ids that are not IRIs are only resolvable locally, so the resolver
    /// vouches for them), wrong kind for the named algorithm, or too short.
    private func keyProblem(_ resolved: ResolvedKey, _ prepared: PreparedSignature) -> VerificationFailure? {
        if let keyOrigin = Origin(prepared.keyID), Origin(resolved.ownerIRI) != keyOrigin {
            return VerificationFailure(.keyOwnerMismatch, "key \(prepared.keyID) is owned by \(resolved.ownerIRI) on another origin")
        }
        switch (prepared.algorithm, resolved.key.algorithm) {
        case (.rsaV15SHA256, .ed25519), (.ed25519, .rsa):
            return VerificationFailure(.keyAlgorithmMismatch, "\(prepared.keyID) is \(resolved.key.algorithm)")
        case (_, .rsa(let bits)) where bits < minimumRSABits:
            return VerificationFailure(.weakKey(bits: bits), "\(prepared.keyID) has \(bits) bits")
        default:
            return nil
        }
    }
}
