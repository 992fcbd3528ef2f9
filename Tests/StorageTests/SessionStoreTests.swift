import Commerce
import Foundation
import Storage
import Testing
import TestSupport

@Suite("Session store")
struct SessionStoreTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: Backend.available)
    func sessionLifecycle(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let sessions = SQLSessionStore(database: database)
            let created = try await sessions.create(key: "hash-1", user: nil, now: Self.now)
            try await sessions.create(key: "hash-2", user: Shop.alice, now: Self.now)
            #expect(try await sessions.session(key: "hash-1") == created)
            #expect(try await sessions.session(key: "hash-2")?.user == Shop.alice)
            #expect(try await sessions.session(key: "missing") == nil)
            await #expect(throws: CommerceStoreError.duplicate("session")) {
                try await sessions.create(key: "hash-1", user: nil, now: Self.now)
            }

            try await sessions.touch(key: "hash-2", now: Self.now + 3600)
            #expect(try await sessions.session(key: "hash-2")?.lastSeen == Self.now + 3600)
            #expect(try await sessions.session(key: "hash-2")?.createdAt == Self.now)

            #expect(try await sessions.deleteIdle(before: Self.now + 60) == 1)
            #expect(try await sessions.session(key: "hash-1") == nil)
            try await sessions.delete(key: "hash-2")
            #expect(try await sessions.session(key: "hash-2") == nil)
        }
    }

    @Test(arguments: Backend.available)
    func replayedTokenIDIsRefused(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let sessions = SQLSessionStore(database: database)
            #expect(try await sessions.claimTokenID("jti-1", expires: Self.now + 120))
            #expect(try await sessions.claimTokenID("jti-1", expires: Self.now + 120) == false)
            #expect(try await sessions.claimTokenID("jti-2", expires: Self.now + 60))

            try await sessions.deleteExpiredTokenIDs(now: Self.now + 90)
            #expect(try await sessions.claimTokenID("jti-1", expires: Self.now + 200) == false, "jti-1 not yet expired")
            #expect(try await sessions.claimTokenID("jti-2", expires: Self.now + 200), "jti-2 was forgotten after expiry")
        }
    }

    @Test(arguments: Backend.available)
    func concurrentClaimsOfOneTokenIDHaveOneWinner(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let sessions = SQLSessionStore(database: database)
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<10 { group.addTask { try await sessions.claimTokenID("jti-race", expires: Self.now + 120) } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(wins == 1)
        }
    }
}
