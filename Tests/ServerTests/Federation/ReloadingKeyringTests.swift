import ActorIdentity
import Foundation
import Server
import Testing

@Suite("Reading the keyring without reloading it on every request")
struct ReloadingKeyringTests {
    /// A fresh key directory whose modification time is a minute old, as in a running service.
    static func settledKeys() throws -> (URL, ActorKeyring) {
        let directory = try FederationTestApp.temporaryDirectory().appendingPathComponent("keys")
        let keyring = try ActorKeyring.generate(in: directory)
        try backdate(directory)
        return (directory, keyring)
    }

    static func backdate(_ directory: URL) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -60)], ofItemAtPath: directory.path)
    }

    /// Makes every key file group-readable, which `ActorKeyring.load` refuses.
    static func loosenKeyFiles(in directory: URL, to mode: Int) throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".pem") {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: directory.appendingPathComponent(name).path)
        }
    }

    // MARK: Tests

    @Test("an unchanged directory is served from memory; maxAge 0 always reloads")
    func cachedWhileUnchanged() async throws {
        let (directory, keyring) = try Self.settledKeys()
        let cached = ReloadingKeyring(directory: directory)
        let uncached = ReloadingKeyring(directory: directory, maxAge: 0)
        #expect(try await cached.current().current.id == keyring.current.id)
        try Self.loosenKeyFiles(in: directory, to: 0o644)
        // Permissions do not move the directory's time: the cached copy is still served…
        #expect(try await cached.current().current.id == keyring.current.id)
        // …while a reload sees the refused files.
        await #expect(throws: (any Error).self) { try await uncached.current() }
        try Self.loosenKeyFiles(in: directory, to: 0o600)
    }

    @Test("keys rotate in another process is seen on the next read")
    func rotationReloads() async throws {
        let (directory, keyring) = try Self.settledKeys()
        let reader = ReloadingKeyring(directory: directory)
        #expect(try await reader.current().current.id == keyring.current.id)
        let rotated = try keyring.rotate()
        #expect(try await reader.current().current.id == rotated.current.id)
        #expect(try await reader.current().all.count == 2)
    }

    @Test("a missing directory is an error, not a stale keyring")
    func missingDirectory() async throws {
        let reader = ReloadingKeyring(directory: try FederationTestApp.temporaryDirectory().appendingPathComponent("none"))
        await #expect(throws: (any Error).self) { try await reader.current() }
    }
}
