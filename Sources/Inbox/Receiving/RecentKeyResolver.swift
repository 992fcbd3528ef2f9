import ActorIdentity
import Foundation
import Synchronization

/// Keeps recently used signers' keys in memory for a short time in front of the durable
/// resolver, so a busy peer's activities cost no database read and PEM parse each. A refresh
/// (after a signature failed to verify) always goes to the resolver behind.
public final class RecentKeyResolver: PublicKeyResolving {
    private let resolver: any PublicKeyResolving
    private let lifetime: TimeInterval
    private let capacity: Int
    private let keys = Mutex<[String: (key: ResolvedKey, until: Date)]>([:])

    /// Keys from `resolver`, remembered for `lifetime` seconds, at most `capacity` of them.
    public init(resolver: any PublicKeyResolving, lifetime: TimeInterval = 60, capacity: Int = 10_000) {
        self.resolver = resolver
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The remembered key unless `refresh` or expired; else the resolver's, remembered.
    public func resolve(keyID: String, refresh: Bool) async throws(KeyResolutionError) -> ResolvedKey {
        let now = Date()
        if !refresh, let hit = keys.withLock({ $0[keyID] }), hit.until > now { return hit.key }
        let key = try await resolver.resolve(keyID: keyID, refresh: refresh)
        keys.withLock { keys in
            if keys.count >= capacity { keys = keys.filter { $0.value.until > now } }
            if keys.count < capacity { keys[keyID] = (key, now.addingTimeInterval(lifetime)) }
        }
        return key
    }
}
