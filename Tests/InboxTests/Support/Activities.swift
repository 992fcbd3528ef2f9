import ActorIdentity
import Foundation
import TestSupport

/// Activities as the calendar, the market and other servers send them, in the contract's
/// compaction (prefixed `rose:` terms under the contract's context) unless a test says otherwise.
enum Activities {
    static let context: JSONValue = [
        "https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1",
        ["rose": "https://rose-ash.com/ns#", "rose:page": ["@type": "@id"], "rose:entry": ["@type": "@id"]],
    ]
    /// The sample page every test configures.
    static let pageIRI = "https://blog.example/pages/market-day"

    static func money(_ minor: Int64, _ currency: String = "GBP") -> JSONValue {
        ["type": "rose:Money", "rose:currency": .string(currency), "rose:minorUnits": .integer(minor)]
    }

    static func follow(from peer: TestPeer, of object: String, id: String? = nil) -> JSONValue {
        ["@context": context, "id": .string(id ?? peer.newID()), "type": "Follow", "actor": .string(peer.actor), "object": .string(object)]
    }

    static func undoFollow(from peer: TestPeer, of object: String, followID: String) -> JSONValue {
        ["@context": context, "id": .string(peer.newID()), "type": "Undo", "actor": .string(peer.actor),
         "object": ["id": .string(followID), "type": "Follow", "actor": .string(peer.actor), "object": .string(object)]]
    }

    static func cart(customer: String) -> JSONValue { ["type": "rose:Cart", "rose:customer": .string(customer)] }
    static func cart(handle: String) -> JSONValue { ["type": "rose:Cart", "rose:handle": .string(handle)] }

    static func entry(_ peer: TestPeer, id: String, name: String = "Pottery class", price: Int64 = 1200, currency: String = "GBP") -> JSONValue {
        ["id": .string(id), "type": "rose:CalendarEntry", "name": .string(name),
         "startTime": "2026-12-01T10:00:00Z", "endTime": "2026-12-01T12:00:00Z",
         "rose:page": .string(pageIRI), "rose:price": money(price, currency)]
    }

    static func ticket(_ peer: TestPeer, id: String, entry: String, quantity: Int64) -> JSONValue {
        ["id": .string(id), "type": "rose:Ticket", "name": "Concert seat", "rose:entry": .string(entry),
         "startTime": "2026-12-02T19:00:00Z", "endTime": "2026-12-02T22:00:00Z",
         "rose:page": .string(pageIRI), "rose:price": money(800), "rose:quantity": .integer(quantity)]
    }

    static func add(from peer: TestPeer, object: JSONValue, target: JSONValue, id: String? = nil) -> JSONValue {
        ["@context": context, "id": .string(id ?? peer.newID()), "type": "Add", "actor": .string(peer.actor),
         "object": object, "target": target]
    }

    static func remove(from peer: TestPeer, item: String, target: JSONValue) -> JSONValue {
        ["@context": context, "id": .string(peer.newID()), "type": "Remove", "actor": .string(peer.actor),
         "object": .string(item), "target": target]
    }

    static func adopt(from peer: TestPeer, handle: String, user: String) -> JSONValue {
        ["@context": context, "id": .string(peer.newID()), "type": "rose:Adopt", "actor": .string(peer.actor),
         "object": cart(handle: handle), "target": .string(user)]
    }

    static func product(_ peer: TestPeer, id: String, name: String = "Oat milk", price: Int64 = 350, currency: String = "GBP",
                        updated: String = "2026-11-01T00:00:00Z", page: String = pageIRI) -> JSONValue {
        ["id": .string(id), "type": "rose:Product", "name": .string(name), "rose:page": .string(page),
         "rose:price": money(price, currency), "rose:available": 12, "updated": .string(updated)]
    }

    static func create(from peer: TestPeer, object: JSONValue, type: String = "Create") -> JSONValue {
        ["@context": context, "id": .string(peer.newID()), "type": .string(type), "actor": .string(peer.actor), "object": object]
    }

    static func delete(from peer: TestPeer, object: String) -> JSONValue {
        ["@context": context, "id": .string(peer.newID()), "type": "Delete", "actor": .string(peer.actor), "object": .string(object)]
    }

    static func answer(from peer: TestPeer, accepted: Bool, object: JSONValue) -> JSONValue {
        ["@context": context, "id": .string(peer.newID()), "type": .string(accepted ? "Accept" : "Reject"),
         "actor": .string(peer.actor), "object": object]
    }

    static func like(from peer: TestPeer, object: String) -> JSONValue {
        ["@context": context, "id": .string(peer.newID()), "type": "Like", "actor": .string(peer.actor), "object": .string(object)]
    }
}
