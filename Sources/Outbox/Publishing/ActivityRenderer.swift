import ActorIdentity
import Commerce
import Foundation

/// Turns a domain event into its activity (contract §4): one event, one activity, id
/// `BASE/activities/{event id}`, `@context` first, `published` the event's time.
public struct ActivityRenderer: Sendable {
    /// The actor's IRIs.
    public let urls: ActorURLs
    /// The actor's `Service` object as served now (for `Update{Service}`).
    public let actorObject: @Sendable () async throws -> JSONValue

    /// A renderer for the actor at `urls`.
    public init(urls: ActorURLs, actorObject: @escaping @Sendable () async throws -> JSONValue) {
        self.urls = urls
        self.actorObject = actorObject
    }

    /// The activity for `event`; throws `RenderError` for an unknown kind or a bad payload (the
    /// event never gets an activity), any other error when the actor document could not be read
    /// now (try again later).
    public func render(_ event: DomainEvent) async throws -> RenderedActivity {
        if event.kind == DomainEventKind.actorUpdated {
            let object = try await actorObject()
            return activity(event, type: "Update", orderID: nil, isCreate: false, audience: .followers(cc: []),
                            to: [urls.followers], cc: [], extra: [("object", object)])
        }
        do {
            switch event.kind {
            case DomainEventKind.orderCreated:
                let order = try OrderSnapshot(payload: event.payload)
                return orderActivity(event, order, type: "Create", extra: [("object", OrderObject.json(order, urls: urls))])
            case DomainEventKind.orderPaid:
                let order = try OrderSnapshot(payload: event.payload)
                return orderActivity(event, order, type: "rose:OrderPaid", extra: [
                    ("object", .string(urls.orderIRI(order.id))), ("rose:total", OrderObject.money(order.total)),
                    ("rose:paymentReference", order.paymentReference.map(JSONValue.string)),
                ])
            case DomainEventKind.orderExpired, DomainEventKind.orderCancelled, DomainEventKind.orderRefunded:
                let order = try OrderSnapshot(payload: event.payload)
                let type = ["order.expired": "rose:OrderExpired", "order.cancelled": "rose:OrderCancelled"][event.kind] ?? "rose:OrderRefunded"
                let total = event.kind == DomainEventKind.orderRefunded ? (order.refunded ?? order.total) : order.total
                return orderActivity(event, order, type: type, extra: [
                    ("object", .string(urls.orderIRI(order.id))), ("rose:total", OrderObject.money(total)),
                ])
            case DomainEventKind.followAccepted, DomainEventKind.followRejected:
                let decision = try EventPayload.decode(FollowDecision.self, from: event.payload)
                let type = event.kind == DomainEventKind.followAccepted ? "Accept" : "Reject"
                let follow: JSONValue = [
                    "id": .string(decision.follow.value), "type": "Follow",
                    "actor": .string(decision.follower.value), "object": .string(urls.actor),
                ]
                return direct(event, to: decision.follower, type: type, extra: [("object", follow)])
            case DomainEventKind.followSent:
                let intent = try EventPayload.decode(FollowIntent.self, from: event.payload)
                return direct(event, to: intent.object, type: "Follow", extra: [("object", .string(intent.object.value))])
            case DomainEventKind.followUndone:
                let intent = try EventPayload.decode(FollowIntent.self, from: event.payload)
                let follow: JSONValue = [
                    "id": .string(intent.follow.value), "type": "Follow",
                    "actor": .string(urls.actor), "object": .string(intent.object.value),
                ]
                return direct(event, to: intent.object, type: "Undo", extra: [("object", follow)])
            case DomainEventKind.calendarLineRemoved:
                let removal = try EventPayload.decode(CalendarLineRemoval.self, from: event.payload)
                let cart: JSONValue = .object(omittingNil: [
                    ("type", "rose:Cart"), ("rose:customer", removal.customer.map { .string($0.value) }),
                    ("rose:handle", removal.customer == nil ? removal.handle.map(JSONValue.string) : nil),
                ])
                return direct(event, to: removal.calendar, type: "Remove",
                              extra: [("object", .string(removal.item.value)), ("target", cart)])
            default:
                throw RenderError(eventID: event.id, kind: event.kind, problem: "no activity is defined for this kind")
            }
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError(eventID: event.id, kind: event.kind, problem: "payload does not decode: \(error)")
        }
    }

    private func orderActivity(_ event: DomainEvent, _ order: OrderSnapshot, type: String,
                               extra: [(String, JSONValue?)]) -> RenderedActivity {
        let cc = order.calendarActors
        return activity(event, type: type, orderID: order.id, isCreate: type == "Create", audience: .followers(cc: cc),
                        to: [urls.followers], cc: cc.map(\.value), extra: extra)
    }

    private func direct(_ event: DomainEvent, to recipient: IRI, type: String, extra: [(String, JSONValue?)]) -> RenderedActivity {
        activity(event, type: type, orderID: nil, isCreate: false, audience: .direct(recipient),
                 to: [recipient.value], cc: [], extra: extra)
    }

    private func activity(_ event: DomainEvent, type: String, orderID: UUID?, isCreate: Bool, audience: ActivityAudience,
                          to: [String], cc: [String], extra: [(String, JSONValue?)]) -> RenderedActivity {
        let members: [(String, JSONValue?)] = [
            ("id", .string(urls.activityIRI(event.id))), ("type", .string(type)), ("actor", .string(urls.actor)),
            ("to", .array(to.map(JSONValue.string))), ("cc", cc.isEmpty ? nil : .array(cc.map(JSONValue.string))),
            ("published", .string(OrderObject.timestamp(event.occurredAt))),
        ] + extra
        return RenderedActivity(eventID: event.id, eventKind: event.kind, type: type, orderID: orderID, isOrderCreate: isCreate,
                                audience: audience, document: ActivityContext.withContext(.object(omittingNil: members)),
                                published: event.occurredAt)
    }
}

/// A domain event that has no activity (unknown kind, undecodable payload); the publisher marks
/// it published without sending anything and logs this.
public struct RenderError: Error, Sendable, CustomStringConvertible {
    /// The event.
    public var eventID: UUID
    /// Its kind.
    public var kind: String
    /// What is wrong.
    public var problem: String

    /// One line for logs.
    public var description: String { "event \(eventID) (\(kind)) has no activity: \(problem)" }
}
