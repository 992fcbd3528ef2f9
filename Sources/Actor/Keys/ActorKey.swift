import Foundation

/// One of the actor's private keys with its stable id; its public IRI is `BASE/keys/{id}`.
public struct ActorKey: Sendable {
    /// Short stable token ("k1", "k2", … for RSA; "ed25519" for the Ed25519 key).
    public let id: String
    /// The private key.
    public let key: SigningKey
    /// When the key file was written (its modification time; key files are never rewritten).
    public let createdAt: Date

    /// Wraps a key loaded from disk.
    public init(id: String, key: SigningKey, createdAt: Date) {
        self.id = id
        self.key = key
        self.createdAt = createdAt
    }
}
