import ActorIdentity

/// RSA keys of the test peers, generated once per run (never stored).
enum PeerKeys {
    static let calendar: SigningKey = make()
    static let market: SigningKey = make()
    static let stranger: SigningKey = make()
    static let instance: SigningKey = make()

    private static func make() -> SigningKey {
        do {
            return try SigningKey.generateRSA(bits: 2048)
        } catch {
            // Key generation failing means OpenSSL is unusable; no test could mean anything.
            fatalError("test peer key generation failed: \(error)")
        }
    }
}
