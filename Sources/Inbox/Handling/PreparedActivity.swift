import Commerce

/// A queued activity read back by `InboxHandler.prepare`: its command and signer, or already a
/// result (the stored body no longer reads). The worker batches Follows from it.
enum PreparedActivity: Sendable {
    /// A command to carry out on behalf of `actor`.
    case command(InboxCommand, actor: IRI)
    /// Nothing to carry out: this is the outcome.
    case result(HandlingResult)
}
