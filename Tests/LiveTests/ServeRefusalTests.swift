import Foundation
import Testing

/// `cart-actor serve` refuses to start, with one line on standard error, on each missing or
/// unsafe setting of contract §2 (a real process each time).
@Suite("serve refuses unsafe configuration")
struct ServeRefusalTests {
    /// A complete, valid serve environment in `folder` (keys generated there), minus nothing.
    static func validEnvironment(in folder: URL) throws -> [String: String] {
        let keys = folder.appendingPathComponent("keys")
        let generated = try CommandRun.run(["keys", "generate", "--keys-dir", keys.path], in: folder)
        #expect(generated.status == 0, "keys generate failed: \(generated.stderr)")
        return [
            "CART_BASE_URL": "https://cart.example",
            "CART_DATABASE_URL": "sqlite:\(folder.appendingPathComponent("cart.sqlite").path)",
            "CART_KEYS_DIR": keys.path,
            "CART_SECRET": String(repeating: "s", count: 40),
            "CART_BIND": "127.0.0.1:1",
        ]
    }

    static func expectOneLineRefusal(_ run: CommandRun, mentioning needle: String) {
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "expected one line, got: \(run.stderr)")
        #expect(run.stderr.contains(needle), "expected '\(needle)' in: \(run.stderr)")
    }

    @Test(arguments: [
        ("CART_BASE_URL", "base URL"),
        ("CART_DATABASE_URL", "database"),
        ("CART_KEYS_DIR", "keys"),
        ("CART_SECRET", "secret"),
    ])
    func serveWithoutSettingRefusesToStart(setting: String, mention: String) throws {
        let folder = try CommandRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var env = try Self.validEnvironment(in: folder)
        env[setting] = nil
        Self.expectOneLineRefusal(try CommandRun.run(["serve"], in: folder, environment: env), mentioning: mention)
    }

    @Test func serveWithShortSecretRefusesToStart() throws {
        let folder = try CommandRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var env = try Self.validEnvironment(in: folder)
        env["CART_SECRET"] = "too-short"
        Self.expectOneLineRefusal(try CommandRun.run(["serve"], in: folder, environment: env), mentioning: "CART_SECRET")
    }

    @Test func serveWithHTTPBaseURLRefusesUnlessPrivateNetworksAllowed() throws {
        let folder = try CommandRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var env = try Self.validEnvironment(in: folder)
        env["CART_BASE_URL"] = "http://cart.example"
        Self.expectOneLineRefusal(try CommandRun.run(["serve"], in: folder, environment: env), mentioning: "https")
    }

    @Test func serveWithEmptyKeysDirectoryRefusesToStart() throws {
        let folder = try CommandRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var env = try Self.validEnvironment(in: folder)
        let empty = folder.appendingPathComponent("empty-keys")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        env["CART_KEYS_DIR"] = empty.path
        Self.expectOneLineRefusal(try CommandRun.run(["serve"], in: folder, environment: env), mentioning: empty.path)
    }

    @Test func serveWithWorldReadableKeyRefusesToStart() throws {
        let folder = try CommandRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let env = try Self.validEnvironment(in: folder)
        let keys = URL(fileURLWithPath: env["CART_KEYS_DIR"] ?? "")
        let keyFile = try #require(try FileManager.default.contentsOfDirectory(atPath: keys.path).first { $0.hasPrefix("rsa-") })
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keys.appendingPathComponent(keyFile).path)
        Self.expectOneLineRefusal(try CommandRun.run(["serve"], in: folder, environment: env), mentioning: "chmod")
    }

    @Test func serveWithUnreachableDatabaseRefusesToStart() throws {
        let folder = try CommandRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var env = try Self.validEnvironment(in: folder)
        env["CART_DATABASE_URL"] = "postgres://cart@127.0.0.1:1/nothing"
        let run = try CommandRun.run(["serve"], in: folder, environment: env)
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "expected one line, got: \(run.stderr)")
    }
}
