@testable import ActorIdentity

/// A real in-process `PublicKeyResolving`: serves keys the tests generated, can hand out a
/// stale key until refreshed, or fail transiently. Counts calls.
actor LocalKeyDirectory: PublicKeyResolving {
    private var keys: [String: ResolvedKey] = [:]
    private var stale: [String: VerificationKey] = [:]
    private var transientFailure: String?
    private(set) var calls: [(keyID: String, refresh: Bool)] = []

    init(_ entries: [(keyID: String, ownerIRI: String, key: VerificationKey)] = []) {
        for entry in entries { keys[entry.keyID] = ResolvedKey(keyID: entry.keyID, ownerIRI: entry.ownerIRI, key: entry.key) }
    }

    /// Until a refresh, `keyID` resolves to `key` (as a cache holding a rotated-away key would).
    func serveStale(_ keyID: String, key: VerificationKey) { stale[keyID] = key }

    /// Every resolution fails with `.transient(reason)`.
    func failTransiently(_ reason: String) { transientFailure = reason }

    func resolve(keyID: String, refresh: Bool) async throws(KeyResolutionError) -> ResolvedKey {
        calls.append((keyID, refresh))
        if let transientFailure { throw .transient(transientFailure) }
        guard var resolved = keys[keyID] else { throw .notFound(keyID) }
        if refresh {
            stale[keyID] = nil
        } else if let old = stale[keyID] {
            resolved.key = old
        }
        return resolved
    }
}
