import Commerce
import Foundation
import Outbox

/// The inbox's view of the outbox's `FollowerRegistry`.
public struct RegistryFollowers: InboxFollowers {
    let registry: any FollowerRegistry

    /// Adapts `registry`.
    public init(registry: any FollowerRegistry) { self.registry = registry }

    /// An accepted follower.
    public func isFollower(_ actor: IRI) async throws -> Bool {
        try await registry.follower(actor: actor)?.state == .accepted
    }

    /// Someone we sent a Follow (answered or not).
    public func isFollowedByUs(_ actor: IRI) async throws -> Bool {
        try await registry.ourFollows().contains { $0.actor == actor }
    }

    /// Passes the Follow on; the registry records the Accept event when `autoAccept`.
    public func receiveFollow(actor: IRI, followID: IRI, autoAccept: Bool, now: Date) async throws {
        _ = try await registry.receiveFollow(actor: actor, followID: followID, autoAccept: autoAccept, now: now)
    }

    /// Forgets the follower. The undone Follow's id is not compared: the signed actor itself says
    /// it no longer follows, whichever of its Follows it names.
    public func remove(actor: IRI, followID: String?) async throws -> Bool {
        try await registry.remove(actor: actor)
    }

    /// Records their answer to our Follow.
    public func recordAnswerToOurFollow(actor: IRI, accepted: Bool, now: Date) async throws {
        try await registry.recordAnswerToOurFollow(actor: actor, accepted: accepted, now: now)
    }
}
