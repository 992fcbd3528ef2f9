import ActorIdentity
import Foundation
import Logging
import Transport

extension TestPeer {
    /// Who signs an outgoing request.
    public enum Signer: Sendable {
        /// The peer's actor (the normal case).
        case actor
        /// The peer server's instance actor (a key the activity's actor does not own).
        case instance
        /// Nobody: no signature headers.
        case unsigned
    }

    /// Loopback only: tests never reach another address. The client pool keeps 8 connections
    /// per host and the rest wait, so "100 in parallel" on a loaded machine needs a long wait.
    public static let transport = GuardedTransport(
        policy: AddressPolicy(allowPrivateNetworks: false, alsoAllowed: IPRange.loopback),
        logger: Logger(label: "test-peer-transport"), connectTimeout: .seconds(60), totalTimeout: .seconds(90))

    /// POSTs `body` to `url`, signed as `signer` with `scheme`; `adjust` may change the headers
    /// after signing (to break a signature on purpose).
    public func post(_ body: [UInt8], to url: URL, contentType: String = "application/activity+json",
                     signer: Signer = .actor, scheme: SignatureScheme = .cavage, now: Date = Date(),
                     adjust: (inout [(String, String)]) -> Void = { _ in }) async throws -> OutboundResponse {
        var headers: [(String, String)] = [("Content-Type", contentType)]
        let signing: (String, SigningKey)? = switch signer {
        case .actor: (keyID, key)
        case .instance: (instanceKeyID, PeerKeys.instance)
        case .unsigned: nil
        }
        if let (id, key) = signing {
            let added = try HTTPSigner.sign(SignableRequest(method: "POST", url: url, headers: headers, body: body),
                                            scheme: scheme, keyID: id, key: key, now: now)
            headers += added.map { ($0.name, $0.value) }
        }
        adjust(&headers)
        return try await Self.transport.send(OutboundRequest(method: "POST", url: url, headers: headers, body: body))
    }

    /// POSTs the JSON `activity`, signed by the actor.
    public func post(_ activity: JSONValue, to url: URL, scheme: SignatureScheme = .cavage) async throws -> OutboundResponse {
        try await post(activity.serializedBytes(), to: url, scheme: scheme)
    }
}
