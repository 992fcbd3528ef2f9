/// Why a database could not be opened or used; `reason` is one line for operators.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: Sendable, Equatable {
        /// The server could not be reached or refused the login.
        case unreachable
        /// The SQLite file could not be opened or configured.
        case cannotOpen
        /// The database was closed before the call.
        case closed
    }

    /// What kind of failure.
    public var kind: Kind
    /// One line saying what went wrong and what to check (never a password).
    public var reason: String

    /// An error; see the properties.
    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// One line for logs and operators.
    public var description: String { reason }
}
