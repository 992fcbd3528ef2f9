import ActorIdentity
import Commerce
import Foundation
import Hummingbird
import HummingbirdTesting
import Payments
@testable import Server
import Storage
import Testing
import TestSupport

/// `/admin/pages`: whether each page can take payments, and with what, never the key.
@Suite("Admin pages")
struct AdminPagesTests {
    @Test(arguments: Backend.available)
    func pagesShowCredentialsSetWithoutSecret(backend: Backend) async throws {
        let dataKey = SecretBox.generateDataKey()
        let secret = TestSecrets.apiKey()
        try await FakeSumUp.run { fake in
            var configuration = AdminTestApp.withAdmin(OrderTestApp.configuration(fake))
            configuration.dataKey = dataKey
            try await AdminTestApp.run(backend, configuration, prepare: { database in
                let catalog = CatalogService(store: SQLCommerceStore(database: database))
                let gbp = try #require(Currency(code: "GBP"))
                try await catalog.addPage(Page(slug: "tickets", iri: try #require(IRI("https://blog.example/pages/tickets")),
                                               title: "Tickets", currency: gbp, sumupMerchantCode: "MTICKETS"))
                let sealed = try SealedCredentialSource.seal(apiKey: secret, slug: "tickets", with: try SecretBox(dataKey: dataKey))
                #expect(try await SQLPageKeyStore(database: database)
                    .setKey(StoredPageKey(sealed: sealed, lastFour: SealedCredentialSource.lastFour(of: secret)), slug: "tickets"))
                // The fix: a sealed key counts as the page's own credentials.
                #expect(try await catalog.page(slug: "tickets")?.hasPaymentCredentials == true)
                #expect(try await catalog.page(slug: "tickets")?.sumupKeyLastFour == String(secret.suffix(4)))
            }) { client, _ in
                var admin = Browser(client)
                try await admin.signInAsAdmin()
                let page = try await admin.get("/admin/pages").text
                #expect(page.contains("Merchant MTICKETS, own key ending …\(secret.suffix(4)), stored sealed"))
                #expect(page.contains("Service-wide SUMUP_API_KEY (merchant \(fake.merchantCode))"))
                #expect(!page.contains(secret))
                #expect(!page.contains(String(secret.dropLast(4))))
                #expect(!page.contains("Not set"))
            }
        }
    }

    @Test("what the pages page says for every kind of setup")
    func credentialWording() throws {
        let gbp = try #require(Currency(code: "GBP"))
        let iri = try #require(IRI("https://blog.example/pages/p"))
        let sealed = Page(slug: "p", iri: iri, title: "P", currency: gbp, sumupMerchantCode: "M1", sumupKeyLastFour: "WXYZ")
        let file = Page(slug: "p", iri: iri, title: "P", currency: gbp, sumupMerchantCode: "M1", sumupKeyFile: "/etc/cart/p.key")
        let bare = Page(slug: "p", iri: iri, title: "P", currency: gbp)
        var serve = TestApp.configuration(.serve)
        serve.dataKey = SecretBox.generateDataKey()
        let setup = AdminPaymentSetup(configuration: serve)
        #expect(setup.credentials(of: sealed).set)
        #expect(setup.credentials(of: sealed).text == "Merchant M1, own key ending …WXYZ, stored sealed")
        #expect(setup.credentials(of: file).set)
        #expect(setup.credentials(of: bare).set == false)
        #expect(setup.credentials(of: bare).text.contains("pages update p --sumup-merchant"))
        serve.dataKey = nil
        let locked = AdminPaymentSetup(configuration: serve).credentials(of: sealed)
        #expect(locked.set == false)
        #expect(locked.text.contains("CART_DATA_KEY is not set"))
        #expect(AdminPaymentSetup(configuration: TestApp.configuration()).credentials(of: bare).text.hasPrefix("Sandbox"))
        #expect(sealed.hasPaymentCredentials && file.hasPaymentCredentials && !bare.hasPaymentCredentials)
    }
}
