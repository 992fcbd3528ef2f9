import ActorIdentity
import Commerce
import Foundation

/// Who an activity goes to, as fan-out needs it.
public enum ActivityAudience: Sendable, Hashable {
    /// The accepted followers (shared inboxes preferred) and the `cc` actors.
    case followers(cc: [IRI])
    /// One actor, at its personal inbox (answers to follows, our follows, calendar removals).
    case direct(IRI)
}

/// A domain event as the activity the outbox stores and delivers.
public struct RenderedActivity: Sendable {
    /// The event it publishes (also the activity's id: `BASE/activities/{eventID}`).
    public var eventID: UUID
    /// The event's kind (`order.paid`).
    public var eventKind: String
    /// The activity's `type` (`Create`, `rose:OrderPaid`).
    public var type: String
    /// For order activities, the order (delivery ordering and `deliveries --order`).
    public var orderID: UUID?
    /// Whether this is the order's `Create` (the activity later ones of the order follow).
    public var isOrderCreate: Bool
    /// Recipients.
    public var audience: ActivityAudience
    /// The exact JSON document, `@context` first.
    public var document: JSONValue
    /// Its `published` time (the event's time).
    public var published: Date

    /// An activity; see the properties.
    public init(eventID: UUID, eventKind: String, type: String, orderID: UUID?, isOrderCreate: Bool,
                audience: ActivityAudience, document: JSONValue, published: Date) {
        self.eventID = eventID
        self.eventKind = eventKind
        self.type = type
        self.orderID = orderID
        self.isOrderCreate = isOrderCreate
        self.audience = audience
        self.document = document
        self.published = published
    }

    /// The bytes stored and sent (signed at send time over exactly these).
    public var body: [UInt8] { document.serializedBytes() }

    /// Whether it is addressed to the followers collection (listed in `/outbox`).
    public var toFollowers: Bool {
        if case .followers = audience { return true }
        return false
    }
}
