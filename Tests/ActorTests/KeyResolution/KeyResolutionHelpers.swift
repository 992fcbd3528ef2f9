import ActorIdentity
import Foundation
import Logging
import Synchronization
import TestSupport
import Transport

/// An in-memory `PublicKeyCache` for these tests (Storage provides the real ones).
actor MemoryKeyCache: PublicKeyCache {
    private var keys: [String: CachedPublicKey] = [:]

    func key(id: String) async throws -> CachedPublicKey? { keys[id] }
    func store(_ key: CachedPublicKey) async throws { keys[key.keyID] = key }
    func remove(id: String) async throws { keys[id] = nil }
}

/// An in-memory `SignatureSchemeMemory` for these tests.
actor MemorySchemeMemory: SignatureSchemeMemory {
    private(set) var schemes: [String: String] = [:]
    private(set) var writes = 0

    init(_ initial: [String: String] = [:]) { schemes = initial }

    func scheme(forOrigin origin: String) async throws -> String? { schemes[origin] }
    func remember(scheme: String, forOrigin origin: String) async throws {
        schemes[origin] = scheme
        writes += 1
    }
}

/// Transports for these tests: loopback allowed, every other private range refused.
enum ResolverTransports {
    static let loopbackOnly = GuardedTransport(
        policy: AddressPolicy(allowPrivateNetworks: false, alsoAllowed: IPRange.loopback),
        logger: Logger(label: "key-resolution-tests"))
}

/// A remote actor's server whose current key can be rotated.
actor RemoteActorState {
    private(set) var pem: String
    init(pem: String) { self.pem = pem }
    func rotate(to pem: String) { self.pem = pem }
}

/// Builders for actor documents served at `origin`.
enum ActorDocuments {
    /// A Mastodon-style actor document with an embedded `publicKey`.
    static func actor(origin: String, path: String = "/actor", pem: String, owner: String? = nil) -> String {
        let actorID = "\(origin)\(path)"
        let key: [String: Any] = ["id": "\(actorID)#main-key", "owner": owner ?? actorID, "publicKeyPem": pem]
        return json(["@context": "https://www.w3.org/ns/activitystreams", "id": actorID, "type": "Service", "publicKey": key])
    }

    /// `value` as JSON text.
    static func json(_ value: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `http://` plus the request's Host header: the origin the test server is reached at.
    static func origin(of request: ServerRequest) -> String {
        "http://\(request.header("host") ?? "127.0.0.1")"
    }
}

/// A wall clock tests move forward by hand.
final class TestClock: Sendable {
    private let current = Mutex(Date())

    /// The clock's time.
    var now: Date { current.withLock { $0 } }

    /// Moves the clock forward.
    func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }
}
