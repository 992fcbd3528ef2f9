import Foundation

/// The actor's private keys in `CART_KEYS_DIR`: RSA keys `rsa-<id>.pem` (all kept, so old key
/// ids stay resolvable), one `ed25519.pem`, and `current-key` naming the RSA key to sign with.
/// Several instances may share the directory: ids are claimed with an exclusive link and the
/// pointer is replaced atomically, so every reader sees one consistent current key.
public struct ActorKeyring: Sendable {
    /// The directory the keys came from.
    public let directory: URL
    /// Every RSA key, oldest first.
    public let all: [ActorKey]
    /// The RSA key outgoing requests are signed with.
    public let current: ActorKey
    /// The Ed25519 key (FEP-521a `assertionMethod`, RFC 9421 `ed25519`).
    public let ed25519: ActorKey

    static let pointerName = "current-key"
    static let ed25519Name = "ed25519.pem"
    static let ed25519ID = "ed25519"

    /// The key with this id (any RSA key, or the Ed25519 key), for publishing `BASE/keys/{id}`.
    public func key(id: String) -> ActorKey? {
        id == ed25519.id ? ed25519 : all.first { $0.id == id }
    }

    /// Loads the keys, refusing a missing or empty directory, a missing key, a group/world
    /// readable private key file, or a pointer that names no key.
    public static func load(from directory: URL) throws -> ActorKeyring {
        let names = try listing(of: directory)
        let rsaIDs = rsaKeyIDs(in: names)
        let hasEd25519 = names.contains(ed25519Name)
        if rsaIDs.isEmpty && !hasEd25519 { throw KeyringError.directoryEmpty(path: directory.path) }
        guard !rsaIDs.isEmpty else { throw KeyringError.keyMissing(path: directory.path, kind: "RSA") }
        guard hasEd25519 else { throw KeyringError.keyMissing(path: directory.path, kind: "Ed25519") }
        let all = try rsaIDs.map { try loadKey(id: $0, file: directory.appendingPathComponent("rsa-\($0).pem")) }
        for key in all {
            guard case .rsa = key.key.algorithm else {
                throw KeyringError.badKeyFile(file: directory.appendingPathComponent("rsa-\(key.id).pem").path, reason: "not an RSA key")
            }
        }
        let ed25519 = try loadKey(id: ed25519ID, file: directory.appendingPathComponent(ed25519Name))
        guard case .ed25519 = ed25519.key.algorithm else {
            throw KeyringError.badKeyFile(file: directory.appendingPathComponent(ed25519Name).path, reason: "not an Ed25519 key")
        }
        let currentID = try readPointer(in: directory)
        guard let current = all.first(where: { $0.id == currentID }) else {
            throw KeyringError.currentPointerInvalid(
                file: directory.appendingPathComponent(pointerName).path, reason: "no rsa-\(currentID).pem")
        }
        return ActorKeyring(directory: directory, all: all, current: current, ed25519: ed25519)
    }

    /// Creates the directory (0700) if needed and writes a first RSA-2048 key `k1` and an
    /// Ed25519 key; refuses when any key is already there.
    public static func generate(in directory: URL) throws -> ActorKeyring {
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw KeyringError.io(file: directory.path, reason: error.localizedDescription)
        }
        let names = try listing(of: directory)
        if !rsaKeyIDs(in: names).isEmpty || names.contains(ed25519Name) || names.contains(pointerName) {
            throw KeyringError.keysAlreadyExist(path: directory.path)
        }
        let ed25519File = directory.appendingPathComponent(ed25519Name)
        guard try KeyFiles.createExclusively(ed25519File, with: SigningKey.generateEd25519().pem()) else {
            throw KeyringError.keysAlreadyExist(path: directory.path)
        }
        let id = try claimNewRSAKey(in: directory)
        try KeyFiles.replace(directory.appendingPathComponent(pointerName), with: id + "\n")
        return try load(from: directory)
    }

    /// Adds a new RSA-2048 key with a fresh id and makes it current; older keys stay on disk.
    public func rotate() throws -> ActorKeyring {
        let id = try Self.claimNewRSAKey(in: directory)
        try KeyFiles.replace(directory.appendingPathComponent(Self.pointerName), with: id + "\n")
        return try Self.load(from: directory)
    }
}
