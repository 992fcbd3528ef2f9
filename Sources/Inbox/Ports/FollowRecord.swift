import Commerce

/// One received Follow as the worker records it in a batch (`InboxStore.recordFollows`): the
/// follower registry's `receiveFollow` plus the activity's outcome, in the same transaction.
public struct FollowRecord: Sendable, Equatable {
    /// The queued activity's id (finished with `outcome`).
    public var activityID: String
    /// Who follows.
    public var actor: IRI
    /// The Follow's id (named by our Accept).
    public var followID: IRI
    /// A configured peer: accepted at once, with its `follow.accepted` event.
    public var autoAccept: Bool
    /// The outcome stored for the activity.
    public var outcome: String

    /// A record; see the properties.
    public init(activityID: String, actor: IRI, followID: IRI, autoAccept: Bool, outcome: String) {
        self.activityID = activityID
        self.actor = actor
        self.followID = followID
        self.autoAccept = autoAccept
        self.outcome = outcome
    }
}
