import ActorIdentity
import Foundation

/// The keyring in `CART_KEYS_DIR`, loaded again only when the directory changed (`keys rotate`
/// in another process adds a key file and renames the pointer, both of which move the
/// directory's modification time) or the copy is older than `maxAge`. Loading parses every
/// private key and costs milliseconds; `GET /actor` would otherwise pay that on each request.
public actor ReloadingKeyring {
    private let directory: URL
    private let maxAge: TimeInterval
    private var cache: (stamp: Date, loadedAt: Date, keyring: ActorKeyring)?

    /// A reader of `directory`; `maxAge` bounds how long a change the directory's time does not
    /// show (a key file's permissions) can go unseen.
    public init(directory: URL, maxAge: TimeInterval = 30) {
        self.directory = directory
        self.maxAge = maxAge
    }

    /// The keyring as it is on disk now.
    public func current() throws -> ActorKeyring {
        let now = Date()
        let stamp = (try? FileManager.default.attributesOfItem(atPath: directory.path))?[.modificationDate] as? Date
        if let cache, let stamp, cache.stamp == stamp, now.timeIntervalSince(cache.loadedAt) < maxAge {
            return cache.keyring
        }
        let keyring = try ActorKeyring.load(from: directory)
        // A change within the same clock tick as `stamp` would not move it, so a directory
        // touched in the last second is not cached.
        if let stamp, now.timeIntervalSince(stamp) > 1 {
            cache = (stamp, now, keyring)
        } else {
            cache = nil
        }
        return keyring
    }
}
