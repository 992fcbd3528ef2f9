/// Why a cart command was refused. Nothing is stored when one is thrown.
public enum CartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Quantity outside 1-99 (or outside 0-99 when setting, where 0 removes).
    case quantityOutOfRange(Int)
    /// The cart already holds `CartLimits.maxLines` lines.
    case tooManyLines
    /// No product with this IRI is in the catalog.
    case unknownProduct(IRI)
    /// The market withdrew this product.
    case productWithdrawn(IRI)
    /// The product's or item's page has not been added with `pages add`.
    case pageNotConfigured(IRI)
    /// A price in another currency than its page's.
    case currencyMismatch(expected: Currency, got: Currency)
    /// No such line in this cart (also for another cart's line: never reveal it exists).
    case unknownLine
    /// Only product and ticket lines have a quantity to set.
    case quantityNotSettable
    /// No cart for this handle.
    case unknownHandle
    /// Amount overflow or mixed currencies while totalling.
    case money(MoneyError)

    /// What to tell a buyer, saying what to do next.
    public var description: String {
        switch self {
        case let .quantityOutOfRange(q): "Quantity \(q) is not allowed: choose between 1 and 99."
        case .tooManyLines: "Your cart is full (\(CartLimits.maxLines) lines): check out or remove something first."
        case .unknownProduct: "That product is not on sale here. Go back to the shop and choose another."
        case .productWithdrawn: "That product has been withdrawn by the shop. Remove it from your cart."
        case .pageNotConfigured: "That item's shop is not open here yet. Try again later."
        case let .currencyMismatch(expected, got): "Price in \(got.code) for a shop that sells in \(expected.code)."
        case .unknownLine: "That line is not in your cart. Reload your cart and try again."
        case .quantityNotSettable: "A booking is always for one place; remove it instead."
        case .unknownHandle: "No cart has that handle."
        case let .money(error): "The total cannot be computed (\(error)). Remove a line and try again."
        }
    }
}
