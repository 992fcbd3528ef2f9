import ActorIdentity
import Commerce
import Foundation
import Payments
import Storage
import TestSupport
import Testing

@Suite("Sealed page credentials")
struct SealedCredentialSourceTests {
    static func page(_ slug: String, merchant: String?, keyFile: String? = nil) throws -> Page {
        Page(slug: slug, iri: try #require(IRI("https://shop.example/pages/\(slug)")), title: slug,
             currency: try SumUpAmount.currency(code: "GBP"), sumupMerchantCode: merchant, sumupKeyFile: keyFile)
    }

    @Test("a page's sealed key is stored, listed by its last four, and opened for payment", arguments: Backend.available)
    func sealedKeyRoundTrip(backend: Backend) async throws {
        try await TestDatabases.withDatabase(backend) { database in
            let page = try Self.page("tickets", merchant: "MPAGE01")
            try await CatalogService(store: SQLCommerceStore(database: database)).addPage(page)
            let box = try SecretBox(key: SecureRandom.bytes(32))
            let apiKey = TestSecrets.apiKey()
            let lastFour = String(apiKey.suffix(4))
            let keys = SQLPageKeyStore(database: database)
            let sealed = try SealedCredentialSource.seal(apiKey: apiKey, slug: page.slug, with: box)
            #expect(!String(decoding: sealed, as: UTF8.self).contains(apiKey))
            #expect(try await keys.setKey(StoredPageKey(sealed: sealed, lastFour: lastFour), slug: page.slug))
            #expect(try await keys.setKey(StoredPageKey(sealed: sealed, lastFour: lastFour), slug: "no-such-page") == false)
            #expect(try await keys.lastFours() == ["tickets": lastFour])

            let fallback = PaymentCredentials(apiKey: "global", merchantCode: "MGLOBAL")
            let source = SealedCredentialSource(sealedKey: { try await keys.key(slug: $0.slug)?.sealed }, dataKey: box, fallback: fallback)
            #expect(try await source.credentials(for: page) == PaymentCredentials(apiKey: apiKey, merchantCode: "MPAGE01"))
            // A page without its own key pays with the global credentials.
            #expect(try await source.credentials(for: try Self.page("other", merchant: nil)) == fallback)
            // A box copied onto another page does not open there.
            let copied = SealedCredentialSource(sealedKey: { _ in sealed }, dataKey: box, fallback: nil)
            await #expect(throws: PaymentCredentialError.self) { try await copied.credentials(for: try Self.page("other", merchant: "M")) }
            // Without the data key, or with another one, the sealed key is refused, never guessed.
            let noKey = SealedCredentialSource(sealedKey: { try await keys.key(slug: $0.slug)?.sealed }, dataKey: nil, fallback: fallback)
            await #expect(throws: PaymentCredentialError.dataKeyMissing(page: "tickets")) { try await noKey.credentials(for: page) }
            let otherKey = SealedCredentialSource(sealedKey: { try await keys.key(slug: $0.slug)?.sealed },
                                                  dataKey: try SecretBox(key: SecureRandom.bytes(32)), fallback: fallback)
            await #expect(throws: PaymentCredentialError.self) { try await otherKey.credentials(for: page) }
            #expect(try await keys.setKey(nil, slug: page.slug))
            #expect(try await keys.key(slug: page.slug) == nil)
        }
    }

    @Test("no own key and no fallback means no credentials")
    func nothingConfigured() async throws {
        let source = SealedCredentialSource(sealedKey: { _ in nil }, dataKey: nil, fallback: nil)
        #expect(try await source.credentials(for: try Self.page("a", merchant: "M")) == nil)
    }

    @Test("key files must be private to their owner")
    func keyFileModes() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sumup-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("key").path
        let fileKey = TestSecrets.apiKey()
        #expect(FileManager.default.createFile(atPath: path, contents: Data("\(fileKey)\n".utf8), attributes: [.posixPermissions: 0o600]))
        let source = SealedCredentialSource(sealedKey: { _ in nil }, dataKey: nil, fallback: nil)
        #expect(try await source.credentials(for: try Self.page("a", merchant: "M", keyFile: path))?.apiKey == fileKey)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: PaymentCredentialError.self) { try SumUpKeyFile.read(path) }
        #expect(throws: PaymentCredentialError.self) { try SumUpKeyFile.read(directory.appendingPathComponent("missing").path) }
    }
}
