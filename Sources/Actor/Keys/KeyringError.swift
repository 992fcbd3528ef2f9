/// Why the actor's keys directory could not be used; each message says what to do next.
public enum KeyringError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `CART_KEYS_DIR` does not exist or is not a directory.
    case directoryMissing(path: String)
    /// The directory holds no keys at all.
    case directoryEmpty(path: String)
    /// One kind of key is absent (e.g. the Ed25519 key) while others exist.
    case keyMissing(path: String, kind: String)
    /// A private key file can be read by group or others.
    case insecurePermissions(file: String, mode: UInt16)
    /// `generate` found keys already there.
    case keysAlreadyExist(path: String)
    /// The current-key pointer is missing, unreadable or names no key file.
    case currentPointerInvalid(file: String, reason: String)
    /// A file could not be read or written.
    case io(file: String, reason: String)
    /// A key file is not a usable key.
    case badKeyFile(file: String, reason: String)

    /// One line for an operator.
    public var description: String {
        switch self {
        case .directoryMissing(let path):
            "keys directory \(path) does not exist; run `cart-actor keys generate` or set CART_KEYS_DIR"
        case .directoryEmpty(let path):
            "keys directory \(path) holds no keys; run `cart-actor keys generate`"
        case .keyMissing(let path, let kind):
            "keys directory \(path) has no \(kind) key; restore it from backup or generate keys in a new directory"
        case .insecurePermissions(let file, let mode):
            "private key \(file) is readable by group or others (mode \(String(mode, radix: 8))); run `chmod 600 \(file)`"
        case .keysAlreadyExist(let path):
            "keys directory \(path) already holds keys; use `cart-actor keys rotate` to add a new one"
        case .currentPointerInvalid(let file, let reason):
            "current key pointer \(file) is unusable (\(reason)); write the id of an existing rsa-<id>.pem into it"
        case .io(let file, let reason):
            "cannot access \(file): \(reason)"
        case .badKeyFile(let file, let reason):
            "key file \(file) is not a usable private key: \(reason)"
        }
    }
}
