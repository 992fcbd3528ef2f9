import Foundation
import Testing
import TestSupport

/// `pages add/update --sumup-key-file`: the key is stored sealed with CART_DATA_KEY and only its
/// last four characters are ever shown.
@Suite("sealed SumUp keys through the pages command", .serialized)
struct SealedKeyCommandTests {
    @Test func pagesStoreTheKeySealedAndListOnlyItsLastFour() throws {
        let folder = try CommandRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let databaseFile = folder.appendingPathComponent("cart.sqlite").path
        let database = "sqlite:\(databaseFile)"
        let apiKey = TestSecrets.apiKey()
        let lastFour = String(apiKey.suffix(4))
        let keyFile = folder.appendingPathComponent("sumup.key")
        FileManager.default.createFile(atPath: keyFile.path, contents: Data("\(apiKey)\n".utf8), attributes: [.posixPermissions: 0o600])
        let arguments = ["pages", "add", "fair", "--iri", "https://blog.example/pages/fair", "--title", "Fair",
                         "--currency", "EUR", "--sumup-merchant", "MFAIR01", "--sumup-key-file", keyFile.path, "--database", database]

        let withoutKey = try CommandRun.run(arguments, in: folder)
        #expect(withoutKey.status != 0, "storing a key without CART_DATA_KEY must be refused")
        #expect(withoutKey.stderr.contains("CART_DATA_KEY"))

        let dataKey = TestSecrets.dataKey()
        let added = try CommandRun.run(arguments, in: folder, environment: ["CART_DATA_KEY": dataKey])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("…\(lastFour)"))
        #expect(!added.stdout.contains(apiKey) && !added.stderr.contains(apiKey))

        let list = try CommandRun.run(["pages", "list", "--database", database], in: folder)
        #expect(list.stdout.contains("fair\tEUR\tMFAIR01\tkey …\(lastFour)\tFair"), "\(list.stdout)")
        #expect(!list.stdout.contains(apiKey))

        // The database file holds the key only sealed.
        let stored = try Data(contentsOf: URL(fileURLWithPath: databaseFile))
        #expect(stored.range(of: Data(apiKey.utf8)) == nil, "the key must not be stored in clear")
        #expect(stored.range(of: Data(apiKey.dropLast(4).utf8)) == nil, "not even its first part")
    }

    @Test func aKeyFileOthersCanReadIsRefused() throws {
        let folder = try CommandRun.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let keyFile = folder.appendingPathComponent("sumup.key")
        FileManager.default.createFile(atPath: keyFile.path, contents: Data("\(TestSecrets.apiKey())\n".utf8), attributes: [.posixPermissions: 0o640])
        let run = try CommandRun.run(["pages", "add", "fair", "--iri", "https://blog.example/pages/fair", "--title", "Fair",
                                      "--currency", "EUR", "--sumup-merchant", "M", "--sumup-key-file", keyFile.path,
                                      "--database", "sqlite:\(folder.appendingPathComponent("cart.sqlite").path)"],
                                     in: folder, environment: ["CART_DATA_KEY": TestSecrets.dataKey()])
        #expect(run.status != 0)
        #expect(run.stderr.contains("chmod 600"))
    }
}
