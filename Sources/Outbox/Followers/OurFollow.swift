import Commerce
import Foundation

/// Where our own `Follow` of another actor stands.
public enum OurFollowState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Sent (or about to be); no answer yet.
    case pending
    /// They sent `Accept`.
    case accepted
    /// They sent `Reject`; `peers follow` again to retry.
    case rejected
}

/// An actor we follow or asked to follow.
public struct OurFollow: Sendable, Hashable {
    /// The followed actor.
    public var actor: IRI
    /// The id of our `Follow` activity (`BASE/activities/{event id}`).
    public var followID: IRI
    /// Their answer so far.
    public var state: OurFollowState
    /// When we sent the follow.
    public var since: Date
    /// When they answered, if they did.
    public var answeredAt: Date?

    /// A follow; see the properties.
    public init(actor: IRI, followID: IRI, state: OurFollowState, since: Date, answeredAt: Date? = nil) {
        self.actor = actor
        self.followID = followID
        self.state = state
        self.since = since
        self.answeredAt = answeredAt
    }
}
