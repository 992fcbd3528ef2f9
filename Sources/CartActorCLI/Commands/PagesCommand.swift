import ArgumentParser
import Commerce
import Foundation
import Payments
import Storage

/// `pages add|list|update`: the pages that sell things.
struct PagesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pages",
        abstract: "Pages: each sells in one currency through its own SumUp merchant.",
        subcommands: [Add.self, List.self, Update.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a page.")
        @Argument(help: "Short name used in paths: a-z, 0-9 and dashes") var slug: String
        @Option(help: "The page's IRI on the site") var iri: String
        @Option(help: "Title shown to buyers") var title: String
        @Option(help: "ISO currency code SumUp accepts (GBP, EUR, CLP, …)") var currency: String
        @Option(name: .customLong("sumup-merchant"), help: "SumUp merchant code") var sumupMerchant: String?
        @Option(name: .customLong("sumup-key-file"), help: "File holding the page's SumUp API key (mode 0600); stored sealed with CART_DATA_KEY") var sumupKeyFile: String?
        @OptionGroup var database: DatabaseOption
        @OptionGroup var dataKey: DataKeyOption

        func run() async throws {
            let page = try PageInput(slug: slug, iri: iri, title: title, currency: currency).page(merchant: sumupMerchant)
            let key = try sumupKeyFile.map { try SealedPageKeyInput.read($0, slug: slug, dataKey: dataKey, database: database) }
            try await CommandDatabase.with(database) { database in
                try await CatalogService(store: SQLCommerceStore(database: database)).addPage(page)
                if let key { try await SQLPageKeyStore(database: database).setKey(key, slug: page.slug) }
            }
            let shown = key.map { ", SumUp key …\($0.lastFour) stored sealed" } ?? ""
            print("added page \(page.slug) (\(page.currency.code)) \(page.iri)\(shown)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List pages.")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await CommandDatabase.with(database) { database in
                let pages = try await CatalogService(store: SQLCommerceStore(database: database)).pages()
                let lastFours = try await SQLPageKeyStore(database: database).lastFours()
                if pages.isEmpty { print("no pages yet; add one with `cart-actor pages add`") }
                for page in pages {
                    let merchant = page.sumupMerchantCode ?? "-"
                    // Only the last four characters of a key are ever shown.
                    let key = lastFours[page.slug].map { "key …\($0)" } ?? (page.sumupKeyFile != nil ? "key file" : "no key")
                    print("\(page.slug)\t\(page.currency.code)\t\(merchant)\t\(key)\t\(page.title)\t\(page.iri)")
                }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a page's title, currency or SumUp settings.")
        @Argument var slug: String
        @Option var title: String?
        @Option var currency: String?
        @Option(name: .customLong("sumup-merchant")) var sumupMerchant: String?
        @Option(name: .customLong("sumup-key-file"), help: "File holding the page's SumUp API key (mode 0600); stored sealed with CART_DATA_KEY") var sumupKeyFile: String?
        @OptionGroup var database: DatabaseOption
        @OptionGroup var dataKey: DataKeyOption

        func run() async throws {
            let newCurrency = try currency.map { code in
                guard let known = Currency(code: code) else { throw ValidationError(CatalogError.unsupportedCurrency(code).description) }
                return known
            }
            let (title, merchant) = (self.title, self.sumupMerchant)
            let key = try sumupKeyFile.map { try SealedPageKeyInput.read($0, slug: slug, dataKey: dataKey, database: database) }
            try await CommandDatabase.with(database) { database in
                let page = try await CatalogService(store: SQLCommerceStore(database: database)).updatePage(slug: slug) { page in
                    if let title { page.title = title }
                    if let newCurrency { page.currency = newCurrency }
                    if let merchant { page.sumupMerchantCode = merchant }
                    // A sealed key replaces a key file named by older versions.
                    if key != nil { page.sumupKeyFile = nil }
                }
                if let key { try await SQLPageKeyStore(database: database).setKey(key, slug: page.slug) }
                let shown = key.map { ", SumUp key …\($0.lastFour) stored sealed" } ?? ""
                print("updated page \(page.slug) (\(page.currency.code))\(shown)")
            }
        }
    }
}

/// The validated arguments of `pages add`.
struct PageInput {
    var slug: String
    var iri: String
    var title: String
    var currency: String

    func page(merchant: String?) throws -> Page {
        guard Page.isValidSlug(slug) else { throw ValidationError(CatalogError.invalidSlug(slug).description) }
        guard let pageIRI = IRI(iri) else { throw ValidationError("--iri must be an absolute http(s) IRI") }
        guard let code = Currency(code: currency) else { throw ValidationError(CatalogError.unsupportedCurrency(currency).description) }
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--title must not be empty") }
        return Page(slug: slug, iri: pageIRI, title: title, currency: code, sumupMerchantCode: merchant)
    }
}
