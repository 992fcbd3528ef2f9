import Commerce
import Foundation

/// A browser's session as stored: keyed by a hash of the cookie's id (never the id itself).
public struct BrowserSession: Sendable, Equatable {
    /// Hash of the session id, computed by the server.
    public var key: String
    /// The signed-in user, if any.
    public var user: IRI?
    /// When the session began.
    public var createdAt: Date
    /// Last request seen with it.
    public var lastSeen: Date

    /// A session; see the properties.
    public init(key: String, user: IRI?, createdAt: Date, lastSeen: Date) {
        self.key = key
        self.user = user
        self.createdAt = createdAt
        self.lastSeen = lastSeen
    }
}
