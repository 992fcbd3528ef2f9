import Commerce
import Foundation

/// Who follows the actor and whom the actor follows. Every change that must reach another
/// server records its domain event in the same transaction (the publisher sends it later).
public protocol FollowerRegistry: Sendable {
    /// Someone's `Follow`. `autoAccept`: accepted at once and a `follow.accepted` event recorded
    /// (same transaction); else pending. A repeat keeps the state (and re-sends the `Accept` when
    /// already accepted, so a peer that lost it learns again), except that a pending request is
    /// accepted when `autoAccept` (a peer configured after it first asked).
    func receiveFollow(actor: IRI, followID: IRI, autoAccept: Bool, now: Date) async throws -> FollowState
    /// Pending -> accepted, with a `follow.accepted` event; false when there was nothing pending.
    func approve(actor: IRI, now: Date) async throws -> Bool
    /// Pending or accepted -> gone, with a `follow.rejected` event; false when unknown.
    func reject(actor: IRI, now: Date) async throws -> Bool
    /// Forgets a follower without answering (`Undo{Follow}`, `Delete`, 410, `peers remove`).
    func remove(actor: IRI) async throws -> Bool
    /// One follower or follow request.
    func follower(actor: IRI) async throws -> Follower?
    /// Followers by actor IRI, ascending, after the cursor `after` (an actor IRI).
    func followers(state: FollowState?, after: String?, limit: Int) async throws -> [Follower]
    /// How many followers (of one state, or all).
    func count(state: FollowState?) async throws -> Int
    /// We follow `actor`: records our follow (pending) and a `follow.sent` event. Following an
    /// actor already followed (pending or accepted) changes nothing.
    func follow(actor: IRI, now: Date) async throws
    /// We stop following `actor`: forgets our follow and records `follow.undone` (nothing when
    /// we did not follow it).
    func unfollow(actor: IRI, now: Date) async throws
    /// `actor` answered our `Follow` (`Accept` or `Reject`).
    func recordAnswerToOurFollow(actor: IRI, accepted: Bool, now: Date) async throws
    /// Everyone we follow or asked to follow, by actor IRI.
    func ourFollows() async throws -> [OurFollow]
}
