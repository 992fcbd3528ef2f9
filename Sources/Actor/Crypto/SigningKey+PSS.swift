import COpenSSL

extension SigningKey {
    /// An RSA-PSS (SHA-256) signature. Only for tests proving that verifiers refuse PSS where
    /// PKCS#1 v1.5 is expected; the actor never signs with PSS.
    func signPSSForTesting(_ message: [UInt8]) throws -> [UInt8] {
        guard case .rsa = algorithm, let ctx = EVP_PKEY_CTX_new_from_pkey(nil, handle.raw, nil) else {
            throw CryptoError("PSS signing: not an RSA key")
        }
        defer { EVP_PKEY_CTX_free(ctx) }
        let digest = SHA256.hash(message)
        var signature = [UInt8](repeating: 0, count: Int(EVP_PKEY_get_size(handle.raw)))
        var length = signature.count
        guard EVP_PKEY_sign_init(ctx) == 1,
              EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) == 1,
              EVP_PKEY_CTX_set_signature_md(ctx, DigestAlgorithm.sha256.raw) == 1,
              EVP_PKEY_sign(ctx, &signature, &length, digest, digest.count) == 1
        else { throw CryptoError("PSS signing") }
        return Array(signature.prefix(length))
    }
}
