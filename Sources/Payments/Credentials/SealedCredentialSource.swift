import ActorIdentity
import Commerce
import Foundation

/// Finds the credentials a page pays with: its own sealed key (opened with `CART_DATA_KEY`) and
/// merchant, else its key file (older pages), else the global `SUMUP_API_KEY`/`SUMUP_MERCHANT_CODE`
/// fallback, else none (checkout is refused with a clear page).
public struct SealedCredentialSource: PaymentCredentialSource {
    /// Reads the page's sealed key box from storage (nil when it has none).
    public typealias SealedKeyReader = @Sendable (_ page: Page) async throws -> [UInt8]?

    private let sealedKey: SealedKeyReader
    private let dataKey: SecretBox?
    private let fallback: PaymentCredentials?

    /// A source reading sealed boxes through `sealedKey`, opening them with `dataKey`.
    public init(sealedKey: @escaping SealedKeyReader, dataKey: SecretBox?, fallback: PaymentCredentials?) {
        self.sealedKey = sealedKey
        self.dataKey = dataKey
        self.fallback = fallback
    }

    /// The page's own credentials when it has a merchant and a key, else the fallback.
    public func credentials(for page: Page) async throws -> PaymentCredentials? {
        if let merchant = page.sumupMerchantCode {
            if let box = try await sealedKey(page) {
                return PaymentCredentials(apiKey: try open(box, page: page), merchantCode: merchant)
            }
            if let path = page.sumupKeyFile {
                return PaymentCredentials(apiKey: try SumUpKeyFile.read(path), merchantCode: merchant)
            }
        }
        return fallback
    }

    /// The authenticated context of a page's sealed key: a box only opens for its own page.
    public static func context(slug: String) -> String { "cart-actor sumup-key page:\(slug)" }

    /// Seals `apiKey` for the page `slug`.
    public static func seal(apiKey: String, slug: String, with box: SecretBox) throws(SecretBoxError) -> [UInt8] {
        try box.seal(Array(apiKey.utf8), context: context(slug: slug))
    }

    /// The last four characters shown in listings.
    public static func lastFour(of apiKey: String) -> String { String(apiKey.suffix(4)) }

    private func open(_ box: [UInt8], page: Page) throws(PaymentCredentialError) -> String {
        guard let dataKey else { throw .dataKeyMissing(page: page.slug) }
        do {
            let bytes = try dataKey.open(box, context: Self.context(slug: page.slug))
            guard let key = String(validating: bytes, as: UTF8.self) else { throw PaymentCredentialError.notText(page: page.slug) }
            return key
        } catch let error as PaymentCredentialError {
            throw error
        } catch {
            throw .cannotOpen(page: page.slug, reason: "\(error)")
        }
    }
}

/// Why a page's stored credentials could not be used; each says what the operator should do.
public enum PaymentCredentialError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The page has a sealed key but the service runs without `CART_DATA_KEY`.
    case dataKeyMissing(page: String)
    /// The sealed key does not open (another data key, or altered data).
    case cannotOpen(page: String, reason: String)
    /// The opened key is not UTF-8 text.
    case notText(page: String)
    /// The key file is missing, unreadable, empty or readable by group/others.
    case keyFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .dataKeyMissing(let page): "page \(page) has a sealed SumUp key: set CART_DATA_KEY to the key it was stored with"
        case .cannotOpen(let page, let reason): "page \(page): \(reason); store the key again with pages update --sumup-key-file"
        case .notText(let page): "page \(page): the stored SumUp key is not text; store it again"
        case .keyFile(let path, let reason): "SumUp key file \(path): \(reason)"
        }
    }
}
