import Foundation

extension SecretBox {
    /// A box keyed by `CART_DATA_KEY`. Accepted forms, tried in order: 64 hex digits (32 bytes);
    /// base64 or base64url of exactly 32 bytes; otherwise any text of at least 32 bytes, hashed
    /// with SHA-256 (a passphrase). Shorter text is refused.
    public init(dataKey text: String) throws(SecretBoxError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count == 64, let bytes = Self.hexBytes(trimmed) {
            try self.init(key: bytes)
        } else if let bytes = Base64.decode(trimmed) ?? Base64URL.decode(trimmed), bytes.count == 32 {
            try self.init(key: bytes)
        } else if trimmed.utf8.count >= 32 {
            try self.init(key: SHA256.hash(Array(trimmed.utf8)))
        } else {
            throw .badKey("CART_DATA_KEY must be 64 hex digits, base64 of 32 bytes, or at least 32 characters")
        }
    }

    /// A new random data key as 64 hex digits (what the demo writes to `.cart-demo/data-key`).
    public static func generateDataKey() -> String {
        SecureRandom.bytes(32).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let high = iterator.next() {
            guard let low = iterator.next(), let h = nibble(high), let l = nibble(low) else { return nil }
            bytes.append(h << 4 | l)
        }
        return bytes
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
