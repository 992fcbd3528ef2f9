/// FEP-521a / W3C Controlled Identifiers `Multikey` encoding of an Ed25519 public key.
public enum Multikey {
    /// The multicodec `ed25519-pub` code (0xed) as an unsigned varint.
    public static let ed25519PublicPrefix: [UInt8] = [0xED, 0x01]

    /// `publicKeyMultibase` for a raw 32-byte Ed25519 public key: `z` + base58btc(0xed 0x01 ‖ key);
    /// nil when the key is not 32 bytes.
    public static func ed25519PublicKeyMultibase(_ rawKey: [UInt8]) -> String? {
        guard rawKey.count == 32 else { return nil }
        return "z" + Base58BTC.encode(ed25519PublicPrefix + rawKey)
    }

    /// The `assertionMethod` entry for the actor's Ed25519 key; nil when the key is not 32 bytes.
    public static func ed25519AssertionMethod(rawKey: [UInt8], urls: ActorURLs) -> JSONValue? {
        guard let multibase = ed25519PublicKeyMultibase(rawKey) else { return nil }
        return [
            "id": .string(urls.ed25519KeyID),
            "type": "Multikey",
            "controller": .string(urls.actor),
            "publicKeyMultibase": .string(multibase),
        ]
    }
}
