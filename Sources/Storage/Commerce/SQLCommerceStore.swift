import Commerce
import Foundation
import SQLKit

/// `CommerceStore` on a `Database` (SQLite or PostgreSQL): each `write` is one transaction.
public struct SQLCommerceStore: CommerceStore {
    /// The database the shop's records live in.
    public let database: Database
    /// Group commit of quantity changes on SQLite (one writer); nil on PostgreSQL, whose
    /// transactions on different carts run side by side.
    private let quantities: QuantityBatcher?

    /// A store over `database` (which must be migrated).
    public init(database: Database) {
        self.database = database
        guard database.dialect == .sqlite else {
            quantities = nil
            return
        }
        quantities = QuantityBatcher { commands in
            if commands.count == 1 {
                return [try await database.writeStatements { sql in
                    try await SQLCommerceTransaction(sql: sql, dialect: .sqlite, writing: true).setLineQuantityAlone(commands[0])
                }]
            }
            return try await database.write { sql in
                try await SQLCommerceTransaction(sql: sql, dialect: .sqlite, writing: true).setLineQuantities(commands)
            }
        }
    }

    /// A quantity change; on SQLite committed together with those of other buyers arriving
    /// meanwhile (see `QuantityBatcher`). Removal (quantity 0) is its own transaction.
    public func setLineQuantity(id: UUID, quantity: Int, owner: CartOwner, now: Date) async throws -> LineQuantityChange {
        guard let quantities, quantity > 0 else {
            return try await write { try await $0.setLineQuantity(id: id, quantity: quantity, owner: owner, now: now) }
        }
        return try await quantities.submit(.init(line: id, quantity: quantity, ownerKey: owner.storageKey, now: now))
    }

    /// Runs `body` in one read-write transaction of the database.
    public func write<T: Sendable>(_ body: @Sendable (any CommerceWriter) async throws -> T) async throws -> T {
        let dialect = database.dialect
        return try await database.write { sql in try await body(SQLCommerceTransaction(sql: sql, dialect: dialect, writing: true)) }
    }

    /// Runs `body` in one read-only snapshot of the database.
    public func read<T: Sendable>(_ body: @Sendable (any CommerceReader) async throws -> T) async throws -> T {
        let dialect = database.dialect
        return try await database.read { sql in try await body(SQLCommerceTransaction(sql: sql, dialect: dialect, writing: false)) }
    }
}
