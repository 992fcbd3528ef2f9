import ActorIdentity
import Foundation
import SQLKit

/// `PublicKeyCache` in the database, shared by every instance.
public struct SQLPublicKeyCache: PublicKeyCache {
    /// The database holding the cache.
    public let database: Database

    /// A cache over `database`.
    public init(database: Database) { self.database = database }

    /// The cached key with this id.
    public func key(id: String) async throws -> CachedPublicKey? {
        try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT key_id, owner_iri, pem, fetched_ms FROM public_key_cache WHERE key_id = \(bind: id)
                """).first() else { return nil }
            return CachedPublicKey(keyID: try row.string("key_id"), ownerIRI: try row.string("owner_iri"),
                                   pem: try row.string("pem"), fetchedAt: try row.date("fetched_ms"))
        }
    }

    /// Inserts or replaces the key with `key.keyID`.
    public func store(_ key: CachedPublicKey) async throws {
        try await database.write { sql in
            try await sql.raw("""
                INSERT INTO public_key_cache (key_id, owner_iri, pem, fetched_ms)
                VALUES (\(bind: key.keyID), \(bind: key.ownerIRI), \(bind: key.pem), \(bind: key.fetchedAt.millis))
                ON CONFLICT (key_id) DO UPDATE SET owner_iri = excluded.owner_iri, pem = excluded.pem,
                    fetched_ms = excluded.fetched_ms
                """).run()
        }
    }

    /// Forgets the key.
    public func remove(id: String) async throws {
        try await database.write { sql in
            try await sql.raw("DELETE FROM public_key_cache WHERE key_id = \(bind: id)").run()
        }
    }
}
