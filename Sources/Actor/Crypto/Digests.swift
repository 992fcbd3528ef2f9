import COpenSSL

/// SHA-256 over bytes.
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        MessageDigest.hash(bytes, with: .sha256, size: 32)
    }
}

/// SHA-512 over bytes (accepted in incoming `Digest`/`Content-Digest` headers).
public enum SHA512 {
    /// The 64-byte digest of `bytes`.
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        MessageDigest.hash(bytes, with: .sha512, size: 64)
    }
}

/// One-shot digests with a pre-fetched algorithm.
enum MessageDigest {
    static func hash(_ bytes: some Collection<UInt8>, with algorithm: DigestAlgorithm, size: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: size)
        let ok = bytes.withContiguousStorageIfAvailable { run($0, algorithm, &out) }
            ?? Array(bytes).withUnsafeBufferPointer { run($0, algorithm, &out) }
        // Hashing memory cannot fail short of allocation failure; crash rather than return a
        // digest that would silently match nothing.
        precondition(ok, "OpenSSL digest failed: \(OpenSSLErrorQueue.drain())")
        return out
    }

    private static func run(_ input: UnsafeBufferPointer<UInt8>, _ algorithm: DigestAlgorithm, _ out: inout [UInt8]) -> Bool {
        var length: UInt32 = 0
        return EVP_Digest(input.baseAddress, input.count, &out, &length, algorithm.raw, nil) == 1
    }
}

/// HMAC-SHA-256, for session cookies and cart handles.
public enum HMACSHA256 {
    /// The 32-byte tag of `message` under `key`.
    public static func authenticate(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let result = HMAC(DigestAlgorithm.sha256.raw, key, Int32(key.count), message, message.count, &out, &length)
        precondition(result != nil, "OpenSSL HMAC failed: \(OpenSSLErrorQueue.drain())")
        return out
    }
}

/// Cryptographically secure random bytes from OpenSSL's DRBG.
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        // RAND_bytes fails only when the DRBG cannot be seeded; continuing would hand out
        // predictable secrets.
        precondition(RAND_bytes(&out, Int32(count)) == 1, "OpenSSL RAND_bytes failed: \(OpenSSLErrorQueue.drain())")
        return out
    }
}

/// Comparison whose time does not depend on where the inputs differ.
public enum ConstantTime {
    /// True when `a` and `b` are equal; lengths are not secret.
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return CRYPTO_memcmp(a, b, a.count) == 0
    }
}
