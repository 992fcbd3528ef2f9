import ActorIdentity

/// Resolves exactly one key id to one public key: the receivers check our outbox's signatures
/// with the test actor's key, without fetching anything.
public struct SenderKeyResolver: PublicKeyResolving {
    /// The key id our sender signs with.
    public let keyID: String
    /// The actor owning it.
    public let owner: String
    /// The public key.
    public let key: VerificationKey

    /// A resolver knowing one key.
    public init(keyID: String, owner: String, key: VerificationKey) {
        self.keyID = keyID
        self.owner = owner
        self.key = key
    }

    public func resolve(keyID: String, refresh: Bool) async throws(KeyResolutionError) -> ResolvedKey {
        guard keyID == self.keyID else { throw .notFound("unknown key \(keyID)") }
        return ResolvedKey(keyID: keyID, ownerIRI: owner, key: key)
    }
}
