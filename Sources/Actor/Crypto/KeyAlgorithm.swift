/// The kind of an asymmetric key the actor signs or verifies with.
public enum KeyAlgorithm: Sendable, Hashable, CustomStringConvertible {
    /// RSA with its modulus size; signatures are PKCS#1 v1.5 over SHA-256.
    case rsa(bits: Int)
    /// Ed25519 (pure, no pre-hash).
    case ed25519

    /// "rsa-2048" or "ed25519", for logs and `keys show`.
    public var description: String {
        switch self {
        case .rsa(let bits): "rsa-\(bits)"
        case .ed25519: "ed25519"
        }
    }
}
