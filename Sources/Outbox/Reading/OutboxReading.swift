import Commerce
import Foundation

/// What the routes, the CLI and the metrics read from the outbox ledger (issue 5 items 6-7).
/// Implemented by Storage's `SQLOutboxStore` for SQLite and PostgreSQL.
public protocol OutboxReading: Sendable {
    /// Published activities addressed to the followers collection (`toFollowers`), newest first,
    /// strictly after `cursor` in that order (nil: from the newest), at most `limit`.
    func activities(after cursor: ActivityCursor?, limit: Int) async throws -> [PublishedActivity]
    /// How many activities `activities(after:limit:)` can list in all.
    func activityCount() async throws -> Int
    /// Any published activity by its id (domain event id), whoever it was addressed to.
    func activity(id: UUID) async throws -> PublishedActivity?
    /// The order as last published: the `OrderSnapshot` payload of the newest published
    /// `order.*` domain event about `orderID`; nil when none was published (the order is unknown
    /// to the federation, so `GET /orders/{id}` as activity+json answers 404).
    func orderSnapshot(orderID: UUID) async throws -> OrderSnapshot?

    /// Deliveries matching `filter`, newest first.
    func deliveries(_ filter: DeliveryFilter) async throws -> [DeliveryRecord]
    /// Deliveries per state, every state present (0 when none): the queue depth.
    func deliveryCounts() async throws -> [DeliveryState: Int]
    /// Makes one failed or dead delivery due at `now` with a fresh attempt budget (and, for a
    /// dead one, its dead successors of the same order and inbox). False when there is no such
    /// delivery or it is pending, in flight or delivered.
    func retry(delivery id: UUID, now: Date) async throws -> Bool
    /// Makes every failed or dead delivery to `host` due at `now`, closes its breaker and
    /// clears its unavailable mark; returns how many deliveries changed.
    func retry(host: String, now: Date) async throws -> Int
    /// Hosts with an open breaker, an unavailable mark, or failed or dead deliveries, worst first.
    func troubledHosts() async throws -> [HostHealth]

    /// True when an accepted follower's actor IRI is on `origin` (`scheme://host[:port]`,
    /// lower-case): any actor there may read the collections (contract §3, authorised reader).
    func hasAcceptedFollower(onOrigin origin: String) async throws -> Bool
}
