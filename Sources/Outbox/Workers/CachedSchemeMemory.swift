import ActorIdentity
import Foundation

/// Keeps the signature scheme each origin accepted in memory in front of the stored memory, so
/// a delivery does not read the database before every send. Entries expire after `ttl` so a
/// scheme learnt by another instance is picked up; a stale entry only costs a second knock.
public actor CachedSchemeMemory: SignatureSchemeMemory {
    private let stored: any SignatureSchemeMemory
    private let ttl: TimeInterval
    private var entries: [String: (scheme: String?, readAt: Date)] = [:]

    /// A cache over `stored`.
    public init(_ stored: any SignatureSchemeMemory, ttl: TimeInterval = 300) {
        self.stored = stored
        self.ttl = ttl
    }

    /// The scheme for `origin`, from memory when read recently.
    public func scheme(forOrigin origin: String) async throws -> String? {
        if let entry = entries[origin], Date().timeIntervalSince(entry.readAt) < ttl { return entry.scheme }
        let scheme = try await stored.scheme(forOrigin: origin)
        entries[origin] = (scheme, Date())
        return scheme
    }

    /// Records `scheme` for `origin` in memory and in the stored memory.
    public func remember(scheme: String, forOrigin origin: String) async throws {
        entries[origin] = (scheme, Date())
        try await stored.remember(scheme: scheme, forOrigin: origin)
    }
}
