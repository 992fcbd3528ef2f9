import ActorIdentity
import Foundation
import Synchronization
import Transport

/// A fediverse server on loopback serving one actor's document and key (and, for the
/// instance-actor stranger, an instance actor that signs its server's fetches), and signing the
/// activities a test sends from it with real HTTP signatures.
public final class TestPeer: Sendable {
    /// Which peer: decides the actor's key and how its server answers.
    public enum Kind: String, Sendable, CaseIterable {
        /// The calendar service.
        case calendar
        /// The market service.
        case market
        /// Any fediverse actor.
        case stranger
        /// A stranger whose server refuses unsigned fetches and signs its own with an instance actor.
        case instanceStranger
    }

    /// Which peer this is.
    public let kind: Kind
    /// `http://127.0.0.1:PORT`.
    public let origin: String
    /// Requests its server received (fetches of its documents, deliveries to its inbox).
    public let log = RequestLog()

    init(kind: Kind, port: Int) {
        self.kind = kind
        self.origin = "http://127.0.0.1:\(port)"
    }

    /// The actor's IRI.
    public var actor: String { origin + "/actor" }
    /// The actor's key id.
    public var keyID: String { actor + "#main-key" }
    /// The instance actor's IRI (signs the server's own fetches).
    public var instanceActor: String { origin + "/instance" }
    /// The instance actor's key id.
    public var instanceKeyID: String { instanceActor + "#main-key" }

    /// The actor's private key.
    public var key: SigningKey {
        switch kind {
        case .calendar: PeerKeys.calendar
        case .market: PeerKeys.market
        case .stranger, .instanceStranger: PeerKeys.stranger
        }
    }

    /// A fresh activity id on this peer's origin.
    public func newID(_ kind: String = "activities") -> String {
        "\(origin)/\(kind)/\(UUID().uuidString.lowercased())"
    }

    /// Answers its server's requests: documents (401 for unsigned fetches when the server
    /// requires signatures), 202 for its inbox, 404 otherwise.
    func answer(_ request: ServerRequest) async -> ServerResponse {
        await log.record(request)
        let path = request.path.split(separator: "?").first.map(String.init) ?? request.path
        if request.method == "POST" && path == "/inbox" { return ServerResponse(status: 202) }
        guard request.method == "GET" else { return ServerResponse(status: 405) }
        if kind == .instanceStranger && request.header("signature") == nil && request.header("signature-input") == nil {
            return .text("signed fetches only", status: 401)
        }
        switch path {
        case "/actor": return .activityJSON(document(id: actor, type: kind == .stranger ? "Person" : "Service", key: key))
        case "/instance": return .activityJSON(document(id: instanceActor, type: "Application", key: PeerKeys.instance))
        default: return .text("not found", status: 404)
        }
    }

    private func document(id: String, type: String, key: SigningKey) -> String {
        let pem = (try? key.publicKey.pem()) ?? ""
        let value: JSONValue = [
            "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"],
            "id": .string(id), "type": .string(type), "inbox": .string(origin + "/inbox"),
            "preferredUsername": .string(kind.rawValue),
            "publicKey": ["id": .string(id + "#main-key"), "owner": .string(id), "publicKeyPem": .string(pem)],
        ]
        return value.serialized()
    }
}
