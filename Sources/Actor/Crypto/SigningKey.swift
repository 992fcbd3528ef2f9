import COpenSSL

/// A private key the actor signs with: RSA (PKCS#1 v1.5, SHA-256) or Ed25519.
///
/// `Sendable` through `PKeyHandle` (immutable `EVP_PKEY`, per-call contexts) and
/// `PKeyContextPool` (contexts handed out under a lock).
public final class SigningKey: Sendable {
    /// RSA with its size, or Ed25519.
    public let algorithm: KeyAlgorithm
    /// The public half, for publishing and for checking our own signatures.
    public let publicKey: VerificationKey
    let handle: PKeyHandle
    private let rsaSignContexts: PKeyContextPool?

    /// Wraps an owned private `EVP_PKEY`; refuses kinds other than RSA and Ed25519.
    init(owning pkey: OpaquePointer) throws {
        handle = PKeyHandle(owning: pkey)
        guard let algorithm = keyAlgorithm(of: pkey) else {
            throw CryptoError("loading a private key: only RSA and Ed25519 keys are supported")
        }
        self.algorithm = algorithm
        publicKey = try VerificationKey(publicHalfOf: pkey)
        if case .rsa = algorithm {
            rsaSignContexts = PKeyContextPool(key: handle) { ctx in
                EVP_PKEY_sign_init(ctx) == 1
                    && EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1
                    && EVP_PKEY_CTX_set_signature_md(ctx, DigestAlgorithm.sha256.raw) == 1
            }
        } else {
            rsaSignContexts = nil
        }
    }

    /// Reads a PEM private key: PKCS#8 ("PRIVATE KEY") or PKCS#1 ("RSA PRIVATE KEY").
    /// Encrypted keys are refused (no pass phrase is ever asked for).
    public convenience init(pem: String) throws {
        let pkey = try withMemoryBIO(pem) { bio in
            PEM_read_bio_PrivateKey(bio, nil, noPassphrase, nil)
        }
        guard let pkey else { throw CryptoError("reading a private key PEM") }
        try self.init(owning: pkey)
    }

    /// The key as unencrypted PKCS#8 PEM ("PRIVATE KEY"), for a 0600 file.
    public func pem() throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw CryptoError("allocating a memory BIO") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PrivateKey(bio, handle.raw, nil, nil, 0, nil, nil) == 1 else {
            throw CryptoError("writing a private key PEM")
        }
        return drainBIO(bio)
    }

    /// Signs `message`: RSA PKCS#1 v1.5 over its SHA-256, or pure Ed25519.
    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        switch algorithm {
        case .rsa: try signRSA(digest: SHA256.hash(message))
        case .ed25519: try signEd25519(message)
        }
    }

    private func signRSA(digest: [UInt8]) throws -> [UInt8] {
        guard let pool = rsaSignContexts else { throw CryptoError("signing: not an RSA key") }
        var signature = [UInt8](repeating: 0, count: Int(EVP_PKEY_get_size(handle.raw)))
        let length = try pool.withContext("RSA signing") { ctx -> (Int?, ok: Bool) in
            var length = signature.count
            let ok = EVP_PKEY_sign(ctx, &signature, &length, digest, digest.count) == 1
            return (ok ? length : nil, ok)
        }
        guard let length else { throw CryptoError("RSA signing") }
        return Array(signature.prefix(length))
    }

    private func signEd25519(_ message: [UInt8]) throws -> [UInt8] {
        guard let mdContext = EVP_MD_CTX_new() else { throw CryptoError("allocating a digest context") }
        defer { EVP_MD_CTX_free(mdContext) }
        guard EVP_DigestSignInit(mdContext, nil, nil, nil, handle.raw) == 1 else {
            throw CryptoError("starting an Ed25519 signature")
        }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = signature.count
        guard EVP_DigestSign(mdContext, &signature, &length, message, message.count) == 1 else {
            throw CryptoError("Ed25519 signing")
        }
        return Array(signature.prefix(length))
    }
}
