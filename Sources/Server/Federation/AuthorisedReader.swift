import ActorIdentity
import Commerce
import Foundation
import Hummingbird
import Logging
import Outbox

/// Decides whether a GET comes from an authorised reader (contract §3): a valid signature whose
/// key belongs to an accepted follower, a configured peer, or any actor on one of their origins
/// (instance actors sign fetches too). Everyone else reads `totalItems` alone and gets 404 for
/// objects.
public struct AuthorisedReaders: Sendable {
    /// Checks signatures (both schemes) against `CART_BASE_URL`.
    let verifier: SignatureVerifier
    /// Accepted followers.
    let followers: any FollowerRegistry
    /// Follower origins.
    let outbox: any OutboxReading
    /// Configured peer actor IRIs (`CART_CALENDAR_PEERS`, `CART_MARKET_PEERS`).
    let peers: Set<String>
    /// Their origins, lower-case.
    let peerOrigins: Set<String>
    let now: @Sendable () -> Date

    /// Readers checked with `verifier`; `peers` are the configured peer actor IRIs.
    public init(verifier: SignatureVerifier, followers: any FollowerRegistry, outbox: any OutboxReading,
                peers: [String], now: @escaping @Sendable () -> Date = { Date() }) {
        self.verifier = verifier
        self.followers = followers
        self.outbox = outbox
        self.peers = Set(peers)
        self.peerOrigins = Set(peers.compactMap { IRI($0)?.origin })
        self.now = now
    }

    /// Who is asking: an authorised reader, or someone who sees counts only (with the reason,
    /// for the debug log).
    public func access(for request: Request, logger: Logger) async -> ReaderAccess {
        let received = Self.received(request)
        guard received.header("Signature") != nil || received.header("Signature-Input") != nil
                || received.header("Authorization")?.hasPrefix("Signature ") == true
        else { return .anonymous(reason: "unsigned") }
        switch await verifier.verify(received, now: now()) {
        case .failed(let failure):
            logger.debug("collection reader's signature refused", metadata: ["reason": "\(failure)"])
            return .anonymous(reason: "signature refused: \(failure)")
        case .verified(let signer):
            return await classify(signer.ownerIRI, logger: logger)
        }
    }

    /// The grounds on which `owner` (a verified key's actor) may read, if any.
    func classify(_ owner: String, logger: Logger) async -> ReaderAccess {
        guard let iri = IRI(owner) else { return .anonymous(reason: "signer \(owner) is not an http(s) IRI") }
        if peers.contains(owner) { return .authorised(signer: iri, as: .peer) }
        if peerOrigins.contains(iri.origin) { return .authorised(signer: iri, as: .peerOrigin) }
        do {
            if try await followers.follower(actor: iri)?.state == .accepted { return .authorised(signer: iri, as: .follower) }
            if try await outbox.hasAcceptedFollower(onOrigin: iri.origin) { return .authorised(signer: iri, as: .followerOrigin) }
        } catch {
            logger.error("reader check: follower lookup failed", metadata: ["signer": "\(owner)", "error": "\(error)"])
            return .anonymous(reason: "follower lookup failed")
        }
        return .anonymous(reason: "signer \(owner) is neither a follower nor a peer")
    }
}

/// The outcome of `AuthorisedReaders.access(for:logger:)`.
public enum ReaderAccess: Sendable, Equatable {
    /// Why a signer may read.
    public enum Grounds: String, Sendable {
        /// A configured peer itself.
        case peer
        /// Another actor on a configured peer's origin (an instance actor).
        case peerOrigin = "peer_origin"
        /// An accepted follower itself.
        case follower
        /// Another actor on an accepted follower's origin.
        case followerOrigin = "follower_origin"
    }

    /// May read items and objects.
    case authorised(signer: IRI, as: Grounds)
    /// Counts only; objects 404.
    case anonymous(reason: String)

    /// True for `.authorised`.
    public var isAuthorised: Bool {
        if case .authorised = self { return true }
        return false
    }
}
