import Commerce

/// The 403 rules of contract §3: each role's activities only from that role; from anyone who is
/// neither follower nor peer only Follow, Undo{Follow} and their own Delete.
struct RoleCheck: Sendable {
    let peers: InboxPeers
    let followers: any InboxFollowers

    /// Throws `.forbidden` unless `actor` may send an activity needing `role`.
    func check(_ role: RequiredRole, actor: String, type: String) async throws -> Void {
        let allowed: Bool
        switch role {
        case .anyone: allowed = true
        case .calendar: allowed = peers.calendars.contains(actor)
        case .market: allowed = peers.markets.contains(actor)
        case .followed:
            if peers.isPeer(actor) { allowed = true } else if let iri = IRI(actor) {
                allowed = try await followers.isFollowedByUs(iri)
            } else { allowed = false }
        case .followerOrPeer:
            if peers.isPeer(actor) { allowed = true } else if let iri = IRI(actor) {
                allowed = try await followers.isFollower(iri)
            } else { allowed = false }
        }
        guard allowed else { throw InboxRefusal(.forbidden, Self.reason(role, actor: actor, type: type)) }
    }

    private static func reason(_ role: RequiredRole, actor: String, type: String) -> String {
        switch role {
        case .calendar: "\(type) is accepted only from the configured calendar; \(actor) is not it"
        case .market: "\(type) is accepted only from the configured market; \(actor) is not it"
        case .followed: "\(actor) answers a Follow we never sent"
        default: "\(actor) is neither a follower nor a peer: only Follow, Undo{Follow} and its own Delete are accepted"
        }
    }
}
