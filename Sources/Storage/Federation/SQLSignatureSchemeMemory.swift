import ActorIdentity
import Foundation
import SQLKit

/// `SignatureSchemeMemory` in the database: the scheme each origin accepted last.
public struct SQLSignatureSchemeMemory: SignatureSchemeMemory {
    /// The database holding the memory.
    public let database: Database

    /// A memory over `database`.
    public init(database: Database) { self.database = database }

    /// The scheme that last worked for `origin`.
    public func scheme(forOrigin origin: String) async throws -> String? {
        try await database.read { sql in
            try await sql.raw("SELECT scheme FROM signature_schemes WHERE origin = \(bind: origin)")
                .first().map { try $0.string("scheme") }
        }
    }

    /// Records that `scheme` worked for `origin`.
    public func remember(scheme: String, forOrigin origin: String) async throws {
        try await database.write { sql in
            try await sql.raw("""
                INSERT INTO signature_schemes (origin, scheme, updated_ms)
                VALUES (\(bind: origin), \(bind: scheme), \(bind: Date().millis))
                ON CONFLICT (origin) DO UPDATE SET scheme = excluded.scheme, updated_ms = excluded.updated_ms
                """).run()
        }
    }
}
