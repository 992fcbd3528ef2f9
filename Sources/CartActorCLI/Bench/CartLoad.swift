import Foundation
import NIOHTTP1

/// The cart benchmark's load: virtual buyers, each with its own session, CSRF token and cart
/// line, setting quantities with `POST /cart/items/{line}` (see `CartQuantitySource`). Only 303
/// answers count.
struct CartLoad {
    /// Where the server listens and what to buy.
    struct Target: Sendable {
        var host: String
        var port: Int
        var baseOrigin: String
        var siblingOrigin: String
        var productIRI: String
    }

    /// A buyer ready to change quantities.
    struct Buyer: Sendable {
        var cookie: String
        var csrf: String
        var line: String
        /// `&csrf=…`, encoded once: the generator shares the CPU with the server under test.
        var formSuffix: String
    }

    let target: Target

    /// Opens a session through a sibling-origin add-to-cart post, then reads its cart page for
    /// the line id and the session's form token.
    func prepareBuyer(_ connection: inout BenchHTTPConnection) async throws -> Buyer {
        let form = "product=\(Self.percentEncoded(target.productIRI))&quantity=1"
        var added = try await connection.send(.POST, "/cart/items", headers: [("Origin", target.siblingOrigin)], form: form)
        if added.status == 303, added.headers["Set-Cookie"].isEmpty, let pending = added.headers["Location"].first {
            // A cookie-less sibling post finishes on our origin (`GET /cart/items/pending?t=…`).
            let path = pending.hasPrefix(target.baseOrigin) ? String(pending.dropFirst(target.baseOrigin.count)) : pending
            added = try await connection.send(.GET, path)
        }
        guard added.status == 303, let setCookie = added.headers["Set-Cookie"].first,
              let cookie = setCookie.split(separator: ";").first.map(String.init)
        else { throw BenchError.setup("add-to-cart answered \(added.status) without a session cookie") }
        let page = try await connection.send(.GET, "/cart", headers: [("Cookie", cookie)])
        guard let line = firstMatch(#"/cart/items/([0-9A-Fa-f-]{36})"#, in: page.body),
              let csrf = firstMatch(#"name="csrf" value="([^"]+)""#, in: page.body)
        else { throw BenchError.setup("the cart page shows no line or form token") }
        return Buyer(cookie: cookie, csrf: csrf, line: line, formSuffix: "&csrf=" + Self.percentEncoded(csrf))
    }

    static func percentEncoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    private func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}
