import ActorIdentity
import Foundation
import Hummingbird

extension FederationController {
    /// `GET /actor`: the `Service` document, or an HTML page for browsers.
    func actor(_ request: Request) async throws -> Response {
        let keys = try await keyring()
        let current = try PublishedKey(keys.current)
        switch DocumentFormat.negotiate(accept: request.headers[values: .accept]) {
        case .activityJSON:
            let document = ActorDocument(
                urls: urls, profile: profile, currentKey: current,
                ed25519PublicKey: keys.ed25519.key.publicKey.ed25519Raw)
            return FederationResponse.activity(document.json)
        case .html:
            return FederationResponse.html(ActorPage(urls: urls, profile: profile, key: nil).render())
        }
    }

    /// `GET /keys/{id}`: any key the actor has ever used (retired RSA keys included), 404 otherwise.
    func key(_ request: Request, id rawID: String?) async throws -> Response {
        let keys = try await keyring()
        guard let id = rawID?.removingPercentEncoding, let key = keys.key(id: id) else {
            return FederationResponse.notFound("No key with this id. The actor's current key is listed at \(urls.actor).")
        }
        let published = try PublishedKey(key)
        switch DocumentFormat.negotiate(accept: request.headers[values: .accept]) {
        case .activityJSON:
            return FederationResponse.activity(PublishedKeyDocument(urls: urls, key: published).json)
        case .html:
            return FederationResponse.html(ActorPage(urls: urls, profile: profile, key: published).render())
        }
    }
}

extension PublishedKey {
    /// The public half of one of the actor's keys, as published.
    init(_ key: ActorKey) throws {
        self.init(id: key.id, publicKeyPem: try key.key.publicKey.pem())
    }
}
