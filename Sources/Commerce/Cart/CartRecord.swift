import Foundation

/// A stored cart: its identity, not its lines.
public struct CartRecord: Hashable, Sendable {
    /// Storage id.
    public var id: UUID
    /// Who owns it.
    public var owner: CartOwner
    /// For anonymous carts: the handle sibling services use to name it.
    public var handle: String?
    /// Last time the owner touched it (anonymous carts expire after 30 idle days).
    public var lastActive: Date

    /// A cart record; see the properties.
    public init(id: UUID, owner: CartOwner, handle: String?, lastActive: Date) {
        self.id = id
        self.owner = owner
        self.handle = handle
        self.lastActive = lastActive
    }
}
