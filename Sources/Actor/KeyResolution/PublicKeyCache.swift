import Foundation

/// A public key document fetched from a remote actor, as cached.
public struct CachedPublicKey: Sendable, Equatable {
    /// The key id (`publicKey.id`), exactly as the signer names it.
    public var keyID: String
    /// The actor that owns the key (`publicKey.owner`).
    public var ownerIRI: String
    /// The key in PEM (SPKI or PKCS#1).
    public var pem: String
    /// When it was fetched; entries older than the resolver's lifetime are fetched again.
    public var fetchedAt: Date

    /// A cached key; see the properties.
    public init(keyID: String, ownerIRI: String, pem: String, fetchedAt: Date) {
        self.keyID = keyID
        self.ownerIRI = ownerIRI
        self.pem = pem
        self.fetchedAt = fetchedAt
    }
}

/// Durable cache of remote actors' public keys (implemented by Storage for SQLite and PostgreSQL).
public protocol PublicKeyCache: Sendable {
    /// The cached key with this id, if any.
    func key(id: String) async throws -> CachedPublicKey?
    /// Inserts or replaces the key with `key.keyID`.
    func store(_ key: CachedPublicKey) async throws
    /// Forgets the key (after it stopped verifying and could not be fetched again).
    func remove(id: String) async throws
}
