import ActorIdentity

/// Keys generated once per test run (never stored), shared by every test target.
public enum TestKeys {
    /// An RSA-2048 key.
    public static let rsa: SigningKey = generate { try SigningKey.generateRSA(bits: 2048) }
    /// A second, unrelated RSA-2048 key (another actor, or a rotated key).
    public static let rsa2: SigningKey = generate { try SigningKey.generateRSA(bits: 2048) }
    /// An Ed25519 key.
    public static let ed25519: SigningKey = generate { try SigningKey.generateEd25519() }

    private static func generate(_ make: () throws -> SigningKey) -> SigningKey {
        do {
            return try make()
        } catch {
            // Key generation failing means OpenSSL is unusable; no test could mean anything.
            fatalError("test key generation failed: \(error)")
        }
    }
}
