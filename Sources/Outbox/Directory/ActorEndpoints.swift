import Foundation

/// Where a remote actor receives activities, from its actor document.
public struct ActorEndpoints: Sendable, Hashable {
    /// Its personal `inbox`.
    public var inbox: String
    /// `endpoints.sharedInbox`, when its server has one.
    public var sharedInbox: String?

    /// Endpoints; see the properties.
    public init(inbox: String, sharedInbox: String?) {
        self.inbox = inbox
        self.sharedInbox = sharedInbox
    }

    /// Where fan-out to followers goes: the shared inbox when there is one (one copy per server).
    public var preferredInbox: String { sharedInbox ?? inbox }
}

/// Endpoints as cached, with when they were fetched.
public struct CachedEndpoints: Sendable, Hashable {
    /// The endpoints.
    public var endpoints: ActorEndpoints
    /// When the actor document was fetched.
    public var fetchedAt: Date

    /// A cache entry; see the properties.
    public init(endpoints: ActorEndpoints, fetchedAt: Date) {
        self.endpoints = endpoints
        self.fetchedAt = fetchedAt
    }
}

/// The database cache of remote actors' endpoints (`remote_actors`).
public protocol RemoteActorCache: Sendable {
    /// The cached endpoints of each of `actors` that has some.
    func cachedEndpoints(of actors: [String]) async throws -> [String: CachedEndpoints]
    /// Stores (or replaces) the endpoints of `actor`.
    func storeEndpoints(_ endpoints: ActorEndpoints, of actor: String, fetchedAt: Date) async throws
}
