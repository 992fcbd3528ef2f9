import Foundation

/// One activity the outbox published, as the collections and the CLI read it back.
public struct PublishedActivity: Sendable, Equatable {
    /// The domain event's id; the activity's IRI is `BASE/activities/{id lower-case}`.
    public var id: UUID
    /// The activity's `type` as sent (`Create`, `rose:OrderPaid`, `Accept`…).
    public var type: String
    /// The domain event kind it came from (`order.created`, `follow.accepted`…).
    public var kind: String
    /// The order it concerns, for order activities.
    public var orderID: UUID?
    /// True when it is addressed to the followers collection (what `GET /outbox` lists);
    /// false for activities sent to one actor only (`Accept`, `Remove`, `Follow`…).
    public var toFollowers: Bool
    /// When it was published (its `published` property).
    public var published: Date
    /// The activity document exactly as delivered (JSON, with `@context`).
    public var json: [UInt8]

    /// An activity; see the properties.
    public init(id: UUID, type: String, kind: String, orderID: UUID?, toFollowers: Bool, published: Date, json: [UInt8]) {
        self.id = id
        self.type = type
        self.kind = kind
        self.orderID = orderID
        self.toFollowers = toFollowers
        self.published = published
        self.json = json
    }

    /// Where the next page of a newest-first listing starts, after this activity.
    public var cursor: ActivityCursor { ActivityCursor(published: published, id: id) }
}
