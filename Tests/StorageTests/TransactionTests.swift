import Commerce
import Foundation
import SQLKit
import Storage
import Testing
import TestSupport

@Suite("Transactions")
struct TransactionTests {
    struct Abort: Error {}

    @Test(arguments: Backend.available)
    func throwingTransactionLeavesNothingWritten(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            await #expect(throws: Abort.self) {
                try await store.write { writer in
                    try await writer.insertPage(Shop.marketDay)
                    try await writer.upsertProduct(Shop.product(1))
                    _ = try await writer.createCart(owner: .user(Shop.alice), handle: nil, now: Date())
                    throw Abort()
                }
            }
            #expect(try await store.read { try await $0.pages() }.isEmpty)
            #expect(try await store.read { try await $0.product(iri: Shop.product(1).iri) } == nil)
            #expect(try await store.read { try await $0.cart(owner: .user(Shop.alice)) } == nil)
            // The connection is usable again afterwards.
            try await store.write { try await $0.insertPage(Shop.marketDay) }
            #expect(try await store.read { try await $0.pages() }.count == 1)
        }
    }

    @Test(arguments: Backend.available)
    func concurrentWritersAllSucceed(backend: Backend) async throws {
        let count = Int(ProcessInfo.processInfo.environment["CART_TEST_CONCURRENT_WRITERS"] ?? "") ?? 50
        try await TestDatabases.withDatabase(backend) { database in
            let (_, catalog, carts) = Shop.services(database)
            try await catalog.addPage(Shop.marketDay)
            for n in 0..<count { try await catalog.upsertProduct(Shop.product(n)) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<count {
                    group.addTask {
                        try await carts.addProduct(Shop.product(n).iri, quantity: 1, owner: .anonymous(sessionKey: "s\(n % 5)"), handle: "h\(n % 5)")
                    }
                }
                try await group.waitForAll()
            }
            var lines = 0
            for n in 0..<5 { lines += try await carts.view(.owner(.anonymous(sessionKey: "s\(n)"))).groups.first?.lines.count ?? 0 }
            #expect(lines == count)
        }
    }

    @Test(arguments: Backend.available)
    func readRunsWhileAWriteIsOpen(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let store = SQLCommerceStore(database: database)
            try await store.write { try await $0.insertPage(Shop.marketDay) }
            let seen = try await store.write { writer in
                try await writer.insertPage(Shop.feria)
                // A reader does not wait for this writer, and does not see its uncommitted page.
                return try await store.read { try await $0.pages() }.map(\.slug)
            }
            #expect(seen == ["market-day"])
            #expect(try await store.read { try await $0.pages() }.count == 2)
        }
    }

    @Test(arguments: Backend.available)
    func closedDatabaseRefusesWork(backend: Backend) async throws {
        let fresh = try await TestDatabases.freshURL(backend)
        let database = try await Database.open(fresh.url, logger: TestDatabases.logger)
        try await database.ping()
        await database.close()
        await database.close()
        await #expect(throws: DatabaseError.self) { try await database.ping() }
        try await fresh.remove()
    }
}
