import Foundation

/// Something that happened to the shop's records, stored in the same transaction as the change
/// (the outbox publishes it later as an activity).
public struct DomainEvent: Sendable, Equatable {
    /// Unique id; the published activity derives its id from it.
    public var id: UUID
    /// What happened, dotted: `order.created`, `actor.updated`.
    public var kind: String
    /// What it happened to (an order id, an IRI).
    public var subject: String
    /// Details as JSON bytes, shaped by `kind`.
    public var payload: [UInt8]
    /// When it happened.
    public var occurredAt: Date

    /// An event; see the properties.
    public init(id: UUID = UUID(), kind: String, subject: String, payload: [UInt8], occurredAt: Date) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.payload = payload
        self.occurredAt = occurredAt
    }
}
