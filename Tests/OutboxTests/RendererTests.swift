import ActorIdentity
import Commerce
import Foundation
import Outbox
import Testing

/// Activities as contract §4 shapes them.
@Suite("Activity renderer")
struct RendererTests {
    let renderer = ActivityRenderer(urls: OutboxHarness.urls) { ["id": .string(OutboxHarness.urls.actor), "type": "Service"] }
    let calendar = IRI("https://calendar.test/actor")

    @Test func createCarriesTheFullOrderToFollowersAndCalendars() async throws {
        let order = try Orders.snapshot(calendar: calendar)
        let event = DomainEvent(kind: DomainEventKind.orderCreated, subject: order.id.uuidString, payload: try order.payload(),
                                occurredAt: Date(timeIntervalSince1970: 1_800_000_000))
        let activity = try await renderer.render(event)
        let json = activity.document
        #expect(activity.type == "Create" && activity.isOrderCreate && activity.orderID == order.id)
        #expect(activity.audience == .followers(cc: [try #require(calendar)]))
        #expect(json["@context"] == ActivityContext.value)
        #expect(json["id"]?.stringValue == "https://shop.test/activities/\(event.id.uuidString.lowercased())")
        #expect(json["to"] == ["https://shop.test/followers"])
        #expect(json["cc"] == ["https://calendar.test/actor"])
        #expect(json["published"]?.stringValue == "2027-01-15T08:00:00Z")
        let object = try #require(json["object"])
        #expect(object["id"]?.stringValue == "https://shop.test/orders/\(order.id.uuidString.lowercased())")
        #expect(object["type"]?.stringValue == "rose:Order")
        #expect(object["rose:orderNumber"] == .integer(1042))
        #expect(object["rose:status"]?.stringValue == "awaiting_payment")
        #expect(object["rose:customer"]?.stringValue == "https://account.test/users/alice")
        #expect(object["rose:holdUntil"]?.stringValue == "2027-01-15T08:15:00Z")
        #expect(object["rose:total"] == ["type": "rose:Money", "rose:currency": "GBP", "rose:minorUnits": 1550])
        let items = try #require(object["rose:items"]?.arrayValue)
        #expect(items.count == 2)
        #expect(items[0]["rose:product"]?.stringValue == "https://market.test/products/7")
        #expect(items[1]["rose:entry"]?.stringValue == "https://calendar.test/entries/31")
        #expect(items[1]["rose:unitPrice"] == ["type": "rose:Money", "rose:currency": "GBP", "rose:minorUnits": 1200])
        #expect(!activity.document.serialized().contains("Public"), "never as:Public")
    }

    @Test func paidNamesTheOrderTotalAndReference() async throws {
        let order = Orders.paid(try Orders.snapshot())
        let activity = try await renderer.render(DomainEvent(kind: DomainEventKind.orderPaid, subject: order.id.uuidString,
                                                             payload: try order.payload(), occurredAt: Date()))
        #expect(activity.document["type"]?.stringValue == "rose:OrderPaid")
        #expect(activity.document["object"]?.stringValue == OutboxHarness.urls.orderIRI(order.id))
        #expect(activity.document["rose:paymentReference"]?.stringValue == order.paymentReference)
        #expect(activity.document["rose:total"]?["rose:minorUnits"] == .integer(350))
        #expect(!activity.isOrderCreate && activity.orderID == order.id)
    }

    @Test func acceptGoesToTheFollowerOnly() async throws {
        let follower = try #require(IRI("https://peer.test/users/bob"))
        let follow = try #require(IRI("https://peer.test/follows/9"))
        let payload = try EventPayload.encode(FollowDecision(follower: follower, follow: follow))
        let activity = try await renderer.render(DomainEvent(kind: DomainEventKind.followAccepted, subject: follower.value,
                                                             payload: payload, occurredAt: Date()))
        #expect(activity.audience == .direct(follower))
        #expect(activity.document["to"] == ["https://peer.test/users/bob"])
        #expect(activity.document["object"]?["id"]?.stringValue == follow.value)
        #expect(activity.document["object"]?["object"]?.stringValue == OutboxHarness.urls.actor)
        #expect(!activity.toFollowers)
    }

    @Test func removeNamesTheCartByHandleForAnonymousBuyers() async throws {
        let removal = CalendarLineRemoval(item: try #require(IRI("https://calendar.test/entries/31")),
                                          calendar: try #require(calendar), customer: nil, handle: "h-123")
        let activity = try await renderer.render(DomainEvent(kind: DomainEventKind.calendarLineRemoved, subject: removal.item.value,
                                                             payload: try EventPayload.encode(removal), occurredAt: Date()))
        #expect(activity.type == "Remove")
        #expect(activity.document["target"] == ["type": "rose:Cart", "rose:handle": "h-123"])
        #expect(activity.audience == .direct(try #require(calendar)))
    }

    @Test func updateCarriesTheActorDocumentToFollowers() async throws {
        let activity = try await renderer.render(DomainEvent(kind: DomainEventKind.actorUpdated, subject: OutboxHarness.urls.actor,
                                                             payload: [], occurredAt: Date()))
        #expect(activity.type == "Update" && activity.toFollowers)
        #expect(activity.document["object"]?["type"]?.stringValue == "Service")
        #expect(activity.document["to"] == ["https://shop.test/followers"])
    }

    @Test func anUnreadableActorDocumentIsRetriedNotSkipped() async throws {
        struct KeysUnreadable: Error {}
        let failing = ActivityRenderer(urls: OutboxHarness.urls) { throw KeysUnreadable() }
        await #expect(throws: KeysUnreadable.self) {
            try await failing.render(DomainEvent(kind: DomainEventKind.actorUpdated, subject: "x", payload: [], occurredAt: Date()))
        }
    }

    @Test func unknownKindsAndBadPayloadsAreRefused() async throws {
        await #expect(throws: RenderError.self) {
            try await renderer.render(DomainEvent(kind: "order.teleported", subject: "x", payload: [], occurredAt: Date()))
        }
        await #expect(throws: RenderError.self) {
            try await renderer.render(DomainEvent(kind: DomainEventKind.orderPaid, subject: "x", payload: Array("{}".utf8), occurredAt: Date()))
        }
    }
}
