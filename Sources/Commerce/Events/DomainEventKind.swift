/// The `kind`s of domain events and what their payload holds. The outbox turns each into one
/// activity (contract §4); adding a kind means adding its activity there.
public enum DomainEventKind {
    /// Payload `OrderSnapshot`; subject the order id. -> `Create{rose:Order}`.
    public static let orderCreated = "order.created"
    /// Payload `OrderSnapshot` with `paymentReference`. -> `rose:OrderPaid`.
    public static let orderPaid = "order.paid"
    /// Payload `OrderSnapshot`. -> `rose:OrderExpired`.
    public static let orderExpired = "order.expired"
    /// Payload `OrderSnapshot`. -> `rose:OrderCancelled`.
    public static let orderCancelled = "order.cancelled"
    /// Payload `OrderSnapshot` with `refunded`. -> `rose:OrderRefunded`.
    public static let orderRefunded = "order.refunded"
    /// Payload `CalendarLineRemoval`; subject the item IRI. -> `Remove` to that calendar.
    public static let calendarLineRemoved = "calendar.line_removed"
    /// Payload `FollowDecision`; subject the follower IRI. -> `Accept{Follow}` to the follower.
    public static let followAccepted = "follow.accepted"
    /// Payload `FollowDecision`; subject the follower IRI. -> `Reject{Follow}` to the follower.
    public static let followRejected = "follow.rejected"
    /// Payload `FollowIntent`; subject the followed IRI. -> our `Follow` to that actor.
    public static let followSent = "follow.sent"
    /// Payload `FollowIntent`; subject the followed IRI. -> `Undo{Follow}` to that actor.
    public static let followUndone = "follow.undone"
    /// Payload empty; subject the actor IRI. -> `Update{Service}` to followers (key rotation).
    public static let actorUpdated = "actor.updated"
}
