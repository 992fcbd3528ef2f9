/// What people see of the actor: its display name and summary (settings, not keys or IRIs).
public struct ActorProfile: Sendable, Hashable {
    /// Display name, e.g. "Market Day shop".
    public var name: String
    /// One or two sentences about the actor, plain text.
    public var summary: String

    /// A profile; the defaults describe the service generically.
    public init(
        name: String = "Cart",
        summary: String = "Shopping cart and checkout of the cooperative's site. Follow requests are approved by the operators."
    ) {
        self.name = name
        self.summary = summary
    }
}
