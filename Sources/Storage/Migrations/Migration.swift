import SQLKit

/// One step of the schema, applied once, in its own transaction.
public struct Migration: Sendable {
    /// Position in the sequence; versions start at 1 and have no gaps.
    public var version: Int
    /// Short name, recorded in `schema_migrations`.
    public var name: String
    /// Creates or changes tables; runs inside the migration's transaction.
    public var apply: @Sendable (any SQLDatabase, Dialect) async throws -> Void

    /// A migration; see the properties.
    public init(version: Int, name: String, apply: @escaping @Sendable (any SQLDatabase, Dialect) async throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}

/// Why migrating stopped.
public enum MigrationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database was migrated by a newer build.
    case schemaNewer(database: Int, known: Int)

    /// One line for logs and operators.
    public var description: String {
        switch self {
        case let .schemaNewer(database, known):
            "database schema is version \(database), this build knows up to \(known); upgrade cart-actor"
        }
    }
}
