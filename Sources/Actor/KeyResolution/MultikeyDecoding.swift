/// Reads FEP-521a `Multikey` Ed25519 public keys (`publicKeyMultibase: "z6Mk…"`), so signers
/// whose key id names an `assertionMethod` entry can be verified.
enum MultikeyDecoding {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let ed25519Prefix: [UInt8] = [0xED, 0x01]

    /// The raw 32-byte Ed25519 key in a `z`-multibase Multikey value, or `nil` for anything else.
    static func ed25519RawKey(multibase: String) -> [UInt8]? {
        guard multibase.hasPrefix("z"), multibase.utf8.count <= 64,
              let bytes = base58BTC(multibase.utf8.dropFirst()),
              bytes.count == 34, Array(bytes.prefix(2)) == ed25519Prefix
        else { return nil }
        return Array(bytes.dropFirst(2))
    }

    /// Base58 (Bitcoin alphabet) to bytes; each leading `1` is a zero byte; `nil` on a bad digit.
    static func base58BTC<Digits: Collection<UInt8>>(_ text: Digits) -> [UInt8]? {
        let zeros = text.prefix(while: { $0 == alphabet[0] }).count
        var bytes: [UInt8] = []  // little-endian base-256 digits
        for character in text.dropFirst(zeros) {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            var carry = value
            for index in bytes.indices {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: zeros) + bytes.reversed()
    }
}
