/// A public key as the actor publishes it: its key id (the last path segment of `BASE/keys/{id}`)
/// and its SubjectPublicKeyInfo PEM. RSA keys, and the Ed25519 key at `/keys/ed25519`.
public struct PublishedKey: Sendable, Hashable {
    /// The key id, e.g. `k1`, `k2` (RSA, one per `keys rotate`) or `ed25519`.
    public let id: String
    /// `-----BEGIN PUBLIC KEY-----` PEM.
    public let publicKeyPem: String

    /// A published key.
    public init(id: String, publicKeyPem: String) {
        self.id = id
        self.publicKeyPem = publicKeyPem
    }
}
