import ActorIdentity
import Commerce
import Foundation
import Logging
import Outbox
import ServiceLifecycle
import Storage
import Transport

/// The outbox's write side in the app (issue 5): the publisher and the delivery workers, sending
/// through their own guarded transport (`CART_ALLOW_PRIVATE_NETWORKS` respected) signed with
/// the actor's current key, re-read from `CART_KEYS_DIR` so `keys rotate` applies at once.
enum OutboxSetup {
    /// The services for `configuration` (transport shutdown first, so it closes after the
    /// workers stop), or none without a base URL or readable keys (nothing federates then).
    static func services(configuration: AppConfiguration, database: Database, clock: any WallClock,
                         logger: Logger) throws -> [any Service] {
        guard let baseURL = configuration.baseURL, let keys = configuration.keysDirectory else { return [] }
        let urls = try ActorURLs(baseURL: baseURL)
        let directory = URL(fileURLWithPath: keys, isDirectory: true)
        guard let initial = try? ActorKeyring.load(from: directory) else {
            logger.warning("no readable keys in CART_KEYS_DIR: activities are not published", metadata: ["dir": "\(keys)"])
            return []
        }
        let keyring = ReloadingKeyring(directory: directory)
        let signing = CurrentSigningKey(initial: initial, keyring: keyring, urls: urls)
        let transport = GuardedTransport(allowPrivateNetworks: configuration.allowPrivateNetworks, logger: logger)
        let sender = RefreshingSender(signing: signing, sender: SignedSender(
            transport: transport, memory: CachedSchemeMemory(SQLSignatureSchemeMemory(database: database)),
            keyID: { signing.keyID }, key: { signing.key }, logger: logger))
        let store = SQLOutboxStore(database: database, urls: urls)
        let renderer = ActivityRenderer(urls: urls) {
            let keys = try await keyring.current()
            return ActorDocument(urls: urls, profile: ActorProfile(), currentKey: try PublishedKey(keys.current),
                                 ed25519PublicKey: keys.ed25519.key.publicKey.ed25519Raw).object
        }
        let wakeup = OutboxWakeup()
        let publisher = Publisher(store: store, renderer: renderer,
                                  directory: ActorDirectory(transport: sender, cache: store, clock: clock, logger: logger),
                                  clock: clock, wakeup: wakeup, logger: logger)
        let worker = DeliveryWorker(store: store, sender: sender, settings: WorkerSettings(), clock: clock,
                                    wakeup: wakeup, logger: logger)
        // PostgreSQL: other instances' publications wake this worker at once (LISTEN/NOTIFY).
        let notifications = OutboxNotifications(database: database, wakeup: wakeup, logger: logger)
        return [TransportShutdownService(transport: transport), publisher, worker, notifications]
    }
}
