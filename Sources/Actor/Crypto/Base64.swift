import Foundation

/// Standard base64 (with padding), as in PEM bodies, `Digest` and cavage signatures.
public enum Base64 {
    /// Encodes with padding.
    public static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    /// Decodes padded standard base64; nil on any other character or bad length.
    public static func decode(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text) else { return nil }
        return [UInt8](data)
    }
}

/// URL-safe base64 without padding (RFC 4648 §5), as in JWTs and cart handles.
public enum Base64URL {
    /// Encodes with `-` and `_`, no `=`. Byte-wise: it runs several times per browser request
    /// (session cookie, CSRF token), where Foundation's encode-then-replace cost ~4% of the CPU.
    public static func encode(_ bytes: [UInt8]) -> String {
        let count = (bytes.count * 4 + 2) / 3
        return String(unsafeUninitializedCapacity: count) { out in
            var written = 0
            var index = 0
            while index < bytes.count {
                let remaining = bytes.count - index
                let b0 = UInt32(bytes[index])
                let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
                let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
                let group = b0 << 16 | b1 << 8 | b2
                for position in 0..<min(4, remaining + 1) {
                    out[written] = alphabet[Int(group >> UInt32(18 - 6 * position) & 0x3F)]
                    written += 1
                }
                index += 3
            }
            return written
        }
    }

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Decodes unpadded URL-safe base64; nil on `+`, `/`, `=` or any other stray character.
    public static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.allSatisfy({ byte in
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
        }), text.utf8.count % 4 != 1 else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        return Base64.decode(standard)
    }
}
