import Foundation
import Logging
import Transport

/// Resolves signers' key ids by fetching them over the guarded transport (contract §3), with a
/// durable cache, one fetch in flight per key id, and a short memory of permanent failures.
/// Pass a `SignedSender` as the transport: some servers answer unsigned fetches with 401.
public final class HTTPKeyResolver: PublicKeyResolving {
    /// Sent with every key fetch.
    public static let acceptHeader = #"application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams""#

    private let transport: any HTTPTransport
    private let cache: any PublicKeyCache
    private let logger: Logger
    private let lifetime: TimeInterval
    private let minimumRefreshInterval: TimeInterval
    private let maxDocumentBytes: Int
    private let now: @Sendable () -> Date
    private let coordinator: KeyFetchCoordinator

    /// A resolver; cached keys are trusted for `lifetime`, `.notFound`/`.invalid` answers for
    /// `negativeLifetime`; a refresh of a key fetched less than `minimumRefreshInterval` ago
    /// returns the cached copy (otherwise each forged signature naming a real key costs a fetch).
    public init(
        transport: any HTTPTransport, cache: any PublicKeyCache, logger: Logger,
        lifetime: Duration = .seconds(24 * 3600), negativeLifetime: Duration = .seconds(60),
        minimumRefreshInterval: Duration = .seconds(30),
        maxDocumentBytes: Int = 512 << 10, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.transport = transport
        self.cache = cache
        self.logger = logger
        self.lifetime = TimeInterval(lifetime.components.seconds)
        self.minimumRefreshInterval = TimeInterval(minimumRefreshInterval.components.seconds)
        self.maxDocumentBytes = maxDocumentBytes
        self.now = now
        self.coordinator = KeyFetchCoordinator(negativeLifetime: negativeLifetime)
    }

    /// The key named `keyID`: from the cache unless `refresh` (after it failed to verify) and
    /// the cached copy is older than the minimum refresh interval; else fetched, checked, cached.
    public func resolve(keyID: String, refresh: Bool) async throws(KeyResolutionError) -> ResolvedKey {
        guard let url = Self.fetchURL(for: keyID) else { throw .invalid("key id \(keyID) is not an http(s) URL") }
        if let failure = await coordinator.recentFailure(keyID) { throw failure }
        if let cached = await cachedKey(keyID),
           cached.age < (refresh ? minimumRefreshInterval : lifetime) { return cached.key }
        let result = await coordinator.fetch(keyID) { [self] in await self.fetchAndStore(keyID: keyID, url: url) }
        return try result.get()
    }

    /// The key id without its fragment, if it is an absolute http(s) URL.
    static func fetchURL(for keyID: String) -> URL? {
        guard var parts = URLComponents(string: keyID), let scheme = parts.scheme?.lowercased(),
              scheme == "http" || scheme == "https", parts.host?.isEmpty == false
        else { return nil }
        parts.fragment = nil
        return parts.url
    }

    /// The cached key and its age in seconds, or `nil` (missing, unreadable, or the cache failed).
    private func cachedKey(_ keyID: String) async -> (key: ResolvedKey, age: TimeInterval)? {
        do {
            guard let entry = try await cache.key(id: keyID) else { return nil }
            let key = ResolvedKey(keyID: keyID, ownerIRI: entry.ownerIRI, key: try VerificationKey(pem: entry.pem))
            return (key, now().timeIntervalSince(entry.fetchedAt))
        } catch {
            logger.warning("public key cache read failed; fetching", metadata: ["keyID": "\(keyID)", "error": "\(error)"])
            return nil
        }
    }

    /// Fetches, parses and caches; every failure typed.
    private func fetchAndStore(keyID: String, url: URL) async -> Result<ResolvedKey, KeyResolutionError> {
        do throws(KeyResolutionError) {
            let document = try await fetchDocument(keyID: keyID, url: url)
            let key: VerificationKey
            do { key = try VerificationKey(pem: document.pem) } catch { throw .invalid("key \(keyID): unreadable PEM (\(error))") }
            let entry = CachedPublicKey(keyID: keyID, ownerIRI: document.ownerIRI, pem: document.pem, fetchedAt: now())
            do { try await cache.store(entry) } catch {
                logger.warning("public key cache write failed", metadata: ["keyID": "\(keyID)", "error": "\(error)"])
            }
            return .success(ResolvedKey(keyID: keyID, ownerIRI: document.ownerIRI, key: key))
        } catch {
            logger.info("key resolution failed", metadata: ["keyID": "\(keyID)", "error": "\(error)"])
            // A key that is gone or unusable must not keep verifying from the cache.
            if error.isPermanent { try? await cache.remove(id: keyID) }
            return .failure(error)
        }
    }

    /// The signed GET and the status mapping: 404/410 not found, 5xx/429/408 transient.
    private func fetchDocument(keyID: String, url: URL) async throws(KeyResolutionError) -> KeyDocument {
        let request = OutboundRequest(url: url, headers: [("Accept", Self.acceptHeader)], maxResponseBytes: maxDocumentBytes)
        let response: OutboundResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw error.isTransient ? .transient(error.description) : .invalid(error.description)
        }
        switch response.status {
        case 200..<300:
            // FEP-fe34: a document is trusted only for the origin that actually served it.
            guard URLOrigin(response.url) == URLOrigin(url) else {
                throw .invalid("key \(keyID) was redirected to another origin (\(response.url.absoluteString))")
            }
            return try KeyDocument.parse(response.body, keyID: keyID)
        case 404, 410: throw .notFound("key \(keyID): HTTP \(response.status)")
        case 408, 429, 500...: throw .transient("key \(keyID): HTTP \(response.status)")
        default: throw .invalid("key \(keyID): HTTP \(response.status)")
        }
    }
}
