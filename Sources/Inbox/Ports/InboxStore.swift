import Commerce
import Foundation

/// The durable inbox (Storage implements it): every accepted activity is stored once, forever, by
/// its `id` (permanent deduplication) and queued until a worker has handled it.
public protocol InboxStore: Sendable {
    /// Stores and queues `activity` unless its id was seen before; true when it is new. With
    /// `leasedUntil` the row is stored already claimed (one attempt) until then: the caller hands
    /// it to its own worker in memory (`InboxHandoff`); others may claim it once the lease ends.
    func enqueue(_ activity: QueuedActivity, leasedUntil: Date?) async throws -> Bool
    /// Up to `limit` queued activities due at `now`, oldest first, leased for `lease` seconds (a
    /// worker that dies mid-way leaves them to be claimed again when the lease ends).
    func claim(limit: Int, now: Date, lease: TimeInterval) async throws -> [QueuedActivity]
    /// Marks activities handled for good, with what came of each (one transaction).
    func finish(_ outcomes: [(id: String, outcome: String)], now: Date) async throws
    /// Records a run of Follows exactly as `FollowerRegistry.receiveFollow` would, in order, and
    /// marks each activity finished with its outcome, all in ONE transaction (the follower
    /// registry lives in the same database): a flood of Follows costs one commit per batch.
    func recordFollows(_ follows: [FollowRecord], now: Date) async throws
    /// Makes leased activities that were not handled due at once, their attempt uncounted.
    func release(ids: [String]) async throws
    /// Puts an activity back in the queue until `at` after a failure worth retrying.
    func retry(id: String, at: Date, error: String) async throws
    /// Activities still queued (the backlog).
    func depth() async throws -> Int
    /// The order an Accept/Reject names and the calendars holding its entries or tickets; nil
    /// when no such order (or activity of an order) exists.
    func orderHold(_ target: OrderTarget) async throws -> OrderHold?
}

extension InboxStore {
    /// Stores and queues `activity`, due at once, unless its id was seen before; true when new.
    public func enqueue(_ activity: QueuedActivity) async throws -> Bool {
        try await enqueue(activity, leasedUntil: nil)
    }
}

/// One stored activity as queued.
public struct QueuedActivity: Sendable, Equatable {
    /// The activity's `id` (the deduplication key).
    public var id: String
    /// Its `actor`.
    public var actor: String
    /// Its short type (`Follow`, `rose:Adopt`) for metrics and operators.
    public var type: String
    /// The raw body, exactly as received.
    public var body: [UInt8]
    /// When it was accepted.
    public var receivedAt: Date
    /// Handling attempts so far.
    public var attempts: Int

    /// A queued activity; see the properties.
    public init(id: String, actor: String, type: String, body: [UInt8], receivedAt: Date, attempts: Int = 0) {
        self.id = id
        self.actor = actor
        self.type = type
        self.body = body
        self.receivedAt = receivedAt
        self.attempts = attempts
    }
}

/// An order and the calendar actors that may answer for it.
public struct OrderHold: Sendable, Equatable {
    /// The order's id.
    public var orderID: UUID
    /// Calendars owning an entry or ticket of the order.
    public var calendars: [IRI]

    /// A hold; see the properties.
    public init(orderID: UUID, calendars: [IRI]) {
        self.orderID = orderID
        self.calendars = calendars
    }
}
