import Commerce
import Foundation

/// The order addresses of contract §5, in one place: ids are lower-case UUIDs in paths.
enum OrderPaths {
    /// The id as it appears in paths.
    static func id(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// `/orders/{id}`.
    static func page(_ id: UUID) -> String { "/orders/\(Self.id(id))" }

    /// `BASE/orders/{id}?key=…`: opens one order without a session.
    static func receiptURL(baseURL: String, details: OrderDetails) -> String {
        let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.~"))
        let key = details.receiptKey.addingPercentEncoding(withAllowedCharacters: unreserved) ?? details.receiptKey
        return "\(baseURL)\(page(details.snapshot.id))?key=\(key)"
    }

    /// The one answer for "no such order" and "not yours" (they must look the same).
    static let notFound = PageError.notFound("There is no order at this address for you. Open your orders, or use the receipt link you were given.")

    /// The order id in a path parameter, or nil when it is not a UUID (then: 404).
    static func parse(_ text: String?) -> UUID? {
        text.flatMap(UUID.init(uuidString:))
    }
}
