import COpenSSL
import Synchronization

/// A few initialised `EVP_PKEY_CTX`s for one key and one operation, reused across calls: setting
/// a context up costs about as much as an RSA verify itself.
final class PKeyContextPool: Sendable {
    /// One context, owned by whoever holds it: the pool (under its lock) or a single caller.
    private struct Context: @unchecked Sendable { let raw: OpaquePointer }

    private let key: PKeyHandle
    private let setUp: @Sendable (OpaquePointer) -> Bool
    private let idle = Mutex<[Context]>([])
    private let capacity = 16

    /// `setUp` runs once on each new context (init for sign/verify, padding, digest).
    init(key: PKeyHandle, setUp: @escaping @Sendable (OpaquePointer) -> Bool) {
        self.key = key
        self.setUp = setUp
    }

    deinit {
        for context in idle.withLock({ $0 }) { EVP_PKEY_CTX_free(context.raw) }
    }

    /// Runs `body` with a context nobody else is using; a context whose operation failed is
    /// dropped rather than reused, in case the failure left state behind.
    func withContext<T>(_ operation: String, _ body: (OpaquePointer) -> (T, ok: Bool)) throws -> T {
        let context = try idle.withLock { $0.popLast() } ?? makeContext(operation)
        let (result, ok) = body(context.raw)
        if ok {
            let kept = idle.withLock { stack in
                guard stack.count < capacity else { return false }
                stack.append(context)
                return true
            }
            if !kept { EVP_PKEY_CTX_free(context.raw) }
        } else {
            EVP_PKEY_CTX_free(context.raw)
        }
        return result
    }

    private func makeContext(_ operation: String) throws -> Context {
        guard let raw = EVP_PKEY_CTX_new_from_pkey(nil, key.raw, nil) else {
            throw CryptoError("creating a context for \(operation)")
        }
        guard setUp(raw) else {
            EVP_PKEY_CTX_free(raw)
            throw CryptoError("setting up a context for \(operation)")
        }
        return Context(raw: raw)
    }
}

/// Owns one `EVP_PKEY`.
///
/// `@unchecked Sendable` is safe: the key is never modified after creation (no setter is called
/// on it once built), and OpenSSL 3 allows concurrent use of one `EVP_PKEY` for signing and
/// verifying as long as each call has its own `EVP_PKEY_CTX`/`EVP_MD_CTX`, which every caller
/// here does (per call, or taken from `PKeyContextPool` under its lock).
final class PKeyHandle: @unchecked Sendable {
    let raw: OpaquePointer

    /// Takes ownership of `raw` (one reference).
    init(owning raw: OpaquePointer) { self.raw = raw }

    deinit { EVP_PKEY_free(raw) }
}
