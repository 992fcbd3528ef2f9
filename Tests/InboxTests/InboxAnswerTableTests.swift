import ActorIdentity
import Commerce
import Foundation
import Inbox
import Storage
import Testing
import TestSupport

/// Contract §3's table, over real HTTP with real signatures.
@Suite("Inbox answers")
struct InboxAnswerTableTests {
    @Test("missing id 400, 300 KiB 413, text/plain 415, 10,000-deep JSON 400", arguments: Backend.available)
    func malformedRequests(backend: Backend) async throws {
        try await TestPeers.run([.stranger]) { (peers: [TestPeer]) async throws in
            let peer = peers[0]
            try await InboxHarness.run(backend, calendars: []) { (inbox: InboxHarness) async throws in
                let noID = Activities.follow(from: peer, of: inbox.actor).removing("id")
                #expect(try await peer.post(noID, to: inbox.inboxURL).status == 400)
                for field in ["type", "actor"] {
                    #expect(try await peer.post(Activities.follow(from: peer, of: inbox.actor).removing(field), to: inbox.inboxURL).status == 400)
                }
                #expect(try await peer.post(Array("not json".utf8), to: inbox.inboxURL).status == 400)

                let big = Activities.follow(from: peer, of: inbox.actor).replacing("summary", with: .string(String(repeating: "x", count: 300 * 1024)))
                #expect(try await peer.post(big.serializedBytes(), to: inbox.inboxURL).status == 413)

                let plain = Activities.follow(from: peer, of: inbox.actor).serializedBytes()
                #expect(try await peer.post(plain, to: inbox.inboxURL, contentType: "text/plain").status == 415)
                let profile = #"application/ld+json; profile="https://www.w3.org/ns/activitystreams""#
                #expect(try await peer.post(plain, to: inbox.inboxURL, contentType: profile).status == 202)

                let deep = Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)
                #expect(try await peer.post(deep, to: inbox.inboxURL).status == 400)
                let deepObject = Array(("{\"id\":" + String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_001)).utf8)
                #expect(try await peer.post(deepObject, to: inbox.inboxURL).status == 400)
                #expect(try await inbox.inboxCounts().rows == 1)
            }
        }
    }

    @Test("unsigned, tampered or stale signatures: 401", arguments: Backend.available)
    func signatureProblems(backend: Backend) async throws {
        try await TestPeers.run([.stranger]) { (peers: [TestPeer]) async throws in
            let peer = peers[0]
            try await InboxHarness.run(backend, calendars: []) { (inbox: InboxHarness) async throws in
                let body = Activities.follow(from: peer, of: inbox.actor).serializedBytes()
                #expect(try await peer.post(body, to: inbox.inboxURL, signer: .unsigned).status == 401)
                let tampered = try await peer.post(body, to: inbox.inboxURL) { headers in
                    headers = headers.map { $0.0.lowercased() == "digest" ? ($0.0, "SHA-256=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=") : $0 }
                }
                #expect(tampered.status == 401)
                #expect(try await peer.post(body, to: inbox.inboxURL, now: Date().addingTimeInterval(-2 * 3600)).status == 401)
                // The same bytes, properly signed, in both schemes.
                #expect(try await peer.post(body, to: inbox.inboxURL, scheme: .rfc9421).status == 202)
                #expect(try await peer.post(body, to: inbox.inboxURL, scheme: .cavage).status == 202) // repeat id: 202
                #expect(try await inbox.inboxCounts().rows == 1)
            }
        }
    }

    @Test("a signer whose key cannot be fetched for now: 503 with Retry-After", arguments: Backend.available)
    func keyFetchTransient(backend: Backend) async throws {
        try await TestPeers.run([.stranger]) { (peers: [TestPeer]) async throws in
            let peer = peers[0]
            try await InboxHarness.run(backend, calendars: []) { (inbox: InboxHarness) async throws in
                // A key id on a port nothing listens on: connection refused is transient.
                let ghost = "http://127.0.0.1:9/actor"
                let follow = Activities.follow(from: peer, of: inbox.actor).replacing("actor", with: .string(ghost))
                    .replacing("id", with: .string("http://127.0.0.1:9/activities/1"))
                let body = follow.serializedBytes()
                let signed = try HTTPSigner.sign(SignableRequest(method: "POST", url: inbox.inboxURL,
                                                                 headers: [("Content-Type", "application/activity+json")], body: body),
                                                 scheme: .cavage, keyID: ghost + "#main-key", key: peer.key, now: Date())
                let response = try await peer.post(body, to: inbox.inboxURL, signer: .unsigned) { headers in
                    headers += signed.map { ($0.name, $0.value) }
                }
                #expect(response.status == 503)
                #expect(response.headers.contains { $0.0.lowercased() == "retry-after" })
            }
        }
    }

    @Test("too many activities from one origin: 429 with Retry-After", arguments: Backend.available)
    func perOriginRateLimit(backend: Backend) async throws {
        try await TestPeers.run([.stranger]) { (peers: [TestPeer]) async throws in
            let peer = peers[0]
            try await InboxHarness.run(backend, limits: InboxLimits(perOriginCount: 3)) { (inbox: InboxHarness) async throws in
                var statuses: [Int] = []
                for _ in 0..<4 { statuses.append(try await peer.post(Activities.follow(from: peer, of: inbox.actor), to: inbox.inboxURL).status) }
                #expect(statuses == [202, 202, 202, 429])
            }
        }
    }

    @Test("100 activities in parallel from three peers are each handled once", arguments: Backend.available)
    func hundredInParallel(backend: Backend) async throws {
        try await TestPeers.run([.calendar, .market, .stranger]) { (peers: [TestPeer]) async throws in
            let (calendar, market, stranger) = (peers[0], peers[1], peers[2])
            try await InboxHarness.run(backend, calendars: [calendar], markets: [market]) { (inbox: InboxHarness) async throws in
                try await inbox.addSamplePage()
                let user = "https://account.example/users/bob"
                var bodies: [(TestPeer, JSONValue)] = []
                for index in 0..<100 {
                    switch index % 3 {
                    case 0: bodies.append((calendar, Activities.add(from: calendar, object: Activities.entry(calendar, id: calendar.newID("entries")),
                                                                   target: Activities.cart(customer: user))))
                    case 1: bodies.append((market, Activities.create(from: market, object: Activities.product(market, id: market.newID("products")))))
                    default: bodies.append((stranger, Activities.follow(from: stranger, of: inbox.actor)))
                    }
                }
                // All 100 at once, then all 100 again at once: the repeats must change nothing.
                var statuses: [Int] = []
                for _ in 0..<2 {
                    statuses += try await withThrowingTaskGroup(of: Int.self) { group in
                        for (peer, activity) in bodies { group.addTask { try await peer.post(activity, to: inbox.inboxURL).status } }
                        return try await group.reduce(into: [Int]()) { $0.append($1) }
                    }
                }
                #expect(statuses.count == 200)
                #expect(statuses.allSatisfy { $0 == 202 })
                await inbox.drain()
                let counts = try await inbox.inboxCounts()
                #expect(counts.rows == 100)
                #expect(counts.attempts == 100)
                #expect(try await inbox.lines(of: user).count == 34)
                #expect(try await inbox.catalog.products(pageIRI: try #require(IRI(Activities.pageIRI))).count == 33)
                #expect(try await inbox.store.depth() == 0)
            }
        }
    }
}
