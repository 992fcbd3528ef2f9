import ActorIdentity
import ArgumentParser
import Commerce
import Foundation
import Storage

/// `keys generate|show|rotate`: the actor's RSA-2048 and Ed25519 keys in `CART_KEYS_DIR`.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "The actor's keys: RSA-2048 for HTTP Signatures, Ed25519 for FEP-521a.",
        subcommands: [Generate.self, Show.self, Rotate.self]
    )

    /// `--keys-dir` / `CART_KEYS_DIR`, defaulting to the demo's keys inside a folder holding `.cart-demo/`.
    struct KeysDirectoryOption: ParsableArguments {
        @Option(name: .customLong("keys-dir"), help: "Folder of the actor's private keys (env CART_KEYS_DIR)")
        var keysDirectory: String?

        func resolved(_ env: Environment = .process) throws -> URL {
            if let path = keysDirectory ?? env["CART_KEYS_DIR"] { return URL(fileURLWithPath: path) }
            let demo = DemoFolder.default
            if FileManager.default.fileExists(atPath: demo.path.path) { return demo.keysDirectory }
            throw ValidationError("missing keys directory: pass --keys-dir or set CART_KEYS_DIR")
        }
    }

    struct Generate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the first keys (refuses when keys exist).")
        @OptionGroup var keys: KeysDirectoryOption

        func run() async throws {
            try await OneLineErrors.run {
                let keyring = try ActorKeyring.generate(in: keys.resolved())
                print("generated RSA key \(keyring.current.id) and Ed25519 key in \(keyring.directory.path)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the key ids and public keys.")
        @OptionGroup var keys: KeysDirectoryOption

        func run() async throws {
            try await OneLineErrors.run {
                let keyring = try ActorKeyring.load(from: keys.resolved())
                for key in keyring.all {
                    let marker = key.id == keyring.current.id ? " (current)" : ""
                    print("RSA key \(key.id)\(marker), created \(ISO8601DateFormatter().string(from: key.createdAt))")
                    print(try key.key.publicKey.pem())
                }
                print("Ed25519 key \(keyring.ed25519.id)")
                print(try keyring.ed25519.key.publicKey.pem())
            }
        }
    }

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a new RSA key current; old key ids stay resolvable; followers get Update{Service}.")
        @OptionGroup var keys: KeysDirectoryOption
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await OneLineErrors.run {
                let keyring = try ActorKeyring.load(from: keys.resolved())
                // Open the database first: a rotation whose event cannot be recorded would leave
                // followers with a key they cannot learn about.
                let rotated = try await CommandDatabase.with(database) { db in
                    let rotated = try keyring.rotate()
                    let payload = Array(#"{"keyId":"\#(rotated.current.id)"}"#.utf8)
                    try await SQLEventLog(database: db).record(
                        DomainEvent(kind: "actor.updated", subject: rotated.current.id, payload: payload, occurredAt: Date()))
                    return rotated
                }
                print("new current key \(rotated.current.id); \(rotated.all.count) keys kept; actor.updated recorded")
            }
        }
    }
}
