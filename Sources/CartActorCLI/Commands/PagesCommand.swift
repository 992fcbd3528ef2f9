import ArgumentParser
import Commerce
import Foundation

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
        @Option(name: .customLong("sumup-key-file"), help: "File holding the page's SumUp API key (mode 0600)") var sumupKeyFile: String?
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            var page = try PageInput(slug: slug, iri: iri, title: title, currency: currency).page(merchant: sumupMerchant)
            page.sumupKeyFile = try sumupKeyFile.map(SecretFile.checked)
            try await CommandDatabase.withCatalog(database) { catalog in try await catalog.addPage(page) }
            print("added page \(page.slug) (\(page.currency.code)) \(page.iri)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List pages.")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await CommandDatabase.withCatalog(database) { catalog in
                let pages = try await catalog.pages()
                if pages.isEmpty { print("no pages yet; add one with `cart-actor pages add`") }
                for page in pages {
                    let merchant = page.sumupMerchantCode ?? "-"
                    let key = page.hasPaymentCredentials ? "key set" : "no key"
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
        @Option(name: .customLong("sumup-key-file")) var sumupKeyFile: String?
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            let newCurrency = try currency.map { code in
                guard let known = Currency(code: code) else { throw ValidationError(CatalogError.unsupportedCurrency(code).description) }
                return known
            }
            let (title, merchant) = (self.title, self.sumupMerchant)
            let keyFile = try sumupKeyFile.map(SecretFile.checked)
            try await CommandDatabase.withCatalog(database) { catalog in
                let page = try await catalog.updatePage(slug: slug) { page in
                    if let title { page.title = title }
                    if let newCurrency { page.currency = newCurrency }
                    if let merchant { page.sumupMerchantCode = merchant }
                    if let keyFile { page.sumupKeyFile = keyFile }
                }
                print("updated page \(page.slug) (\(page.currency.code))")
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
