import Foundation

/// Where the data lives: `sqlite:PATH[?synchronous=normal|full]` (default normal) or
/// `postgres://user:pass@host:port/db[?sslmode=disable|prefer|require&schema=NAME]`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite file (created when missing).
    case sqlite(SQLiteLocation)
    /// A PostgreSQL server.
    case postgres(PostgresLocation)

    /// Parses `CART_DATABASE_URL`; the error names what is wrong and never echoes a password.
    public init(parsing text: String) throws(DatabaseURLError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("sqlite:") {
            self = .sqlite(try SQLiteLocation(parsing: String(trimmed.dropFirst("sqlite:".count))))
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(parsing: trimmed))
        } else {
            throw .unknownScheme
        }
    }

    /// The URL with any password replaced by `***`, for logs.
    public var description: String {
        switch self {
        case let .sqlite(location): location.description
        case let .postgres(location): location.description
        }
    }
}

/// Why a database URL was refused (the password is never part of the message).
public enum DatabaseURLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Neither `sqlite:` nor `postgres://`/`postgresql://`.
    case unknownScheme
    /// `sqlite:` with nothing after it.
    case missingPath
    /// A query parameter this build does not know, or a bad value for one.
    case badParameter(String)
    /// The postgres URL has no host.
    case missingHost
    /// The postgres URL has no user name.
    case missingUser
    /// The postgres URL has no database name.
    case missingDatabase
    /// The port is not a number in 1-65535.
    case badPort
    /// The postgres URL could not be parsed at all.
    case malformed

    /// One line for logs and operators (never a password).
    public var description: String {
        switch self {
        case .unknownScheme: "database URL must start with sqlite: or postgres://"
        case .missingPath: "sqlite: URL needs a file path, e.g. sqlite:./cart.sqlite"
        case let .badParameter(name): "database URL parameter '\(name)' is unknown or has a bad value"
        case .missingHost: "postgres URL needs a host, e.g. postgres://user:pass@127.0.0.1:5432/cart"
        case .missingUser: "postgres URL needs a user name before the host"
        case .missingDatabase: "postgres URL needs a database name after the host, e.g. /cart"
        case .badPort: "postgres URL port must be a number between 1 and 65535"
        case .malformed: "postgres URL could not be parsed; expected postgres://user:pass@host:port/db"
        }
    }
}
