import Commerce
import Foundation

/// Where a follow request stands.
public enum FollowState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Waiting for `peers approve` (the actor approves followers manually).
    case pending
    /// A follower: receives order activities.
    case accepted
}

/// Someone who follows the actor, or asked to.
public struct Follower: Sendable, Hashable {
    /// The follower's actor IRI.
    public var actor: IRI
    /// The id of their `Follow` activity (the object of our `Accept`/`Reject`).
    public var followID: IRI
    /// Pending or accepted.
    public var state: FollowState
    /// When the follow request first arrived.
    public var since: Date

    /// A follower; see the properties.
    public init(actor: IRI, followID: IRI, state: FollowState, since: Date) {
        self.actor = actor
        self.followID = followID
        self.state = state
        self.since = since
    }
}
