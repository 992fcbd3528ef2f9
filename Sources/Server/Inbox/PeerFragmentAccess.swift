import ActorIdentity
import Commerce
import Foundation
import Hummingbird

/// Who may ask for a fragment on a visitor's behalf (contract §5): a signed GET whose key belongs
/// to a configured peer, or to an actor on a peer's or a sibling's origin.
struct PeerFragmentAccess: Sendable {
    let verifier: SignatureVerifier
    /// Configured peer actor IRIs.
    let peers: Set<String>
    /// Origins of peers and `CART_SIBLING_ORIGINS`, lower-case `scheme://host[:port]`.
    let origins: Set<String>
    let now: @Sendable () -> Date

    /// Access for `peers` and the normalised `siblings` origins.
    init(verifier: SignatureVerifier, peers: [String], siblings: Set<String>, now: @escaping @Sendable () -> Date) {
        self.verifier = verifier
        self.peers = Set(peers)
        self.origins = siblings.union(peers.compactMap { IRI($0)?.origin })
        self.now = now
    }

    /// Whether `request` carries a valid signature by an allowed signer.
    func allows(_ request: Request) async -> Bool {
        guard case .verified(let signer) = await verifier.verify(AuthorisedReaders.received(request), now: now()) else {
            return false
        }
        if peers.contains(signer.ownerIRI) { return true }
        guard let origin = IRI(signer.ownerIRI)?.origin else { return false }
        return origins.contains(origin)
    }
}
