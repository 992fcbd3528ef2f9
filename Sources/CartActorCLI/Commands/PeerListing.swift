import Foundation
import Outbox

/// The text of `cart-actor peers list`.
enum PeerListing {
    /// Followers (accepted first), then pending requests with the command that approves them,
    /// then the actors we follow with their answer.
    static func text(followers: [Follower], ourFollows: [OurFollow]) -> String {
        let accepted = followers.filter { $0.state == .accepted }
        let pending = followers.filter { $0.state == .pending }
        var lines = ["followers: \(accepted.count) accepted, \(pending.count) pending"]
        for follower in accepted { lines.append("  accepted\t\(follower.actor)\tsince \(iso(follower.since))") }
        for follower in pending {
            lines.append("  pending \t\(follower.actor)\tsince \(iso(follower.since))\t(`cart-actor peers approve \(follower.actor)`)")
        }
        lines.append("we follow: \(ourFollows.count)")
        for follow in ourFollows {
            let answered = follow.answeredAt.map { ", answered \(iso($0))" } ?? ""
            lines.append("  \(follow.state.rawValue)\t\(follow.actor)\tsince \(iso(follow.since))\(answered)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func iso(_ date: Date) -> String { date.formatted(.iso8601) }
}
