import ActorIdentity
import Commerce
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Outbox
import Server
import Storage
import Testing
import TestSupport

/// `/outbox`, `/followers`, `/activities/{id}` and the activity+json `/orders/{id}` for
/// authorised readers only (contract §3), with signatures checked against keys fetched from a
/// loopback origin.
@Suite("Collections and authorised readers")
struct CollectionsTests {
    // MARK: Helpers

    /// Runs `body` against a test app whose ledger holds one published paid order, with the
    /// remote origin's `follower` accepted (and `pending` waiting) and `peers` configured.
    static func withLedger(_ backend: Backend, peers: (RemoteOrigin) -> [String] = { _ in [] },
                           followers: @escaping @Sendable (RemoteOrigin) -> [String] = { [$0.actor("alice")] },
                           _ body: @escaping @Sendable (any TestClientProtocol, RemoteOrigin, OrderSnapshot, [UUID]) async throws -> Void)
        async throws {
        let order = try CollectionsLedger.order()
        try await RemoteOrigin.run { origin in
            var configuration = TestApp.configuration()
            configuration.calendarPeers = peers(origin)
            let box = EventIDs()
            try await TestApp.run(backend, configuration, prepare: { database in
                await box.set(try await CollectionsLedger.publish(order, paid: true, in: database))
                let store = SQLOutboxStore(database: database, urls: CollectionsLedger.urls)
                for actor in followers(origin) {
                    let iri = try #require(IRI(actor))
                    _ = try await store.receiveFollow(actor: iri, followID: try #require(IRI(actor + "/follows/1")), autoAccept: true, now: Date())
                }
                let pending = try #require(IRI(origin.actor("pending-bob")))
                _ = try await store.receiveFollow(actor: pending, followID: try #require(IRI(pending.value + "/follows/1")), autoAccept: false, now: Date())
            }) { client in
                try await body(client, origin, order, await box.ids)
            }
        }
    }

    /// The response body as a JSON object.
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    // MARK: Tests

    @Test(arguments: Backend.available)
    func unsignedReaderSeesTotalItemsOnly(backend: Backend) async throws {
        try await Self.withLedger(backend) { client, _, _, _ in
            for path in ["/outbox", "/outbox?page=true", "/followers", "/followers?page=true"] {
                let response = try await client.execute(uri: path, method: .get, headers: [.accept: ActivityMediaType.activityJSON])
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == ActivityMediaType.activityJSON)
                let document = try Self.json(response)
                #expect(document["type"] as? String == "OrderedCollection", "\(path)")
                #expect(document["first"] == nil && document["orderedItems"] == nil, "\(path)")
            }
            let outbox = try Self.json(try await client.execute(uri: "/outbox", method: .get))
            #expect(outbox["totalItems"] as? Int == 2)
            let followers = try Self.json(try await client.execute(uri: "/followers", method: .get))
            #expect(followers["totalItems"] as? Int == 1, "the pending request is not counted")
        }
    }

    @Test(arguments: Backend.available)
    func followerReadsItems(backend: Backend) async throws {
        try await Self.withLedger(backend) { client, origin, order, ids in
            let keyID = origin.keyID("alice")
            let collection = try Self.json(try await client.execute(
                uri: "/outbox", method: .get, headers: try SignedGet.headers("/outbox", keyID: keyID)))
            #expect(collection["totalItems"] as? Int == 2)
            let first = try #require(collection["first"] as? String)
            #expect(first == TestApp.base + "/outbox?page=true")

            let page = try Self.json(try await client.execute(
                uri: "/outbox?page=true", method: .get, headers: try SignedGet.headers("/outbox?page=true", keyID: keyID)))
            #expect(page["type"] as? String == "OrderedCollectionPage")
            let items = try #require(page["orderedItems"] as? [[String: Any]])
            #expect(items.map { $0["type"] as? String } == ["rose:OrderPaid", "Create"], "newest first")
            #expect(items.last?["id"] as? String == CollectionsLedger.urls.activityIRI(ids[0]))
            #expect((items.last?["object"] as? [String: Any])?["id"] as? String == CollectionsLedger.urls.orderIRI(order.id))

            let followers = try Self.json(try await client.execute(
                uri: "/followers?page=true", method: .get, headers: try SignedGet.headers("/followers?page=true", keyID: keyID)))
            #expect(followers["orderedItems"] as? [String] == [origin.actor("alice")])
        }
    }

    @Test(arguments: Backend.available)
    func followerReadsWithRFC9421Too(backend: Backend) async throws {
        try await Self.withLedger(backend) { client, origin, _, _ in
            let headers = try SignedGet.headers("/outbox?page=true", keyID: origin.keyID("alice"), scheme: .rfc9421)
            let page = try Self.json(try await client.execute(uri: "/outbox?page=true", method: .get, headers: headers))
            #expect((page["orderedItems"] as? [Any])?.count == 2)
        }
    }

    @Test(arguments: Backend.available)
    func peerOriginInstanceActorReadsItems(backend: Backend) async throws {
        try await Self.withLedger(backend, peers: { [$0.actor("calendar")] }, followers: { _ in [] }) { client, origin, _, _ in
            // The calendar's server signs fetches with its instance actor, not the calendar actor.
            let headers = try SignedGet.headers("/outbox?page=true", keyID: origin.keyID("instance"))
            let page = try Self.json(try await client.execute(uri: "/outbox?page=true", method: .get, headers: headers))
            #expect((page["orderedItems"] as? [Any])?.count == 2)
        }
    }

    @Test(arguments: Backend.available)
    func strangerAndPendingFollowerSeeCountsAndNoObjects(backend: Backend) async throws {
        try await RemoteOrigin.run { stranger in
            try await Self.withLedger(backend) { client, origin, order, ids in
                let path = "/activities/\(ids[0].uuidString.lowercased())"
                let orderPath = "/orders/\(order.id.uuidString.lowercased())"
                // A stranger on another origin than any follower or peer.
                for keyID in [stranger.keyID("mallory")] {
                    let page = try Self.json(try await client.execute(
                        uri: "/outbox?page=true", method: .get, headers: try SignedGet.headers("/outbox?page=true", keyID: keyID)))
                    #expect(page["orderedItems"] == nil && page["totalItems"] as? Int == 2)
                    let activity = try await client.execute(uri: path, method: .get, headers: try SignedGet.headers(path, keyID: keyID))
                    #expect(activity.status == .notFound)
                    let object = try await client.execute(uri: orderPath, method: .get, headers: try SignedGet.headers(orderPath, keyID: keyID))
                    #expect(object.status == .notFound)
                }
                #expect(try await client.execute(uri: path, method: .get, headers: [.accept: ActivityMediaType.activityJSON]).status == .notFound)
            }
        }
    }

    @Test(arguments: Backend.available)
    func outboxPagesFollowTheCursor(backend: Backend) async throws {
        try await RemoteOrigin.run { origin in
            try await TestApp.run(backend, prepare: { database in
                for _ in 0..<24 { try await CollectionsLedger.record(try CollectionsLedger.order(), in: database) }
                try await CollectionsLedger.publish(try CollectionsLedger.order(), in: database)
                let alice = try #require(IRI(origin.actor("alice")))
                _ = try await SQLOutboxStore(database: database, urls: CollectionsLedger.urls)
                    .receiveFollow(actor: alice, followID: try #require(IRI(alice.value + "/f")), autoAccept: true, now: Date())
            }) { client in
                var seen: [String] = []
                var next: String? = TestApp.base + "/outbox?page=true"
                var pages = 0
                while let url = next, pages < 5 {
                    let path = String(url.dropFirst(TestApp.base.count))
                    let page = try Self.json(try await client.execute(
                        uri: path, method: .get, headers: try SignedGet.headers(path, keyID: origin.keyID("alice"))))
                    #expect(page["totalItems"] as? Int == 25)
                    seen += (page["orderedItems"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                    next = page["next"] as? String
                    pages += 1
                }
                #expect(pages == 2)
                #expect(seen.count == 25 && Set(seen).count == 25)
            }
        }
    }

    @Test(arguments: Backend.available)
    func pendingFollowerSeesCountsOnly(backend: Backend) async throws {
        try await Self.withLedger(backend, followers: { _ in [] }) { client, origin, _, ids in
            let keyID = origin.keyID("pending-bob")
            let page = try Self.json(try await client.execute(
                uri: "/outbox?page=true", method: .get, headers: try SignedGet.headers("/outbox?page=true", keyID: keyID)))
            #expect(page["orderedItems"] == nil)
            let path = "/activities/\(ids[0].uuidString.lowercased())"
            #expect(try await client.execute(uri: path, method: .get, headers: try SignedGet.headers(path, keyID: keyID)).status == .notFound)
        }
    }

    @Test(arguments: Backend.available)
    func followerFetchesActivityAsDelivered(backend: Backend) async throws {
        try await Self.withLedger(backend) { client, origin, _, ids in
            let path = "/activities/\(ids[1].uuidString.lowercased())"
            let response = try await client.execute(uri: path, method: .get, headers: try SignedGet.headers(path, keyID: origin.keyID("alice")))
            #expect(response.status == .ok)
            let activity = try Self.json(response)
            #expect(activity["type"] as? String == "rose:OrderPaid")
            #expect(activity["id"] as? String == CollectionsLedger.urls.activityIRI(ids[1]))
            let missing = "/activities/\(UUID().uuidString.lowercased())"
            #expect(try await client.execute(uri: missing, method: .get, headers: try SignedGet.headers(missing, keyID: origin.keyID("alice"))).status == .notFound)
        }
    }

    @Test(arguments: Backend.available)
    func forgedSignatureIsNotAFollower(backend: Backend) async throws {
        try await Self.withLedger(backend) { client, origin, _, ids in
            // Alice's key id, signed with another key: verification fails, so counts only.
            let path = "/activities/\(ids[0].uuidString.lowercased())"
            let forged = try SignedGet.headers(path, keyID: origin.keyID("alice"), key: TestKeys.rsa2)
            #expect(try await client.execute(uri: path, method: .get, headers: forged).status == .notFound)
            // Signed for another path: refused too.
            let replayed = try SignedGet.headers("/outbox", keyID: origin.keyID("alice"))
            #expect(try await client.execute(uri: path, method: .get, headers: replayed).status == .notFound)
        }
    }

    @Test(arguments: Backend.available)
    func orderAsActivityJSONForAuthorisedReader(backend: Backend) async throws {
        try await Self.withLedger(backend) { client, origin, order, _ in
            let path = "/orders/\(order.id.uuidString.lowercased())"
            for accept in [ActivityMediaType.activityJSON, #"application/ld+json; profile="https://www.w3.org/ns/activitystreams""#] {
                let response = try await client.execute(
                    uri: path, method: .get, headers: try SignedGet.headers(path, keyID: origin.keyID("alice"), accept: accept))
                #expect(response.status == .ok)
                let object = try Self.json(response)
                #expect(object["type"] as? String == "rose:Order")
                #expect(object["id"] as? String == CollectionsLedger.urls.orderIRI(order.id))
                #expect(object["rose:status"] as? String == "paid", "the order as last published")
                #expect((object["@context"] as? [Any])?.count == 3)
            }
            let unsigned = try await client.execute(uri: path, method: .get, headers: [.accept: ActivityMediaType.activityJSON])
            #expect(unsigned.status == .notFound)
            let unknown = "/orders/\(UUID().uuidString.lowercased())"
            let none = try await client.execute(uri: unknown, method: .get, headers: try SignedGet.headers(unknown, keyID: origin.keyID("alice")))
            #expect(none.status == .notFound)
        }
    }
}

/// The event ids published in `prepare`, handed to the test body.
actor EventIDs {
    private(set) var ids: [UUID] = []
    func set(_ ids: [UUID]) { self.ids = ids }
}
