import COpenSSL

/// A fetched `EVP_MD`. Safe to share: OpenSSL documents fetched algorithm objects as immutable
/// and reference counted, usable from any thread at once.
struct DigestAlgorithm: @unchecked Sendable {
    let raw: OpaquePointer

    /// SHA-256, fetched once per process so hashing skips the implicit fetch on every call.
    static let sha256 = DigestAlgorithm(name: "SHA256")
    /// SHA-512, for peers that send `sha-512` digests.
    static let sha512 = DigestAlgorithm(name: "SHA512")

    private init(name: String) {
        // The default provider always has SHA-2; failing here means OpenSSL itself is broken.
        guard let md = EVP_MD_fetch(nil, name, nil) else {
            fatalError("OpenSSL has no \(name): \(OpenSSLErrorQueue.drain())")
        }
        raw = md
    }
}

/// Reads everything written to a memory BIO.
func drainBIO(_ bio: OpaquePointer) -> String {
    let pending = Int(BIO_ctrl_pending(bio))
    var bytes = [UInt8](repeating: 0, count: pending)
    let read = bytes.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32(pending)) }
    return String(decoding: bytes.prefix(max(0, Int(read))), as: UTF8.self)
}

/// Runs `body` with a read-only memory BIO over `text`.
func withMemoryBIO<T>(_ text: String, _ body: (OpaquePointer) throws -> T) throws -> T {
    var bytes = Array(text.utf8)
    return try bytes.withUnsafeMutableBytes { buffer in
        guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else {
            throw CryptoError("allocating a memory BIO")
        }
        defer { BIO_free(bio) }
        return try body(bio)
    }
}

/// The PEM pass-phrase callback: always "no pass phrase", so an encrypted key fails instead of
/// prompting on the terminal.
let noPassphrase: @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?) -> Int32 = { _, _, _, _ in 0 }

/// The algorithm of an `EVP_PKEY`, or nil for kinds the actor does not use.
func keyAlgorithm(of pkey: OpaquePointer) -> KeyAlgorithm? {
    switch EVP_PKEY_get_base_id(pkey) {
    case EVP_PKEY_RSA: .rsa(bits: Int(EVP_PKEY_get_bits(pkey)))
    case EVP_PKEY_ED25519: .ed25519
    default: nil
    }
}
