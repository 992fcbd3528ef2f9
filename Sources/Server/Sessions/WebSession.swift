import Commerce

/// A browser's live session: its secret ID (from the cookie), the non-secret storage key, and
/// the signed-in user if any.
struct WebSession: Sendable, Equatable {
    /// The random ID carried in the cookie; never stored.
    let id: String
    /// base64url(SHA-256(ID)): the session's database key and its anonymous cart's owner key.
    let key: String
    /// The signed-in user, nil while anonymous.
    let user: IRI?
    /// The session's form token (derived from the ID once per cookie, see `SessionCache`).
    let csrf: String

    /// Whose cart this session works on.
    var owner: CartOwner { user.map { .user($0) } ?? .anonymous(sessionKey: key) }
}
