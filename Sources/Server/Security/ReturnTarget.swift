import Foundation

/// Where a `return_to` may send the browser: a path on this service, or (where allowed) a URL
/// on a sibling origin. Anything else is refused so the service is no open redirect.
enum ReturnTarget {
    /// Whether `value` is a local path: starts with one `/`, no `\`, no control characters.
    static func isLocalPath(_ value: String) -> Bool {
        value.hasPrefix("/") && !value.hasPrefix("//") && !value.contains("\\")
            && value.utf8.count <= 2048 && !value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Whether `value` is an absolute http(s) URL on one of `siblings`.
    static func isSiblingURL(_ value: String, siblings: Set<String>) -> Bool {
        guard value.utf8.count <= 2048, !value.contains("\\"),
              !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == " " }),
              let origin = BaseOrigin.origin(of: value)
        else { return false }
        return siblings.contains(origin)
    }

    /// `value` when it is a local path or sibling URL; throws a 400 page otherwise.
    static func checked(_ value: String, siblings: Set<String>, allowSiblings: Bool = true) throws -> String {
        if isLocalPath(value) || (allowSiblings && isSiblingURL(value, siblings: siblings)) { return value }
        throw PageError.badRequest(allowSiblings
            ? "return_to must be a path on this site or an address on one of the cooperative's sites; \(value) is neither."
            : "return_to must be a path on this site, such as /cart.")
    }

    /// `url` with `name=value` added to its query (value percent-encoded).
    static func adding(_ name: String, _ value: String, to url: String) -> String {
        let encoded = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_.~"))) ?? value
        let (base, fragment) = url.firstIndex(of: "#").map { (String(url[..<$0]), String(url[$0...])) } ?? (url, "")
        let separator = base.contains("?") ? "&" : "?"
        return "\(base)\(separator)\(name)=\(encoded)\(fragment)"
    }
}
