import COpenSSL

extension SigningKey {
    /// A fresh RSA key (2048 bits by default; generation takes a few hundred ms).
    public static func generateRSA(bits: Int = 2048) throws -> SigningKey {
        try generate(name: "RSA") { ctx in EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, Int32(bits)) == 1 }
    }

    /// A fresh Ed25519 key.
    public static func generateEd25519() throws -> SigningKey {
        try generate(name: "ED25519") { _ in true }
    }

    private static func generate(name: String, configure: (OpaquePointer) -> Bool) throws -> SigningKey {
        guard let ctx = EVP_PKEY_CTX_new_from_name(nil, name, nil) else {
            throw CryptoError("creating a \(name) key generation context")
        }
        defer { EVP_PKEY_CTX_free(ctx) }
        var pkey: OpaquePointer?
        guard EVP_PKEY_keygen_init(ctx) == 1, configure(ctx), EVP_PKEY_generate(ctx, &pkey) == 1,
              let pkey
        else { throw CryptoError("generating a \(name) key") }
        return try SigningKey(owning: pkey)
    }
}
