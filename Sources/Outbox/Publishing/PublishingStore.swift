import Commerce
import Foundation

/// One inbox an activity is delivered to.
public struct DeliveryTarget: Sendable, Hashable {
    /// The inbox URL (a shared inbox when the recipient's server has one).
    public var inbox: String
    /// `host[:port]` of the inbox, lower-cased: the unit of breakers, caps and availability.
    public var host: String

    /// A target for `inbox`; nil when it is not an http(s) URL with a host.
    public init?(inbox: String) {
        guard let components = URLComponents(string: inbox), let host = components.host?.lowercased(), !host.isEmpty,
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else { return nil }
        self.inbox = inbox
        self.host = host + (components.port.map { ":\($0)" } ?? "")
    }
}

/// How publishing one event ended.
public enum PublishOutcome: Sendable, Equatable {
    /// The activity and its `deliveries` rows were written and the event marked published.
    case published(deliveries: Int)
    /// The event is not the oldest unpublished one any more (another instance published it, or
    /// an older one appeared): read the events again.
    case notNext
}

/// What the publisher reads and writes (`SQLOutboxStore` implements it).
public protocol PublishingStore: Sendable {
    /// Up to `limit` unpublished domain events, oldest first.
    func unpublishedEvents(limit: Int) async throws -> [DomainEvent]
    /// The actor IRIs of accepted followers.
    func acceptedFollowerActors() async throws -> [IRI]
    /// In one transaction: checks `activity`'s event is still the oldest unpublished, drops
    /// targets on unavailable hosts, restricts a later order activity to the inboxes that have
    /// the order's `Create` (dead where an earlier one is dead), writes the activity and its
    /// deliveries, and marks the event published.
    func publish(_ activity: RenderedActivity, targets: [DeliveryTarget], now: Date) async throws -> PublishOutcome
    /// Marks an event that has no activity published (it is logged, never sent).
    func skip(eventID: UUID, now: Date) async throws
}
