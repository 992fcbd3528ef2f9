/// Finds the public key behind a signature's key id (implemented by the HTTP key resolver).
public protocol PublicKeyResolving: Sendable {
    /// The key with this id; `refresh` bypasses any cache (used once after a failed verify).
    func resolve(keyID: String, refresh: Bool) async throws(KeyResolutionError) -> ResolvedKey
}

/// A public key with the actor that owns it.
public struct ResolvedKey: Sendable {
    /// The key id as requested (the IRI the signature named).
    public var keyID: String
    /// The `owner`/`controller` actor IRI the key document names.
    public var ownerIRI: String
    /// The key material.
    public var key: VerificationKey

    /// A resolved key.
    public init(keyID: String, ownerIRI: String, key: VerificationKey) {
        self.keyID = keyID
        self.ownerIRI = ownerIRI
        self.key = key
    }
}

/// Why a key could not be resolved.
public enum KeyResolutionError: Error, Sendable {
    /// Worth retrying later: timeout, connection refused, 5xx, 429 (answered 503 + Retry-After).
    case transient(String)
    /// The key or its actor does not exist (404/410, or no such key in the document).
    case notFound(String)
    /// The document was fetched but is unusable: not JSON, no key, bad PEM, refused address.
    case invalid(String)
}
