import Commerce
import Foundation
import Logging
import Transport

/// Finds where remote actors receive activities: a signed GET of the actor document (through
/// `SignedSender` over the guarded transport), `inbox` and `endpoints.sharedInbox`, cached in
/// the database. A cache entry older than `maxAge` is fetched again; when that fetch fails the
/// stale entry is still used (an actor's inbox rarely moves, a server is often briefly down).
public struct ActorDirectory: Sendable {
    private let transport: any HTTPTransport
    private let cache: any RemoteActorCache
    private let clock: any WallClock
    private let maxAge: TimeInterval
    private let logger: Logger

    /// A directory fetching through `transport` (a `SignedSender`) and caching in `cache`.
    public init(transport: any HTTPTransport, cache: any RemoteActorCache, clock: any WallClock = SystemWallClock(),
                maxAge: TimeInterval = 86_400, logger: Logger = Logger(label: "cart-actor.outbox.directory")) {
        self.transport = transport
        self.cache = cache
        self.clock = clock
        self.maxAge = maxAge
        self.logger = logger
    }

    /// The endpoints of `actor`, from the cache when fresh, else fetched.
    public func endpoints(of actor: IRI) async throws -> ActorEndpoints {
        let cached = try await cache.cachedEndpoints(of: [actor.value])[actor.value]
        return try await resolve(actor.value, cached: cached)
    }

    /// The endpoints of every actor that could be resolved (fetching at most `concurrency` at
    /// once), and the errors of those that could not.
    public func endpoints(of actors: [IRI], concurrency: Int = 8)
        async throws -> (found: [String: ActorEndpoints], failed: [String: ActorDirectoryError])
    {
        let names = Array(Set(actors.map(\.value))).sorted()
        let cached = try await cache.cachedEndpoints(of: names)
        var found: [String: ActorEndpoints] = [:]
        var missing: [String] = []
        let now = clock.now()
        for name in names {
            if let entry = cached[name], now.timeIntervalSince(entry.fetchedAt) < maxAge {
                found[name] = entry.endpoints
            } else {
                missing.append(name)
            }
        }
        var failed: [String: ActorDirectoryError] = [:]
        var next = missing.makeIterator()
        try await withThrowingTaskGroup(of: (String, Result<ActorEndpoints, ActorDirectoryError>).self) { group in
            func start() -> Bool {
                guard let name = next.next() else { return false }
                group.addTask { (name, await self.resolveResult(name, cached: cached[name])) }
                return true
            }
            for _ in 0..<max(1, concurrency) where !start() { break }
            while let (name, result) = try await group.next() {
                switch result {
                case .success(let endpoints): found[name] = endpoints
                case .failure(let error): failed[name] = error
                }
                _ = start()
            }
        }
        return (found, failed)
    }

    private func resolveResult(_ actor: String, cached: CachedEndpoints?) async -> Result<ActorEndpoints, ActorDirectoryError> {
        do {
            return .success(try await resolve(actor, cached: cached))
        } catch let error as ActorDirectoryError {
            return .failure(error)
        } catch {
            return .failure(ActorDirectoryError(actor: actor, reason: .invalidDocument("cache: \(error)")))
        }
    }

    /// Fresh cache entry, or a fetch (stored), or a stale entry when the fetch fails.
    private func resolve(_ actor: String, cached: CachedEndpoints?) async throws -> ActorEndpoints {
        let now = clock.now()
        if let cached, now.timeIntervalSince(cached.fetchedAt) < maxAge { return cached.endpoints }
        do {
            let endpoints = try await fetch(actor)
            try await cache.storeEndpoints(endpoints, of: actor, fetchedAt: now)
            return endpoints
        } catch let error as ActorDirectoryError {
            guard let cached else { throw error }
            logger.notice("using stale actor endpoints", metadata: ["actor": "\(actor)", "error": "\(error)"])
            return cached.endpoints
        }
    }

    /// A signed GET of the actor document.
    private func fetch(_ actor: String) async throws(ActorDirectoryError) -> ActorEndpoints {
        guard let url = URL(string: actor) else { throw ActorDirectoryError(actor: actor, reason: .invalidDocument("not a URL")) }
        let request = OutboundRequest(method: "GET", url: url, headers: [
            ("Accept", "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\""),
        ], maxResponseBytes: 512 * 1024)
        let response: OutboundResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw ActorDirectoryError(actor: actor, reason: .transport(error))
        }
        guard (200..<300).contains(response.status) else { throw ActorDirectoryError(actor: actor, reason: .status(response.status)) }
        return try ActorEndpointsParser.parse(response.body, actor: actor)
    }
}
