import Commerce
import Foundation
import Inbox
import Outbox

/// A run of Follows applied in memory exactly as `SQLOutboxStore.receiveFollow` applies them one
/// by one (a repeat keeps the state and remembers the new Follow id; a pending follower becomes
/// accepted when now auto-accepted; each Follow that ends accepted gets its `follow.accepted`
/// event), so the batch costs one read, one write per actor and one multi-row event insert.
struct FollowerChanges {
    /// One follower row after the run.
    struct Row: Equatable {
        var followID: IRI
        var state: FollowState
        /// Absent before the run: inserted, not updated.
        var isNew: Bool
    }

    /// Rows to write, by actor IRI, in first-seen order.
    private(set) var rows: [(actor: IRI, row: Row)] = []
    /// `follow.accepted` decisions, in the order of the Follows.
    private(set) var accepted: [FollowDecision] = []

    /// Applies `follows` in order over `existing` (state of each actor's row before the run).
    init(_ follows: [FollowRecord], existing: [String: FollowState]) {
        var index: [String: Int] = [:]
        for follow in follows {
            let key = follow.actor.value
            let before: FollowState? = index[key].map { rows[$0].row.state } ?? existing[key]
            let state: FollowState
            if let before {
                // A repeat: pending stays pending (no answer) unless this Follow is auto-accepted.
                state = before == .pending && !follow.autoAccept ? .pending : .accepted
                if state == .accepted { accepted.append(FollowDecision(follower: follow.actor, follow: follow.followID)) }
            } else {
                state = follow.autoAccept ? .accepted : .pending
                if follow.autoAccept { accepted.append(FollowDecision(follower: follow.actor, follow: follow.followID)) }
            }
            if let at = index[key] {
                rows[at].row.followID = follow.followID
                rows[at].row.state = state
            } else {
                index[key] = rows.count
                rows.append((follow.actor, Row(followID: follow.followID, state: state, isNew: existing[key] == nil)))
            }
        }
    }
}
