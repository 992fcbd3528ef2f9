import Commerce
import Foundation

/// What the inbox needs of the follower registry (the outbox's `FollowerRegistry`, adapted by
/// `RegistryFollowers`): kept this narrow so the inbox's checks read as the contract.
public protocol InboxFollowers: Sendable {
    /// Whether `actor` is an accepted follower.
    func isFollower(_ actor: IRI) async throws -> Bool
    /// Whether we sent `actor` a Follow (their Accept/Reject is then expected).
    func isFollowedByUs(_ actor: IRI) async throws -> Bool
    /// Someone's Follow: accepted at once when `autoAccept`, else pending.
    func receiveFollow(actor: IRI, followID: IRI, autoAccept: Bool, now: Date) async throws
    /// Undo{Follow} or the actor's Delete of itself: the actor no longer follows; `followID`, when
    /// given, must be the Follow being undone.
    func remove(actor: IRI, followID: String?) async throws -> Bool
    /// Their answer to our Follow.
    func recordAnswerToOurFollow(actor: IRI, accepted: Bool, now: Date) async throws
}

/// What the inbox needs of checkout: a calendar's answer to an order's hold (`OrderService`).
public protocol CalendarAnswers: Sendable {
    /// Applies the answer of `calendar` for `orderID`.
    func calendarAnswered(orderID: UUID, calendar: IRI, accepted: Bool) async throws -> CalendarAnswerOutcome
}

extension OrderService: CalendarAnswers {}
