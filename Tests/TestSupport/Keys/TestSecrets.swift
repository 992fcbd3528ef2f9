import ActorIdentity

/// Payment keys and data keys made at test time: no secret-looking value lives in git.
public enum TestSecrets {
    /// A random stand-in for a SumUp API key (not in SumUp's format, never valid anywhere).
    public static func apiKey() -> String { "test-key-" + hex(SecureRandom.bytes(16)).uppercased() }

    /// A random `CART_DATA_KEY` (64 hex digits).
    public static func dataKey() -> String { hex(SecureRandom.bytes(32)) }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
