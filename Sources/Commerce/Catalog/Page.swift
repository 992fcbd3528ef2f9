/// A page of the site that sells things: its own currency and SumUp merchant. Orders never mix pages.
public struct Page: Hashable, Sendable, Codable {
    /// Short name used in paths (`/pages/{slug}/cart`): lower-case letters, digits and dashes.
    public var slug: String
    /// The page's IRI on the site; products, entries and tickets name their page by it.
    public var iri: IRI
    /// Title shown to buyers.
    public var title: String
    /// The one currency of everything sold on the page.
    public var currency: Currency
    /// SumUp merchant code, if the page has its own.
    public var sumupMerchantCode: String?
    /// Path of a file (mode 0600) holding the page's SumUp API key; the key itself is never stored
    /// in the database by this field, only read from the file when a payment is made.
    public var sumupKeyFile: String?
    /// Last four characters of the page's sealed SumUp key (`pages add --sumup-key-file` stores
    /// the key sealed with `CART_DATA_KEY`); nil when none is stored. Read-only here: storage
    /// fills it when reading a page and never writes it from this field.
    public var sumupKeyLastFour: String?

    /// Whether the page has its own SumUp credentials: a merchant code and a key (sealed in the
    /// database, or in a key file).
    public var hasPaymentCredentials: Bool { sumupMerchantCode != nil && (sumupKeyLastFour != nil || sumupKeyFile != nil) }

    /// A page; see the properties.
    public init(slug: String, iri: IRI, title: String, currency: Currency,
                sumupMerchantCode: String? = nil, sumupKeyFile: String? = nil, sumupKeyLastFour: String? = nil) {
        self.slug = slug
        self.iri = iri
        self.title = title
        self.currency = currency
        self.sumupMerchantCode = sumupMerchantCode
        self.sumupKeyFile = sumupKeyFile
        self.sumupKeyLastFour = sumupKeyLastFour
    }

    /// Whether `slug` is usable in paths: 1-64 of `a-z0-9-`, not starting with a dash.
    public static func isValidSlug(_ slug: String) -> Bool {
        guard (1...64).contains(slug.count), slug.first != "-" else { return false }
        return slug.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
