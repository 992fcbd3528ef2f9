import Commerce
import Foundation
import Outbox

/// Model of the follows page.
struct AdminFollowsModel {
    struct Row {
        let actor: String
        let since: String
    }

    struct OurRow {
        let actor: String
        let state: String
        let since: String
    }

    let frame: AdminFrame
    let pending: [Row]
    let accepted: [Row]
    let ours: [OurRow]
    let pendingTotal: Int
    let acceptedTotal: Int
    let hasPending: Bool
    let hasAccepted: Bool
    let hasOurs: Bool
    /// Query value for the next page of followers, when there may be one.
    let nextAfter: String?

    init(frame: AdminFrame, pending: [Follower], accepted: [Follower], ourFollows: [OurFollow],
         pendingTotal: Int, acceptedTotal: Int, nextAfter: String?) {
        self.frame = frame
        self.pending = pending.map { Row(actor: $0.actor.value, since: AdminFormat.date($0.since)) }
        self.accepted = accepted.map { Row(actor: $0.actor.value, since: AdminFormat.date($0.since)) }
        ours = ourFollows.map { OurRow(actor: $0.actor.value, state: $0.state.rawValue, since: AdminFormat.date($0.since)) }
        self.pendingTotal = pendingTotal
        self.acceptedTotal = acceptedTotal
        hasPending = !pending.isEmpty
        hasAccepted = !accepted.isEmpty
        hasOurs = !ourFollows.isEmpty
        self.nextAfter = nextAfter
    }
}
