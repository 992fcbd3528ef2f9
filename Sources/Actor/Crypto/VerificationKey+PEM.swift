import COpenSSL

extension VerificationKey {
    /// Reads a PEM public key: SPKI ("PUBLIC KEY") or PKCS#1 ("RSA PUBLIC KEY").
    public convenience init(pem: String) throws {
        if pem.contains("-----BEGIN RSA PUBLIC KEY-----") {
            guard let der = PEMBlock.body(of: pem, label: "RSA PUBLIC KEY") else {
                throw CryptoError("reading an RSA PUBLIC KEY PEM: bad base64 body")
            }
            let pkey = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
                var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
                return d2i_PublicKey(EVP_PKEY_RSA, nil, &cursor, buffer.count)
            }
            guard let pkey else { throw CryptoError("reading an RSA PUBLIC KEY PEM") }
            try self.init(owning: pkey)
        } else {
            let pkey = try withMemoryBIO(pem) { bio in PEM_read_bio_PUBKEY(bio, nil, noPassphrase, nil) }
            guard let pkey else { throw CryptoError("reading a PUBLIC KEY PEM") }
            try self.init(owning: pkey)
        }
    }

    /// The key as SPKI PEM ("PUBLIC KEY"), as published in the actor's `publicKeyPem`.
    public func pem() throws -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw CryptoError("allocating a memory BIO") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PUBKEY(bio, handle.raw) == 1 else { throw CryptoError("writing a public key PEM") }
        return drainBIO(bio)
    }

    /// DER SubjectPublicKeyInfo of any `EVP_PKEY` (private keys export only their public half).
    static func subjectPublicKeyInfo(of pkey: OpaquePointer) throws -> [UInt8] {
        let length = i2d_PUBKEY(pkey, nil)
        guard length > 0 else { throw CryptoError("encoding a public key") }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor: UnsafeMutablePointer<UInt8>? = buffer.baseAddress
            return i2d_PUBKEY(pkey, &cursor)
        }
        guard written == length else { throw CryptoError("encoding a public key") }
        return der
    }
}

/// The base64 body of one PEM block.
enum PEMBlock {
    /// The decoded body between `-----BEGIN label-----` and `-----END label-----`.
    static func body(of pem: String, label: String) -> [UInt8]? {
        guard let begin = pem.range(of: "-----BEGIN \(label)-----"),
              let end = pem.range(of: "-----END \(label)-----", range: begin.upperBound..<pem.endIndex)
        else { return nil }
        let base64 = pem[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        return Base64.decode(String(base64))
    }
}
