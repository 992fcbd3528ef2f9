import Foundation

/// Addresses of the admin pages, and the one check on where an action may send the browser back.
enum AdminPaths {
    static let home = "/admin"
    static let orders = "/admin/orders"
    static let follows = "/admin/follows"
    static let deliveries = "/admin/deliveries"
    static let pages = "/admin/pages"

    /// `/admin/orders/{id}`.
    static func order(_ id: UUID) -> String { "/admin/orders/\(OrderPaths.id(id))" }

    /// `back` when it is an admin path of this site (`/admin` or below, no scheme, no `//`, no
    /// `..`), else `fallback`: an action never redirects anywhere else.
    static func back(_ back: String?, fallback: String) -> String {
        guard let back, back == home || back.hasPrefix(home + "/") || back.hasPrefix(home + "?"),
              !back.contains("//"), !back.contains(".."), !back.contains("\\"), back.count <= 512,
              back.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return fallback }
        return back
    }

    /// Query value escaping for links built by the pages.
    static func query(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.~"))) ?? ""
    }
}
