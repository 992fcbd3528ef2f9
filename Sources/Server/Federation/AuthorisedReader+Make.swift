import ActorIdentity
import Foundation
import Logging
import Outbox
import ServiceLifecycle
import Storage
import Transport

extension AuthorisedReaders {
    /// Readers for the app: signatures verified against `urls`, signers' keys fetched with a
    /// signed GET (some servers refuse unsigned fetches) through the guarded transport and cached
    /// in the database. The returned service shuts the transport down on graceful shutdown.
    static func make(configuration: AppConfiguration, urls: ActorURLs, database: Database, keysDirectory directory: URL,
                     keyring: ReloadingKeyring, store: SQLOutboxStore, logger: Logger) throws -> (readers: AuthorisedReaders, service: any Service) {
        guard let base = URL(string: urls.base) else {
            throw ConfigurationError(problems: ["CART_BASE_URL: \(urls.base) is not a URL"])
        }
        let transport = GuardedTransport(allowPrivateNetworks: configuration.allowPrivateNetworks, logger: logger)
        let initial: ActorKeyring
        do {
            initial = try ActorKeyring.load(from: directory)
        } catch {
            throw ConfigurationError(problems: ["CART_KEYS_DIR: \(error) (create keys with `cart-actor keys generate`)"])
        }
        let signing = CurrentSigningKey(initial: initial, keyring: keyring, urls: urls)
        let sender = SignedSender(transport: transport, memory: SQLSignatureSchemeMemory(database: database),
                                  keyID: { signing.keyID }, key: { signing.key }, logger: logger)
        let resolver = HTTPKeyResolver(transport: RefreshingSender(signing: signing, sender: sender),
                                       cache: SQLPublicKeyCache(database: database), logger: logger)
        let readers = AuthorisedReaders(verifier: SignatureVerifier(baseURL: base, resolver: resolver), followers: store,
                                        outbox: store, peers: configuration.calendarPeers + configuration.marketPeers)
        return (readers, TransportShutdownService(transport: transport))
    }
}

/// The actor's current RSA key for `SignedSender`, which reads it synchronously at each send;
/// refreshed from the keyring (re-read when `keys rotate` changes it) before each fetch.
final class CurrentSigningKey: @unchecked Sendable {
    // Safe: `state` is only read and written while holding `lock`.
    private let lock = NSLock()
    private var state: (keyID: String, key: SigningKey)
    private let keyring: ReloadingKeyring
    private let urls: ActorURLs

    /// Starts from `initial` (loaded at start-up), then follows `keyring`.
    init(initial: ActorKeyring, keyring: ReloadingKeyring, urls: ActorURLs) {
        self.state = (urls.key(id: initial.current.id), initial.current.key)
        self.keyring = keyring
        self.urls = urls
    }

    /// Re-reads the keyring (cheap unless it changed).
    func refresh() async throws {
        let current = try await keyring.current().current
        let next = (urls.key(id: current.id), current.key)
        lock.withLock { state = next }
    }

    /// The current key's IRI.
    var keyID: String { lock.withLock { state.keyID } }

    /// The current key.
    var key: SigningKey { lock.withLock { state.key } }
}

/// A `SignedSender` that refreshes the signing key before each request.
struct RefreshingSender: HTTPTransport {
    let signing: CurrentSigningKey
    let sender: SignedSender

    func send(_ request: OutboundRequest) async throws(TransportError) -> OutboundResponse {
        do {
            try await signing.refresh()
        } catch {
            throw TransportError(.network("the actor's keys could not be read: \(error)"), url: request.url.absoluteString)
        }
        return try await sender.send(request)
    }
}

/// Shuts a transport's connection pools down when the app stops gracefully.
struct TransportShutdownService: Service {
    let transport: GuardedTransport

    func run() async throws {
        try? await gracefulShutdown()
        await transport.shutdown()
    }
}
