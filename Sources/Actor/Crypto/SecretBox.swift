import COpenSSL

/// Seals small secrets (SumUp API keys) for storage with AES-256-GCM through OpenSSL.
/// A box is `0x01 | nonce (12 random bytes) | ciphertext | tag (16 bytes)`; the caller's
/// `context` (e.g. the page slug) is authenticated too, so a box moved to another row fails to open.
public struct SecretBox: Sendable {
    /// Box format version, the first byte of every box.
    static let version: UInt8 = 1
    static let nonceLength = 12
    static let tagLength = 16

    private let key: [UInt8]

    /// A box with a 32-byte key; other lengths are refused.
    public init(key: [UInt8]) throws(SecretBoxError) {
        guard key.count == 32 else { throw .badKey("the data key must be 32 bytes, got \(key.count)") }
        self.key = key
    }

    /// Encrypts `plaintext` under a fresh random nonce, binding `context`.
    public func seal(_ plaintext: [UInt8], context: String) throws(SecretBoxError) -> [UInt8] {
        let nonce = SecureRandom.bytes(Self.nonceLength)
        let (ciphertext, tag) = try AESGCM.encrypt(plaintext, key: key, nonce: nonce, aad: Array(context.utf8))
        return [Self.version] + nonce + ciphertext + tag
    }

    /// Decrypts a box made by `seal` with the same key and context; anything else is refused.
    public func open(_ box: [UInt8], context: String) throws(SecretBoxError) -> [UInt8] {
        guard box.count >= 1 + Self.nonceLength + Self.tagLength, box[0] == Self.version else {
            throw .notABox
        }
        let nonce = Array(box[1..<1 + Self.nonceLength])
        let ciphertext = Array(box[(1 + Self.nonceLength)..<(box.count - Self.tagLength)])
        let tag = Array(box.suffix(Self.tagLength))
        return try AESGCM.decrypt(ciphertext, tag: tag, key: key, nonce: nonce, aad: Array(context.utf8))
    }
}

/// Why a secret could not be sealed or opened.
public enum SecretBoxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data key is unusable; the text says what to provide.
    case badKey(String)
    /// The bytes are not a box of this format.
    case notABox
    /// Authentication failed: another data key, another context, or tampered bytes.
    case openFailed
    /// OpenSSL failed while encrypting.
    case crypto(String)

    public var description: String {
        switch self {
        case .badKey(let reason): reason
        case .notABox: "stored secret is not a sealed box (was it written by another tool?)"
        case .openFailed: "stored secret does not open with this CART_DATA_KEY (wrong key, or the data was altered)"
        case .crypto(let detail): "encryption failed: \(detail)"
        }
    }
}
