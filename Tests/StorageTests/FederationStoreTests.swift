import ActorIdentity
import Foundation
import Storage
import Testing
import TestSupport

@Suite("Key cache and signature scheme memory")
struct FederationStoreTests {
    @Test(arguments: Backend.available)
    func publicKeyCacheStoresReplacesAndRemoves(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let cache = SQLPublicKeyCache(database: database)
            let key = CachedPublicKey(keyID: "https://social.example/users/a#main-key", ownerIRI: "https://social.example/users/a",
                                      pem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
                                      fetchedAt: Date(timeIntervalSince1970: 1_800_000_000))
            #expect(try await cache.key(id: key.keyID) == nil)
            try await cache.store(key)
            #expect(try await cache.key(id: key.keyID) == key)

            var rotated = key
            rotated.pem = "-----BEGIN PUBLIC KEY-----\nBBBB\n-----END PUBLIC KEY-----\n"
            rotated.fetchedAt = key.fetchedAt + 3600
            try await cache.store(rotated)
            #expect(try await cache.key(id: key.keyID) == rotated)

            try await cache.remove(id: key.keyID)
            #expect(try await cache.key(id: key.keyID) == nil)
            try await cache.remove(id: key.keyID) // removing twice is harmless
        }
    }

    @Test(arguments: Backend.available)
    func schemeMemoryRemembersLastSchemePerOrigin(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let memory = SQLSignatureSchemeMemory(database: database)
            #expect(try await memory.scheme(forOrigin: "https://social.example") == nil)
            try await memory.remember(scheme: "cavage", forOrigin: "https://social.example")
            try await memory.remember(scheme: "rfc9421", forOrigin: "https://other.example")
            #expect(try await memory.scheme(forOrigin: "https://social.example") == "cavage")
            try await memory.remember(scheme: "rfc9421", forOrigin: "https://social.example")
            #expect(try await memory.scheme(forOrigin: "https://social.example") == "rfc9421")
            #expect(try await memory.scheme(forOrigin: "https://other.example") == "rfc9421")
        }
    }
}
