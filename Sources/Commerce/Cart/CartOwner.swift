/// Whose cart: a signed-in user, or an anonymous browser session.
public enum CartOwner: Hashable, Sendable {
    /// A signed-in user, named by IRI.
    case user(IRI)
    /// An anonymous session, named by a non-secret key derived from the session id (never the
    /// cookie itself).
    case anonymous(sessionKey: String)

    /// Stable text form for storage: `user:IRI` or `session:KEY`.
    public var storageKey: String {
        switch self {
        case let .user(iri): "user:\(iri.value)"
        case let .anonymous(key): "session:\(key)"
        }
    }

    /// Parses `storageKey`.
    public init?(storageKey: String) {
        if storageKey.hasPrefix("user:"), let iri = IRI(String(storageKey.dropFirst(5))) {
            self = .user(iri)
        } else if storageKey.hasPrefix("session:") {
            self = .anonymous(sessionKey: String(storageKey.dropFirst(8)))
        } else {
            return nil
        }
    }
}

/// How the outside names a cart: by owner (browser, signed-in user) or by handle (sibling
/// services; a handle names a cart but opens nothing).
public enum CartReference: Hashable, Sendable {
    /// The cart of this owner.
    case owner(CartOwner)
    /// The cart this handle points at (the anonymous cart, or after login the user's for a day).
    case handle(String)
}
