import Foundation
import SQLKit

/// A page's SumUp key as stored: the sealed box and the last four characters for listings.
public struct StoredPageKey: Sendable, Hashable {
    /// The SecretBox bytes (opened only with `CART_DATA_KEY`).
    public var sealed: [UInt8]
    /// The key's last four characters.
    public var lastFour: String

    /// A stored key; see the properties.
    public init(sealed: [UInt8], lastFour: String) {
        self.sealed = sealed
        self.lastFour = lastFour
    }
}

/// Sealed per-page SumUp keys (migration 6 columns of `pages`).
public struct SQLPageKeyStore: Sendable {
    /// The database holding pages.
    public let database: Database

    /// A store over `database`.
    public init(database: Database) { self.database = database }

    /// Stores (or with nil clears) the sealed key of page `slug`; false when no such page.
    @discardableResult
    public func setKey(_ key: StoredPageKey?, slug: String) async throws -> Bool {
        try await database.write { sql in
            try await sql.raw("""
                UPDATE pages SET sumup_key_sealed = \(bind: key.map { Data($0.sealed) }),
                sumup_key_last_four = \(bind: key?.lastFour) WHERE slug = \(bind: slug) RETURNING slug
                """).all().count == 1
        }
    }

    /// The sealed key of page `slug`, if it has one.
    public func key(slug: String) async throws -> StoredPageKey? {
        try await database.read { sql in
            guard let row = try await sql.raw("""
                SELECT sumup_key_sealed, sumup_key_last_four FROM pages WHERE slug = \(bind: slug)
                """).first(), !(try row.decodeNil(column: "sumup_key_sealed")) else { return nil }
            return StoredPageKey(sealed: try row.bytes("sumup_key_sealed"), lastFour: try row.optionalString("sumup_key_last_four") ?? "")
        }
    }

    /// Last four characters of every page's sealed key, by slug (pages without one are absent).
    public func lastFours() async throws -> [String: String] {
        try await database.read { sql in
            var result: [String: String] = [:]
            for row in try await sql.raw("""
                SELECT slug, sumup_key_last_four FROM pages WHERE sumup_key_sealed IS NOT NULL
                """).all() {
                result[try row.string("slug")] = try row.optionalString("sumup_key_last_four") ?? ""
            }
            return result
        }
    }
}
