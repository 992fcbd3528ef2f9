extension InboxWorker {
    /// Records the collected Follows in one transaction with their outcomes (a Follow flood then
    /// costs one commit per batch, not one per activity) and empties the list. If that
    /// transaction fails they are handled one by one, so retries and give-ups stay per activity.
    func recordFollows(_ follows: inout [(queued: QueuedActivity, record: FollowRecord)],
                       finished: inout [(id: String, outcome: String)]) async {
        guard !follows.isEmpty else { return }
        let run = follows
        follows.removeAll()
        do {
            try await store.recordFollows(run.map(\.record), now: now())
            for (queued, _) in run { metrics.handled(type: queued.type, result: "done") }
        } catch {
            logger.warning("inbox follow batch not recorded; handling its follows one by one",
                           metadata: ["count": "\(run.count)", "error": "\(error)"])
            for (queued, record) in run {
                let command = InboxCommand.follow(followID: record.followID)
                if let outcome = await handle(queued, .command(command, actor: record.actor)) {
                    finished.append((queued.id, outcome))
                }
            }
        }
    }
}
