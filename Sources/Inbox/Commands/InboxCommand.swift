import Commerce
import Foundation

/// What a received activity asks of the shop, read and checked; the worker carries it out.
public enum InboxCommand: Sendable, Equatable {
    /// Someone's `Follow` of our actor (`id` of the Follow).
    case follow(followID: IRI)
    /// `Undo{Follow}`: stop following; the Follow's id when known.
    case undoFollow(followID: String?)
    /// The actor's `Delete` of itself.
    case deleteActor
    /// `Accept`/`Reject` of a Follow we sent.
    case answerToOurFollow(accepted: Bool)
    /// Calendar: an entry or ticket into a cart (ticket quantity set).
    case calendarAdd(CalendarItem, quantity: Int, cart: CartReference)
    /// Calendar: an entry or ticket out of a cart.
    case calendarRemove(IRI, cart: CartReference)
    /// Calendar: the anonymous cart of `handle` now belongs to `user`.
    case adopt(handle: String, user: IRI)
    /// Calendar: the hold of an order confirmed or refused.
    case orderAnswer(OrderTarget, accepted: Bool)
    /// Market: a product created or updated.
    case productUpsert(Product)
    /// Market: a product withdrawn.
    case productDelete(IRI)
    /// Understood but not handled (a follower's `Like`, a Follow of someone else).
    case ignored(String)
}

/// Which sender an activity kind needs (contract §4, "What the inbox accepts").
enum RequiredRole: Sendable, Equatable {
    /// Any signed actor (Follow, Undo{Follow}, own Delete).
    case anyone
    /// An actor we follow (their Accept/Reject of our Follow), or a peer.
    case followed
    /// A `CART_CALENDAR_PEERS` actor.
    case calendar
    /// A `CART_MARKET_PEERS` actor.
    case market
    /// A follower or a peer (everything else, answered 202 and ignored).
    case followerOrPeer
}

/// How an Accept/Reject names the order it answers.
public enum OrderTarget: Sendable, Equatable {
    /// The id of our `Create` activity: `BASE/activities/{domain event id}`.
    case activity(eventID: UUID)
    /// An embedded Create whose object is `BASE/orders/{order id}`.
    case order(UUID)
}
