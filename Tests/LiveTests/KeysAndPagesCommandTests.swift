import Foundation
import Testing

/// The operator commands as a person runs them: real processes against the demo's folder.
@Suite("keys and pages commands", .serialized)
struct KeysAndPagesCommandTests {
    @Test func keysRotateChangesTheActorKeyAndKeepsTheOldOneResolvable() async throws {
        let demo = try await DemoProcess.start()
        defer { demo.stop() }
        let browser = Browser(baseURL: demo.baseURL)

        let before = try await browser.get("/actor")
        let firstKey = try #require(Browser.capture(#""publicKey":\{"id":"([^"]+)""#, in: before.body))
        #expect(firstKey == demo.baseURL + "/keys/k1")

        let rotated = try CommandRun.run(["keys", "rotate"], in: demo.folder)
        #expect(rotated.status == 0, "keys rotate failed: \(rotated.stderr)")
        #expect(rotated.stdout.contains("actor.updated recorded"))

        // The server notices the changed folder; allow for the one-second settling rule.
        var current = firstKey
        for _ in 0..<40 where current == firstKey {
            try await Task.sleep(for: .milliseconds(100))
            let actor = try await browser.get("/actor")
            current = Browser.capture(#""publicKey":\{"id":"([^"]+)""#, in: actor.body) ?? current
        }
        #expect(current == demo.baseURL + "/keys/k2")
        #expect(try await browser.get("/keys/k1").status == 200, "the old key id must stay resolvable")
        let shown = try CommandRun.run(["keys", "show"], in: demo.folder)
        #expect(shown.stdout.contains("RSA key k1"))
        #expect(shown.stdout.contains("RSA key k2 (current)"))
    }

    @Test func keysGenerateRefusesToOverwriteExistingKeys() throws {
        let folder = try CommandRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keys = folder.appendingPathComponent("keys").path
        #expect(try CommandRun.run(["keys", "generate", "--keys-dir", keys], in: folder).status == 0)
        let again = try CommandRun.run(["keys", "generate", "--keys-dir", keys], in: folder)
        #expect(again.status != 0)
        #expect(again.stderr.split(separator: "\n").count == 1, "\(again.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: keys + "/rsa-k1.pem")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func pagesAddListAndRefuseACurrencySumUpDoesNotTake() throws {
        let folder = try CommandRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = "sqlite:\(folder.appendingPathComponent("cart.sqlite").path)"
        let add = try CommandRun.run(["pages", "add", "market-day", "--iri", "https://blog.example/pages/market-day",
                                      "--title", "Market day", "--currency", "gbp", "--database", database], in: folder)
        #expect(add.status == 0, "\(add.stderr)")
        let refused = try CommandRun.run(["pages", "add", "yen-day", "--iri", "https://blog.example/pages/yen-day",
                                          "--title", "Yen day", "--currency", "JPY", "--database", database], in: folder)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("SumUp does not accept JPY"))
        let duplicate = try CommandRun.run(["pages", "add", "market-day", "--iri", "https://blog.example/pages/other",
                                            "--title", "Again", "--currency", "EUR", "--database", database], in: folder)
        #expect(duplicate.status != 0)

        let keyFile = folder.appendingPathComponent("sumup.key")
        FileManager.default.createFile(atPath: keyFile.path, contents: Data("sup_test\n".utf8), attributes: [.posixPermissions: 0o644])
        let loose = try CommandRun.run(["pages", "update", "market-day", "--sumup-merchant", "MC123", "--sumup-key-file",
                                        keyFile.path, "--database", database], in: folder)
        #expect(loose.status != 0, "a group/world-readable key file must be refused")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)
        let update = try CommandRun.run(["pages", "update", "market-day", "--sumup-merchant", "MC123", "--sumup-key-file",
                                         keyFile.path, "--database", database], in: folder,
                                        environment: ["CART_DATA_KEY": "a data key of at least thirty-two characters"])
        #expect(update.status == 0, "\(update.stderr)")

        let list = try CommandRun.run(["pages", "list", "--database", database], in: folder)
        #expect(list.stdout.contains("market-day\tGBP\tMC123\tkey …test\tMarket day"))
        #expect(!list.stdout.contains("yen-day"))
        #expect(!list.stdout.contains("sup_test"), "the key itself is never printed")
    }
}
