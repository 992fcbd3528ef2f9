import ActorIdentity
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// The bench's senders: one Hummingbird server on 127.0.0.1 serving the actor documents (and
/// keys) of N peers at `/actors/{n}`, so the inbox can fetch and cache their keys, and their
/// inboxes at `/actors/{n}/inbox` (202), where the outbox delivers our Accepts.
enum InboxBenchPeers {
    /// A running peer server.
    struct Running: Sendable {
        let port: Int
        let keys: [SigningKey]
        /// Accepts the peers' inboxes have received so far.
        let accepts: DeliveryCount

        /// Peer `index`'s actor IRI.
        func actor(_ index: Int) -> String { "http://127.0.0.1:\(port)/actors/\(index)" }
        /// Peer `index`'s key id.
        func keyID(_ index: Int) -> String { actor(index) + "#main-key" }
    }

    /// Runs the server for `count` peers (fresh RSA-2048 keys) while `body` runs.
    static func with<T: Sendable>(count: Int, _ body: @escaping @Sendable (Running) async throws -> T) async throws -> T {
        let keys = try (0..<count).map { _ in try SigningKey.generateRSA(bits: 2048) }
        let documents = try keys.map { try $0.publicKey.pem() }
        let router = Router()
        router.get("actors/:n") { request, context -> Response in
            guard let index = context.parameters.get("n", as: Int.self), documents.indices.contains(index),
                  let host = request.head.authority else { return Response(status: .notFound) }
            let id = "http://\(host)/actors/\(index)"
            let json: JSONValue = ["@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
                                   "id": .string(id), "type": "Service", "inbox": .string(id + "/inbox"),
                                   "publicKey": ["id": .string(id + "#main-key"), "owner": .string(id),
                                                 "publicKeyPem": .string(documents[index])]]
            return Response(status: .ok, headers: [.contentType: "application/activity+json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: json.serializedBytes())))
        }
        // The Accepts the outbox sends back to the peers: answered like a real inbox, unverified.
        let accepts = DeliveryCount()
        router.post("actors/:n/inbox") { _, _ in
            accepts.add()
            return Response(status: .accepted)
        }
        return try await BenchLoopbackServer.with(router, name: "peer server") { port in
            try await body(Running(port: port, keys: keys, accepts: accepts))
        }
    }
}

/// A count shared by the peer server's handlers and the benchmark.
final class DeliveryCount: Sendable {
    private let value = Atomic<Int>(0)
    func add() { value.add(1, ordering: .relaxed) }
    var current: Int { value.load(ordering: .relaxed) }
}
