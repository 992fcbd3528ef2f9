import COpenSSL

/// A public key that checks signatures: RSA (PKCS#1 v1.5, SHA-256 only — PSS is refused) or
/// Ed25519. Holds no private material.
///
/// `Sendable` for the same reason as `SigningKey`: an immutable `EVP_PKEY` behind
/// `PKeyHandle`, and contexts that are per call or handed out by `PKeyContextPool`'s lock.
public final class VerificationKey: Sendable, Equatable {
    /// RSA with its size, or Ed25519.
    public let algorithm: KeyAlgorithm
    let handle: PKeyHandle
    private let rsaVerifyContexts: PKeyContextPool?

    /// Wraps an owned public `EVP_PKEY`; refuses kinds other than RSA and Ed25519.
    init(owning pkey: OpaquePointer) throws {
        handle = PKeyHandle(owning: pkey)
        guard let algorithm = keyAlgorithm(of: pkey) else {
            throw CryptoError("loading a public key: only RSA and Ed25519 keys are supported")
        }
        self.algorithm = algorithm
        if case .rsa = algorithm {
            rsaVerifyContexts = PKeyContextPool(key: handle) { ctx in
                EVP_PKEY_verify_init(ctx) == 1
                    && EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) == 1
                    && EVP_PKEY_CTX_set_signature_md(ctx, DigestAlgorithm.sha256.raw) == 1
            }
        } else {
            rsaVerifyContexts = nil
        }
    }

    /// The public half of a private key, as its own public-only `EVP_PKEY`.
    convenience init(publicHalfOf pkey: OpaquePointer) throws {
        let der = try Self.subjectPublicKeyInfo(of: pkey)
        let copy = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PUBKEY(nil, &cursor, buffer.count)
        }
        guard let copy else { throw CryptoError("copying a public key") }
        try self.init(owning: copy)
    }

    /// Wraps a raw 32-byte Ed25519 public key (e.g. from a Multikey).
    public convenience init(ed25519Raw: [UInt8]) throws {
        guard ed25519Raw.count == 32,
              let pkey = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, ed25519Raw, ed25519Raw.count)
        else { throw CryptoError("reading a raw Ed25519 public key (need 32 bytes, got \(ed25519Raw.count))") }
        try self.init(owning: pkey)
    }

    /// The raw 32-byte key when this is Ed25519, else nil.
    public var ed25519Raw: [UInt8]? {
        guard algorithm == .ed25519 else { return nil }
        var raw = [UInt8](repeating: 0, count: 32)
        var length = raw.count
        guard EVP_PKEY_get_raw_public_key(handle.raw, &raw, &length) == 1 else {
            OpenSSLErrorQueue.clear()
            return nil
        }
        return Array(raw.prefix(length))
    }

    /// Same key material.
    public static func == (lhs: VerificationKey, rhs: VerificationKey) -> Bool {
        EVP_PKEY_eq(lhs.handle.raw, rhs.handle.raw) == 1
    }

    /// True when `signature` is valid for `message`: RSA PKCS#1 v1.5 over SHA-256, or Ed25519.
    /// Any other padding (PSS included) or a malformed signature is simply false.
    public func verify(signature: [UInt8], message: [UInt8]) -> Bool {
        defer { OpenSSLErrorQueue.clear() }
        switch algorithm {
        case .rsa: return verifyRSA(signature: signature, digest: SHA256.hash(message))
        case .ed25519: return verifyEd25519(signature: signature, message: message)
        }
    }

    private func verifyRSA(signature: [UInt8], digest: [UInt8]) -> Bool {
        guard let pool = rsaVerifyContexts else { return false }
        let valid = try? pool.withContext("RSA verification") { ctx -> (Bool, ok: Bool) in
            let result = EVP_PKEY_verify(ctx, signature, signature.count, digest, digest.count)
            // 0 is a clean "does not match"; only a negative result hints at a broken context.
            return (result == 1, result >= 0)
        }
        return valid ?? false
    }

    private func verifyEd25519(signature: [UInt8], message: [UInt8]) -> Bool {
        guard signature.count == 64, let mdContext = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(mdContext) }
        guard EVP_DigestVerifyInit(mdContext, nil, nil, nil, handle.raw) == 1 else { return false }
        return EVP_DigestVerify(mdContext, signature, signature.count, message, message.count) == 1
    }
}
