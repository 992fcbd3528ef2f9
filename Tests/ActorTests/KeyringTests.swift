import Foundation
import Testing
@testable import ActorIdentity

@Suite("Actor keys on disk")
struct KeyringTests {
    private func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("keyring-\(UUID().uuidString)")
    }

    private func mode(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }

    @Test func generateLoadRotateRoundTrip() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = try ActorKeyring.generate(in: directory)
        #expect(generated.current.id == "k1")
        #expect(generated.current.key.algorithm == .rsa(bits: 2048))
        #expect(generated.ed25519.key.algorithm == .ed25519)
        for name in ["rsa-k1.pem", "ed25519.pem", "current-key"] {
            #expect(try mode(directory.appendingPathComponent(name)) == 0o600)
        }

        let loaded = try ActorKeyring.load(from: directory)
        #expect(loaded.current.key.publicKey == generated.current.key.publicKey)
        #expect(loaded.ed25519.key.publicKey == generated.ed25519.key.publicKey)

        let rotated = try loaded.rotate()
        #expect(rotated.current.id == "k2")
        #expect(rotated.all.map(\.id) == ["k1", "k2"])
        #expect(rotated.key(id: "k1")?.key.publicKey == generated.current.key.publicKey)
        #expect(rotated.current.key.publicKey != generated.current.key.publicKey)

        // Another instance sharing the directory sees the same current key.
        let other = try ActorKeyring.load(from: directory)
        #expect(other.current.id == "k2")
        #expect(other.current.key.publicKey == rotated.current.key.publicKey)
        // A stale instance rotating does not reuse an id another instance claimed.
        #expect(try loaded.rotate().current.id == "k3")
    }

    @Test func groupReadableKeyFileIsRefusedNamingTheFix() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try ActorKeyring.generate(in: directory)
        let file = directory.appendingPathComponent("rsa-k1.pem")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        let error = try #require(throws: KeyringError.self) { try ActorKeyring.load(from: directory) }
        #expect(error == .insecurePermissions(file: file.path, mode: 0o644))
        #expect(error.description.contains("chmod 600 \(file.path)"))
    }

    @Test func missingDirectoryIsRefused() throws {
        let directory = temporaryDirectory()
        let error = try #require(throws: KeyringError.self) { try ActorKeyring.load(from: directory) }
        #expect(error == .directoryMissing(path: directory.path))
        #expect(!error.description.contains("\n"))
    }

    @Test func emptyDirectoryIsRefused() throws {
        let directory = temporaryDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: KeyringError.directoryEmpty(path: directory.path)) { try ActorKeyring.load(from: directory) }
    }

    @Test func generateRefusesExistingKeys() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try ActorKeyring.generate(in: directory)
        #expect(throws: KeyringError.keysAlreadyExist(path: directory.path)) { try ActorKeyring.generate(in: directory) }
    }

    @Test func pointerToAMissingKeyIsRefused() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try ActorKeyring.generate(in: directory)
        try "k9\n".write(to: directory.appendingPathComponent("current-key"), atomically: true, encoding: .utf8)
        let error = try #require(throws: KeyringError.self) { try ActorKeyring.load(from: directory) }
        guard case .currentPointerInvalid = error else { Issue.record("unexpected \(error)"); return }
    }
}
